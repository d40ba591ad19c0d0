import Aggregate
import Foundation
import Load
import Markdown
import Model
import PDF
import Render
import SystemSupport
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
/// `@unchecked Sendable` only so that queue can own it; never used from two threads at once.
public final class SitePipeline: @unchecked Sendable {
    public struct Options: Sendable {
        public var folder: String
        public var clock: BuildClock
        public var target = Target.site
        public var includeDrafts = false
        /// Replaces `base_url` (previews, the dev server); checked as `base_url` is (`BaseURL`).
        public var baseURL: String?
        /// Also render the reports' PDFs.
        public var pdf = false
        public var engine: PDFEngine.Kind?
        /// Also make the reports' Word documents with Pandoc (`casebook report --docx` only).
        public var docx = false
        /// Whether reports may show remote images, which the PDF engine then fetches.
        public var allowNetwork = false
        /// The date on every report's cover (`report --date`); nil: each report's `date:` or the build's.
        public var reportDate: Day?
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

    /// Which outputs the plan lists.
    public enum Target: Sendable {
        /// The website, with its public reports under `reports/` (`build`, `serve`).
        case site
        /// Reports of any audience, each in `<id>/` (`casebook report`); empty for all of them.
        case reports(only: [String])
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
        /// True when the edit was patched into the last run's site, aggregation and plan (`ItemEdit`)
        /// instead of validating, aggregating and planning the whole site again.
        public var patched = false
        /// Outputs not rendered yet (`Options.holdsBack`): `renderHeldBack` makes them.
        public var heldBack: Set<String> = []
        /// The outputs this run changed, rendered now or held back (`Options.holdsBack`).
        public var changed: Set<String> = []
        /// The reports planned, by id.
        public var reports: [String] = []
        /// The PDF engine used, when one was asked for and found.
        public var engine: String?
        /// Set when that engine writes untagged PDF: which engine, and how to get one that tags.
        public var engineWarning: String?
        public var timings: [(stage: String, seconds: Double)] = []
        /// With `Options.profile`: time per render step and template, summed over threads.
        public var metrics: [Metrics.Entry] = []

        public var succeeded: Bool { !diagnostics.hasErrors && failure == nil }
    }

    /// The plan stage's product: the manifest and what renders its entries.
    struct Plan {
        var manifest: OutputManifest
        /// The website's pages, exports and copied files; nil for `Target.reports`.
        var site: (plan: SitePlan, renderer: SiteRenderer)?
        var reports: ReportFiles
        var reportPrefix: String
    }

    public let options: Options
    /// Told the name of each stage as it starts, for a progress line on a terminal.
    public var progress: @Sendable (String) -> Void = { _ in }
    /// Told before each report's PDF is rendered: (total, report id).
    public var pdfProgress: @Sendable (Int, String) -> Void = { _, _ in }
    private let loader: IncrementalLoader
    /// Holds the cache; each run makes its renderer from the settings (`siteMarkdown`).
    private let markdown: MarkdownRenderer
    private let fragments: FragmentCache?
    private let parsedTemplates: ParsedTemplates?
    private let auditedBodies: AuditedBodies?

    /// What the last good run validated and planned, for the next run's comparison and patches,
    /// and `renderHeldBack`.
    private var last: Last?

    private struct Last {
        var consentDay: ConsentDay
        var validation: SiteValidator.Result
        var audit: (auditor: MarkdownAudit, outcome: MarkdownAudit.Outcome)
        var site: ValidatedSite
        var aggregated: AggregatedSite?
        var plan: Plan
    }
    private var theme: Theme?
    /// Source paths changed since the last good run; nil: anything may have (no good run yet).
    private var pending: Set<String>? = nil
    private var heldBack = Set<String>()

