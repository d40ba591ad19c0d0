import Foundation
import Load
import Model
import Pipeline
import TestSupport
import Testing

/// Spreadsheets as Excel and LibreOffice save them: `;` or tabs between fields, a byte-order
/// mark, `.tsv`, or the workbook itself. Each is read, or refused in an error naming the file;
/// none is skipped in silence.
@Suite struct SpreadsheetFormatTests {
    static let rows = [
        ["text", "speaker", "programme", "themes", "consent", "id"],
        ["We planned it together, from the start.", "Parent", "talent-match", "hard-work;shared-benefits", "public", "planned"],
        ["Nobody asked us before.", "Young person", "a-better-start", "shared-benefits", "internal", "asked"],
    ]

    /// `rows` joined by `delimiter`, a field holding it or `;` in double quotes, as Excel writes them.
    static func table(_ delimiter: String) -> String {
        rows.map { row in
            row.map { $0.contains(delimiter) || $0.contains(";") ? "\"\($0)\"" : $0 }.joined(separator: delimiter)
        }.joined(separator: "\n") + "\n"
    }

    func loaded(_ files: [String: String]) throws -> (quotes: [Quote], diagnostics: [Diagnostic]) {
        let site = try FixtureSite(copying: "valid-site", files)
        let loaded = SiteLoader.load(from: site.root)
        return (loaded.quotes.filter { files.keys.contains($0.location.file) }, loaded.diagnostics)
    }

    func expectTheRows(_ quotes: [Quote]) {
        #expect(quotes.map(\.id) == ["planned", "asked"])
        #expect(quotes.first?.text == "We planned it together, from the start.")
        #expect(quotes.first?.themes.map(\.value) == ["hard-work", "shared-benefits"])
        #expect(quotes.map(\.consent) == [.public, .internal])
        #expect(quotes.last?.location.line == 3)
    }

    @Test(arguments: [";", "\t"]) func aCSVSeparatedBySemicolonsOrTabsIsRead(delimiter: String) throws {
        let file = "content/quotes/export.csv"
        let (quotes, diagnostics) = try loaded([file: Self.table(delimiter)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        expectTheRows(quotes)
    }

    @Test func aTSVFileIsReadWithTabs() throws {
        let file = "content/quotes/export.tsv"
        let (quotes, diagnostics) = try loaded([file: Self.table("\t")])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        expectTheRows(quotes)
    }

    @Test func aByteOrderMarkBeforeASemicolonHeaderIsRead() throws {
        let file = "content/quotes/export.csv"
        let site = try FixtureSite(copying: "valid-site")
        try site.write(file, bytes: [0xEF, 0xBB, 0xBF] + Array(Self.table(";").utf8))
        let loaded = SiteLoader.load(from: site.root)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        expectTheRows(loaded.quotes.filter { $0.location.file == file })
    }

    /// A `,` in the header means the file is read with `,`: the error says why the columns were not found.
    @Test func aHeaderWithCommasAndSemicolonsIsExplained() throws {
        let file = "content/quotes/export.csv"
        let csv = "text;speaker;programme;themes;consent;notes, if any\nHi;Parent;talent-match;hard-work;public;\n"
        let (_, diagnostics) = try loaded([file: csv])
        #expect(diagnostics.summaries == ["\(file):1: error: csv-missing-column"])
        #expect(diagnostics.first?.message.contains("it also holds ';'") == true, "\(diagnostics)")
    }

    @Test func aTSVWithoutTabsSaysToRenameIt() throws {
        let file = "content/quotes/export.tsv"
        let (_, diagnostics) = try loaded([file: "text,speaker,programme,themes,consent\nHi,Parent,talent-match,hard-work,public\n"])
        #expect(diagnostics.summaries == ["\(file):1: error: csv-missing-column"])
        #expect(diagnostics.first?.message.contains("rename it .csv") == true, "\(diagnostics)")
    }

    /// Both `;` and tabs split this header into the required names: neither is guessed.
    @Test func aHeaderThatSplitsBothWaysIsAnError() throws {
        let file = "content/quotes/export.csv"
        let csv = "text;speaker;programme;themes;consent;\ttext\tspeaker\tprogramme\tthemes\tconsent\nHi;Parent;talent-match;hard-work;public;\n"
        let (quotes, diagnostics) = try loaded([file: csv])
        #expect(diagnostics.summaries == ["\(file):1: error: csv-ambiguous-delimiter"])
        #expect(quotes.isEmpty)
    }

    @Test(arguments: ["xlsx", "xls", "ods", "numbers", "XLSX"]) func aWorkbookIsNamedInAnError(extension: String) throws {
        let file = "content/quotes/survey-2025.\(`extension`)"
        let site = try FixtureSite(copying: "valid-site")
        try site.write(file, bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])  // a zip file's first bytes
        let outcome = site.check()
        #expect(outcome.diagnostics.map(\.code) == ["spreadsheet-not-csv"])
        #expect(outcome.diagnostics.first?.location.file == file)
        #expect(outcome.diagnostics.first?.message.contains("save it as CSV UTF-8 (File → Save As → CSV UTF-8)") == true)
        #expect(outcome.site == nil, "the error stops the build")
    }

    /// Excel's "Unicode Text": UTF-16 with tabs. Its NUL bytes used to be reported as a binary file.
    @Test func aUTF16FileSaysToSaveAsUTF8() throws {
        let file = "content/quotes/export.tsv"
        let site = try FixtureSite(copying: "valid-site")
        try site.write(file, bytes: [0xFF, 0xFE] + Self.table("\t").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(file):1: error: utf16-file"])
        #expect(diagnostics.first?.message.contains("CSV UTF-8") == true)
    }

    /// Excel's plain "CSV" on Windows is written in the computer's code page, not UTF-8.
    @Test func aWindowsCodePageCSVSaysToSaveAsCSVUTF8() throws {
        let file = "content/quotes/export.csv"
        let site = try FixtureSite(copying: "valid-site")
        try site.write(file, bytes: Array("text,speaker,programme,themes,consent,id\nCaf".utf8) + [0xE9] + Array(",Parent,talent-match,hard-work,public,cafe\n".utf8))
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(file):2: error: invalid-utf8"])
        #expect(diagnostics.first?.message.contains("CSV UTF-8") == true)
    }
}
