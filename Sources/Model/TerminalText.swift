/// Text from content (values, file names) made safe to print on a terminal.
///
/// A terminal acts on control characters instead of showing them: ESC starts sequences that
/// move the cursor, recolour, retitle the window or (on some terminals) answer back; CR and a
/// line break let a value overwrite or forge a line of output; bidi controls reorder what is
/// shown (the "Trojan Source" trick). Each is written as a visible escape, `\u{1B}`, instead.
public enum TerminalText {
    /// "1 page", "2 pages", "1 case study": a count and its noun, for English terminal summaries
    /// (page text goes through `Wording`, whose languages count differently).
    public static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }

    /// `text` with every control character written as `\u{XX}`, except those in `keeping`.
    /// Tabs are always kept: they only move to the next column.
    public static func visible(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !keeping.contains($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar), !keeping.contains(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// C0 controls but tab, DEL, C1 controls, the line and paragraph separators, and the bidi
    /// marks, embeddings, overrides and isolates.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
