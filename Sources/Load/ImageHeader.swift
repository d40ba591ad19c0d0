import Foundation

/// The format and pixel size of an image, read from the first bytes of its file, so that pages
/// can reserve its space (`width` and `height`) and do not shift while it loads.
///
/// Reads at most `readLimit` bytes whatever the file holds: PNG, GIF and WebP say their size in
/// the first 30 bytes; JPEG after its metadata segments (a segment is at most 64 KiB, and the
/// walk stops at the limit); SVG in its root element's `width`/`height` or `viewBox`.
struct ImageHeader: Equatable {
    enum Format: String { case png, jpeg, gif, webp, svg }

    var format: Format
    /// nil when the file does not say (an SVG without sizes, a JPEG whose frame header is past the
    /// limit) or says a size no image has: 0, a negative `viewBox`, or over `maximumSide`.
    var width: Int?
    var height: Int?

    init(format: Format, width: Int? = nil, height: Int? = nil) {
        self.format = format
        // Printed as `width="0"`, a page would hide the image; a negative size is invalid HTML.
        func side(_ value: Int?) -> Int? { value.flatMap { (1...Self.maximumSide).contains($0) ? $0 : nil } }
        (self.width, self.height) = (side(width), side(height))
    }

    /// PNG allows 2³¹−1 pixels a side, but no browser draws one over this.
    static let maximumSide = 100_000

    static let readLimit = 256 << 10
    /// The file extensions of each format.
    static let extensions: [String: Format] = ["png": .png, "jpg": .jpeg, "jpeg": .jpeg, "gif": .gif, "webp": .webp, "svg": .svg]

