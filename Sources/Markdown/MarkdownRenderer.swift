import CCmark
import Model

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Renders CommonMark to HTML with libcmark.
///
/// This is the only type in casebook that renders through cmark's C API (`CmarkVersion` only
/// reads its version string). Every node, iterator and buffer cmark allocates lives in the
/// calling thread's `CmarkArena` and is gone when the call returns, so no C pointer or lifetime
/// escapes.
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
        parsed(markdown, renderedHTML) ?? ""
    }

    /// The document as HTML, as `cmark_render_html` makes it (in the arena, so not freed here).
    private func renderedHTML(_ document: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(document, options.rawValue) else { return "" }
        return String(cString: rendered)
    }

    /// The HTML of a short inline text (a lesson, a summary): a lone paragraph loses its `<p>`.
    public func inlineHTML(_ markdown: String) -> String { Self.inline(html(markdown)) }

    /// A short text's inline HTML and its plain text from one parse: a summary is shown on its
    /// card and written into the page's description, the feed and the search index.
    public func inlineHTMLAndPlainText(_ markdown: String) -> (html: String, plain: String) {
        if cache != nil { return (inlineHTML(markdown), plainText(markdown)) }
        return parsed(markdown) { document in (Self.inline(renderedHTML(document)), Self.plainText(of: document)) } ?? ("", "")
    }

    /// `block` without the `<p>` around it when it is one paragraph.
    private static func inline(_ block: String) -> String {
        var block = block
        guard block.hasPrefix("<p>"), block.hasSuffix("</p>\n") else { return block }
        return block.withUTF8 { bytes in
            let inner = UnsafeBufferPointer(rebasing: bytes[3..<(bytes.count - 5)])
            // Two paragraphs would leave a `<p>` inside; keep the block form for those.
            // (A byte search: Foundation's `contains` on String goes through NSString, slowly.)
            let open: (UInt8, UInt8, UInt8) = (60, 112, 62)  // "<p>"
            if inner.count >= 3,
                (0...(inner.count - 3)).contains(where: { inner[$0] == open.0 && inner[$0 + 1] == open.1 && inner[$0 + 2] == open.2 })
            {
                return String(decoding: bytes, as: UTF8.self)
            }
            return String(decoding: inner, as: UTF8.self)
        }
    }

    /// The text a reader sees, without markup: for search indexes, feeds and meta descriptions.
    public func plainText(_ markdown: String) -> String {
        guard let cache else { return uncachedPlainText(markdown) }
        return cache.value(kind: 1, options: options.rawValue, text: markdown) { uncachedPlainText(markdown) }
    }

    /// A whole document's HTML and the first `limit` characters of its plain text, from one
    /// parse: a case study's body needs both, and the search index only the start of the text.
    public func htmlAndPlainText(_ markdown: String, plainTextLimit limit: Int) -> (html: String, plain: String) {
        // `casebook serve` keeps the two in its cache separately; a hit there costs no parse at all.
        if cache != nil { return (html(markdown), plainText(markdown).prefix(characters: limit)) }
        return parsed(markdown) { document in
            (renderedHTML(document), Self.plainText(of: document, limit: limit).prefix(characters: limit))
        } ?? ("", "")
    }

    private func uncachedPlainText(_ markdown: String) -> String {
        parsed(markdown) { Self.plainText(of: $0) } ?? ""
    }

    /// Runs `body` on the parsed document; nil when cmark cannot parse.
    ///
    /// The parser, the document and whatever `body` has cmark allocate live in this thread's
    /// `CmarkArena` and are gone when this returns: `body` must copy out what it keeps.
    /// Text with too many image openers in a paragraph (`MarkdownLimits`) is first neutralised:
    /// loading refuses such files, and this keeps anything that skipped loading from hanging.
    private func parsed<T>(_ markdown: String, _ body: (OpaquePointer) -> T) -> T? {
        var markdown = MarkdownLimits.imageProblem(in: markdown) == nil ? markdown : MarkdownLimits.neutralised(markdown)
        return markdown.withUTF8 { bytes -> T? in
            guard let base = bytes.baseAddress else { return nil }
            return CmarkArena.withArena {
                guard let parser = cmark_parser_new_with_mem(options.rawValue, CmarkArena.allocator) else { return nil }
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
                guard let document = cmark_parser_finish(parser) else { return nil }
                return body(document)
            }
        }
    }

    /// The text of a parsed document: literals joined, one space between blocks and lines.
    ///
    /// With a `limit`, the walk may stop once the text's first `limit` characters are certain:
    /// they are plain ASCII (one byte each), an ASCII byte follows them, and a later non-space
    /// byte means the final trimming of spaces cannot reach back into them. A body's text is
    /// cut to 1,500 characters for the search index, and walking the rest cost 2 % of a build.
    private static func plainText(of document: OpaquePointer, limit: Int? = nil) -> String {
        guard let iterator = cmark_iter_new(document) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text: [UInt8] = []
        let space = UInt8(ascii: " ")
        // Decided once the text passes `limit` bytes: whether its start can end the walk early.
        var settled: Bool?
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if let node = cmark_iter_get_node(iterator) {
                let type = cmark_node_get_type(node)
                if event == CMARK_EVENT_ENTER {
                    switch type {
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                        if let literal = cmark_node_get_literal(node) {
                            text.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                        }
                    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                        text.append(space)
                    default: break
                    }
                } else if event == CMARK_EVENT_EXIT {
                    switch type {
                    case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_ITEM:
                        if let last = text.last, last != space { text.append(space) }
                    default: break
                    }
                }
            }
            if let limit, text.count > limit {
                if settled == nil { settled = text.withUnsafeBufferPointer { String.leadingBytesAreCharacters($0, limit) } }
                if settled == true, text[limit...].contains(where: { $0 != space }) { break }
            }
            event = cmark_iter_next(iterator)
        }
        while text.last == space { text.removeLast() }
        return String(decoding: text, as: UTF8.self)
    }
}
