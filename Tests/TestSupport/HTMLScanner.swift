/// A small HTML tokenizer for tests: start tags with their attributes, and text.
///
/// Enough to ask what a browser would see (which elements, which attribute values) without a
/// string search that a different quoting or escaping would fool. Attribute values have the
/// common character references decoded, as a browser decodes them.
public struct HTMLScanner {
    public struct Tag: Sendable, CustomStringConvertible {
        public var name: String
        public var attributes: [(name: String, value: String)]
        public var line: Int

        public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        public var description: String { "<\(name) \(attributes.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: " "))> (line \(line))" }
    }

    public private(set) var tags: [Tag] = []
    /// Text outside tags (and inside `<script>`/`<style>` elements), references decoded.
    public private(set) var text = ""

    public init(_ html: String) {
        let chars = Array(html.unicodeScalars)
        var i = 0, line = 1
        var rawTextEnd: String?
        while i < chars.count {
            if let end = rawTextEnd {
                // Inside <script> or <style>: everything up to the closing tag is text.
                var j = i
                while j < chars.count, !(chars[j] == "<" && String(String.UnicodeScalarView(chars[j..<min(chars.count, j + end.count)])).lowercased() == end) {
                    j += 1
                }
                text += String(String.UnicodeScalarView(chars[i..<j]))
                i = j
                rawTextEnd = nil
                continue
            }
            let c = chars[i]
            if c == "\n" { line += 1 }
            if c == "<", i + 1 < chars.count, chars[i + 1] == "!" {
                // Comments and doctype: skip to '>' (comments to '-->').
                let isComment = i + 3 < chars.count && chars[i + 2] == "-" && chars[i + 3] == "-"
                var j = i + 2
                while j < chars.count {
                    if isComment ? (j + 2 < chars.count && chars[j] == "-" && chars[j + 1] == "-" && chars[j + 2] == ">") : chars[j] == ">" { break }
                    if chars[j] == "\n" { line += 1 }
                    j += 1
                }
                i = j + (isComment ? 3 : 1)
                continue
            }
            if c == "<", i + 1 < chars.count, chars[i + 1].properties.isAlphabetic {
                var j = i + 1
                var name = ""
                while j < chars.count, !chars[j].properties.isWhitespace, chars[j] != ">", chars[j] != "/" {
                    name.unicodeScalars.append(chars[j])
                    j += 1
                }
                var attributes: [(String, String)] = []
                while j < chars.count, chars[j] != ">" {
                    if chars[j] == "\n" { line += 1 }
                    if chars[j].properties.isWhitespace || chars[j] == "/" { j += 1; continue }
                    var attribute = ""
                    while j < chars.count, !chars[j].properties.isWhitespace, chars[j] != "=", chars[j] != ">" {
                        attribute.unicodeScalars.append(chars[j])
                        j += 1
                    }
                    var value = ""
                    if j < chars.count, chars[j] == "=" {
                        j += 1
                        if j < chars.count, chars[j] == "\"" || chars[j] == "'" {
                            let quote = chars[j]
                            j += 1
                            while j < chars.count, chars[j] != quote {
                                if chars[j] == "\n" { line += 1 }
                                value.unicodeScalars.append(chars[j])
                                j += 1
                            }
                            j += 1
                        } else {
                            while j < chars.count, !chars[j].properties.isWhitespace, chars[j] != ">" {
                                value.unicodeScalars.append(chars[j])
                                j += 1
                            }
                        }
                    }
                    attributes.append((attribute.lowercased(), Self.decode(value)))
                }
                let lower = name.lowercased()
                tags.append(Tag(name: lower, attributes: attributes, line: line))
                if lower == "script" || lower == "style" { rawTextEnd = "</" + lower }
                i = j + 1
                continue
            }
            if c == "<", i + 1 < chars.count, chars[i + 1] == "/" {
                while i < chars.count, chars[i] != ">" { i += 1 }
                i += 1
                continue
            }
            text.unicodeScalars.append(c)
            i += 1
        }
        text = Self.decode(text)
    }

    public func tags(named name: String) -> [Tag] { tags.filter { $0.name == name } }

    /// Decodes the character references a test's payloads could hide behind.
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }
}
