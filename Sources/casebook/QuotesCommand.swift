import ArgumentParser
import Authoring
import Foundation

extension QuotesAuditFormat: ExpressibleByArgument {}

struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "Audit consent: quotes by consent state and audience, and what needs doing.",
        discussion: """
            Lists every quote by id, speaker and file:line (never its text) under its consent state, and reports \
            as problems: consent expiring within --expiring-within days or already expired, withdrawn quotes still \
            listed under a case study's quotes:, quotes without the consent_ref casebook.yml requires, missing or \
            unknown consent, and quote files that cannot be read. For the team, not for publishing.
            Exit status: 0 no problems, 1 problems (for CI), 2 usage problems.

            Examples:
              casebook quotes
              casebook quotes --expiring-within 30 --format csv > consent-audit.csv
            """
    )

    @OptionGroup var site: SiteFolder

    @OptionGroup var clock: ClockOption

    @Option(help: ArgumentHelp("Count consent expiring within this many days as a problem.", valueName: "days"))
    var expiringWithin: Int = 90

    @Option(help: "Output format: text, csv or json.")
    var format: QuotesAuditFormat = .text

    func validate() throws {
        guard (0...36_500).contains(expiringWithin) else {
            throw ValidationError("--expiring-within must be a number of days from 0 to 36500")
        }
    }

    func run() throws {
        let audit = QuotesAudit.run(folder: site.path, today: clock.clock.consentDay(), expiringWithin: expiringWithin)
        Terminal.out(format.render(audit))
        if audit.hasProblems { throw ExitStatus.contentErrors }
    }
}
