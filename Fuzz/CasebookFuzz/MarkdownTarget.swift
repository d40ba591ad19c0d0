import Markdown

/// The libcmark wrapper in safe mode: any text renders, and the HTML holds only the tags and
/// attributes CommonMark itself writes, with no script-capable URL. A raw `<script>`, an event
/// handler or a `javascript:` link in the output is an injection, whatever the input was.
enum MarkdownTarget {
    static let renderer = MarkdownRenderer(options: [.smart])

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let html = renderer.html(text)
        SafeHTML.check(html)
        SafeHTML.check(renderer.inlineHTML(text))
        let plain = renderer.plainText(text)
        FuzzCheck.require(!plain.utf8.contains(0), "NUL in plain text")
    }
}

/// A small scanner over the tags of libcmark's HTML output, on bytes: a `>` followed by a
/// combining mark is one `Character`, so a scan by characters would miss the tag's end.
enum SafeHTML {
    static let tags: Set<String> = [
        "p", "a", "img", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "br", "del",
    ]
    static let attributes: Set<String> = ["href", "src", "alt", "title", "start", "class"]
    static let badSchemes = ["javascript:", "vbscript:", "file:", "data:"]
    /// libcmark lets these data URLs through, as images cannot run script.
    static let imageData = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
    static let comment = Array("!-- raw HTML omitted -->".utf8)

    static func check(_ html: String) {
        let bytes = Array(html.utf8)
        var i = 0
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            i = open + 1
            if bytes[i...].starts(with: Array("!--".utf8)) {
                // libcmark's placeholder for raw HTML it dropped, and nothing else.
                FuzzCheck.require(bytes[i...].starts(with: comment), "a comment carries content: \(html)")
                i += comment.count
                continue
            }
            guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { FuzzCheck.fail("a tag never closes in \(html)") }
            check(tag: String(decoding: bytes[i..<close], as: UTF8.self), in: html)
            i = close + 1
        }
    }

    /// `tag` is what stands between `<` and `>`.
    private static func check(tag: String, in html: String) {
        var body = Substring(tag)
        if body.hasPrefix("/") { body = body.dropFirst() }
        if body.hasSuffix(" /") { body = body.dropLast(2) }
        let name = body.prefix { $0 != " " }
        FuzzCheck.require(tags.contains(String(name)), "unexpected tag <\(tag)> in \(html)")
        // libcmark writes every attribute as name="value", with `"` escaped inside values.
        var rest = body.dropFirst(name.count).unicodeScalars[...]
        while let equals = rest.firstIndex(of: "=") {
            let attribute = String(rest[..<equals]).trimmingPrefix(" ")
            FuzzCheck.require(attributes.contains(String(attribute)), "unexpected attribute '\(attribute)' in <\(tag)>")
            let value = rest[rest.index(after: equals)...]
            FuzzCheck.require(value.first == "\"", "an unquoted attribute in <\(tag)>")
            guard let end = value.dropFirst().firstIndex(of: "\"") else { FuzzCheck.fail("an unclosed attribute in <\(tag)>") }
            let text = String(value[value.index(after: value.startIndex)..<end]).lowercased()
            if attribute == "href" || attribute == "src" {
                let safeData = imageData.contains { text.hasPrefix($0) }
                FuzzCheck.require(safeData || !badSchemes.contains { text.hasPrefix($0) }, "a dangerous URL in <\(tag)>")
            }
            rest = value[value.index(after: end)...]
        }
        FuzzCheck.require(rest.allSatisfy { $0 == " " }, "stray text in <\(tag)>")
    }
}
