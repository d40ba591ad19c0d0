import Model

/// How a file in `content/quotes/` is read, by its extension.
///
/// A spreadsheet saved in its own format would be skipped by a listing that knows only text
/// files, and its quotes silently never published: every spreadsheet extension is listed, and
/// those casebook cannot read are named in an error saying how to save them.
enum QuoteFileFormat: Equatable {
    /// One quote in front matter: `.md`, `.markdown`.
    case markdown
    /// One quote per row: `.csv` (delimiter detected), `.tsv` (tabs).
    case spreadsheetText
    /// A workbook (`.xlsx`, `.xls`, `.ods`, `.numbers`...): refused with how to save it as CSV.
    case workbook

    static let byExtension: [String: QuoteFileFormat] = [
        "md": .markdown, "markdown": .markdown,
        "csv": .spreadsheetText, "tsv": .spreadsheetText,
        "xlsx": .workbook, "xlsm": .workbook, "xlsb": .workbook, "xls": .workbook, "ods": .workbook, "numbers": .workbook,
    ]

    static var extensions: Set<String> { Set(byExtension.keys) }

    init?(path: String) {
        guard let format = Self.byExtension[SiteDirectory.pathExtension(of: path)] else { return nil }
        self = format
    }

    /// The error for a workbook: it names the file, and nothing in it is published.
    static func workbookError(_ path: String) -> Diagnostic {
        .error("spreadsheet-not-csv",
               "casebook reads quotes from CSV text, not from a workbook, so none of this file's quotes would be published; "
                   + "save it as CSV UTF-8 (File → Save As → CSV UTF-8), with the columns text, speaker, programme, themes, consent "
                   + "(and an id column if case studies name its quotes), and move the workbook out of content/quotes/",
               at: SourceLocation(file: path))
    }
}
