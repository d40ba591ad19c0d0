/// Finds the next byte an escaper must replace, eight bytes at a time.
///
/// HTML, JSON and CSV escaping look for a handful of ASCII bytes in text that mostly has none of
/// them. Testing a whole 64-bit word per step (the "has a zero byte" trick: a byte of `x` is zero
/// when `(x - 0x01…01) & ~x & 0x80…80` has its top bit) takes a fraction of the instructions of a
/// byte-by-byte loop; a word with a candidate is then checked byte by byte.
struct ByteScan {
    /// The bytes to find, each repeated in every byte of a word; unused slots repeat the first.
    private let t0, t1, t2, t3, t4: UInt64
    /// Also find every byte below 0x20 (JSON's control characters).
    private let controls: Bool

    /// - Parameter targets: one to five ASCII bytes.
    init(_ targets: [UInt8], controls: Bool = false) {
        precondition((1...5).contains(targets.count) && targets.allSatisfy { $0 < 0x80 })
        let words = (0..<5).map { UInt64(targets[$0 < targets.count ? $0 : 0]) &* Self.ones }
        (t0, t1, t2, t3, t4) = (words[0], words[1], words[2], words[3], words[4])
        self.controls = controls
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The top bit of each byte of `word` that is zero (exact for the first zero byte; a later
    /// byte may be flagged by the borrow, which only sends the caller to the byte loop).
    @inline(__always) private static func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// Whether any byte of `word` is a target (never false when one is).
    @inline(__always) private func mayMatch(_ word: UInt64) -> Bool {
        var found = Self.zeros(word ^ t0) | Self.zeros(word ^ t1) | Self.zeros(word ^ t2)
        found |= Self.zeros(word ^ t3) | Self.zeros(word ^ t4)
        // Bytes below 0x20: `byte - 0x20` borrows into the top bit. A byte of 0x80 or more sets
        // nothing here because `~word` clears its top bit.
        if controls { found |= (word &- 0x20 &* Self.ones) & ~word & Self.highs }
        return found != 0
    }

    @inline(__always) private func matches(_ byte: UInt8) -> Bool {
        let word = UInt64(byte) &* Self.ones
        return (controls && byte < 0x20) || word == t0 || word == t1 || word == t2 || word == t3 || word == t4
    }

    /// The index of the first byte at or after `start` to replace, or `bytes.count`.
    func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        var index = start
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if mayMatch(word) { break }
            index &+= 8
        }
        while index < count, !matches(base[index]) { index &+= 1 }
        return index
    }

    /// Appends `bytes` to `out`, runs without a target copied whole and each target through
    /// `replace` (which appends what stands for it).
    func copy(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], replacing replace: (UInt8, inout [UInt8]) -> Void) {
        var runStart = 0
        var index = next(in: bytes, from: 0)
        while index < bytes.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            replace(bytes[index], &out)
            runStart = index + 1
            index = next(in: bytes, from: runStart)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}