    public init(options: Options) {
        self.options = options
        loader = IncrementalLoader(folder: options.folder, remembers: options.incremental)
        markdown = MarkdownRenderer(options: [.smart], cache: options.incremental ? MarkdownCache() : nil)
        fragments = options.incremental ? FragmentCache() : nil
        parsedTemplates = options.incremental ? ParsedTemplates() : nil
        auditedBodies = options.incremental ? AuditedBodies() : nil
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
        // An edit is patched into the last good run only when it is all that changed since then.
        let follows = options.incremental && pending?.isEmpty == true
        if let changed { pending?.formUnion(changed) } else { pending = nil }
        let changed = pending

        // Load and validate.
        progress("load")
        let loaded = loader.load(changed: options.incremental ? loaderChanges : nil)
        timer.lap("load")
        // Bodies need nothing from validation, which runs on one core: the other cores convert
        // them meanwhile, and read their links for the audit in the same parse. (A rebuild
        // reuses what it converted before instead.)
        let markdown = siteMarkdown(loaded.config)
        let convertsBodies = !options.incremental && !loaded.diagnostics.hasErrors && options.target.isSite
        let bodies = convertsBodies ? PreparedBodies(loaded.caseStudies, markdown: markdown) : nil
        // A run that stops early must not leave the conversion running behind it.
        defer { bodies?.wait() }
        // A one-file edit whose items keep their placement is patched into the last good run's
        // site, aggregation and plan (`ItemEdit`); each stage that cannot patch runs in full.
        let consentDay = options.clock.consentDay()
        let validator = SiteValidator(consentDay: consentDay, includeDrafts: options.includeDrafts)
        let patch = follows ? loader.lastEdit.flatMap { edit in
            last.flatMap { $0.consentDay == consentDay ? validator.patch($0.validation, with: edit) : nil }
        } : nil
        let validation = patch?.result ?? validator.validate(loaded)
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
        // A finding is judged against the site (`MarkdownAudit.Context`) and against files beside
        // case studies, read from disk: any other change to content/ than its texts forgets them.
        if changed?.allSatisfy({ !$0.hasPrefix("content") || Self.isContentText($0) }) != true { auditedBodies?.forgetAll() }
        // A patched edit audits the edited bodies only, with the last run's audit (its context is unchanged).
        let lastAudit = patch != nil ? last?.audit : nil
        let auditor = lastAudit?.auditor ?? MarkdownAudit(site, kept: auditedBodies)
        let audited = patch.flatMap { patch in
            lastAudit.flatMap { auditor.patch($0.outcome, caseStudies: patch.places.caseStudies.map { site.caseStudies[$0] }, pages: patch.places.pages.map { site.pages[$0] }) }
        } ?? auditor.run(prepared: bodies)
        let (markdownAudit, bodyImages) = (audited.diagnostics, audited.bodyImages)
        for index in site.caseStudies.indices {
            if let images = bodyImages[site.caseStudies[index].slug] { site.caseStudies[index].bodyImages = images }
        }
        // A translation shows its original's images beside it, which are published in its language's folder too.
        for language in site.translations.indices {
            for index in site.translations[language].caseStudies.indices {
                if let images = bodyImages[site.translations[language].caseStudies[index].slug] {
                    site.translations[language].caseStudies[index].bodyImages = images
                }
            }
        }
        let audit = markdownAudit + (options.target.isSite ? RobotsFileCheck.diagnostics(site) : [])
        run.diagnostics += options.strict ? audit.map(\.asError) : audit
        timer.lap("audit")
        guard !run.diagnostics.hasErrors else { return }

        // Aggregate: the website's lists and counts (each report aggregates its own selection).
        let edited = patch.map { places in
            (caseStudies: places.places.caseStudies.map { site.caseStudies[$0] }, quotes: places.places.quotes.map { site.quotes[$0] },
             pages: places.places.pages.map { site.pages[$0] })
        }
        // Each edited item with the one it replaces, as the last run's lists hold it (the same places).
        let patchedAggregation = patch.flatMap { patch in
            last.flatMap { last in
                last.aggregated?.patched(
                    caseStudies: patch.places.caseStudies.map { (last.site.caseStudies[$0], site.caseStudies[$0]) },
                    quotes: patch.places.quotes.map { (last.site.quotes[$0], site.quotes[$0]) },
                    pages: patch.places.pages.map { (last.site.pages[$0], site.pages[$0]) })
            }
        }
        let aggregated = options.target.isSite ? patchedAggregation ?? Aggregator.aggregate(site, selection: .site) : nil
        // Each other language is a site of its own: its quotes carry their originals' consent.
        let translations = aggregated == nil ? [] : site.translations.map { Aggregator.aggregate(site.inLanguage($0), selection: .site) }
        timer.lap("aggregate")

        // Plan: every output with its inputs, and of those the ones to render.
        let metrics = options.profile ? Metrics() : nil
        let plan: Plan
        let engineProblem: String?
        do {
            (plan, engineProblem) = try makePlan(
                site, aggregated, translations, markdown: markdown, bodies: bodies, metrics: metrics, changed: changed,
                edited: patchedAggregation != nil ? edited : nil, run: &run)
        } catch let error as RenderError {
            run.diagnostics.append(error.diagnostic)
            return
        } catch {
            run.failure = "\(error)"
            return
        }
        var selection: Set<String>?
        if let changed, let last, let old = last.aggregated, let aggregated,
            let inputs = ChangedInputs.of(changed, old: old, new: aggregated)
        {
            let changes = metrics.measure("plan: compare manifests") { plan.manifest.changes(since: last.plan.manifest, changed: inputs) }
            selection = changes.render
            run.removed = changes.removed
            run.full = false
        } else {
            run.removed = last.map { $0.plan.manifest.paths.subtracting(plan.manifest.paths) } ?? []
        }
        run.changed = selection ?? plan.manifest.paths
        if options.holdsBack {
            // A rebuild renders nothing up front: each changed output waits until it is asked for
            // (the tab that reloads asks for its page), as Hugo's server renders only open pages.
            // A full run renders what tabs show, so that every path has its bytes.
            let all = selection ?? plan.manifest.paths
            let waiting = selection != nil ? all : all.filter { plan.manifest[$0]?.producer.isShownInTabs == false }
            // Filtered, not intersected with every path: a rebuild holds back a few.
            heldBack = (selection == nil ? waiting : heldBack.union(waiting)).filter { plan.manifest[$0] != nil }
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
        let warnings = render(plan, only: selection, into: output, run: &run, timer: &timer)
        run.diagnostics += options.strict ? warnings.map(\.asError) : warnings
        guard run.succeeded else { return }
        do {
            try output.finish()
        } catch {
            run.failure = "\(error)"
            return
        }
        timer.lap("write")
        run.rendered = selection ?? plan.manifest.paths
        run.metrics = metrics?.report ?? []
        if let engineProblem {
            run.failure = engineProblem
            return
        }
        if options.exitsAfterRun { KeptUntilExit.keep((loaded, validation, site, aggregated)) }
        if options.incremental {
            last = Last(consentDay: consentDay, validation: validation, audit: (auditor, audited), site: site, aggregated: aggregated, plan: plan)
        }
        pending = []
    }

    /// The plan stage's manifest and renderers: the theme (read again when it or the settings
    /// changed), the reports the target asks for, the website's pages and files. Returns, for a
    /// report run without the PDF engine it asked for, what to say once the HTML is written.
    /// - Parameter edited: the items of an edit patched into the last run's aggregation
    ///   (`AggregatedSite.patched`): the last plan is patched with them when it can be.
    private func makePlan(
        _ site: ValidatedSite, _ aggregated: AggregatedSite?, _ translations: [AggregatedSite], markdown: MarkdownRenderer, bodies: PreparedBodies?,
        metrics: Metrics?, changed: Set<String>?, edited: (caseStudies: [CaseStudy], quotes: [Quote], pages: [Page])?, run: inout Run
    ) throws -> (Plan, engineProblem: String?) {
        if theme == nil || changed.map({ $0.contains { $0 == "casebook.yml" || $0 == "themes" || $0.hasPrefix("themes/") } }) ?? true {
            theme = try Theme.load(siteRoot: site.root, name: site.config.theme, parsed: parsedTemplates)
        }
        var engine: PDFEngine?
        var engineProblem: String?
        do {
            engine = options.pdf ? try PDFEngine.find(options.engine) : nil
        } catch {
            // A report run still writes the HTML reports; a website build stops.
            guard case .reports = options.target else { throw error }
            engineProblem = error.message
        }
        var pandoc: Pandoc?
        if options.docx, case .reports = options.target {
            do {
                pandoc = try Pandoc.find()
            } catch {
                engineProblem = [engineProblem, error.message].compactMap { $0 }.joined(separator: "\n")
            }
        }
        run.engine = engine?.description
        run.engineWarning = engine?.untaggedWarning
        let reports = try chooseReports(site)
        run.reports = reports.map(\.id)
        var reportFiles = ReportFiles(site: site, stamp: options.clock.stamp(), theme: theme!, engine: engine)
        reportFiles.allowNetwork = options.allowNetwork
        reportFiles.date = options.reportDate
        reportFiles.pandoc = pandoc
        let pdfProgress = self.pdfProgress
        reportFiles.progress = { _, total, id in pdfProgress(total, id) }
        guard let aggregated else {
            let entries = OutputManifest.reports(run.reports, prefix: "", pdf: engine != nil, docx: pandoc != nil, theme: theme!)
            return (Plan(manifest: OutputManifest(entries), site: nil, reports: reportFiles, reportPrefix: ""), engineProblem)
        }
        let links = reports.map { SiteReportLink(id: $0.id, title: $0.title, subtitle: $0.subtitle, themes: $0.themes?.map(\.value)) }
        var renderer = SiteRenderer(theme: theme!, markdown: markdown, reports: links)
        renderer.metrics = metrics
        renderer.reuse.preparedBodies = bodies
        renderer.reuse.fragments = fragments
        renderer.reuse.keepsValuesUntilExit = options.exitsAfterRun
        if let edited, let previous = last?.plan.site,
            let sitePlan = renderer.replan(
                previous.plan, renderedBy: previous.renderer, site: aggregated, caseStudies: edited.caseStudies, quotes: edited.quotes,
                pages: edited.pages)
        {
            run.patched = true
            return (Plan(manifest: sitePlan.manifest, site: (sitePlan, renderer), reports: reportFiles, reportPrefix: "reports/"), engineProblem)
        }
        markdown.cache?.startGeneration()
        // Items go through their partials up front only when every page will be rendered.
        let sitePlan = renderer.plan(
            aggregated, translations: translations, eager: last == nil || changed == nil, reportPDFs: engine != nil, pageInputs: options.incremental)
        return (Plan(manifest: sitePlan.manifest, site: (sitePlan, renderer), reports: reportFiles, reportPrefix: "reports/"), engineProblem)
    }

    /// A case study, quote or page file: what content edits change.
    static func isContentText(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        return path.hasPrefix("content/") && (name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".csv") || name.hasSuffix(".tsv"))
    }

