import CLibYAML
import Model

/// Composes front matter straight from libyaml's event stream (Debian's libyaml, through `CLibYAML`).
///
/// `Yams.compose` cost 4 to 8 times as much per file (`perf-notes.md`: 86 / 50 µs per case study /
/// quote against about 20 / 7 here), and most of a site is front matter. The same single pass
/// refuses what only an attack or an accident produces: aliases (the "billion laughs" bomb),
/// nesting deeper than any real front matter, and oversized blocks, each at the line and column
/// where it starts. Every event carries its mark, so every node knows its line.
final class YAMLComposer {
    static let maximumDepth = 32
    static let maximumBytes = 1 << 20

    /// What went wrong, at a 1-based line and column of the YAML text.
    struct Problem: Error {
        let code: String
        let message: String
        let line: Int
        let column: Int
    }

    /// The document's root, nil for an empty document, or the first problem.
    /// - Parameter firstLine: the line of its file on which the YAML starts, for lines that
    ///   messages name; the problem's own line is within the YAML.
    static func compose(_ yaml: String, firstLine: Int = 1) -> Result<YAMLNode?, Problem> {
        var yaml = yaml
        if yaml.utf8.count > maximumBytes {
            return .failure(Problem(code: "front-matter-too-large",
                                    message: "the front matter is larger than 1 MiB; move long text into the body",
                                    line: 1, column: 1))
        }
        let text = yaml
        return yaml.withUTF8 { bytes in
            let composer = YAMLComposer(bytes, text: text, firstLine: firstLine)
            do throws(Problem) {
                return .success(try composer.document())
            } catch {
                return .failure(error)
            }
        }
    }

    private var parser = yaml_parser_t()
    private var depth = 0
    /// The text being parsed, read again only to explain a syntax error (`YAMLAdvice`).
    private let text: String
    private let firstLine: Int

    private init(_ bytes: UnsafeBufferPointer<UInt8>, text: String, firstLine: Int) {
        self.text = text
        self.firstLine = firstLine
        // Initialisation fails only when malloc does; the first parse then reports it.
        _ = yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    deinit { yaml_parser_delete(&parser) }

    private func document() throws(Problem) -> YAMLNode? {
        var event = try next()  // stream start
        yaml_event_delete(&event)
        event = try next()
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return nil }
        var first = try next()  // the document start was `event`
        let root = try node(from: &first)
        var end = try next()  // document end
        yaml_event_delete(&end)
        var after = try next()
        defer { yaml_event_delete(&after) }
        guard after.type == YAML_STREAM_END_EVENT else {
            throw problem("yaml-syntax", "invalid YAML: expected a single document in the stream but found another document", at: after)
        }
        return root
    }

    /// The node that starts with `event`, consuming the events up to its end. Frees `event`.
    private func node(from event: inout yaml_event_t) throws(Problem) -> YAMLNode {
        defer { yaml_event_delete(&event) }
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return YAMLNode(content: .scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            try enter(at: event)
            defer { depth -= 1 }
            var items: [YAMLNode] = []
            while true {
                var item = try next()
                if item.type == YAML_SEQUENCE_END_EVENT {
                    yaml_event_delete(&item)
                    return YAMLNode(content: .sequence(items), line: line, column: column)
                }
                items.append(try node(from: &item))
            }
        case YAML_MAPPING_START_EVENT:
            try enter(at: event)
            defer { depth -= 1 }
            var pairs: [YAMLPair] = []
            while true {
                var keyEvent = try next()
                if keyEvent.type == YAML_MAPPING_END_EVENT {
                    yaml_event_delete(&keyEvent)
                    try Self.refuseDuplicates(pairs)
                    return YAMLNode(content: .mapping(pairs), line: line, column: column)
                }
                let key = try node(from: &keyEvent)
                var valueEvent = try next()
                let value = try node(from: &valueEvent)
                pairs.append(YAMLPair(key: key.scalar ?? key.described, keyNode: key, value: value))
            }
        case YAML_ALIAS_EVENT:
            throw problem("yaml-alias",
                          "YAML aliases (*name) are not allowed in front matter; write the value out, "
                              + "or quote text that starts with '*'",
                          at: event)
        default:
            throw problem("yaml-syntax", "invalid YAML: unexpected event", at: event)
        }
    }

    private func enter(at event: yaml_event_t) throws(Problem) {
        depth += 1
        if depth > Self.maximumDepth {
            throw problem("yaml-too-deep", "the front matter nests more than \(Self.maximumDepth) levels deep", at: event)
        }
    }

    /// The next event, or libyaml's error at its mark. The caller frees the event.
    private func next() throws(Problem) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
            let mark = parser.problem_mark
            let line = Int(mark.line) + 1
            let column = Int(mark.column) + 1
            // libyaml stops at its own nesting limit before we count that deep.
            if problem.contains("nesting") {
                throw Problem(code: "yaml-too-deep", message: "the front matter nests more than \(Self.maximumDepth) levels deep",
                              line: line, column: column)
            }
            let error = YAMLAdvice.ParserError(
                problem: problem, context: parser.context.map { String(cString: $0) }, line: line, column: column,
                contextLine: Int(parser.context_mark.line) + 1, contextColumn: Int(parser.context_mark.column) + 1)
            let advice = YAMLAdvice.advise(error, yaml: text, firstLine: firstLine)
            throw Problem(code: "yaml-syntax", message: advice.message, line: advice.line, column: advice.column)
        }
        return event
    }

    private func problem(_ code: String, _ message: String, at event: yaml_event_t) -> Problem {
        Problem(code: code, message: message, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    /// A key written twice is an error at its first appearance, as Yams reported it.
    ///
    /// One pass with a hash table: comparing each key with those before it cost 19 s for a
    /// front matter of 60,000 keys (which fits in the 1 MiB cap).
    private static func refuseDuplicates(_ pairs: [YAMLPair]) throws(Problem) {
        // Front matter has a dozen keys: comparing them pairwise costs less than hashing every
        // key of every file. Only a repeat, or a long mapping, goes on to the hash table.
        if pairs.count <= 16, !hasRepeatedKey(pairs) { return }
        var firstOf: [String: YAMLNode] = [:]
        var duplicates: [String: YAMLNode] = [:]
        for pair in pairs where pair.keyNode.scalar != nil {
            if let first = firstOf[pair.key] {
                duplicates[pair.key] = first
            } else {
                firstOf[pair.key] = pair.keyNode
            }
        }
        guard let firstKey = duplicates.keys.min(), let node = duplicates[firstKey] else { return }
        // A few names, then a count: a message is one line, whatever the file holds.
        let sorted = duplicates.keys.sorted()
        let names = sorted.prefix(5).joined(separator: "', '")
        let more = sorted.count > 5 ? " (and \(sorted.count - 5) more keys)" : ""
        // `-id:` on two lines is a list whose dashes lack their space, not a repeated key.
        let dash = YAMLAdvice.dashWithoutSpace(Substring(firstKey)).map { _ in
            "; a list item needs a space after '-': write '- \(firstKey.dropFirst()): …'"
        } ?? ""
        throw Problem(
            code: "duplicate-key", message: "the key '\(names)'\(more) appears twice\(dash)", line: node.line, column: node.column)
    }

    private static func hasRepeatedKey(_ pairs: [YAMLPair]) -> Bool {
        for (index, pair) in pairs.enumerated() where pair.keyNode.scalar != nil {
            if pairs[..<index].contains(where: { $0.keyNode.scalar != nil && $0.key == pair.key }) { return true }
        }
        return false
    }
}
