import CYaml
import Model

/// Checks front matter with libyaml's event stream before it is composed into a tree.
///
/// Front matter is small and flat. This refuses what only an attack or an accident produces:
/// aliases (the "billion laughs" bomb), nesting deeper than any real front matter, and oversized
/// blocks, each with the line and column where it starts. libyaml is the copy Yams builds.
enum YAMLGuard {
    static let maximumDepth = 32
    static let maximumBytes = 1 << 20

    /// nil when the YAML may be composed; otherwise the first problem. Syntax errors are left to Yams.
    static func check(_ yaml: String, file: String, firstLine: Int) -> Diagnostic? {
        if yaml.utf8.count > maximumBytes {
            return .error("front-matter-too-large",
                          "the front matter is larger than 1 MiB; move long text into the body",
                          at: SourceLocation(file: file, line: firstLine, column: 1))
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Diagnostic? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml stops at its own nesting limit before we count that deep.
                    let problem = parser.problem.map { String(cString: $0) } ?? ""
                    guard problem.contains("nesting") else { return nil }
                    let mark = parser.problem_mark
                    return .error("yaml-too-deep", "the front matter nests more than \(maximumDepth) levels deep",
                                  at: SourceLocation(file: file, line: Int(mark.line) + firstLine, column: Int(mark.column) + 1))
                }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                let location = SourceLocation(file: file, line: Int(mark.line) + firstLine, column: Int(mark.column) + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return .error("yaml-alias",
                                  "YAML aliases (*name) are not allowed in front matter; write the value out, "
                                      + "or quote text that starts with '*'",
                                  at: location)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > maximumDepth {
                        return .error("yaml-too-deep",
                                      "the front matter nests more than \(maximumDepth) levels deep",
                                      at: location)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
            }
        }
    }
}
