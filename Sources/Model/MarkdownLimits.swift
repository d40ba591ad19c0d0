/// What a Markdown text may hold before it reaches libcmark (docs/content-format.md, "Limits").
///
/// The libcmark casebook links is the system's (Debian's 0.30.2), which takes quadratic time on
/// one known input: every link closed inside a paragraph walks back over all the image openers
/// (`![`) still open before it (fixed upstream in 0.31, GHSA-66g8-4hjf-77xh). `![[]()` repeated
/// through a 600 KB body took 68 s. The walk never crosses a paragraph, and a blank line always
/// ends one, so counting `![` between blank lines bounds it: at most `maximumImageOpeners` per
/// paragraph and `maximumBytes` per text keep the worst case under a second a text. The other
/// known pathological inputs (deep lists and block quotes, runs of `*`, `_`, `` ` ``, `<`,
/// unclosed links) measured linear in 0.30.2.
///
/// Loading checks every Markdown text with this and reports the file and line; the renderer
/// checks again (`MarkdownRenderer`), so nothing that skipped loading can hang it either.
public enum MarkdownLimits {
    /// Bytes in one Markdown text (a body, a quote, a summary, a description).
    public static let maximumBytes = 1 << 20
    /// `![` in one paragraph (text between blank lines).
    public static let maximumImageOpeners = 500

    public struct Problem: Sendable, Equatable {
        public let code: String
        public let message: String
        /// 1-based, within the text.
        public let line: Int
    }

    /// The first limit `text` breaks, or nil.
    public static func problem(in text: String) -> Problem? {
        if text.utf8.count > maximumBytes {
            return Problem(
                code: "markdown-too-large",
                message: "this Markdown is larger than \(maximumBytes >> 20) MiB; split it into several files",
                line: 1)
        }
        return imageProblem(in: text)
    }

    /// The first paragraph with too many image openers, or nil. One pass over the bytes.
    public static func imageProblem(in text: String) -> Problem? {
        var line = 1
        var paragraphLine = 1
        var inParagraph = false
        var openers = 0
        var lineIsBlank = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                if lineIsBlank {
                    openers = 0
                    inParagraph = false
                }
                line += 1
                lineIsBlank = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                if !inParagraph {
                    paragraphLine = line
                    inParagraph = true
                }
                lineIsBlank = false
                if byte == UInt8(ascii: "["), previous == UInt8(ascii: "!") {
                    openers += 1
                    if openers > maximumImageOpeners {
                        return Problem(
                            code: "markdown-too-many-images",
                            message: "this paragraph opens more than \(maximumImageOpeners) images ('![') "
                                + "(libcmark slows down quadratically on these); put blank lines between them",
                            line: paragraphLine)
                    }
                }
            }
            previous = byte
        }
        return nil
    }

    /// `text` with every `![` written `!\[`, which CommonMark shows as the same two characters but
    /// never parses as an image: what the renderer does with a text loading would have refused.
    public static func neutralised(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "["), previous == UInt8(ascii: "!") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
            previous = byte
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
