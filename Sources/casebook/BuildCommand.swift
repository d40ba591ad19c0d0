import ArgumentParser
import Foundation
import Model
import PDF
import Pipeline

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the website into _site/ (or --output).",
        discussion: """
            Validates first and writes nothing when there is an error; the previous output stays as it was.
            Consent expiry is judged on today's date (or --as-of); SOURCE_DATE_EPOCH sets only the dates written into
            the output, for reproducible builds. Exit status: 0 built, 1 content errors, 2 usage or I/O problems.

            Examples:
              casebook build
              casebook build --pdf --base-url https://example.org/learning/ --output public
            """
    )

    @OptionGroup var site: SiteFolder

    @OptionGroup var clock: ClockOption

    @Option(name: .shortAndLong, help: "Where to write the site (default: _site inside the site folder).")
    var output: String?

    @Flag(help: "Include drafts.")
    var drafts = false

    @Option(help: "Use this base URL instead of casebook.yml's base_url.")
    var baseURL: String?

    @Flag(help: "Also render the public reports' PDFs into reports/<id>/.")
    var pdf = false

    @Option(help: "PDF engine for --pdf: auto, weasyprint or chromium.")
    var engine: EngineChoice = .auto

    @Flag(help: "Let reports show remote (http, https) images, fetched while building; off by default.")
    var allowNetwork = false

    @Option(help: "Diagnostics format: text, json or github.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print the time each stage took.")
    var verbose = false

    @Flag(help: "Print the time of each stage, render step and template (CPU time summed over threads).")
    var profile = false

    /// A bad `--base-url` is a usage error (exit 2), found before anything is read.
    func validate() throws {
        if let baseURL, case .failure(let problem) = BaseURL.checked(baseURL) {
            throw ValidationError("--base-url \(problem.reason); \(BaseURL.example)")
        }
    }

    func run() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        var build = SiteBuild(
            options: .init(
                folder: site.path, output: output, includeDrafts: drafts, baseURL: baseURL, pdf: pdf,
                engine: engine.kind, profile: profile, strict: strict),
            clock: clock.clock)
        build.options.exitsAfterBuild = true
        build.options.allowNetwork = allowNetwork
        let progress = ProgressLine(enabled: !quiet && Terminal.isInteractive)
        build.progress = { stage in progress.show("Building… \(stage)") }
        let outcome = build.run()
        progress.finish()
        let shown = quiet ? outcome.diagnostics.filter { $0.severity == .error } : outcome.diagnostics
        Terminal.err(format.render(shown))
        if let warning = outcome.engineWarning, !quiet { Terminal.err("warning: \(warning)\n") }
        if verbose || profile {
            for (stage, seconds) in outcome.timings {
                let name = stage.padding(toLength: 10, withPad: " ", startingAt: 0)
                Terminal.err("  \(name)" + String(format: "%8.3f s\n", seconds))
            }
        }
        if profile {
            Terminal.err("  render steps and templates (count, seconds summed over threads):\n")
            for entry in outcome.metrics {
                let name = entry.name.padding(toLength: 52, withPad: " ", startingAt: 0)
                Terminal.err("    \(name)" + String(format: "%6d %8.3f s\n", entry.count, entry.seconds))
            }
        }
        try ExitStatus.finish(
            failure: outcome.failure, errors: outcome.diagnostics.errorCount,
            failed: "Build failed, the previous output was left as it was")
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let written = outcome.written.map { " (\($0.written) written, \($0.unchanged) unchanged)" } ?? ""
            // Every HTML page written, reports' included, as `serve` counts them.
            let reports = outcome.reportCount == 0 ? "" : " (\(TerminalText.count(outcome.reportCount, "report")))"
            Terminal.err(String(format: "Built %@%@ in %.2f s → %@%@%@\n",
                                TerminalText.count(outcome.pageCount, "page") as NSString, reports as NSString, seconds,
                                build.options.outputFolder as NSString, (verbose ? written : "") as NSString,
                                build.clock.asOfNote as NSString))
        }
    }
}
