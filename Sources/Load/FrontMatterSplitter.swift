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
/// A block that never closes is an error that says how to fix it.
enum FrontMatterSplitter {
    static func split(_ file: SourceFile) -> Result<SplitDocument, Diagnostic> {
        let text = file.text
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isFence(first, closing: false) else {
            return .success(SplitDocument(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { isFence($0, closing: true) }) else {
            return .failure(
                .error("unclosed-front-matter",
                       "the front matter that starts here never closes; add a line with only '---' after it",
                       at: SourceLocation(file: file.path, line: 1, column: 1)))
        }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(SplitDocument(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 3))
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
