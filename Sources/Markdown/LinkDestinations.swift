import Model

/// What the renderer does to each link and image destination written in Markdown, before
/// libcmark prints it: the URL is made valid, and a root-relative one (`/reports/x.pdf`) is
/// resolved under the site's base path.
///
/// libcmark percent-encodes spaces and the characters HTML attributes cannot hold, but passes a
/// `%` through as it is: `{{% shortcode %}}` left in Markdown, or `100%.pdf`, made every page
/// with one invalid (the URL standard allows `%` only before two hex digits). A second `#` is
/// invalid too. Valid escapes are left alone, so `a%20b` stays `a%20b`.
public struct LinkDestinations: Sendable, Hashable {
    /// Put in place of the first `/` of a root-relative link: the site's base path
    /// (`/insight/`), or for a report read away from the site its absolute base URL.
    public var linkRoot: String
    /// The same for images: the base path on a site; `""` in a report, whose images resolve
    /// in `static/`.
    public var imageRoot: String

    public init(linkRoot: String, imageRoot: String) {
        self.linkRoot = linkRoot
        self.imageRoot = imageRoot
    }

    /// A site at a host's root: root-relative links stay as they are (but are made valid).
    public static let hostRoot = LinkDestinations(linkRoot: "/", imageRoot: "/")

    /// Links and images of a site whose base path is `basePath` (`/insight/`).
    public static func site(basePath: String) -> LinkDestinations { LinkDestinations(linkRoot: basePath, imageRoot: basePath) }

    /// Links and images of a report, read as a file or a PDF away from the site: a root-relative
    /// link is made absolute under `baseURL`; an image becomes a path in `static/`, where a
    /// report's images come from.
    public static func report(baseURL: String) -> LinkDestinations { LinkDestinations(linkRoot: baseURL, imageRoot: "") }

    /// `url` as it is printed: valid, and resolved when it is root-relative.
    public func resolved(_ url: String, image: Bool) -> String {
        let valid = Self.valid(url)
        let root = image ? imageRoot : linkRoot
        guard root != "/", Self.isRootRelative(valid) else { return valid }
        // Written with the base path already (`/insight/x`): an author who worked around the
        // sub-path before keeps a working link.
        let basePath = root.hasPrefix("/") ? root : BaseURL.path(of: root)
        if basePath != "/", valid.hasPrefix(basePath) || valid + "/" == basePath {
            return root.hasPrefix("/") ? valid : root + String(decoding: valid.utf8.dropFirst(basePath.utf8.count), as: UTF8.self)
        }
        return root + valid.dropFirst()
    }

    /// `/x` but not `//host/x` (another host) or `/\x` (which browsers read as `//`).
    public static func isRootRelative(_ url: String) -> Bool {
        var bytes = url.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "/") else { return false }
        let second = bytes.next()
        return second != UInt8(ascii: "/") && second != UInt8(ascii: "\\")
    }

    /// `url` with every byte the URL standard does not allow percent-encoded: a `%` not followed
    /// by two hex digits, a `#` after the first, spaces, controls, `"<>\^`{|}` and non-ASCII.
    public static func valid(_ url: String) -> String {
        let bytes = Array(url.utf8)
        guard bytes.contains(where: { needsLook($0) }) else { return url }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var seenHash = false
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "%"):
                if index + 2 < bytes.count, isHex(bytes[index + 1]), isHex(bytes[index + 2]) {
                    out.append(byte)
                } else {
                    append(byte, to: &out)
                }
            case UInt8(ascii: "#"):
                if seenHash { append(byte, to: &out) } else { out.append(byte) }
                seenHash = true
            default:
                if isDisallowed(byte) { append(byte, to: &out) } else { out.append(byte) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsLook(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "%") || byte == UInt8(ascii: "#") || isDisallowed(byte)
    }

    private static func isDisallowed(_ byte: UInt8) -> Bool {
        if byte <= 0x20 || byte >= 0x7F { return true }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"),
            UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
            return true
        default: return false
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    private static func append(_ byte: UInt8, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 15)]]
    }
}
