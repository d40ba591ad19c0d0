import Foundation
import Model

/// The intrinsic size of a brand logo, for its `width` and `height` attributes: a PNG's from its
/// IHDR chunk, an SVG's from the root element's `width` and `height` (plain numbers or `px`) or
/// else its `viewBox`. Only the start of the file is read.
enum LogoSize {
    static func of(file path: String) -> (width: Int, height: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 16 * 1024) else { return nil }
        let bytes = [UInt8](data)
        return path.lowercased().hasSuffix(".png") ? png(bytes) : svg(String(decoding: bytes, as: UTF8.self))
    }

    /// The signature, then the IHDR chunk: length, "IHDR", width and height as big-endian UInt32.
    static func png(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return sized(number(16), number(20))
    }

    static func svg(_ text: String) -> (width: Int, height: Int)? {
        guard let start = text.range(of: "<svg"), let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[start.upperBound..<end]
        // `name` is one of this function's own constants, so the pattern always compiles.
        func attribute(_ name: String) -> String? {
            guard let pattern = try? Regex(#"(?:^|\s)"# + name + #"\s*=\s*["']([^"']*)["']"#, as: (Substring, Substring).self),
                let match = tag.firstMatch(of: pattern)
            else { return nil }
            return String(match.1)
        }
        func length(_ value: String?) -> Double? {
            guard var value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
            if value.hasSuffix("px") { value.removeLast(2) }
            return Double(value)
        }
        if let width = length(attribute("width")), let height = length(attribute("height")) {
            return sized(Int(width.rounded()), Int(height.rounded()))
        }
        let box = attribute("viewBox")?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        guard box.count == 4 else { return nil }
        return sized(Int(box[2].rounded()), Int(box[3].rounded()))
    }

    /// Sizes a browser could lay out; anything else says nothing.
    private static func sized(_ width: Int, _ height: Int) -> (width: Int, height: Int)? {
        (1...100_000).contains(width) && (1...100_000).contains(height) ? (width, height) : nil
    }
}
