import ArgumentParser
import Authoring
import Foundation

struct OverrideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "override",
        abstract: "Copy a file of the built-in theme into the site's theme folder, to change it there.",
        discussion: """
            The copy goes to themes/<theme>/ (theme: in casebook.yml, or default), where it replaces the built-in \
            file. A template, stylesheet or script starts with a comment naming the built-in version it was copied \
            from, so that `casebook doctor` can say when that file changes in a later casebook. Without FILE, lists \
            the built-in theme's files; --print writes the built-in file to standard output instead of copying it. \
            An existing copy is refused unless --force. Exit status: 0 done, 2 refused or usage problems \
            (nothing was written).

            Examples:
              casebook override templates/partials/quote.mustache
              casebook override --print assets/site.css | diff - themes/default/assets/site.css
            """
    )

    @Argument(help: "The built-in file, relative to the theme (templates/home.mustache, assets/site.css).")
    var file: String?

    @OptionGroup var site: SiteFolder

    @Flag(help: "Print the built-in file instead of copying it.")
    var print = false

    @Flag(help: "Replace a copy that exists.")
    var force = false

    @Option(help: "Output format: text (the path) or json.")
    var format: OutputFormat = .text

    func run() throws {
        guard let file else {
            Terminal.out(ThemeFileCopy.builtInPaths.map { $0 + "\n" }.joined())
            return
        }
        do {
            if print {
                FileHandle.standardOutput.write(Data(try ThemeFileCopy.builtIn(file)))
                return
            }
            var outcome = try ThemeFileCopy.copy(file, folder: site.path, force: force)
            // The path as the user would type it: relative to the working directory when the site is it.
            if site.path != "." { outcome.path = (site.path as NSString).appendingPathComponent(outcome.path) }
            Terminal.out(format == .json ? JSONText.encode(outcome) : outcome.path + "\n")
        } catch {
            Terminal.err("error: \(error)\n")
            throw ExitStatus.usage
        }
    }
}
