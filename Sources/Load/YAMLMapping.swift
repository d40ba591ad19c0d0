import Model
import Yams

/// A YAML mapping read from a file, with typed accessors that report problems at the right line.
///
/// Every accessor records a diagnostic and returns nil when a value has the wrong shape,
/// so one pass over a file finds all of its problems.
struct YAMLMapping {
    let file: String
    /// Added to libyaml's 1-based lines: the front matter's offset in its file.
    let lineOffset: Int
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    /// Where the mapping itself starts: the target of "missing key" errors.
    let location: SourceLocation

    /// Parses a YAML document that must be a mapping (or empty). Returns nil after recording why not.
    static func parse(
        _ yaml: String, file: String, firstLine: Int, diagnostics: inout [Diagnostic]
    ) -> YAMLMapping? {
        if let problem = YAMLGuard.check(yaml, file: file, firstLine: firstLine) {
            diagnostics.append(problem)
            return nil
        }
        let node: Node?
        do {
            // The encoding is given: Yams' default reads the environment on every call.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch {
            diagnostics.append(yamlError(error, file: file, firstLine: firstLine))
            return nil
        }
        let start = SourceLocation(file: file, line: firstLine, column: 1)
        guard let node else {
            return YAMLMapping(file: file, lineOffset: firstLine - 1, location: start)
        }
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error("front-matter-not-mapping", "expected 'key: value' lines here, found \(describe(node))",
                       at: start))
            return nil
        }
        return YAMLMapping(mapping, file: file, lineOffset: firstLine - 1, location: start)
    }

    init(file: String, lineOffset: Int, location: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.location = location
    }

    init(_ mapping: Node.Mapping, file: String, lineOffset: Int, location: SourceLocation) {
        self.init(file: file, lineOffset: lineOffset, location: location)
        for (key, value) in mapping {
            pairs.append((key.scalar?.string ?? Self.describe(key), key, value))
        }
    }

    var keys: [String] { pairs.map(\.key) }

    func node(_ key: String) -> Node? {
        pairs.first { $0.key == key }?.value
    }

    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func location(ofKey key: String) -> SourceLocation {
        guard let pair = pairs.first(where: { $0.key == key }) else { return location }
        return location(of: pair.keyNode)
    }

    // MARK: Typed values

    /// A text value. `null` and an empty value count as absent.
    func string(_ key: String, required: Bool = false, what: String = "this file", diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let node = node(key), !isNull(node) else {
            if required {
                diagnostics.append(.error("missing-key", "'\(key)' is required in \(what)", at: location))
            }
            return nil
        }
        guard let scalar = node.scalar else {
            diagnostics.append(.error("wrong-type", "'\(key)' should be text, found \(Self.describe(node))", at: location(of: node)))
            return nil
        }
        let text = Self.trimmed(scalar.string)
        if text.isEmpty {
            if required {
                diagnostics.append(.error("missing-key", "'\(key)' is empty; it is required in \(what)", at: location(of: node)))
            }
            return nil
        }
        return Located(text, at: location(of: node))
    }

    /// A list of text values, like `themes: [a, b]`.
    func stringList(_ key: String, diagnostics: inout [Diagnostic]) -> [Located<String>]? {
        guard let node = node(key), !isNull(node) else { return nil }
        guard let sequence = node.sequence else {
            diagnostics.append(
                .error("wrong-type", "'\(key)' should be a list, like [\(node.scalar?.string ?? "a, b")]; found \(Self.describe(node))",
                       at: location(of: node)))
            return nil
        }
        var values: [Located<String>] = []
        for item in sequence {
            guard let scalar = item.scalar, !scalar.string.isEmpty else {
                diagnostics.append(
                    .error("wrong-type", "each item of '\(key)' should be text, found \(Self.describe(item))", at: location(of: item)))
                continue
            }
            values.append(Located(scalar.string, at: location(of: item)))
        }
        return values
    }

    /// A date written `YYYY-MM-DD`.
    func day(_ key: String, required: Bool = false, what: String = "this file", diagnostics: inout [Diagnostic]) -> Located<Day>? {
        guard let text = string(key, required: required, what: what, diagnostics: &diagnostics) else { return nil }
        guard let day = Day(iso: text.value) else {
            diagnostics.append(
                .error("invalid-date", "'\(key)' should be a date written YYYY-MM-DD, found '\(text.value)'", at: text.location))
            return nil
        }
        return Located(day, at: text.location)
    }

    /// `true` / `false` (also `yes` / `no`).
    func bool(_ key: String, diagnostics: inout [Diagnostic]) -> Bool? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        switch text.value.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(.error("wrong-type", "'\(key)' should be true or false, found '\(text.value)'", at: text.location))
            return nil
        }
    }

    func int(_ key: String, diagnostics: inout [Diagnostic]) -> Int? {
        guard let text = string(key, diagnostics: &diagnostics) else { return nil }
        guard let value = Int(text.value) else {
            diagnostics.append(.error("wrong-type", "'\(key)' should be a whole number, found '\(text.value)'", at: text.location))
            return nil
        }
        return value
    }

    /// Items of a list of mappings, like `lessons:` or `themes:` in casebook.yml.
    func mappings(_ key: String, diagnostics: inout [Diagnostic]) -> [YAMLMapping]? {
        guard let node = node(key), !isNull(node) else { return nil }
        guard let sequence = node.sequence else {
            diagnostics.append(
                .error("wrong-type", "'\(key)' should be a list of entries (lines starting with '- '), found \(Self.describe(node))",
                       at: location(of: node)))
            return nil
        }
        var result: [YAMLMapping] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                diagnostics.append(
                    .error("wrong-type", "each entry of '\(key)' should have 'key: value' fields, found \(Self.describe(item))",
                           at: location(of: item)))
                continue
            }
            result.append(YAMLMapping(mapping, file: file, lineOffset: lineOffset, location: location(of: item)))
        }
        return result
    }

    /// A warning for each key not in `known`, with a suggestion: typos like `themse:` must not pass silently.
    func warnUnknownKeys(known: [String], what: String, diagnostics: inout [Diagnostic]) {
        for pair in pairs where !known.contains(pair.key) {
            diagnostics.append(
                .warning("unknown-key",
                         "unknown key '\(pair.key)' in \(what)\(Suggestion.hint(for: pair.key, in: known)); it is ignored",
                         at: location(of: pair.keyNode)))
        }
    }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Without leading and trailing ASCII whitespace; Foundation's trimming is slow on Linux.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return text }
        return String(text[first...last])
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string.prefix(40))'"
        case .sequence: return "a list"
        case .mapping: return "a set of 'key: value' fields"
        case .alias: return "an alias"
        }
    }

    /// Turns a Yams error into a diagnostic at the right line of the file.
    static func yamlError(_ error: Error, file: String, firstLine: Int) -> Diagnostic {
        let start = SourceLocation(file: file, line: firstLine, column: 1)
        guard let yamlError = error as? YamlError else {
            return .error("yaml-syntax", "invalid YAML: \(error)", at: start)
        }
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return .error("yaml-syntax", "invalid YAML: \(detail)\(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("duplicate-key", "the key '\(duplicates.joined(separator: "', '"))' appears twice", at: at(context.mark))
        default:
            return .error("yaml-syntax", "invalid YAML: \(yamlError)", at: start)
        }
    }
}
