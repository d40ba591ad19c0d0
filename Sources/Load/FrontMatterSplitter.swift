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
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : bytes.endIndex
            if let start = yamlStart {
                if isFence(line, closing: true) {
                    let yaml = String(text[start..<lineStart])
                    return .success(
                        SplitDocument(
                            yaml: yaml.hasSuffix("\n") ? String(yaml.dropLast()) : yaml, yamlFirstLine: 2,
                            body: String(text[next...]), bodyFirstLine: lineNumber + 1))
                }
            } else {
                guard isFence(line, closing: false) else {
                    return .success(SplitDocument(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
                }
                yamlStart = next
            }
            lineStart = next
            lineNumber += 1
        }
        guard yamlStart != nil else {
            return .success(SplitDocument(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        return .failure(
            .error("unclosed-front-matter",
                   "the front matter that starts here never closes; add a line with only '---' after it",
                   at: SourceLocation(file: file.path, line: 1, column: 1)))
    }

    /// `---` (or `...` when closing), with any trailing spaces, tabs or carriage return.
    private static func isFence(_ line: Substring.UTF8View.SubSequence, closing: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard [32, 9, 13].contains(line[before]) else { break }
            end = before
        }
        let trimmed = line[line.startIndex..<end]
        return trimmed.elementsEqual("---".utf8) || (closing && trimmed.elementsEqual("...".utf8))
    }
}