    /// The site's Markdown renderer: links and images resolved under the base path (of
    /// `--base-url` when given), raw HTML kept only when casebook.yml says `unsafe_html: true`.
    private func siteMarkdown(_ config: SiteConfig?) -> MarkdownRenderer {
        let baseURL = options.baseURL.flatMap { try? BaseURL.checked($0).get() } ?? config?.baseURL ?? "/"
        var markdownOptions: MarkdownOptions = [.smart]
        if config?.unsafeHTML == true { markdownOptions.insert(.unsafe) }
        return MarkdownRenderer(options: markdownOptions, links: .site(basePath: BaseURL.path(of: baseURL)), emptiesDangerousLinks: true,
            cache: markdown.cache)
    }

    /// The reports the target asks for: the public ones in a website; those named (or all) for `casebook report`.
    private func chooseReports(_ site: ValidatedSite) throws -> [ReportDefinition] {
        let all = site.config.reports
        guard case .reports(let only) = options.target else { return all.filter { $0.audience == .public } }
        if all.isEmpty { throw OutputProblem(description: "casebook.yml defines no reports; add a 'reports:' list (see the README)") }
        for id in only where !all.contains(where: { $0.id == id }) {
            throw OutputProblem(description: "no report '\(id)' in casebook.yml\(Suggestion.hint(for: id, in: all.map(\.id)))")
        }
        return only.isEmpty ? all : all.filter { only.contains($0.id) }
    }

