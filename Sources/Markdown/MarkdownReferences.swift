import CCmark

/// One thing in a Markdown text that `casebook check` looks at: a link, an image or raw HTML.
public struct MarkdownReference: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case link, image
        /// Raw HTML other than a comment: dropped unless the site keeps raw HTML (`unsafe_html`).
        case rawHTML
    }

    public var kind: Kind
    /// The destination as written (not yet resolved or made valid); empty for raw HTML.
    public var destination: String
    /// For an image: whether it has alt text (the text between `![` and `]`); false for a link.
    public var hasText: Bool
    /// 1-based, within the text.
    public var line: Int
}

extension MarkdownRenderer {
    /// The links, images and raw HTML of `markdown`, in order, each with its line.
    public func references(in markdown: String) -> [MarkdownReference] {
        var found: [MarkdownReference]? = []
        _ = parsed(markdown, destinations: false, references: &found) { _ in () }
        return found ?? []
    }

    /// A link or image `node`, written with the destination `url`.
    static func reference(to url: String, at node: OpaquePointer, image: Bool) -> MarkdownReference {
        // Only an image's text is looked at (its alt text).
        MarkdownReference(kind: image ? .image : .link, destination: url, hasText: image && hasText(node), line: line(of: node))
    }

    /// Raw HTML `node` as a reference; nil for a comment.
    static func rawHTMLReference(_ node: OpaquePointer) -> MarkdownReference? {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        guard !isComment(literal) else { return nil }
        return MarkdownReference(kind: .rawHTML, destination: "", hasText: false, line: line(of: node))
    }

    /// The node's line; an inline node without a position of its own takes its block's.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let node = current {
            let line = Int(cmark_node_get_start_line(node))
            if line > 0 { return line }
            current = cmark_node_parent(node)
        }
        return 1
    }

    /// Whether any text (not only spaces) is inside `node`.
    private static func hasText(_ node: OpaquePointer) -> Bool {
        var child = cmark_node_first_child(node)
        while let current = child {
            if let literal = cmark_node_get_literal(current), String(cString: literal).contains(where: { !$0.isWhitespace }) { return true }
            if hasText(current) { return true }
            child = cmark_node_next(current)
        }
        return false
    }

    /// An HTML comment (or several, with only spaces around): authors' notes, dropped silently.
    private static func isComment(_ html: String) -> Bool {
        var rest = html.drop(while: \.isWhitespace)
        guard rest.hasPrefix("<!--") else { return false }
        while rest.hasPrefix("<!--") {
            guard let end = rest.firstRange(of: "-->") else { return true }
            rest = rest[end.upperBound...].drop(while: \.isWhitespace)
        }
        return rest.isEmpty
    }
}
