import Model

/// A YAML file that is not front matter (the mapping file of `casebook import`), read by the same
/// composer with the same limits (1 MiB, 32 levels, no aliases), so libyaml stays behind `Load`.
public struct YAMLDocument: Sendable {
    public indirect enum Content: Sendable {
        /// `quoted` is true for quoted and block scalars: `"~"` is text, `~` is null.
        case text(String, quoted: Bool)
        case list([YAMLDocument])
        case mapping([Entry])
    }

    public struct Entry: Sendable {
        public let key: String
        public let value: YAMLDocument
    }

    public let content: Content
    public let location: SourceLocation

    /// `~`, `null` or nothing, written without quotes.
    public var isNull: Bool {
        guard case .text(let text, quoted: false) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The document's root (nil when empty), or the problem at its line.
    public static func parse(_ text: String, file: String) -> Result<YAMLDocument?, Diagnostic> {
        switch YAMLComposer.compose(text) {
        case .failure(let problem):
            return .failure(.error(problem.code, problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column)))
        case .success(let root):
            return .success(root.map { YAMLDocument($0, file: file) })
        }
    }

    init(_ node: YAMLNode, file: String) {
        location = SourceLocation(file: file, line: node.line, column: node.column)
        switch node.content {
        case .scalar(let text, let plain): content = .text(text, quoted: !plain)
        case .sequence(let items): content = .list(items.map { YAMLDocument($0, file: file) })
        case .mapping(let pairs): content = .mapping(pairs.map { Entry(key: $0.key, value: YAMLDocument($0.value, file: file)) })
        }
    }
}
