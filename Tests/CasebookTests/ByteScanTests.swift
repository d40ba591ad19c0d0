import Foundation
@testable import Render
import Testing

/// The escapers find special bytes eight at a time (`ByteScan`). A word-sized test that missed a
/// byte would let `<` into a page or a raw quote into a CSV field, so each escaper is compared
/// with a plain byte-by-byte version on text where the special bytes sit at every offset of a
/// word, beside multi-byte UTF-8 and bytes at 0x7F/0x80 where the arithmetic changes.
@Suite struct ByteScanTests {
    static let pieces = ["a", "é", "👍🏽", "\u{1}", "\u{1F}", " ", "\u{7F}", "\u{80}", "ÿ", "&", "<", ">", "\"", "'", "\\", ",", "\r", "\n", "\t", "xyz"]

    /// Deterministic text: lengths 0–40, each a different mix of the pieces above.
    static let samples: [String] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var samples = (0..<30).map { String(repeating: "a", count: $0) }
        for length in 0..<400 {
            samples.append((0..<(length % 41)).map { _ in pieces[next() % pieces.count] }.joined())
        }
        // One special byte at each position of a long plain run.
        for special in ["&", "\"", "\u{1}", ","] {
            for position in 0..<24 { samples.append(String(repeating: "b", count: position) + special + String(repeating: "c", count: 20)) }
        }
        return samples
    }()

    static func naiveHTML(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func findsEveryTargetAndNothingElse() {
        let scan = ByteScan([38, 60, 62, 34, 39])
        let controls = ByteScan([34, 92], controls: true)
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for start in 0...bytes.count {
                    let expected = bytes[start...].firstIndex { [38, 60, 62, 34, 39].contains($0) } ?? bytes.count
                    #expect(scan.next(in: buffer, from: start) == expected, "\(sample.debugDescription) from \(start)")
                    let expectedJSON = bytes[start...].firstIndex { $0 < 0x20 || $0 == 34 || $0 == 92 } ?? bytes.count
                    #expect(controls.next(in: buffer, from: start) == expectedJSON, "\(sample.debugDescription) from \(start)")
                }
            }
        }
    }

    @Test func htmlEscapingMatchesTheByteByByteVersion() {
        for sample in Self.samples {
            #expect(HTMLEscape.escape(sample) == Self.naiveHTML(sample), "\(sample.debugDescription)")
        }
    }

    @Test func jsonStringsReadBackAsWritten() throws {
        for sample in Self.samples {
            let bytes = JSONValue.array([.string(sample)]).bytes(pretty: false)
            let decoded = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
            #expect(decoded == [sample], "\(sample.debugDescription)")
        }
    }

    @Test func csvFieldsAreQuotedExactlyWhenNeeded() {
        for sample in Self.samples {
            var table = CSVTable()
            table.append(row: [sample])
            // A field a spreadsheet would run as a formula also gets a ' in front (see `CSVTable`).
            let formula = ["=", "+", "-", "@", "\t", "\r"].contains(sample.unicodeScalars.first.map(String.init) ?? "")
            let needsQuotes = formula || sample.utf8.contains { $0 == 34 || $0 == 44 || $0 == 59 || $0 == 13 || $0 == 10 }
            let expected = needsQuotes ? "\"" + (formula ? "'" : "") + sample.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : sample
            #expect(String(decoding: table.bytes, as: UTF8.self) == expected, "\(sample.debugDescription)")
        }
    }
}
