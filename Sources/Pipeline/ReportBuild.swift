import Foundation
import Model
import PDF
import Write

/// `casebook report`: the pipeline for printable evaluation reports.
///
/// The same pipeline as `build`, with the chosen reports as its outputs: each report aggregates
/// the site with its own filters and audience and renders its HTML and `report.json`, and its PDF
/// and Word document when asked, into `<output>/<id>/`. The output folder is replaced atomically, so a failure
/// leaves the last one; with `only`, the other reports' folders are carried into the new one as they were.
public struct ReportBuild: Sendable {
    public struct Options: Sendable {
        public var folder: String
        public var output: String?
        /// Report ids to build; empty for all.
        public var only: [String] = []
        public var pdf = false
        /// Also make each report's Word document with Pandoc.
        public var docx = false
        /// nil: the first engine found.
        public var engine: PDFEngine.Kind?
        public var includeDrafts = false
        /// Whether reports may show remote images, which the PDF engine then fetches.
        public var allowNetwork = false
        /// The date on every report's cover (`--date`); nil: each report's `date:`, else the build's date.
        public var date: Day?

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
        /// Set when that engine writes untagged PDF: which engine, and how to get one that tags.
        public var engineWarning: String?
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

    /// The pipeline (`SitePipeline`) with the chosen reports as its only outputs, into the output folder.
    public func run() -> Outcome {
        var pipelineOptions = SitePipeline.Options(folder: options.folder, clock: clock)
        pipelineOptions.target = .reports(only: options.only)
        pipelineOptions.includeDrafts = options.includeDrafts
        pipelineOptions.pdf = options.pdf
        pipelineOptions.docx = options.docx
        pipelineOptions.engine = options.engine
        pipelineOptions.allowNetwork = options.allowNetwork
        pipelineOptions.reportDate = options.date
        let pipeline = SitePipeline(options: pipelineOptions)
        let progress = self.progress
        pipeline.pdfProgress = { total, id in progress("Rendering PDF of \(id) (\(total) report\(total == 1 ? "" : "s"))…") }
        // With --only, the other reports' folders in the output stay as they were.
        let output = DiskOutput(folder: options.outputFolder, kind: .reports, partial: !options.only.isEmpty)
        let run = pipeline.run(changed: nil, into: output)
        var outcome = Outcome(diagnostics: run.diagnostics, engine: run.engine, engineWarning: run.engineWarning, failure: run.failure)
        // Written: without an engine, the HTML reports are written all the same.
        guard !run.rendered.isEmpty else { return outcome }
        outcome.reports = run.reports
        if let failure = run.failure {
            outcome.failure = failure + "\nThe HTML reports were written to \(options.outputFolder)."
        }
        return outcome
    }
}
