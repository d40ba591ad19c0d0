import ArgumentParser
import Foundation
import Model
import PDF
import Pipeline

extension PDFEngine.Kind: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build the printable evaluation reports defined in casebook.yml.",
        discussion: """
            Writes <output>/<id>/index.html (self-contained, for print), report.json, with --pdf <id>.pdf and with \
            --docx <id>.docx (a Word document made by Pandoc, for clients who comment in Word).
            Internal reports are written only here, never into the website.
            Exit status: 0 done, 1 content errors, 2 usage problems, no PDF engine or no Pandoc.

            Examples:
              casebook report --pdf
              casebook report --only board-review --pdf --engine weasyprint
              casebook report --pdf --date 2026-03-31
              casebook report --docx --only lessons-learned
            """
    )

    @OptionGroup var site: SiteFolder

    @OptionGroup var clock: ClockOption

    @Option(name: .customLong("only"), help: "Build only this report (repeatable); the other reports in the output stay as they were.")
    var only: [String] = []

    @Flag(help: "Also render PDFs.")
    var pdf = false

    @Flag(help: "Also make Word documents (DOCX) with Pandoc.")
    var docx = false

    @Option(help: "PDF engine: auto, weasyprint or chromium.")
    var engine: EngineChoice = .auto

    @Flag(help: "Let reports show remote (http, https) images, fetched while building; off by default.")
    var allowNetwork = false

    @Option(help: ArgumentHelp(
        "The date on every report's cover (YYYY-MM-DD).",
        discussion: "Default: each report's date: in casebook.yml, else the build's date (SOURCE_DATE_EPOCH or today).",
        valueName: "date"))
    var date: Day?

    @Option(name: .shortAndLong, help: "Where to write the reports (default: _reports inside the site folder).")
    var output: String?

    @Option(help: "Diagnostics format: text, json or github.")
    var format: DiagnosticFormat = .text

    func run() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        var options = ReportBuild.Options(
            folder: site.path, output: output, only: only, pdf: pdf, engine: engine.kind)
        options.allowNetwork = allowNetwork
        options.date = date
        options.docx = docx
        let build = ReportBuild(options: options, clock: clock.clock) { message in
            Terminal.err(message + "\n")
        }
        let outcome = build.run()
        Terminal.err(format.render(outcome.diagnostics))
        if let engine = outcome.engine { Terminal.err("PDF engine: \(engine)\n") }
        if let warning = outcome.engineWarning { Terminal.err("warning: \(warning)\n") }
        try ExitStatus.finish(
            failure: outcome.failure, errors: outcome.diagnostics.errorCount, failed: "Reports failed, nothing was written")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        Terminal.err(String(format: "Built %d report%@ (%@) in %.2f s → %@%@\n", outcome.reports.count,
                            outcome.reports.count == 1 ? "" : "s", outcome.reports.joined(separator: ", "), seconds,
                            options.outputFolder, build.clock.asOfNote))
    }
}
