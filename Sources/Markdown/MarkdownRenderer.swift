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
    /// What link and image destinations become (valid URLs, resolved under the base path).
    public var links: LinkDestinations
    /// With `.unsafe`, still empty `javascript:`, `vbscript:`, `file:` and non-image `data:`
    /// links as safe mode does: a site that keeps its authors' raw HTML (`unsafe_html`) keeps
    /// this rule. `casebook markdown --unsafe` does as `cmark --unsafe` and keeps them.
    public var emptiesDangerousLinks: Bool
    /// Set by `casebook serve`, so a rebuild converts only the Markdown that changed.
    public var cache: MarkdownCache?

    public init(
        options: MarkdownOptions = .default, links: LinkDestinations = .hostRoot, emptiesDangerousLinks: Bool = false,
        cache: MarkdownCache? = nil
    ) {
        self.options = options
        self.links = links
        self.emptiesDangerousLinks = emptiesDangerousLinks
        self.cache = cache
    }

    /// The same renderer with other link rules (a report's, a site's under a sub-path).
    public func with(links: LinkDestinations) -> MarkdownRenderer {
        var renderer = self
        renderer.links = links
        return renderer
    }

    /// The HTML of a whole document, exactly as `cmark` prints it with the same options.
    public func html(_ markdown: String) -> String {
        guard let cache else { return uncachedHTML(markdown) }
        return cache.value(kind: 0, options: options.rawValue, links: links, text: markdown) { uncachedHTML(markdown) }
    }

    private func uncachedHTML(_ markdown: String) -> String {
        parsed(markdown, renderedHTML) ?? ""
    }

    /// The document as HTML, as `cmark_render_html` makes it (in the arena, so not freed here).
    private func renderedHTML(_ document: OpaquePointer) -> String {
        guard let rendered = cmark_render_html(document, options.rawValue) else { return "" }
        return String(cString: rendered)
    }

    /// The HTML of a short inline text (a lesson, a summary), always phrasing content: a lone
    /// paragraph loses its `<p>`; several blocks (paragraphs, a list, a heading) become their
    /// inline content joined by line breaks, so a template may print it inside a `<p>`.
    public func inlineHTML(_ markdown: String) -> String { inline(html(markdown), of: markdown) }

    /// A short text's block HTML (its paragraphs, for a `<blockquote>` or a `<div>`) and its
    /// inline HTML, as `inlineHTML` makes it: from one conversion when the text is one paragraph.
    public func blockAndInlineHTML(_ markdown: String) -> (block: String, inline: String) {
        let block = html(markdown)
        return (block, inline(block, of: markdown))
    }

    /// A short text's block HTML, its inline HTML (as `blockAndInlineHTML`) and its plain text
    /// (as `plainText`), from one parse: a quote is printed on pages and listed in the search index.
    public func blockInlineHTMLAndPlainText(_ markdown: String) -> (block: String, inline: String, plain: String) {
        if cache != nil {
            let (block, inline) = blockAndInlineHTML(markdown)
            return (block, inline, plainText(markdown))
        }
        return parsed(markdown) { document in
            // Before the inline HTML, which may move the document's nodes.
            let plain = Self.plainText(of: document)
            let block = renderedHTML(document)
            return (block, Self.paragraphContent(block) ?? flattenedHTML(document), plain)
        } ?? ("", "", "")
    }

    /// A short text's inline HTML and its plain text from one parse: a summary is shown on its
    /// card and written into the page's description, the feed and the search index.
    public func inlineHTMLAndPlainText(_ markdown: String) -> (html: String, plain: String) {
        if cache != nil { return (inlineHTML(markdown), plainText(markdown)) }
        return parsed(markdown) { document in
            let plain = Self.plainText(of: document)
            return (Self.paragraphContent(renderedHTML(document)) ?? flattenedHTML(document), plain)
        } ?? ("", "")
    }

    /// The inline form of `block`, the HTML of `markdown`.
    private func inline(_ block: String, of markdown: String) -> String {
        Self.paragraphContent(block) ?? parsed(markdown, flattenedHTML) ?? ""
    }

    /// What is inside `block` when it is one paragraph (or nothing); nil when it is anything else.
    private static func paragraphContent(_ block: String) -> String? {
        if block.isEmpty { return "" }
        var block = block
        guard block.hasPrefix("<p>"), block.hasSuffix("</p>\n") else { return nil }
        return block.withUTF8 { bytes in
            let inner = UnsafeBufferPointer(rebasing: bytes[3..<(bytes.count - 5)])
            // A second paragraph has a `<p>` inside (content's own `<` is escaped, so any is a tag).
            // (A byte search: Foundation's `contains` on String goes through NSString, slowly.)
            let open: (UInt8, UInt8, UInt8) = (60, 112, 62)  // "<p>"
            if inner.count >= 3,
                (0...(inner.count - 3)).contains(where: { inner[$0] == open.0 && inner[$0 + 1] == open.1 && inner[$0 + 2] == open.2 })
            {
                return nil
            }
            return String(decoding: inner, as: UTF8.self)
        }
    }

    /// A document of several blocks as one paragraph's inner HTML: the inline content of each
    /// leaf block (paragraph, heading, code block, HTML block) in order, joined by line breaks.
    /// A paragraph holds only inline nodes, so what this returns is phrasing content, whatever
    /// the Markdown (lists, quotes, headings, code) was.
    private func flattenedHTML(_ document: OpaquePointer) -> String {
        var leaves: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            var event = cmark_iter_next(iterator)
            while event != CMARK_EVENT_DONE {
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                    switch cmark_node_get_type(node) {
                    case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK: leaves.append(node)
                    default: break
                    }
                }
                event = cmark_iter_next(iterator)
            }
            cmark_iter_free(iterator)
        }
        // Built after the walk: moving nodes while iterating would derail the iterator.
        guard let root = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, CmarkArena.allocator),
            let paragraph = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, CmarkArena.allocator)
        else { return "" }
        cmark_node_append_child(root, paragraph)
        for (index, leaf) in leaves.enumerated() {
            if index > 0, let lineBreak = cmark_node_new_with_mem(CMARK_NODE_LINEBREAK, CmarkArena.allocator) {
                cmark_node_append_child(paragraph, lineBreak)
            }
            switch cmark_node_get_type(leaf) {
            case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK:
                // Their text becomes inline code or inline HTML (which safe mode omits, as for the block).
                let type = cmark_node_get_type(leaf) == CMARK_NODE_CODE_BLOCK ? CMARK_NODE_CODE : CMARK_NODE_HTML_INLINE
                guard let node = cmark_node_new_with_mem(type, CmarkArena.allocator) else { continue }
                var literal = cmark_node_get_literal(leaf).map { String(cString: $0) } ?? ""
                while literal.hasSuffix("\n") { literal.removeLast() }
                cmark_node_set_literal(node, literal)
                cmark_node_append_child(paragraph, node)
            default:
                while let child = cmark_node_first_child(leaf) { cmark_node_append_child(paragraph, child) }
            }
        }
        // One paragraph: cut its `<p>` and `</p>\n` (raw inline HTML, with `.unsafe`, may hold a `<p>`).
        let html = renderedHTML(root)
        guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n") else { return html }
        return String(decoding: html.utf8.dropFirst(3).dropLast(5), as: UTF8.self)
    }

    /// The text a reader sees, without markup: for search indexes, feeds and meta descriptions.
    public func plainText(_ markdown: String) -> String {
        guard let cache else { return uncachedPlainText(markdown) }
        return cache.value(kind: 1, options: options.rawValue, links: .hostRoot, text: markdown) { uncachedPlainText(markdown) }
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

    /// As `htmlAndPlainText`, with the links, images and raw HTML that `references(in:)` finds,
    /// read in the same parse: a build converts each body once, for its page and its audit.
    public func htmlPlainTextAndReferences(
        _ markdown: String, plainTextLimit limit: Int
    ) -> (html: String, plain: String, references: [MarkdownReference]) {
        if cache != nil {
            let (html, plain) = htmlAndPlainText(markdown, plainTextLimit: limit)
            return (html, plain, references(in: markdown))
        }
        var references: [MarkdownReference]? = []
        let converted = parsed(markdown, references: &references) { document in
            (renderedHTML(document), Self.plainText(of: document, limit: limit).prefix(characters: limit))
        } ?? ("", "")
        return (converted.0, converted.1, references ?? [])
    }

    private func uncachedPlainText(_ markdown: String) -> String {
        parsed(markdown, destinations: false) { Self.plainText(of: $0) } ?? ""
    }

    /// Runs `body` on the parsed document; nil when cmark cannot parse.
    ///
    /// The parser, the document and whatever `body` has cmark allocate live in this thread's
    /// `CmarkArena` and are gone when this returns: `body` must copy out what it keeps.
    /// Text with too many image openers in a paragraph (`MarkdownLimits`) is first neutralised:
    /// loading refuses such files, and this keeps anything that skipped loading from hanging.
    /// With `destinations`, link and image URLs are rewritten first (`links`); plain text has none.
    func parsed<T>(_ markdown: String, destinations: Bool = true, _ body: (OpaquePointer) -> T) -> T? {
        var none: [MarkdownReference]? = nil
        return parsed(markdown, destinations: destinations, references: &none, body)
    }

    /// As above; when `references` is not nil, the document's links, images and raw HTML are
    /// added to it, their destinations as written, in the walk that rewrites them.
    func parsed<T>(
        _ markdown: String, destinations: Bool = true, references: inout [MarkdownReference]?, _ body: (OpaquePointer) -> T
    ) -> T? {
        var markdown = MarkdownLimits.imageProblem(in: markdown) == nil ? markdown : MarkdownLimits.neutralised(markdown)
        return markdown.withUTF8 { bytes -> T? in
            guard let base = bytes.baseAddress else { return nil }
            // Every link, image, autolink and raw HTML starts with `[` or `<`: text with neither needs no walk.
            let mayLink = (destinations || references != nil)
                && (memchr(base, Int32(UInt8(ascii: "[")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil)
            return CmarkArena.withArena {
                guard let parser = cmark_parser_new_with_mem(options.rawValue, CmarkArena.allocator) else { return nil }
                base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { cmark_parser_feed(parser, $0, bytes.count) }
                guard let document = cmark_parser_finish(parser) else { return nil }
                if mayLink { walkDestinations(document, rewriting: destinations, references: &references) }
                return body(document)
            }
        }
    }

    /// With `rewriting`, sets every link's and image's URL to what `links` makes of it, and
    /// empties dangerous ones when `.unsafe` would keep them but `emptiesDangerousLinks` says
    /// not to. With `references`, adds each link, image and raw HTML to it, as written.
    private func walkDestinations(_ document: OpaquePointer, rewriting: Bool, references: inout [MarkdownReference]?) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                    let written = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if references != nil { references!.append(Self.reference(to: written, at: node, image: type == CMARK_NODE_IMAGE)) }
                    if rewriting {
                        var resolved = links.resolved(written, image: type == CMARK_NODE_IMAGE)
                        if emptiesDangerousLinks, options.contains(.unsafe), DangerousURL.isDangerous(written) { resolved = "" }
                        if resolved != written { cmark_node_set_url(node, resolved) }
                    }
                } else if references != nil, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE,
                    let reference = Self.rawHTMLReference(node)
                {
                    references!.append(reference)
                }
            }
            event = cmark_iter_next(iterator)
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
