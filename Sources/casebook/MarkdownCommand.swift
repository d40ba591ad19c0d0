import ArgumentParser
import Foundation
import Markdown
import Model

/// `casebook markdown`: render CommonMark the way casebook does, for checking content and for
/// comparing with the `cmark` command (the leak check runs it under valgrind).
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Render Markdown files (or standard input) to HTML with casebook's renderer.",
        discussion: """
            Reads no site. Exit status: 0 rendered, 1 text a site would refuse (too long, or too many image openers in a paragraph), \
            2 usage problems (a file that cannot be read).

            Examples:
              casebook markdown content/pages/about.md
              echo '*Hello*' | casebook markdown --smart
            """
    )

    @Argument(help: "Markdown files; standard input when none.")
    var files: [String] = []

    @Flag(help: "Keep raw HTML and unsafe links, like `cmark --unsafe`. Off by default.")
    var unsafe = false

    @Flag(help: "Smart punctuation, like `cmark --smart`.")
    var smart = false

    func run() throws {
        var options: MarkdownOptions = []
        if unsafe { options.insert(.unsafe) }
        if smart { options.insert(.smart) }
        let renderer = MarkdownRenderer(options: options)
        let inputs: [(name: String, data: Data)]
        if files.isEmpty {
            inputs = [("<stdin>", FileHandle.standardInput.readDataToEndOfFile())]
        } else {
            inputs = try files.map { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ValidationError("cannot read '\(path)'")
                }
                return (path, data)
            }
        }
        // Text a site would refuse (MarkdownLimits) is refused here too, with the same error.
        var refused = false
        for input in inputs {
            let text = String(decoding: input.data, as: UTF8.self)
            if let problem = MarkdownLimits.problem(in: text) {
                Terminal.err("\(input.name):\(problem.line): error: \(problem.message) [\(problem.code)]\n")
                refused = true
                continue
            }
            Terminal.out(renderer.html(text))
        }
        if refused { throw ExitStatus.contentErrors }
    }
}
