extension String {
    /// The first `count` characters: the same string as `String(prefix(count))`.
    ///
    /// `prefix` finds character boundaries one grapheme cluster at a time, which cost 3 % of a
    /// build's instructions for the search index's 1,500-character excerpts. When the text
    /// starts with plain ASCII the prefix is a byte count (`leadingBytesAreCharacters`); any
    /// other text takes the `prefix` path.
    public func prefix(characters count: Int) -> String {
        let cut = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            let end = Swift.min(count, bytes.count)
            guard Self.leadingBytesAreCharacters(bytes, end) else { return nil }
            return end == bytes.count ? self : String(decoding: bytes[..<end], as: UTF8.self)
        }
        return cut.flatMap { $0 } ?? String(prefix(count))
    }

    /// True when the first `count` bytes of UTF-8 `bytes` are its first `count` characters: they
    /// are ASCII other than CR, and the byte after them (if any) is ASCII. No two ASCII
    /// characters join into one cluster except CR LF, and an ASCII byte starts a new cluster.
    static func leadingBytesAreCharacters(_ bytes: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
        guard count <= bytes.count, !bytes[..<count].contains(where: { $0 >= 0x80 || $0 == 13 }) else { return false }
        return count == bytes.count || bytes[count] < 0x80
    }
}
