import ArgumentParser
import Authoring
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site: casebook.yml, example content, a .gitignore and a CI workflow.",
        discussion: """
            The new site builds and passes `check --strict` as it is; edit it from there.
            A folder that already holds casebook.yml is refused, and so is one holding any other file init would \
            write. With --force, init rewrites its own files and lists each one it replaced; it never touches others. \
            An existing .gitignore is never replaced: the lines it lacks are added.
            Exit status: 0 written, 2 refused (nothing was written).

            Example:
              casebook init learning-site && cd learning-site && casebook serve
            """
    )

    @Argument(help: "The folder to start the site in (made when missing).", completion: .directory)
    var folder: String = "."

    @Flag(help: "Rewrite the starter files in a folder that already holds a site.")
    var force = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let outcome: SiteInit.Outcome
        do {
            outcome = try SiteInit.run(folder: folder, force: force)
        } catch {
            Terminal.err("error: \(error)\n")
            throw ExitStatus.usage
        }
        switch format {
        case .json:
            Terminal.out(JSONText.encode(outcome))
        case .text:
            var lines = outcome.created.map { "  created   \($0)" }
            lines += outcome.replaced.map { "  replaced  \($0)" }
            lines += outcome.updated.map { "  updated   \($0) (added casebook's output folders)" }
            let into = folder == "." ? "" : "cd \(folder) && "
            Terminal.err("""
                Started a casebook site in \(folder):
                \(lines.joined(separator: "\n"))
                Next: \(into)casebook serve     (preview it on http://127.0.0.1:8000/)
                      casebook new case-study "Your first case study"

                """)
        }
    }
}
