/// Escaping for HTML text and attribute values, as one fast byte loop.
///
/// Every string from content is escaped once, when it enters a template's values, so themes
/// receive only safe HTML (see `Theme`).
public enum HTMLEscape {
    public static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: out += Array("&amp;".utf8)
            case 60: out += Array("&lt;".utf8)
            case 62: out += Array("&gt;".utf8)
            case 34: out += Array("&quot;".utf8)
            case 39: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escaping for XML 1.0 text (feeds, sitemaps): also drops the control characters XML forbids.
    public static func xml(_ text: String) -> String {
        // Control characters are single bytes below 0x20 in UTF-8, so a byte test finds them all.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 10 && $0 != 9 && $0 != 13 }) else { return escape(text) }
        return escape(String(decoding: text.utf8.filter { $0 >= 0x20 || $0 == 10 || $0 == 9 || $0 == 13 }, as: UTF8.self))
    }
}
