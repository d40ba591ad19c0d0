import Model

/// A YAML mapping read from a file, with typed accessors that report problems at the right line.
///
/// Every accessor records a diagnostic and returns nil when a value has the wrong shape,
/// so one pass over a file finds all of its problems.
struct YAMLMapping {
    let file: String
    /// Added to the YAML text's 1-based lines: the front matter's offset in its file.
    let lineOffset: Int
    private(set) var pairs: [YAMLPair] = []
    /// Where the mapping itself starts: the target of "missing key" errors.
    let location: SourceLocation

    /// Parses a YAML document that must be a mapping (or empty). Returns nil after recording why not.
    static func parse(
        _ yaml: String, file: String, firstLine: Int, diagnostics: inout [Diagnostic]
    ) -> YAMLMapping? {
        let start = SourceLocation(file: file, line: firstLine, column: 1)
        let node: YAMLNode?
        switch YAMLComposer.compose(yaml, firstLine: firstLine) {
        case .success(let root): node = root
        case .failure(let problem):
            // libyaml marks an error at the end of the text one line past the last; point at a line that exists.
            let lines = yaml.utf8.count { $0 == UInt8(ascii: "\n") } + 1
            let line = min(problem.line, lines)
            diagnostics.append(
                .error(problem.code, problem.message,
                       at: SourceLocation(file: file, line: line + firstLine - 1, column: line == problem.line ? problem.column : 1)))
            return nil
        }
        guard let node else {
            return YAMLMapping(file: file, lineOffset: firstLine - 1, location: start)
        }
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error("front-matter-not-mapping", "expected 'key: value' lines here, found \(node.described)",
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

    init(_ pairs: [YAMLPair], file: String, lineOffset: Int, location: SourceLocation) {
        self.init(file: file, lineOffset: lineOffset, location: location)
        self.pairs = pairs
    }

    var keys: [String] { pairs.map(\.key) }

    func node(_ key: String) -> YAMLNode? {
        pairs.first { $0.key == key }?.value
    }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    func location(ofKey key: String) -> SourceLocation {
        guard let pair = pairs.first(where: { $0.key == key }) else { return location }
        return location(of: pair.keyNode)
    }

    // MARK: Typed values

    /// A text value. `null` and an empty value count as absent.
    func string(_ key: String, required: Bool = false, what: String = "this file", diagnostics: inout [Diagnostic]) -> Located<String>? {
        guard let node = node(key), !node.isNull else {
            if required {
                diagnostics.append(.error("missing-key", "'\(key)' is required in \(what)", at: location))
            }
            return nil
        }
        guard let scalar = node.scalar else {
            diagnostics.append(.error("wrong-type", "'\(key)' should be text, found \(node.described)", at: location(of: node)))
            return nil
        }
        let text = scalar.trimmingWhitespace()
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
        guard let node = node(key), !node.isNull else { return nil }
        guard let sequence = node.sequence else {
            let message = Self.dashWithoutSpace(node).map { "'\(key)' should be a list, and \($0)" }
                ?? "'\(key)' should be a list, like [\(node.scalar ?? "a, b")]; found \(node.described)"
            diagnostics.append(.error("wrong-type", message, at: location(of: node)))
            return nil
        }
        var values: [Located<String>] = []
        for item in sequence {
            guard let scalar = item.scalar, !scalar.isEmpty else {
                diagnostics.append(
                    .error("wrong-type", "each item of '\(key)' should be text, found \(item.described)", at: location(of: item)))
                continue
            }
            values.append(Located(scalar, at: location(of: item)))
        }
        return values
    }

    /// `-item` written for `- item`: YAML reads the lines as one piece of text, not a list. Says
    /// how to write the first item, or nil when the value is not text starting that way.
    static func dashWithoutSpace(_ node: YAMLNode) -> String? {
        switch node.content {
        case .scalar(let scalar, plain: true):
            // `-a` on lines of their own read as one text: `-a -b`.
            return scalar.split(separator: " ").first.flatMap { YAMLAdvice.dashWithoutSpace($0) }
        case .mapping(let pairs):
            // `-id: x` reads as the key `-id`.
            guard let first = pairs.first, first.keyNode.scalar != nil else { return nil }
            return YAMLAdvice.dashWithoutSpace(Substring(first.key)).map { _ in
                "a list item needs a space after '-': write '- \(first.key.dropFirst()): …'"
            }
        default:
            return nil
        }
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

    /// A nested mapping, like `markdown:` in casebook.yml.
    func mapping(_ key: String, diagnostics: inout [Diagnostic]) -> YAMLMapping? {
        guard let node = node(key), !node.isNull else { return nil }
        guard let pairs = node.mapping else {
            diagnostics.append(
                .error("wrong-type", "'\(key)' should hold 'key: value' lines, found \(node.described)", at: location(of: node)))
            return nil
        }
        return YAMLMapping(pairs, file: file, lineOffset: lineOffset, location: location(of: node))
    }

    /// Items of a list of mappings, like `lessons:` or `themes:` in casebook.yml.
    func mappings(_ key: String, diagnostics: inout [Diagnostic]) -> [YAMLMapping]? {
        guard let node = node(key), !node.isNull else { return nil }
        guard let sequence = node.sequence else {
            let message = Self.dashWithoutSpace(node).map { "'\(key)' should be a list of entries, and \($0)" }
                ?? "'\(key)' should be a list of entries (lines starting with '- '), found \(node.described)"
            diagnostics.append(.error("wrong-type", message, at: location(of: node)))
            return nil
        }
        var result: [YAMLMapping] = []
        for item in sequence {
            guard let mapping = item.mapping else {
                diagnostics.append(
                    .error("wrong-type", "each entry of '\(key)' should have 'key: value' fields, found \(item.described)",
                           at: location(of: item)))
                continue
            }
            result.append(YAMLMapping(mapping, file: file, lineOffset: lineOffset, location: location(of: item)))
        }
        return result
    }

    /// A warning for each key not in `known` (the first few of them, `UnknownNames`), with a
    /// suggestion: typos like `themse:` must not pass silently.
    func warnUnknownKeys(known: [String], what: String, diagnostics: inout [Diagnostic]) {
        let unknown = unknownPairs(known: known).map { (name: $0.key, location: location(of: $0.keyNode)) }
        UnknownNames.warn(unknown, kind: "key", context: " in \(what)", known: known, diagnostics: &diagnostics)
    }

    /// The pairs whose key is not in `known`, in file order.
    func unknownPairs(known: [String]) -> [YAMLPair] {
        pairs.filter { !known.contains($0.key) }
    }

}