    /// The header of the file at `path`; nil when it is not an image of a known format.
    static func read(_ path: String) -> ImageHeader? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: readLimit) else { return nil }
        return parse([UInt8](data))
    }

    static func parse(_ b: [UInt8]) -> ImageHeader? {
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        func be32(_ i: Int) -> Int { Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3]) }
        func le16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func le24(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 }
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool { b.count >= offset + bytes.count && Array(b[offset..<(offset + bytes.count)]) == bytes }

        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            guard b.count >= 24, starts(Array("IHDR".utf8), at: 12) else { return ImageHeader(format: .png) }
            return ImageHeader(format: .png, width: be32(16), height: be32(20))
        }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) {
            guard b.count >= 10 else { return ImageHeader(format: .gif) }
            return ImageHeader(format: .gif, width: le16(6), height: le16(8))
        }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) {
            if starts(Array("VP8 ".utf8), at: 12), b.count >= 30 {
                return ImageHeader(format: .webp, width: le16(26) & 0x3FFF, height: le16(28) & 0x3FFF)
            }
            if starts(Array("VP8L".utf8), at: 12), b.count >= 25 {
                let bits = Int(b[21]) | Int(b[22]) << 8 | Int(b[23]) << 16 | Int(b[24]) << 24
                return ImageHeader(format: .webp, width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
            }
            if starts(Array("VP8X".utf8), at: 12), b.count >= 30 {
                return ImageHeader(format: .webp, width: le24(24) + 1, height: le24(27) + 1)
            }
            return ImageHeader(format: .webp)
        }
        if starts([0xFF, 0xD8]) {
            // Segments: FF, a marker, a 2-byte length that counts itself; the frame header (SOF)
            // holds the size. Stops at the start of the image data (SOS) or the bytes read.
            var i = 2
            while i + 9 < b.count {
                guard b[i] == 0xFF else { break }
                let marker = b[i + 1]
                if marker == 0xFF { i += 1; continue }
                if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
                if marker == 0xDA || marker == 0xD9 { break }
                let isFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
                if isFrame { return ImageHeader(format: .jpeg, width: be16(i + 7), height: be16(i + 5)) }
                let length = be16(i + 2)
                guard length >= 2 else { break }
                i += 2 + length
            }
            return ImageHeader(format: .jpeg)
        }
        let text = String(decoding: b.prefix(64 << 10), as: UTF8.self)
        if let tag = svgRootTag(text) {
            var width = svgLength(attribute("width", in: tag))
            var height = svgLength(attribute("height", in: tag))
            if width == nil || height == nil, let box = attribute("viewBox", in: tag) {
                let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
                if numbers.count == 4, numbers[2] > 0, numbers[3] > 0 {
                    // Only the proportions are known: keep them, at the box's own size.
                    width = width ?? Int(numbers[2].rounded())
                    height = height ?? Int(numbers[3].rounded())
                }
            }
            return ImageHeader(format: .svg, width: width, height: height)
        }
        return nil
    }

    /// The text of the `<svg …>` start tag, when the text is an SVG document.
    static func svgRootTag(_ text: String) -> Substring? {
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let after = text[start.upperBound...].first
        guard after == " " || after == "\n" || after == "\t" || after == "\r" || after == ">" || after == "/" else { return nil }
        return text[start.lowerBound..<end]
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        var rest = tag[...]
        while let found = rest.range(of: name) {
            let before = rest[..<found.lowerBound].last
            var after = rest[found.upperBound...].drop(while: \.isWhitespace)
            rest = rest[found.upperBound...]
            guard before.map({ $0.isWhitespace }) ?? false, after.first == "=" else { continue }
            after = after.dropFirst().drop(while: \.isWhitespace)
            guard let quote = after.first, quote == "\"" || quote == "'" else { continue }
            let value = after.dropFirst()
            guard let close = value.firstIndex(of: quote) else { return nil }
            return String(value[..<close])
        }
        return nil
    }

    /// A length in pixels: a number, optionally followed by `px`; nil for `%`, `em` and the like.
    static func svgLength(_ text: String?) -> Int? {
        guard var text = text?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasSuffix("px") { text.removeLast(2) }
        guard let value = Double(text), value > 0, value < Double(maximumSide) else { return nil }
        return Int(value.rounded())
    }

    /// Whether an SVG can run script when opened on its own (a `<script>`, an `on…=` handler or a
    /// `javascript:` URL): published beside a case study, it would run on the site's address.
    static func svgHasScript(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 16 << 20), data.count < 16 << 20 else { return true }
        return svgHasScript(bytes: [UInt8](data))
    }

    /// `svgHasScript` on the file's bytes, in one pass (a file may be 16 MiB). An SVG is read as
    /// XML, so the check allows for what XML does before a browser sees a name or a URL: an
    /// element in any namespace prefix (`<s:script>` is a script), character references
    /// (`&#106;avascript:`), entities a DOCTYPE declares (which could spell anything) and a style
    /// sheet that transforms the document (XSLT can write script); and for URL parsing, which
    /// drops tabs and line breaks anywhere in a URL (`java\tscript:`). Letters are compared
    /// ignoring ASCII case, which refuses more than XML (case-sensitive) would run.
    static func svgHasScript(bytes: [UInt8]) -> Bool {
        let text = bytes.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        func at(_ i: Int, _ word: String) -> Bool {
            let word = word.utf8
            return i + word.count <= text.count && text[i..<(i + word.count)].elementsEqual(word)
        }
        func isLetter(_ byte: UInt8) -> Bool { byte >= 97 && byte <= 122 }
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }
        func digitValue(_ byte: UInt8, hex: Bool) -> Int? {
            if byte >= 48 && byte <= 57 { return Int(byte - 48) }
            return hex && byte >= 97 && byte <= 102 ? Int(byte - 87) : nil
        }
        func isNamePart(_ byte: UInt8) -> Bool { isLetter(byte) || (byte >= 48 && byte <= 57) || byte == 95 || byte == 46 || byte == 45 }
        let url = Array("javascript:".utf8)
        var matched = 0  // how much of `url` the URL-significant characters so far end with
        var i = 0
        while i < text.count {
            let byte = text[i]
            if byte == UInt8(ascii: "<") {
                if at(i + 1, "!entity") || at(i + 1, "?xml-stylesheet") { return true }
                var name = i + 1
                while name < text.count, isNamePart(text[name]) { name += 1 }
                name = name < text.count && text[name] == UInt8(ascii: ":") ? name + 1 : i + 1
                for element in ["script", "foreignobject"] where at(name, element) {
                    let end = name + element.utf8.count
                    if end == text.count || isSpace(text[end]) || text[end] == UInt8(ascii: ">") || text[end] == UInt8(ascii: "/") { return true }
                }
            } else if isSpace(byte), at(i + 1, "on"), i + 3 < text.count, isLetter(text[i + 3]) {
                var end = i + 3
                while end < text.count, isLetter(text[end]) { end += 1 }
                while end < text.count, isSpace(text[end]) { end += 1 }
                if end < text.count, text[end] == UInt8(ascii: "=") { return true }
            }
            // The characters a URL is made of: a character reference is the character it names;
            // spaces, tabs, line breaks and controls are dropped.
            var character = Int(byte)
            if byte == UInt8(ascii: "&"), at(i + 1, "#") {
                let hex = at(i + 2, "x")
                var end = i + (hex ? 3 : 2)
                var value = 0
                while end < text.count, let digit = digitValue(text[end], hex: hex) {
                    value = min(value * (hex ? 16 : 10) + digit, 0x110000)
                    end += 1
                }
                if end < text.count, text[end] == UInt8(ascii: ";"), end > i + (hex ? 3 : 2) {
                    character = value >= 65 && value <= 90 ? value | 0x20 : value
                    i = end
                }
            }
            if character > 0x20 {
                if character == Int(url[matched]) {
                    matched += 1
                    if matched == url.count { return true }
                } else {
                    // `j` starts `url` and appears in it nowhere else, so no shorter match can be under way.
                    matched = character == Int(url[0]) ? 1 : 0
                }
            }
            i += 1
        }
        return false
    }
}
