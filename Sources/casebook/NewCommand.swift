import ArgumentParser
import Authoring
import Foundation
import Model

extension NewContent.Kind: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new case study, quote or page with its front matter filled in, and print its path.",
        discussion: """
            The slug (the file name and web address) comes from the title; the site's themes and programmes are \
            listed as comments. A new case study is a draft until you delete `draft: true`. A new quote's consent \
            is left empty: `check` reports it until you write what the speaker agreed to. A slug already in use \
            is refused. Exit status: 0 written, 2 refused (nothing was written).

            Examples:
              casebook new case-study "Parents redesign the Saturday drop-in"
              casebook new quote "Parent on Saturday mornings"
              $EDITOR "$(casebook new page "How we evaluate")"
            """
    )

    @Argument(help: "What to write: case-study, quote or page.")
    var kind: NewContent.Kind

    @Argument(help: "The title (for a quote: a short label, which names its file).")
    var title: String

    @OptionGroup var site: SiteFolder

    @Option(help: "Use this slug instead of the one made from the title.")
    var slug: String?

    @Option(help: "The date to write (YYYY-MM-DD; default: today).")
    var date: Day?

    @Option(help: "Output format: text (the path) or json.")
    var format: OutputFormat = .text

    func run() throws {
        let outcome: NewContent.Outcome
        do {
            outcome = try NewContent.run(
                kind: kind, title: title, slug: slug, folder: site.path, date: date ?? Day(unixTime: Int(Date().timeIntervalSince1970)))
        } catch {
            Terminal.err("error: \(error)\n")
            throw ExitStatus.usage
        }
        // The path as the user would type it: relative to the working directory when the site is it.
        let path = site.path == "." ? outcome.path : (site.path as NSString).appendingPathComponent(outcome.path)
        switch format {
        case .json:
            var shown = outcome
            shown.path = path
            Terminal.out(JSONText.encode(shown))
        case .text:
            Terminal.out(path + "\n")
        }
    }
}
