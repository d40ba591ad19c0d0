import ArgumentParser
import Foundation
import Model
import Pipeline

extension DiagnosticFormat: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a site's content and report every problem, without writing anything.",
        discussion: """
            Exit status: 0 when clean, 1 on errors (or warnings with --strict), 2 on usage or I/O problems \
            (a folder without casebook.yml is one).

            Examples:
              casebook check --strict
              casebook check --format github     (annotations in a GitHub Actions job)
            """
    )

    @OptionGroup var site: SiteFolder

    @OptionGroup var clock: ClockOption

    @Option(help: "Output format: text, json (for tools) or github (Actions annotations).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Include drafts.")
    var drafts = false

    func run() throws {
        let outcome = SiteCheck.run(folder: site.path, clock: clock.clock, includeDrafts: drafts)
        let diagnostics = outcome.diagnostics
        Terminal.out(format.render(diagnostics))
        if format == .text {
            if let summary = outcome.summary { Terminal.err("Checked \(summary.text)\(clock.clock.asOfNote).\n") }
            Terminal.err("\(TerminalText.count(diagnostics.errorCount, "error")), \(TerminalText.count(diagnostics.warningCount, "warning")).\n")
        }
        if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) {
            throw ExitStatus.contentErrors
        }
    }
}