    /// Makes ahead what a patched edit would otherwise make first (the manifest's index of
    /// paths by input): `casebook serve` calls it after a run, while it waits for the next edit.
    public func prepareForEdits() {
        last?.plan.manifest.prepareIndex()
    }

    /// Renders outputs the last runs held back (`Options.holdsBack`): those of `paths` (nil: all
    /// of them); nil when none of them is held back.
    public func renderHeldBack(_ paths: Set<String>? = nil, into output: OutputDestination) -> Run? {
        let paths = paths.map { $0.intersection(heldBack) } ?? heldBack
        guard !paths.isEmpty, let last else { return nil }
        heldBack.subtract(paths)
        var run = Run(full: false)
        var timer = StageTimer(progress: progress)
        do {
            try output.begin(last.site)
        } catch {
            return nil
        }
        let warnings = render(last.plan, only: paths, into: output, run: &run, timer: &timer)
        run.diagnostics = warnings
        guard run.succeeded, (try? output.finish()) != nil else { return nil }
        run.rendered = paths
        return run
    }

    /// The render stage: the plan's website files and its reports (on a thread of their own
    /// beside the pages), each handed to `output` as soon as it is made. Returns the warnings.
    private func render(_ plan: Plan, only: Set<String>?, into output: OutputDestination, run: inout Run, timer: inout StageTimer)
        -> [Diagnostic]
    {
        let emit: @Sendable (OutputFile) -> Void = output.put
        let manifest = plan.manifest
        var ids = Set<String>()
        for path in only ?? manifest.paths {
            if case .report(let id, _) = manifest[path]?.producer { ids.insert(id) }
        }
        let wanted = plan.reports.site.config.reports.filter { ids.contains($0.id) }
        let (reports, prefix) = (plan.reports, plan.reportPrefix)
        let reportWork = BackgroundWork {
            Result { () throws -> (warnings: [Diagnostic], pdfSizes: [String: Int]) in
                let (files, warnings) = try reports.render(wanted, prefix: prefix)
                var sizes: [String: Int] = [:]
                // Only the parts planned and asked for (a static/ file may replace one).
                for file in files {
                    guard let entry = manifest[file.path], case .report(let id, let part) = entry.producer else { continue }
                    if part == .pdf, case .bytes(let bytes) = file.contents { sizes[id] = bytes.count }
                    if only?.contains(file.path) ?? true { emit(file) }
                }
                return (warnings, sizes)
            }
        }
        // On a render error too: the reports' thread must not outlive the run.
        defer { reportWork.wait() }
        do {
            if let site = plan.site {
                // Pages that link the PDFs with their sizes wait for them; the rest render meanwhile.
                let later = options.pdf ? site.plan.pagesLinkingReportPDFs.intersection(only ?? manifest.paths) : []
                let first = later.isEmpty ? only : (only ?? manifest.paths).subtracting(later)
                try site.renderer.render(site.plan, stamp: options.clock.stamp(), only: first, emit: emit)
                if !later.isEmpty {
                    var renderer = site.renderer
                    let sizes = (try? reportWork.value.get())?.pdfSizes ?? [:]
                    for index in renderer.reports.indices { renderer.reports[index].pdfBytes = sizes[renderer.reports[index].id] }
                    try renderer.render(site.plan, stamp: options.clock.stamp(), only: later, emit: emit)
                }
            }
            timer.lap("render")
            let warnings = try reportWork.value.get().warnings
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

extension SitePipeline.Target {
    var isSite: Bool {
        if case .site = self { return true }
        return false
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

    static let order = ["load", "validate", "audit", "aggregate", "plan", "render", "reports", "write"]
}
