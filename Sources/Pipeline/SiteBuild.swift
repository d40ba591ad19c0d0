import Aggregate
import Foundation
import Load
import Markdown
import Model
import PDF
import Render
import SystemSupport
import Validate
import Write

/// `casebook build`: the pipeline, load → validate → aggregate → render → write, in order.
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
        public var pageCount = 0
        public var reportCount = 0
        public var fileCount = 0
        public var written: OutputWriter.Statistics?
        public var timings: [(stage: String, seconds: Double)] = []
        /// Set when a stage after validation failed (a theme error, an I/O error).
        public var failure: String?
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

    /// Runs every stage; stops before writing on any error, so the previous output stays.
    public func run() -> Outcome {
        var timer = StageTimer(progress: progress)
        progress("load")
        let loaded = SiteLoader.load(from: options.folder)
        timer.lap("load")
        let markdown = MarkdownRenderer(options: [.smart])
        // Bodies need nothing from validation and aggregation, which run on one core: the other
        // cores convert them meanwhile.
        let bodies = loaded.diagnostics.hasErrors ? nil : PreparedBodies(loaded.caseStudies, markdown: markdown)
        // A build that stops early must not leave the conversion running behind it.
        defer { bodies?.wait() }
        let validation = SiteValidator(consentDay: clock.consentDay(), includeDrafts: options.includeDrafts).validate(loaded)
        timer.lap("validate")
        var outcome = Outcome(diagnostics: validation.diagnostics)
        if options.strict {
            outcome.diagnostics = outcome.diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        guard var site = validation.site, !outcome.diagnostics.hasErrors else {
            outcome.timings = timer.laps
            return outcome
        }
        if let baseURL = options.baseURL {
            switch BaseURL.checked(baseURL) {
            case .success(let checked): site.config.baseURL = checked
            case .failure(let problem):
                outcome.failure = "--base-url \(problem.reason); \(BaseURL.example)"
                outcome.timings = timer.laps
                return outcome
            }
        }

        let aggregated = Aggregator.aggregate(site, selection: .site)
        let stamp = clock.stamp()
        timer.lap("aggregate")
        let metrics = options.profile ? Metrics() : nil
        // Only public reports go into the website; internal ones only through `casebook report`.
        let reports = site.config.reports.filter { $0.audience == .public }
        if let problem = OutputPlacement.problem(output: options.outputFolder, siteRoot: site.root) {
            outcome.failure = problem
            outcome.timings = timer.laps
            return outcome
        }
        let session: OutputSession
        do {
            session = try OutputWriter(output: options.outputFolder, kind: .site, keep: site.config.keep).begin()
        } catch {
            outcome.failure = error.description
            outcome.timings = timer.laps
            return outcome
        }
        // Files go to the staging folder as they are made; the output changes only at `finish`.
        let emit: @Sendable (OutputFile) -> Void = session.put
        do {
            let theme = try Theme.load(siteRoot: site.root, name: site.config.theme)
            var renderer = SiteRenderer(theme: theme, markdown: markdown, reports: reports.map { ($0.id, $0.title, $0.subtitle) })
            renderer.preparedBodies = bodies
            renderer.metrics = metrics
            renderer.keepsValuesUntilExit = options.exitsAfterBuild
            var reportFiles = ReportFiles(site: site, stamp: stamp, theme: theme, engine: options.pdf ? try PDFEngine.find(options.engine) : nil)
            reportFiles.allowNetwork = options.allowNetwork
            // Reports need nothing from the pages: they render on a thread of their own beside them.
            let reportResult = ResultSlots<[Diagnostic]>(count: 1)
            let reportsDone = DispatchGroup()
            DispatchQueue.global().async(group: reportsDone) { [reportFiles] in
                reportResult.set(0, Result {
                    let (files, warnings) = try reportFiles.render(reports, prefix: "reports/")
                    files.forEach(emit)
                    return warnings
                })
            }
            // On a render error too: the reports' thread must not outlive the build.
            defer { reportsDone.wait() }
            try renderer.render(aggregated, stamp: stamp, emit: emit)
            timer.lap("render")
            reportsDone.wait()
            let warnings = try reportResult.results[0]?.get() ?? []
            outcome.diagnostics += options.strict ? warnings.map { var d = $0; d.severity = .error; return d } : warnings
            timer.lap("reports")
            outcome.reportCount = reports.count
            // Under --strict a report's warning is an error: the staging copy is not swapped in.
            if outcome.diagnostics.hasErrors {
                outcome.timings = timer.laps
                return outcome
            }
        } catch let error as RenderError {
            outcome.diagnostics.append(error.diagnostic)
            outcome.timings = timer.laps
            return outcome
        } catch {
            outcome.failure = "\(error)"
            outcome.timings = timer.laps
            return outcome
        }
        let paths = session.paths
        outcome.pageCount = paths.count { $0.hasSuffix(".html") }
        outcome.fileCount = paths.count
        do {
            outcome.written = try session.finish()
        } catch {
            outcome.failure = error.description
        }
        timer.lap("write")
        if options.exitsAfterBuild { KeptUntilExit.keep((loaded, validation, site, aggregated)) }
        outcome.timings = timer.laps
        outcome.metrics = metrics?.report ?? []
        return outcome
    }
}

/// Wall-clock time per stage, for `--verbose` (as Zola prints after each step).
struct StageTimer {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(stage: String, seconds: Double)] = []
    let progress: @Sendable (String) -> Void

    init(progress: @escaping @Sendable (String) -> Void) { self.progress = progress }

    /// Ends `stage` and tells `progress` which one comes next.
    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((stage, Double(now - last) / 1e9))
        last = now
        if let next = Self.order.firstIndex(of: stage).map({ $0 + 1 }), next < Self.order.count { progress(Self.order[next]) }
    }

    static let order = ["load", "validate", "aggregate", "render", "reports", "write"]
}
