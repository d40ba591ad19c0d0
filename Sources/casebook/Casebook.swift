import ArgumentParser

@main
struct Casebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "Build case-study websites and printable evaluation reports from Markdown.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, ReportCommand.self, CheckCommand.self, MarkdownCommand.self]
    )
}

/// Exit codes shared by every subcommand: CI jobs rely on them.
enum ExitStatus {
    /// Content has errors (or warnings under `--strict`).
    static let contentErrors = ExitCode(1)
    /// Usage or I/O problems: the tool could not do its job.
    static let usage = ExitCode(2)
}
