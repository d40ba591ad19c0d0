/// Escaping for HTML text and attribute values, as one fast byte loop.
///
/// Every string from content is escaped once, when it enters a template's values, so themes
/// receive only safe HTML (see `Theme`).
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            guard special.next(in: utf8, from: 0) < utf8.count else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(utf8.count + 16)
            special.copy(utf8, into: &out) { byte, out in out += entity(for: byte) }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    // & < > " '
    private static let special = ByteScan([38, 60, 62, 34, 39])
    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    private static func entity(for byte: UInt8) -> [UInt8] {
        switch byte {
        case 38: amp
        case 60: lt
        case 62: gt
        case 34: quot
        default: apos
        }
    }

    /// Escaping for XML 1.0 text (feeds, sitemaps): also drops the control characters XML forbids.
    public static func xml(_ text: String) -> String {
        // Control characters are single bytes below 0x20 in UTF-8, so a byte test finds them all.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 10 && $0 != 9 && $0 != 13 }) else { return escape(text) }
        return escape(String(decoding: text.utf8.filter { $0 >= 0x20 || $0 == 10 || $0 == 9 || $0 == 13 }, as: UTF8.self))
    }
}
