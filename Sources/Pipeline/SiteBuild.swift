import Foundation
import Model
import PDF
import SystemSupport
import Write

/// `casebook build`: the website's pipeline (`SitePipeline`) into an output folder.
public struct SiteBuild: Sendable {
    public struct Options: Sendable {
        public var folder: String
        public var output: String?
        public var includeDrafts = false
        /// Replaces `base_url` (for previews and staging hosts); checked as `base_url` is (`BaseURL`).
        public var baseURL: String?
        /// Also render the public reports' PDFs into `reports/<id>/`.
        public var pdf = false
        public var engine: PDFEngine.Kind?
        /// Collect the time of each render step and template (`--profile`).
        public var profile = false
        /// Warnings count as errors: nothing is written when there is one (`--strict`).
        public var strict = false
        /// The process exits after this build: its values need not be freed (`KeptUntilExit`).
        public var exitsAfterBuild = false
        /// Whether public reports may show remote images, which the PDF engine then fetches.
        public var allowNetwork = false

        public init(
            folder: String, output: String? = nil, includeDrafts: Bool = false, baseURL: String? = nil, pdf: Bool = false,
            engine: PDFEngine.Kind? = nil, profile: Bool = false, strict: Bool = false
        ) {
            self.profile = profile
            self.strict = strict
            self.pdf = pdf
            self.engine = engine
            self.folder = folder
            self.output = output
            self.includeDrafts = includeDrafts
            self.baseURL = baseURL
        }

        /// `--output`, or `_site/` inside the site folder.
        public var outputFolder: String { output ?? (folder as NSString).appendingPathComponent("_site") }
    }

    /// What a build did: its diagnostics always; its files and timings when it got that far.
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        /// HTML pages written, reports' included (the count `serve` prints too).
        public var pageCount = 0
        public var reportCount = 0
        public var fileCount = 0
        public var written: OutputWriter.Statistics?
        public var timings: [(stage: String, seconds: Double)] = []
        /// Set when a stage after validation failed (a theme error, an I/O error).
        public var failure: String?
        /// Set when `--pdf`'s engine writes untagged PDF: which engine, and how to get one that tags.
        public var engineWarning: String?
        /// With `Options.profile`: time per render step and template, summed over threads.
        public var metrics: [Metrics.Entry] = []

        public var succeeded: Bool { !diagnostics.hasErrors && failure == nil }
    }

    public var options: Options
    public var clock: BuildClock
    /// Told the name of each stage as it starts, for a progress line on a terminal.
    public var progress: @Sendable (String) -> Void = { _ in }

    public init(options: Options, clock: BuildClock) {
        self.options = options
        self.clock = clock
    }

    /// Runs every stage (`SitePipeline`) into the output folder; stops before writing on any
    /// error, so the previous output stays.
    public func run() -> Outcome {
        var pipelineOptions = SitePipeline.Options(folder: options.folder, clock: clock)
        pipelineOptions.includeDrafts = options.includeDrafts
        pipelineOptions.baseURL = options.baseURL
        pipelineOptions.pdf = options.pdf
        pipelineOptions.engine = options.engine
        pipelineOptions.allowNetwork = options.allowNetwork
        pipelineOptions.profile = options.profile
        pipelineOptions.strict = options.strict
        pipelineOptions.exitsAfterRun = options.exitsAfterBuild
        let pipeline = SitePipeline(options: pipelineOptions)
        pipeline.progress = progress
        let output = DiskOutput(folder: options.outputFolder, kind: .site)
        let run = pipeline.run(changed: nil, into: output)
        var outcome = Outcome(diagnostics: run.diagnostics)
        outcome.failure = run.failure
        outcome.engineWarning = run.engineWarning
        outcome.timings = run.timings
        outcome.metrics = run.metrics
        guard run.succeeded else { return outcome }
        let paths = output.paths
        outcome.pageCount = paths.count { $0.hasSuffix(".html") }
        outcome.fileCount = paths.count
        outcome.reportCount = run.reports.count
        outcome.written = output.statistics
        return outcome
    }
}
