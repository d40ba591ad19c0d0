import Aggregate
import Foundation
import Load
import Markdown
import Model
import PDF
import Render
import Validate

/// The website's pipeline, for `casebook build` and `casebook serve` alike:
/// load → validate → aggregate → plan → render → write, in `run`.
///
/// The plan stage lists every output file with its inputs (`OutputManifest`). A build renders
/// all of them into an output folder (`DiskOutput`). The dev server keeps this object between
/// runs (`incremental`): it re-reads only the changed files (`IncrementalLoader`), plans again,
/// and renders only the outputs whose inputs changed since the last good run, into memory
/// (`MemoryOutput`); a change the plan cannot attribute renders everything. A run with errors
/// changes nothing, and its changes are carried to the next run.
///
/// Not thread-safe: one run at a time (the dev server calls it from one serial queue).
public final class SitePipeline: @unchecked Sendable {
    public struct Options: Sendable {
        public var folder: String
        public var clock: BuildClock
        public var includeDrafts = false
        /// Replaces `base_url` (previews, the dev server); checked as `base_url` is (`BaseURL`).
        public var baseURL: String?
        /// Also render the public reports' PDFs into `reports/<id>/`.
        public var pdf = false
        public var engine: PDFEngine.Kind?
        /// Whether public reports may show remote images, which the PDF engine then fetches.
        public var allowNetwork = false
        /// Collect the time of each render step and template (`--profile`).
        public var profile = false
        /// Warnings count as errors: nothing is written when there is one (`--strict`).
        public var strict = false
        /// The process exits after this run: its values need not be freed (`KeptUntilExit`).
        public var exitsAfterRun = false
        /// Keep what was loaded, planned and rendered, and render only what a change affects (`serve`).
        public var incremental = false
        /// Outputs no browser tab shows (exports, feed, reports) wait for `renderHeldBack` (`serve`).
        public var holdsBack = false

        public init(folder: String, clock: BuildClock) {
            self.folder = folder
            self.clock = clock
        }
    }

    /// What a run did.
    public struct Run: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// A problem that is not in the content: the output folder, a missing PDF engine, I/O.
        public var failure: String?
        /// The outputs rendered, and those of the last run that no longer exist.
        public var rendered: Set<String> = []
        public var removed: Set<String> = []
        /// True when every output was rendered (a first run, a change the plan could not attribute).
        public var full = true
        /// Outputs not rendered yet (`Options.holdsBack`): `renderHeldBack` makes them.
        public var heldBack: Set<String> = []
        public var reportCount = 0
        public var timings: [(stage: String, seconds: Double)] = []
        /// With `Options.profile`: time per render step and template, summed over threads.
        public var metrics: [Metrics.Entry] = []

