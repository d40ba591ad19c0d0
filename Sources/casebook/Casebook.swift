import ArgumentParser
import Foundation
import Model

@main
struct Casebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "Build case-study websites and printable evaluation reports from Markdown.",
        version: CasebookVersion.description,
        subcommands: [
            InitCommand.self, NewCommand.self, CheckCommand.self, BuildCommand.self, ReportCommand.self, ServeCommand.self,
            QuotesCommand.self, OverrideCommand.self, ImportCommand.self, DoctorCommand.self, ThemeCommand.self, MarkdownCommand.self,
            VersionCommand.self,
        ]
    )

    /// ArgumentParser exits 64 (EX_USAGE) on usage errors; casebook's contract is 2, so CI
    /// scripts can tell "your content is wrong" (1) from "the command is wrong" (2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.err(fullMessage(for: error) + "\n")
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes shared by every subcommand: CI jobs rely on them.
enum ExitStatus {
    /// Content has errors (or warnings under `--strict`).
    static let contentErrors = ExitCode(1)
    /// Usage or I/O problems: the tool could not do its job.
    static let usage = ExitCode(2)

    /// Ends a command that wrote output: a problem outside the content exits 2, content errors 1.
    static func finish(failure: String?, errors: Int, failed: String) throws {
        if let failure {
            Terminal.err("error: \(failure)\n")
            throw usage
        }
        guard errors == 0 else {
            Terminal.err("\(failed): \(TerminalText.count(errors, "error")); \(errors == 1 ? "it" : "they") must be fixed first.\n")
            throw contentErrors
        }
    }
}
