extension String {
    /// The first `count` characters: the same string as `String(prefix(count))`.
    ///
    /// `prefix` finds character boundaries one grapheme cluster at a time, which cost 3 % of a
    /// build's instructions for the search index's 1,500-character excerpts. When the text
    /// starts with plain ASCII every byte is a character of its own, so the prefix is a byte
    /// count: no two ASCII characters join into one cluster except CR LF, and an ASCII byte
    /// after the cut starts a new cluster. Any other text takes the `prefix` path.
    public func prefix(characters count: Int) -> String {
        let cut = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            let end = Swift.min(count, bytes.count)
            for byte in bytes[..<end] where byte >= 0x80 || byte == 13 { return nil }
            if end == bytes.count { return self }
            return bytes[end] < 0x80 ? String(decoding: bytes[..<end], as: UTF8.self) : nil
        }
        return cut.flatMap { $0 } ?? String(prefix(count))
    }
}