        public var succeeded: Bool { !diagnostics.hasErrors && failure == nil }
    }

    public let options: Options
    /// Told the name of each stage as it starts, for a progress line on a terminal.
    public var progress: @Sendable (String) -> Void = { _ in }
    private let loader: IncrementalLoader
    private let markdown: MarkdownRenderer
    private let fragments: FragmentCache?

    /// What the last good run planned, for the next run's comparison and `renderHeldBack`.
    private var last: (site: ValidatedSite, aggregated: AggregatedSite, plan: SitePlan, renderer: SiteRenderer, reports: ReportFiles)?
    private var theme: Theme?
    /// Source paths changed since the last good run; nil: anything may have (no good run yet).
    private var pending: Set<String>? = nil
    private var heldBack = Set<String>()

    public init(options: Options) {
        self.options = options
        loader = IncrementalLoader(folder: options.folder, remembers: options.incremental)
        markdown = MarkdownRenderer(options: [.smart], cache: options.incremental ? MarkdownCache() : nil)
        fragments = options.incremental ? FragmentCache() : nil
    }

    /// The site folder, resolved.
    public var root: String { loader.root }

    /// Runs every stage into `output`; stops before writing on any error, so the last output stays.
    /// - Parameter changed: source paths changed since the last run (relative); nil for "anything".
    public func run(changed: Set<String>?, into output: OutputDestination) -> Run {
        var timer = StageTimer(progress: progress)
        var run = Run()
        stages(changed: changed, into: output, run: &run, timer: &timer)
        run.timings = timer.laps
        return run
    }

    /// The stages in order, filling in `run`.
    private func stages(changed: Set<String>?, into output: OutputDestination, run: inout Run, timer: inout StageTimer) {
        let loaderChanges = changed
        if let changed { pending?.formUnion(changed) } else { pending = nil }
        let changed = pending

        progress("load")
        let loaded = loader.load(changed: options.incremental ? loaderChanges : nil)
        timer.lap("load")
        // Bodies need nothing from validation and aggregation, which run on one core: the other
        // cores convert them meanwhile. (A rebuild reuses what it converted before instead.)
        let bodies = options.incremental || loaded.diagnostics.hasErrors ? nil : PreparedBodies(loaded.caseStudies, markdown: markdown)
        // A run that stops early must not leave the conversion running behind it.
        defer { bodies?.wait() }
        let validation = SiteValidator(consentDay: options.clock.consentDay(), includeDrafts: options.includeDrafts).validate(loaded)
        timer.lap("validate")
        run.diagnostics = options.strict ? validation.diagnostics.map(\.asError) : validation.diagnostics
        guard var site = validation.site, !run.diagnostics.hasErrors else { return }
        if let baseURL = options.baseURL {
            switch BaseURL.checked(baseURL) {
            case .success(let checked): site.config.baseURL = checked
            case .failure(let problem):
                run.failure = "--base-url \(problem.reason); \(BaseURL.example)"
                return
            }
        }

        let aggregated = Aggregator.aggregate(site, selection: .site)
        let stamp = options.clock.stamp()
        timer.lap("aggregate")

        // Plan: the theme (read again when it or the settings changed), every output and its inputs,
        // and of those the ones to render.
        let themeChanged = changed.map { $0.contains { $0 == "casebook.yml" || $0 == "themes" || $0.hasPrefix("themes/") } } ?? true
        let metrics = options.profile ? Metrics() : nil
        // Only public reports go into the website; internal ones only through `casebook report`.
        let reports = site.config.reports.filter { $0.audience == .public }
        let plan: SitePlan
        let renderer: SiteRenderer
        let reportFiles: ReportFiles
        do {
            if theme == nil || themeChanged {
                theme = try Theme.load(siteRoot: site.root, name: site.config.theme)
                fragments?.clear()
            }
            var made = SiteRenderer(theme: theme!, markdown: markdown, reports: reports.map { ($0.id, $0.title, $0.subtitle) })
            made.preparedBodies = bodies
            made.metrics = metrics
            made.fragmentCache = fragments
            made.keepsValuesUntilExit = options.exitsAfterRun
            renderer = made
            var files = ReportFiles(site: site, stamp: stamp, theme: theme!, engine: options.pdf ? try PDFEngine.find(options.engine) : nil)
            files.allowNetwork = options.allowNetwork
            reportFiles = files
        } catch let error as RenderError {
            run.diagnostics.append(error.diagnostic)
            return
        } catch {
            run.failure = "\(error)"
            return
        }
        markdown.cache?.startGeneration()
        var selection: Set<String>?
        if let changed, let last, let inputs = ChangedInputs.of(changed, old: last.aggregated, new: aggregated) {
            plan = renderer.plan(aggregated, eager: false, reportPDFs: options.pdf)
            let changes = plan.manifest.changes(since: last.plan.manifest, changed: inputs)
            selection = changes.render
            run.removed = changes.removed
            run.full = false
        } else {
            plan = renderer.plan(aggregated, eager: last == nil, reportPDFs: options.pdf)
            run.removed = last.map { $0.plan.manifest.paths.subtracting(plan.manifest.paths) } ?? []
        }
        if options.holdsBack {
            let all = selection ?? plan.manifest.paths
            heldBack = heldBack.union(all.filter { plan.manifest[$0]?.producer.isShownInTabs == false }).intersection(plan.manifest.paths)
            selection = all.subtracting(heldBack)
        }
        run.heldBack = heldBack
        timer.lap("plan")

        // Render and write.
        do {
            try output.begin(site)
        } catch {
            run.failure = "\(error)"
            return
        }
        let warnings = render(plan, renderer: renderer, reports: reportFiles, only: selection, stamp: stamp, into: output, run: &run, timer: &timer)
        run.diagnostics += warnings
        if options.strict { run.diagnostics = run.diagnostics.map(\.asError) }
        guard run.succeeded else { return }
        do {
            try output.finish()
        } catch {
            run.failure = "\(error)"
            return
        }
        timer.lap("write")
        run.rendered = selection ?? plan.manifest.paths
        run.reportCount = reports.count
        run.metrics = metrics?.report ?? []
        if options.exitsAfterRun { KeptUntilExit.keep((loaded, validation, site, aggregated)) }
        if options.incremental { last = (site, aggregated, plan, renderer, reportFiles) }
        pending = []
    }

    /// Renders the outputs the last runs held back (`Options.holdsBack`); nil when there are none.
    public func renderHeldBack(into output: OutputDestination) -> Run? {
        guard !heldBack.isEmpty, let last else { return nil }
        let paths = heldBack
        heldBack = []
        var run = Run(full: false)
        var timer = StageTimer(progress: progress)
        do {
            try output.begin(last.site)
        } catch {
            return nil
        }
        let warnings = render(
            last.plan, renderer: last.renderer, reports: last.reports, only: paths, stamp: options.clock.stamp(), into: output, run: &run,
            timer: &timer)
        run.diagnostics = warnings
        guard run.succeeded, (try? output.finish()) != nil else { return nil }
        run.rendered = paths
        return run
    }

    /// The render stage: the plan's site files and its reports (on a thread of their own beside
    /// the pages), each handed to `output` as soon as it is made. Returns the diagnostics.
    private func render(
        _ plan: SitePlan, renderer: SiteRenderer, reports: ReportFiles, only: Set<String>?, stamp: StampTime, into output: OutputDestination,
        run: inout Run, timer: inout StageTimer
    ) -> [Diagnostic] {
        let emit: @Sendable (OutputFile) -> Void = output.put
        let manifest = plan.manifest
        var ids = Set<String>()
        for path in only ?? manifest.paths {
            if case .report(let id, _) = manifest[path]?.producer { ids.insert(id) }
        }
        let wanted = reports.site.config.reports.filter { ids.contains($0.id) }
        let reportResult = ResultSlots<[Diagnostic]>(count: 1)
        let reportsDone = DispatchGroup()
        DispatchQueue.global().async(group: reportsDone) {
            reportResult.set(0, Result {
                let (files, warnings) = try reports.render(wanted, prefix: "reports/")
                // Only the parts planned and asked for (a static/ file may replace one).
                for file in files where manifest[file.path].map({ if case .report = $0.producer { true } else { false } }) ?? false {
                    if only?.contains(file.path) ?? true { emit(file) }
                }
                return warnings
            })
        }
        // On a render error too: the reports' thread must not outlive the run.
        defer { reportsDone.wait() }
        do {
            try renderer.render(plan, stamp: stamp, only: only, emit: emit)
            timer.lap("render")
            reportsDone.wait()
            let warnings = try reportResult.results[0]?.get() ?? []
            timer.lap("reports")
            return warnings
        } catch let error as RenderError {
            return [error.diagnostic]
        } catch {
            run.failure = "\(error)"
            return []
        }
    }
}

extension Diagnostic {
    /// The same diagnostic as an error (`--strict`).
    var asError: Diagnostic {
        var diagnostic = self
        diagnostic.severity = .error
        return diagnostic
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

    static let order = ["load", "validate", "aggregate", "plan", "render", "reports", "write"]
}
