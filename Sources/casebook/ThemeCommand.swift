import ArgumentParser
import Authoring
import Foundation
import Model

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the site's theme.",
        discussion: """
            `casebook theme export` copies every file of the built-in theme into themes/NAME/ to start a theme \
            of your own; `casebook override FILE` copies one. Exit status: that of the subcommand (0 done, \
            2 refused or a usage problem).

            Examples:
              casebook theme export
              casebook theme export --template our-look
            """,
        subcommands: [ThemeExportCommand.self]
    )
}

struct ThemeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Copy the built-in theme's templates and assets into themes/NAME/ as the start of your own theme.",
        discussion: """
            Writes themes/NAME/templates/ and themes/NAME/assets/ with the built-in theme's files, each stamped \
            as `casebook override` stamps the one file it copies, then prints the folder. Set `theme: NAME` in \
            casebook.yml to use it, edit what you want to change and delete the rest: a missing file falls back \
            to the built-in one, and `casebook doctor` lists the copies you have not changed. An existing \
            themes/NAME is refused and nothing is written. Exit status: 0 written, 2 refused.

            Examples:
              casebook theme export
              casebook theme export --template our-look
            """
    )

    @OptionGroup var site: SiteFolder

    @Option(name: [.customLong("template"), .customLong("name")], help: "The new theme's folder name under themes/.")
    var name: String = ThemeExport.defaultName

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let outcome: ThemeExport.Outcome
        do {
            outcome = try ThemeExport.run(folder: site.path, name: name)
        } catch {
            Terminal.err("error: \(error)\n")
            throw ExitStatus.usage
        }
        switch format {
        case .json: Terminal.out(JSONText.encode(outcome))
        case .text:
            Terminal.out(
                "Wrote \(TerminalText.count(outcome.files.count, "file")) to \(outcome.folder)/. Set `theme: \(name)` in casebook.yml to use them.\n")
        }
    }
}
