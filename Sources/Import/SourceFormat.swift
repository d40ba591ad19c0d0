/// What a source is, and which of its columns give which quote field.
public enum SourceFormat: String, Sendable, CaseIterable, Codable {
    /// Taguette's highlights export: `id, document, tag, content`, one row per highlight and tag.
    case taguette
    /// QualCoder's coding report as CSV or XLSX: `File` (or `Case, Filename`), `Coder`, `Coded`,
    /// `Id` (`ctid:7` for text), `Codename`, `Coded_Memo`, `Category`….
    case qualcoder
    /// Any spreadsheet: its columns are named with `--map` or the mapping file's `columns:`.
    case table

    /// The format a header shows, or nil when it is no tool's export.
    static func detect(_ table: SourceTable) -> SourceFormat? {
        let names = Set(table.header.map(SourceTable.normalised))
        if ["id", "document", "tag", "content"].allSatisfy(names.contains) { return .taguette }
        if ["coder", "coded", "id", "codename"].allSatisfy(names.contains) { return .qualcoder }
        return nil
    }

    /// The columns the tool's export always has, by field.
    func presetColumns(_ table: SourceTable) -> [ImportField: String] {
        switch self {
        case .taguette: return [.id: "id", .document: "document", .codes: "tag", .text: "content"]
        case .qualcoder:
            // A report by case has the case first and the file under `Filename`.
            let document = table.column("Filename") != nil ? "Filename" : "File"
            return [.id: "Id", .document: document, .codes: "Codename", .text: "Coded"]
        case .table: return [:]
        }
    }
}

/// A quote field a source column can give (`--map FIELD=COLUMN`).
public enum ImportField: String, Sendable, CaseIterable, Codable, Comparable {
    case text, id, document, codes, themes, speaker, programme
    case caseStudy = "case_study"
    case consent
    case consentRef = "consent_ref"
    case consentExpires = "consent_expires"
    case date

    public static func < (a: ImportField, b: ImportField) -> Bool { a.rawValue < b.rawValue }

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
