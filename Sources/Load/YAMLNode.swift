/// One node of a composed YAML document, with the 1-based line and column where it starts in
/// the YAML text (not yet offset to the file).
///
/// Front matter needs only text, lists and mappings: tags are ignored, because every value is
/// read as text and converted by the key's accessor, and anchors and aliases are refused.
struct YAMLNode {
    enum Content {
        /// `plain` is false for quoted and block scalars: `"null"` is text, `null` is absent.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    let content: Content
    let line: Int
    let column: Int

    var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// `~`, `null` or nothing, written without quotes.
    var isNull: Bool {
        guard case .scalar(let text, plain: true) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// How a diagnostic names a value of the wrong shape.
    var described: String {
        switch content {
        case .scalar(let text, _): return "'\(text.prefix(40))'"
        case .sequence: return "a list"
        case .mapping: return "a set of 'key: value' fields"
        }
    }
}

/// A key and its value. A key that is not text (rare, like `[a, b]: x`) is named by its description.
struct YAMLPair {
    let key: String
    let keyNode: YAMLNode
    let value: YAMLNode
}
