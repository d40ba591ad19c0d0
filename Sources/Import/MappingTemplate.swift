import Authoring
import Foundation
import Load
import Model

/// `casebook import --init-mapping`: a mapping file to fill in, listing every code and document
/// the source has, with the site's themes, programmes and case studies as comments.
public enum MappingTemplate {
    public struct Outcome: Sendable, Codable, Equatable {
        public var path: String
        public var format: SourceFormat
        public var codes: Int
        public var documents: Int
    }

    public static func write(_ options: ImportRun.Options) throws(ImportError) -> Outcome {
        let site = try ImportRun.Site(folder: options.site)
        let table = try SourceTable.read(path: options.input, shownAs: options.input, sheet: options.sheet)
        let format = options.from ?? SourceFormat.detect(table) ?? .table
        let columns = try ImportRun.resolveColumns(table, format: format, mapped: options.columns, input: options.input)
        var diagnostics: [Diagnostic] = []
        var skipped: [Skipped] = []
        let excerpts = ExcerptReader(columns: columns, format: format).excerpts(table, diagnostics: &diagnostics, skipped: &skipped)
        var codeCounts: [String: Int] = [:]
        var documentCounts: [String: Int] = [:]
        for excerpt in excerpts {
            for code in excerpt.codes { codeCounts[code, default: 0] += 1 }
            if !excerpt.document.isEmpty { documentCounts[excerpt.document, default: 0] += 1 }
        }
        let stem = ((options.input as NSString).lastPathComponent as NSString).deletingPathExtension
        let text = template(
            input: (options.input as NSString).lastPathComponent, source: Slug.make(from: stem) ?? "imported",
            format: format, options: options, codes: codeCounts, documents: documentCounts, site: site)
        let folder = (options.mapping as NSString).deletingLastPathComponent
        do {
            try NewFiles(root: folder.isEmpty ? "." : folder).create((options.mapping as NSString).lastPathComponent, text: text)
        } catch {
            throw .usage("\(error)")
        }
        return Outcome(path: options.mapping, format: format, codes: codeCounts.count, documents: documentCounts.count)
    }

    static func template(
        input: String, source: String, format: SourceFormat, options: ImportRun.Options, codes: [String: Int], documents: [String: Int],
        site: ImportRun.Site
    ) -> String {
        let config = site.config
        var lines = [
            "# casebook import mapping for \(comment(input)) (\(format.rawValue)), written by casebook import --init-mapping.",
            "# Fill in every \"\", then run `casebook import FILE --mapping THIS` to see what would be written, and add --write.",
            "",
            "# The imported quotes are named SOURCE-EXCERPT (\(source)-12): keep it once they are imported.",
            "source: \(source)",
            "format: \(format.rawValue)",
            "",
            "# Consent has no default. Name a consent column under columns:, or give every excerpt's",
            "# consent here (public | internal | withdrawn), or pass --consent.",
            options.consent.map { "consent: \($0.rawValue)" } ?? "# consent: internal",
            "",
            "# The speaker (a role, never a name) of excerpts whose document and columns give none.",
            "# speaker: Participant",
            "",
        ]
        let fields = options.columns.sorted { $0.key < $1.key }
        lines.append("# Columns of the source for quote fields (\(ImportField.names)).")
        lines.append(fields.isEmpty ? "columns: {}" : "columns:")
        for (field, column) in fields { lines.append("  \(field.rawValue): \(PlannedQuote.quoted(column))") }
        lines.append("")
        lines.append("# Each code → a theme id, a list of theme ids ([hard-work, shared-benefits]), or skip.")
        lines.append("# The site's themes:")
        for theme in config.themes { lines.append("#   \(theme.id): \(comment(theme.title))") }
        lines.append(codes.isEmpty ? "codes: {}" : "codes:")
        for (code, count) in codes.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(PlannedQuote.quoted(code)): \"\"    # \(count) excerpt\(count == 1 ? "" : "s")")
        }
        lines.append("")
        lines.append("# Each document → the speaker (a role), programme and case study of its excerpts, or skip.")
        if let programmes = config.programmes {
            lines.append("# The site's programmes:")
            for programme in programmes { lines.append("#   \(programme.id): \(comment(programme.title))") }
        }
        let caseStudies = site.loaded.caseStudies.map(\.slug).sorted()
        if !caseStudies.isEmpty {
            lines.append("# The site's case studies:")
            for slug in caseStudies { lines.append("#   \(slug)") }
        }
        lines.append(documents.isEmpty ? "documents: {}" : "documents:")
        for (document, count) in documents.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(PlannedQuote.quoted(document)):    # \(count) excerpt\(count == 1 ? "" : "s")")
            lines.append("    speaker: \"\"")
            lines.append("    programme: \"\"")
            lines.append("    case_study: \"\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text for a comment: line breaks and controls become spaces, so it cannot end the comment.
    static func comment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control || $0.value == 0x2028 || $0.value == 0x2029 ? " " : $0 }))
    }
}
