import Model

/// A Markdown file cut into its YAML front matter and its body.
struct SplitDocument {
    /// The YAML between the `---` lines; nil when the file has no front matter at all.
    var yaml: String?
    /// The line of the file on which the YAML's first line stands (for diagnostics).
    var yamlFirstLine: Int
    var body: String
    /// The line of the file on which the body starts.
    var bodyFirstLine: Int
}

/// Splits `---` front matter from the body, as Jekyll and Hugo do.
///
/// Copes with trailing spaces after `---`, an empty block, and `...` as the closing line.
/// A block that never closes is an error that says how to fix it. Works on UTF-8 bytes and
/// copies each part once: bodies are most of a site's bytes.
enum FrontMatterSplitter {
    static func split(_ file: SourceFile) -> Result<SplitDocument, Diagnostic> {
        let text = file.text
        // Lines are found with memchr over the UTF-8 bytes: walking `String.UTF8View` index by
        // index cost more than parsing the YAML of a quote file.
        let cut: Cut = text.utf8.withContiguousStorageIfAvailable(Self.cut) ?? Array(text.utf8).withUnsafeBufferPointer(Self.cut)
        switch cut {
        case .none:
            return .success(SplitDocument(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        case .unclosed:
            return .failure(
                .error("unclosed-front-matter",
                       "the front matter that starts here never closes; add a line with only '---' after it",
                       at: SourceLocation(file: file.path, line: 1, column: 1)))
        case .closed(let yamlStart, let yamlEnd, let bodyStart, let bodyLine):
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            return .success(
                SplitDocument(
                    yaml: String(text[index(yamlStart)..<index(yamlEnd)]), yamlFirstLine: 2,
                    body: String(text[index(bodyStart)...]), bodyFirstLine: bodyLine))
        }
    }

    /// Where the parts are, as byte offsets.
    private enum Cut {
        /// No front matter: the whole file is the body.
        case none
        case unclosed
        /// The YAML (without the line break before the closing fence) and the body after it.
        case closed(yamlStart: Int, yamlEnd: Int, bodyStart: Int, bodyLine: Int)
    }

    private static func cut(_ bytes: UnsafeBufferPointer<UInt8>) -> Cut {
        var lineStart = 0
        var lineNumber = 1
        var yamlStart: Int?
        while lineStart < bytes.count {
            let lineEnd = SourceFile.offset(of: 10, in: bytes, from: lineStart) ?? bytes.count
            let next = lineEnd < bytes.count ? lineEnd + 1 : bytes.count
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if let start = yamlStart {
                if isFence(line, closing: true) {
                    // The line break before the fence ends the last YAML line; it is not part of it.
                    // A fence that ends the file without a line break has no line after it: an
                    // empty body is then reported on the fence's own line, which exists.
                    let bodyLine = lineEnd < bytes.count ? lineNumber + 1 : lineNumber
                    return .closed(yamlStart: start, yamlEnd: max(start, lineStart - 1), bodyStart: next, bodyLine: bodyLine)
                }
            } else {
                guard isFence(line, closing: false) else { return .none }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
        }
        return yamlStart == nil ? .none : .unclosed
    }

    /// `---` (or `...` when closing), with any trailing spaces, tabs or carriage return.
    private static func isFence(_ line: UnsafeBufferPointer<UInt8>, closing: Bool) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == 32 || line[end - 1] == 9 || line[end - 1] == 13 { end -= 1 }
        guard end == 3 else { return false }
        let mark = line[0]
        return (mark == UInt8(ascii: "-") || (closing && mark == UInt8(ascii: "."))) && line[1] == mark && line[2] == mark
    }
}
