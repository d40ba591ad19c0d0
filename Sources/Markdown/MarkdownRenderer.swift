import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders CommonMark to HTML with libcmark.
///
/// This is the only type in casebook that touches cmark's C API. Every node, iterator and
/// buffer it allocates is freed before the call returns, so no C pointer or lifetime escapes.
/// libcmark is thread-safe for separate documents, so one renderer may be used from many threads.
public struct MarkdownRenderer: Sendable {
    public let options: MarkdownOptions
    /// Set by `casebook serve`, so a rebuild converts only the Markdown that changed.
    public var cache: MarkdownCache?

    public init(options: MarkdownOptions = .default, cache: MarkdownCache? = nil) {
        self.options = options
        self.cache = cache
    }

    /// The HTML of a whole document, exactly as `cmark` prints it with the same options.
    public func html(_ markdown: String) -> String {
        guard let cache else { return uncachedHTML(markdown) }
        return cache.value(kind: 0, options: options.rawValue, text: markdown) { uncachedHTML(markdown) }
    }

    private func uncachedHTML(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            guard let base = bytes.baseAddress,
                let rendered = base.withMemoryRebound(to: CChar.self, capacity: bytes.count, { chars in
                    cmark_markdown_to_html(chars, bytes.count, options.rawValue)
                })
            else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// The HTML of a short inline text (a lesson, a summary): a lone paragraph loses its `<p>`.
    public func inlineHTML(_ markdown: String) -> String {
        let block = html(markdown)
        guard block.hasPrefix("<p>"), block.hasSuffix("</p>\n") else { return block }
        let inner = block.utf8.dropFirst(3).dropLast(5)
        // Two paragraphs would leave a `<p>` inside; keep the block form for those.
        // (A byte search: Foundation's `contains` on String goes through NSString, slowly.)
        let paragraph = Array("<p>".utf8)
        let bytes = Array(inner)
        if bytes.count >= 3, (0...(bytes.count - 3)).contains(where: { bytes[$0] == paragraph[0] && bytes[$0 + 1] == paragraph[1] && bytes[$0 + 2] == paragraph[2] }) {
            return block
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text a reader sees, without markup: for search indexes, feeds and meta descriptions.
    public func plainText(_ markdown: String) -> String {
        guard let cache else { return uncachedPlainText(markdown) }
        return cache.value(kind: 1, options: options.rawValue, text: markdown) { uncachedPlainText(markdown) }
    }

    private func uncachedPlainText(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress else { return "" }
            let document = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                cmark_parse_document(chars, bytes.count, options.rawValue)
            }
            guard let document else { return "" }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return "" }
            defer { cmark_iter_free(iterator) }

            var text = ""
            var event = cmark_iter_next(iterator)
            while event != CMARK_EVENT_DONE {
                if let node = cmark_iter_get_node(iterator) {
                    let type = cmark_node_get_type(node)
                    if event == CMARK_EVENT_ENTER {
                        switch type {
                        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                            if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
                        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                            text += " "
                        default: break
                        }
                    } else if event == CMARK_EVENT_EXIT {
                        switch type {
                        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                            if !text.isEmpty, text.last != " " { text += " " }
                        default: break
                        }
                    }
                }
                event = cmark_iter_next(iterator)
            }
            while text.last == " " { text.removeLast() }
            return text
        }
    }
}
