import Model

/// Reports a Markdown text that breaks `MarkdownLimits`, at its line in the file, so that a
/// hostile body is an error in `check` rather than a hang in the renderer.
enum MarkdownCheck {
    /// A body that starts on `firstLine` of `file`.
    static func check(_ text: String, file: String, firstLine: Int, diagnostics: inout [Diagnostic]) {
        guard let problem = MarkdownLimits.problem(in: text) else { return }
        diagnostics.append(.error(problem.code, problem.message, at: SourceLocation(file: file, line: firstLine + problem.line - 1, column: 1)))
    }

    /// A value from front matter or a CSV cell; its lines count from where the value starts.
    static func check(_ text: Located<String>?, diagnostics: inout [Diagnostic]) {
        guard let text, let problem = MarkdownLimits.problem(in: text.value) else { return }
        let location = text.location
        diagnostics.append(
            .error(problem.code, problem.message,
                   at: SourceLocation(file: location.file, line: location.line + problem.line - 1, column: problem.line == 1 ? location.column : 1)))
    }
}
