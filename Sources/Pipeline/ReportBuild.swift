import Foundation
import Model
import PDF
import Render
import Write

/// `casebook report`: the pipeline for printable evaluation reports.
///
/// Loads and validates like `build`, then for each report aggregates the site with the report's
/// filters and audience, renders its HTML and `report.json`, and its PDF when asked, into
/// `<output>/<id>/`. The output folder is replaced atomically, so a failure leaves the last one.
public struct ReportBuild: Sendable {
    public struct Options: Sendable {
        public var folder: String
        public var output: String?
        /// Report ids to build; empty for all.
        public var only: [String] = []
        public var pdf = false
        /// nil: the first engine found.
        public var engine: PDFEngine.Kind?
        public var includeDrafts = false
        /// Whether reports may show remote images, which the PDF engine then fetches.
        public var allowNetwork = false

        public init(folder: String, output: String? = nil, only: [String] = [], pdf: Bool = false, engine: PDFEngine.Kind? = nil) {
            self.folder = folder
            self.output = output
            self.only = only
            self.pdf = pdf
            self.engine = engine
        }

        public var outputFolder: String { output ?? (folder as NSString).appendingPathComponent("_reports") }
    }

    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var reports: [String] = []
        public var engine: String?
        /// A problem that is not in the content: a missing engine, an unknown `--only` id, I/O.
        public var failure: String?
        public var succeeded: Bool { !diagnostics.hasErrors && failure == nil }
    }

    public var options: Options
    public var clock: BuildClock
    public var progress: @Sendable (String) -> Void

    public init(options: Options, clock: BuildClock, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.clock = clock
        self.progress = progress
    }

    public func run() -> Outcome {
        let checked = SiteCheck.run(folder: options.folder, clock: clock, includeDrafts: options.includeDrafts)
        var outcome = Outcome(diagnostics: checked.diagnostics)
        guard let site = checked.site else { return outcome }

        let all = site.config.reports
        if all.isEmpty {
            outcome.failure = "casebook.yml defines no reports; add a 'reports:' list (see the README)"
            return outcome
        }
        for id in options.only where !all.contains(where: { $0.id == id }) {
            outcome.failure = "no report '\(id)' in casebook.yml\(Suggestion.hint(for: id, in: all.map(\.id)))"
            return outcome
        }
        let chosen = options.only.isEmpty ? all : all.filter { options.only.contains($0.id) }
        if let problem = OutputPlacement.problem(output: options.outputFolder, siteRoot: site.root) {
            outcome.failure = problem
            return outcome
        }

        var engine: PDFEngine?
        var engineProblem: String?
        if options.pdf {
            do {
                engine = try PDFEngine.find(options.engine)
                outcome.engine = engine?.description
            } catch {
                engineProblem = error.message
            }
        }
        do {
            let theme = try Theme.load(siteRoot: site.root, name: site.config.theme)
            let progress = self.progress
            var renderer = ReportFiles(site: site, stamp: clock.stamp(), theme: theme, engine: engine)
            renderer.allowNetwork = options.allowNetwork
            renderer.progress = { _, total, id in progress("Rendering PDF of \(id) (\(total) report\(total == 1 ? "" : "s"))…") }
            let (files, warnings) = try renderer.render(chosen, prefix: "")
            outcome.diagnostics += warnings
            try OutputWriter(output: options.outputFolder, kind: .reports, keep: site.config.keep).write(files)
            outcome.reports = chosen.map(\.id)
        } catch let error as RenderError {
            outcome.diagnostics.append(error.diagnostic)
        } catch {
            outcome.failure = "\(error)"
        }
        if let engineProblem, outcome.failure == nil {
            outcome.failure = engineProblem + "\nThe HTML reports were written to \(options.outputFolder)."
        }
        return outcome
    }
}
