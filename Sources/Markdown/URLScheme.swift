/// The scheme of a URL written in Markdown (`https`, `mailto`, `c` of `C:\x`), as the site's
/// link audit and a report's resource rules read it: letters, digits, `+`, `-` and `.` before
/// the first `:`, starting with a letter. Read byte by byte: every link of every body goes
/// through here, and nothing is built unless the URL has a scheme and the caller asks for it.
public enum URLScheme {
    /// The scheme, lower-cased; nil for a path (`images/a.png`, `/about/`, `#top`).
    public static func of(_ url: String) -> String? {
        guard let end = end(of: url) else { return nil }
        return String(decoding: url.utf8.prefix(end), as: UTF8.self).lowercased()
    }

    /// Whether `url` starts with a scheme: `of(url) != nil` without making the string.
    public static func isPresent(in url: String) -> Bool { end(of: url) != nil }

    /// The length in bytes of the scheme, when `url` has one.
    private static func end(of url: String) -> Int? {
        var length = 0
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                return length > 0 ? length : nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                // Not the first character.
                if length == 0 { return nil }
            default:
                return nil
            }
            length += 1
        }
        return nil
    }
}
