#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON document for the exports, `search-index.json` and `report.json`, written straight to bytes.
///
/// Foundation's `JSONEncoder` cost about 20 µs per quote record here (1 s for the 50,000 quotes
/// of `data/quotes.json`, most of it in its generic encoding containers). These values print
/// the same bytes it printed with `.sortedKeys` and `.withoutEscapingSlashes`, pretty or compact,
/// so the files did not change: keys in byte order, a missing optional leaves its key out.
enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Keys are sorted when written.
    case object([(key: String, value: JSONValue)])

    /// An object from pairs; a nil value leaves its key out, as `Encodable` does for optionals.
    static func object(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// The document as UTF-8: pretty (two-space indent, `"key" : value`) or compact.
    func bytes(pretty: Bool) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self, indent: 0)
        return writer.bytes
    }
}

private struct JSONWriter {
    let pretty: Bool
    var bytes: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(1 << 16)
    }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .string(let text): write(string: text)
        case .int(let number): bytes += String(number).utf8
        case .bool(let flag): bytes += (flag ? "true" : "false").utf8
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            open(indent + 1)
            for (index, item) in items.enumerated() {
                separate(first: index == 0, indent: indent + 1)
                write(item, indent: indent + 1)
            }
            close(indent)
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            bytes.append(UInt8(ascii: "{"))
            open(indent + 1)
            // Byte order, as `.sortedKeys` does; objects are usually written in it already.
            let inOrder = zip(pairs, pairs.dropFirst()).allSatisfy { Self.precedes($0.key, $1.key) }
            let sorted = inOrder ? pairs : pairs.sorted { Self.precedes($0.key, $1.key) }
            for (index, pair) in sorted.enumerated() {
                separate(first: index == 0, indent: indent + 1)
                write(string: pair.key)
                if pretty { bytes.append(32) }
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(32) }
                write(pair.value, indent: indent + 1)
            }
            close(indent)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    // Pretty printing as Foundation's writer does it: even an empty container gets its line breaks.
    private mutating func open(_ indent: Int) {
        if pretty { bytes.append(10) }
    }

    private mutating func separate(first: Bool, indent: Int) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if pretty {
            if !first { bytes.append(10) }
            spaces(indent * 2)
        }
    }

    private mutating func close(_ indent: Int) {
        if pretty {
            bytes.append(10)
            spaces(indent * 2)
        }
    }

    private static let blank = [UInt8](repeating: 32, count: 64)

    /// Indentation, copied from a ready row of spaces rather than appended one by one.
    private mutating func spaces(_ count: Int) {
        var left = count
        while left > 0 {
            let run = min(left, Self.blank.count)
            bytes.append(contentsOf: Self.blank[..<run])
            left -= run
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
    /// `"`, `\` and the control characters.
    private static let special = ByteScan([34, 92], controls: true)

    /// Byte order, compared on contiguous bytes (the generic `UTF8View` comparison cost about
    /// 200 instructions a pair, once for every pair of keys in every object).
    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in
            b.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
    }

    private mutating func write(string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            Self.special.copy(utf8, into: &bytes) { byte, bytes in
                bytes.append(92)
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 8: bytes.append(UInt8(ascii: "b"))
                case 9: bytes.append(UInt8(ascii: "t"))
                case 10: bytes.append(UInt8(ascii: "n"))
                case 12: bytes.append(UInt8(ascii: "f"))
                case 13: bytes.append(UInt8(ascii: "r"))
                default: bytes += [UInt8(ascii: "u"), 48, 48, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 15)]]
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
