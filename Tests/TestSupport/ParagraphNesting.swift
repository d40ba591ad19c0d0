/// Finds what the HTML parser would not keep inside a `<p>`: another `<p>`, or any other element
/// that closes a paragraph (lists, headings, quotes, `<div>`…). A browser ends the paragraph
/// there, so the page's `</p>` is left over and the Nu checker reports an error.
public enum ParagraphNesting {
    /// The elements whose start tag closes an open `<p>` (HTML's "close a p element" rule).
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p",
        "pre", "search", "section", "summary", "table", "ul", "li", "dd", "dt",
    ]

    /// Each start tag met inside an open `<p>` that would close it, as `<tag> at line N`.
    public static func violations(in html: String) -> [String] {
        let bytes = Array(html.utf8)
        var found: [String] = []
        var paragraphOpen = false
        var line = 1
        var i = 0
        while i < bytes.count {
            if bytes[i] == 10 { line += 1 }
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            // Comments, and the raw text of scripts and styles, hold no tags.
            if let skipped = skip(bytes, at: i, line: &line) { i = skipped; continue }
            var j = i + 1
            let closing = j < bytes.count && bytes[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            var name = ""
            while j < bytes.count, (bytes[j] >= 97 && bytes[j] <= 122) || (bytes[j] >= 65 && bytes[j] <= 90) || (bytes[j] >= 48 && bytes[j] <= 57) {
                name.append(Character(Unicode.Scalar(bytes[j] | 0x20)))
                j += 1
            }
            if !name.isEmpty {
                if closing {
                    if name == "p" { paragraphOpen = false }
                } else if closesParagraph.contains(name) {
                    if paragraphOpen { found.append("<\(name)> inside <p> at line \(line)") }
                    paragraphOpen = name == "p"
                }
            }
            i = j
        }
        return found
    }

    private static func skip(_ bytes: [UInt8], at i: Int, line: inout Int) -> Int? {
        func starts(_ prefix: String, at k: Int) -> Bool {
            let p = Array(prefix.utf8)
            return k + p.count <= bytes.count && zip(bytes[k..<(k + p.count)], p).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
        }
        let end: String
        if starts("<!--", at: i) { end = "-->" } else if starts("<script", at: i) { end = "</script" } else if starts("<style", at: i) { end = "</style" } else { return nil }
        var k = i + 1
        while k < bytes.count, !starts(end, at: k) {
            if bytes[k] == 10 { line += 1 }
            k += 1
        }
        return k + end.count
    }
}
