/// The comment `casebook override` writes at the start of a copy of a built-in theme file: which
/// file it was and a fingerprint of its bytes, so that `casebook doctor` can say when the
/// built-in file has changed since, however much the copy was edited after.
///
/// `{{! casebook default theme: templates/home.mustache fnv1a64:0123456789abcdef }}` before a
/// template's first line, and the same words in `/* … */` before a stylesheet's or script's.
/// It shares the first line rather than taking one of its own: a comment prints nothing, but the
/// line break after it would be printed into every page, and the copy's lines keep the numbers
/// of the built-in file's. Other files (images, fonts) cannot hold a comment: `doctor` can only
/// tell whether they are still the same as the built-in file.
struct ThemeFileStamp: Equatable {
    /// Relative to the theme: `templates/home.mustache`.
    let path: String
    let fingerprint: String

    static let marker = "casebook default theme: "

    init(path: String, fingerprint: String) {
        self.path = path
        self.fingerprint = fingerprint
    }

    /// The stamp of the built-in file at `path` with these bytes.
    init(path: String, bytes: [UInt8]) {
        self.init(path: path, fingerprint: Self.fingerprint(bytes))
    }

    /// The comment to write before the file's text, nil for a file that cannot hold one.
    var comment: String? {
        let words = Self.marker + path + " fnv1a64:" + fingerprint
        if path.hasSuffix(".mustache") { return "{{! \(words) }}" }
        if path.hasSuffix(".css") || path.hasSuffix(".js") { return "/* \(words) */" }
        return nil
    }

    /// The stamp at the start of `text`, and the text after it; nil when there is none.
    static func read(_ text: String) -> (stamp: ThemeFileStamp, rest: Substring)? {
        let firstLine = text.prefix { $0 != "\n" }
        guard let marker = firstLine.range(of: Self.marker),
            let end = firstLine[marker.upperBound...].range(of: firstLine.hasPrefix("{{!") ? "}}" : "*/")
        else { return nil }
        let words = firstLine[marker.upperBound..<end.lowerBound].split(separator: " ")
        guard words.count == 2, words[1].hasPrefix("fnv1a64:") else { return nil }
        return (ThemeFileStamp(path: String(words[0]), fingerprint: String(words[1].dropFirst("fnv1a64:".count))), text[end.upperBound...])
    }

    /// FNV-1a, 64 bits, as 16 hexadecimal digits. It tells versions of one file apart and guards
    /// nothing (the copy is the user's own file), so a cryptographic hash and the dependency
    /// it would bring are not needed.
    static func fingerprint(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
