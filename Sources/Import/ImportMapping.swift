import Foundation
import Load
import Model

/// The mapping file: how one source's codes become theme ids and its documents programmes, case
/// studies and speakers, and the name its quotes' ids start with. Kept beside the source (say
/// `import/interviews.yml`) and read on every import, so a second run means the same thing.
public struct ImportMapping: Sendable {
    /// The first part of every quote id from this source: `interviews` → `interviews-142`.
    public var source: String
    public var format: SourceFormat?
    /// Every excerpt's consent, when no column gives it (written by the user: there is no default).
    public var consent: Located<Consent>?
    public var speaker: String?
    public var programme: Located<String>?
    public var columns: [ImportField: String] = [:]
    public var codes: [String: Located<CodeTarget>] = [:]
    public var documents: [String: Located<DocumentTarget>] = [:]

    public enum CodeTarget: Sendable {
        case themes([Located<String>])
        case skip
        /// Written as `""` (as `--init-mapping` leaves it): not decided yet.
        case unmapped
    }

    public enum DocumentTarget: Sendable {
        case fields(speaker: String?, programme: Located<String>?, caseStudy: Located<String>?)
        case skip
    }

    static let keys = ["source", "format", "consent", "speaker", "programme", "columns", "codes", "documents"]

    /// Reads the mapping file at `path`; every problem in it is a diagnostic at its line.
    public static func read(path: String, shownAs: String) throws(ImportError) -> ImportMapping {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .usage("no mapping file at \(shownAs); write one with --init-mapping")
        }
        guard info.st_size <= 1 << 20, let data = FileManager.default.contents(atPath: path),
              let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw .usage("\(shownAs) is not a mapping file (UTF-8 text up to 1 MiB)")
        }
        var diagnostics: [Diagnostic] = []
        let root: YAMLDocument?
        switch YAMLDocument.parse(text, file: shownAs) {
        case .failure(let problem): throw .content([problem])
        case .success(let document): root = document
        }
        guard let root, case .mapping(let entries) = root.content else {
            throw .content([.error("mapping-not-mapping", "the mapping file should hold 'key: value' lines (source, codes, documents…)",
                                   at: SourceLocation(file: shownAs, line: 1))])
        }
        var mapping = ImportMapping(source: "")
        var sourceSeen = false
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "source":
                if let text = scalar(value, "source", &diagnostics) {
                    sourceSeen = true
                    if Slug.isValid(text) {
                        mapping.source = text
                    } else {
                        diagnostics.append(.error("invalid-slug", "'source' names the quotes' ids, so it must be a slug (a-z, 0-9, '-'); try '\(Slug.suggest(from: text))'", at: value.location))
                    }
                }
            case "format":
                if let text = scalar(value, "format", &diagnostics) {
                    if let format = SourceFormat(rawValue: text) {
                        mapping.format = format
                    } else {
                        diagnostics.append(.error("unknown-format", "'format' is one of \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'", at: value.location))
                    }
                }
            case "consent":
                if let text = scalar(value, "consent", &diagnostics) {
                    if let consent = ConsentValue.parse(text) {
                        mapping.consent = Located(consent, at: value.location)
                    } else {
                        diagnostics.append(ConsentValue.invalid(text, at: value.location))
                    }
                }
            case "speaker": mapping.speaker = scalar(value, "speaker", &diagnostics)
            case "programme": mapping.programme = id(value, "programme", &diagnostics)
            case "columns":
                for (name, column) in pairs(value, "columns", &diagnostics) {
                    guard let field = ImportField(rawValue: name.key) else {
                        diagnostics.append(.error("unknown-field", "unknown field '\(name.key)' under columns:; the fields are \(ImportField.names)", at: column.location))
                        continue
                    }
                    if let text = scalar(column, name.key, &diagnostics) { mapping.columns[field] = text }
                }
            case "codes":
                for (code, target) in pairs(value, "codes", &diagnostics) {
                    mapping.codes[code.key] = Located(codeTarget(target, &diagnostics), at: target.location)
                }
            case "documents":
                for (document, target) in pairs(value, "documents", &diagnostics) {
                    if let resolved = documentTarget(target, &diagnostics) {
                        mapping.documents[document.key] = Located(resolved, at: target.location)
                    }
                }
            default:
                diagnostics.append(.error("unknown-key", "unknown key '\(entry.key)' in the mapping file; the keys are \(keys.joined(separator: ", "))", at: value.location))
            }
        }
        if !sourceSeen {
            diagnostics.append(.error("missing-key", "'source' is required: it names the imported quotes (source: interviews → interviews-142)", at: root.location))
        }
        guard !diagnostics.hasErrors else { throw .content(diagnostics) }
        return mapping
    }

    // MARK: Values

    private static func scalar(_ node: YAMLDocument, _ key: String, _ diagnostics: inout [Diagnostic]) -> String? {
        if node.isNull { return nil }
        guard case .text(let text, _) = node.content else {
            diagnostics.append(.error("wrong-type", "'\(key)' should be one value, not a list or fields", at: node.location))
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func id(_ node: YAMLDocument, _ key: String, _ diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let text = scalar(node, key, &diagnostics) else { return nil }
        guard Slug.isValid(text) else {
            diagnostics.append(.error("invalid-id", "'\(key)' should be an id (a-z, 0-9, '-'), found '\(text)'; try '\(Slug.suggest(from: text))'", at: node.location))
            return nil
        }
        return Located(text, at: node.location)
    }

    private static func pairs(_ node: YAMLDocument, _ key: String, _ diagnostics: inout [Diagnostic]) -> [(key: YAMLDocument.Entry, value: YAMLDocument)] {
        if node.isNull { return [] }
        guard case .mapping(let entries) = node.content else {
            diagnostics.append(.error("wrong-type", "'\(key)' should hold \"name\": value lines", at: node.location))
            return []
        }
        return entries.map { ($0, $0.value) }
    }

    private static func codeTarget(_ node: YAMLDocument, _ diagnostics: inout [Diagnostic]) -> CodeTarget {
        switch node.content {
        case .text(let text, let quoted):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || (!quoted && node.isNull) { return .unmapped }
            if trimmed == "skip" { return .skip }
            return id(node, "theme", &diagnostics).map { .themes([$0]) } ?? .unmapped
        case .list(let items):
            let themes = items.compactMap { id($0, "theme", &diagnostics) }
            return themes.isEmpty ? .unmapped : .themes(themes)
        case .mapping:
            diagnostics.append(.error("wrong-type", "a code maps to a theme id, a list of theme ids, or skip", at: node.location))
            return .unmapped
        }
    }

    private static func documentTarget(_ node: YAMLDocument, _ diagnostics: inout [Diagnostic]) -> DocumentTarget? {
        if case .text(let text, _) = node.content, text.trimmingCharacters(in: .whitespaces) == "skip" { return .skip }
        if node.isNull { return .fields(speaker: nil, programme: nil, caseStudy: nil) }
        guard case .mapping(let entries) = node.content else {
            diagnostics.append(.error("wrong-type", "a document maps to skip, or to speaker:, programme: and case_study: lines", at: node.location))
            return nil
        }
        var speaker: String?
        var programme: Located<String>?
        var caseStudy: Located<String>?
        for entry in entries {
            switch entry.key {
            case "speaker": speaker = scalar(entry.value, "speaker", &diagnostics)
            case "programme": programme = id(entry.value, "programme", &diagnostics)
            case "case_study": caseStudy = id(entry.value, "case_study", &diagnostics)
            default:
                diagnostics.append(.error("unknown-key", "unknown key '\(entry.key)' for a document; the keys are speaker, programme, case_study", at: entry.value.location))
            }
        }
        return .fields(speaker: speaker, programme: programme, caseStudy: caseStudy)
    }
}

/// A consent value written in a source cell or the mapping file.
enum ConsentValue {
    static func parse(_ text: String) -> Consent? {
        switch text.trimmingWhitespace().lowercased() {
        case "public": return .public
        case "internal": return .internal
        case "withdrawn": return .withdrawn
        default: return nil
        }
    }

    static func invalid(_ text: String, at location: SourceLocation) -> Diagnostic {
        .error("invalid-consent", "consent is public, internal or withdrawn, not '\(text.prefix(60))'; there is no default", at: location)
    }
}
