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
            Set SOURCE_DATE_EPOCH for a fixed build date. Exit status: 0 built, 1 content errors, 2 usage or I/O problems.
            """
    )

    @Argument(help: "The site folder (holding casebook.yml).", completion: .directory)
    var path: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: _site inside the site folder).")
    var output: String?

    @Flag(help: "Include drafts.")
    var drafts = false

    @Option(help: "Use this base URL instead of casebook.yml's base_url.")
    var baseURL: String?

    @Flag(help: "Also render the public reports' PDFs into reports/<id>/.")
    var pdf = false

    @Option(help: "PDF engine for --pdf: auto, weasyprint or chromium.")
    var engine: String = "auto"

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

    func validate() throws {
        guard engine == "auto" || PDFEngine.Kind(rawValue: engine) != nil else {
            throw ValidationError("--engine must be auto, weasyprint or chromium")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("'\(path)' is not a folder")
        }
    }

    func run() throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let build = SiteBuild(
            options: .init(
                folder: path, output: output, includeDrafts: drafts, baseURL: baseURL, pdf: pdf,
                engine: PDFEngine.Kind(rawValue: engine), profile: profile),
            clock: .fromEnvironment())
        let outcome = build.run()
        let shown = quiet ? outcome.diagnostics.filter { $0.severity == .error } : outcome.diagnostics
        Terminal.err(format.render(shown))
        if strict && outcome.diagnostics.warningCount > 0 && !outcome.diagnostics.hasErrors {
            Terminal.err("error: warnings are errors with --strict; nothing was written\n")
        }
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
        if let failure = outcome.failure {
            Terminal.err("error: \(failure)\n")
            throw ExitStatus.usage
        }
        guard outcome.succeeded else {
            Terminal.err("Build failed: \(outcome.diagnostics.errorCount) error(s); the previous output was left as it was.\n")
            throw ExitStatus.contentErrors
        }
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let written = outcome.written.map { " (\($0.written) written, \($0.unchanged) unchanged)" } ?? ""
            Terminal.err(String(format: "Built %d pages, %d files%@ in %.2f s → %@\n",
                                outcome.pageCount, outcome.fileCount, written as NSString, seconds,
                                build.options.outputFolder as NSString))
        }
    }
}
