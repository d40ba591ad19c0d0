import Aggregate
import Foundation
import Load
import Markdown
import Model
import Pipeline
import Render
import Validate

/// The pipeline for the dev server: load → validate → aggregate → render, into memory, again
/// after every change, doing only the work the change needs.
///
/// Loading re-reads only changed files (`IncrementalLoader`); validation and aggregation run over
/// the whole site (they are cheap); rendering asks for only the affected outputs
/// (`AffectedOutputs`) and reuses the Markdown already converted (`MarkdownCache`). A build with
/// errors changes nothing: the last good site stays, and its changes are carried to the next build.
///
/// Not thread-safe: `DevServer` calls it from one serial queue.
final class SiteBuilder: @unchecked Sendable {
    struct Options: Sendable {
        var folder: String
        var includeDrafts: Bool
        /// Replaces `base_url`, so links and feeds point at the dev server.
        var baseURL: String
        var clock: BuildClock
    }

    /// What a successful build changed in the served site.
    struct Update: Sendable {
        /// Files added or changed, by output path.
        var files: [String: [UInt8]]
        var removed: Set<String>
        /// True when the whole site was rendered (the first build, a configuration change).
        var full: Bool
        var diagnostics: [Diagnostic]
        /// Outputs not yet brought up to date; made on request (`buildDeferred`).
        var deferred: Set<String> = []
        /// Milliseconds per stage, for `CASEBOOK_SERVE_TIMINGS=1`.
        var timings: [(stage: String, milliseconds: Double)] = []

        var pageCount: Int { files.keys.count { $0.hasSuffix(".html") } }
    }

    enum Outcome: Sendable {
        case built(Update)
        case failed([Diagnostic])
    }

    let options: Options
    private let loader: IncrementalLoader
    private let markdown: MarkdownRenderer
    private var theme: Theme?
    private var templates: TemplateGraph?
    private var themeIsStale = true
    private var last: (site: AggregatedSite, paths: Set<String>)?
    /// Outputs no open page shows (exports, indexes, reports), rendered after the pages so the
    /// browser reloads sooner; `buildDeferred()` brings them up to date.
    private var deferred = Set<String>()
    private let fragments = FragmentCache()
    private var lastGood: (site: ValidatedSite, aggregated: AggregatedSite, theme: Theme)?

    static func isDeferred(_ path: String) -> Bool {
        path.hasPrefix("reports/") || path.hasPrefix("data/") || ["search-index.json", "feed.xml", "sitemap.xml"].contains(path)
    }
    /// Changes not yet rendered: those since the last good build.
    private var pending = Set<String>()
    private var pendingAll = true

    init(options: Options) {
        self.options = options
        loader = IncrementalLoader(folder: options.folder)
        markdown = MarkdownRenderer(options: [.smart], cache: MarkdownCache())
    }

    var root: String { loader.root }

    /// - Parameter changed: relative paths changed since the last call; nil for "anything".
    func build(changed: Set<String>?) -> Outcome {
        if let changed {
            pending.formUnion(changed)
            if changed.contains(where: { $0 == "casebook.yml" || $0 == "themes" || $0.hasPrefix("themes/") }) { themeIsStale = true }
        } else {
            pendingAll = true
            themeIsStale = true
        }

        var clock = DispatchTime.now().uptimeNanoseconds
        var timings: [(String, Double)] = []
        func lap(_ stage: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            timings.append((stage, Double(now - clock) / 1e6))
            clock = now
        }
        let loaded = loader.load(changed: changed)
        lap("load")
        let validation = SiteValidator(consentDay: options.clock.consentDay(), includeDrafts: options.includeDrafts).validate(loaded)
        lap("validate")
        guard var site = validation.site else { return .failed(validation.diagnostics) }
        site.config.baseURL = options.baseURL
        let aggregated = Aggregator.aggregate(site, selection: .site)
        lap("aggregate")

        do {
            if themeIsStale || theme == nil {
                let loaded = try Theme.load(siteRoot: site.root, name: site.config.theme)
                theme = loaded
                fragments.clear()
                templates = TemplateGraph(theme: loaded)
                themeIsStale = false
            }
            guard let theme, let templates else { return .failed(validation.diagnostics) }

            var only: Set<String>?
            if !pendingAll, let last {
                only = AffectedOutputs(old: last.site, oldPaths: last.paths, new: aggregated, templates: templates)
                    .paths(for: pending)
            }
            lap("theme")
            if let affected = only {
                deferred.formUnion(affected.filter(Self.isDeferred))
                only = affected.filter { !Self.isDeferred($0) }
            } else {
                deferred = []
            }
            markdown.cache?.startGeneration()
            let reports = site.config.reports.filter { $0.audience == .public }
            var renderer = SiteRenderer(theme: theme, markdown: markdown, reports: reports.map { ($0.id, $0.title, $0.subtitle) })
            let metrics = ProcessInfo.processInfo.environment["CASEBOOK_SERVE_TIMINGS"] != nil ? Metrics() : nil
            renderer.metrics = metrics
            renderer.fragmentCache = fragments
            var files = try renderer.render(aggregated, stamp: options.clock.stamp(), only: only)
            lap("render")
            for entry in metrics?.report.prefix(8) ?? [] { timings.append(("  \(entry.name) ×\(entry.count)", entry.seconds * 1000)) }
            files += try render(reports, of: site, theme: theme, only: only)
            lap("reports")

            var update = Update(files: [:], removed: [], full: only == nil, diagnostics: validation.diagnostics)
            for file in files {
                if let bytes = contents(of: file, theme: theme) { update.files[file.path] = bytes }
            }
            lap("contents")
            update.timings = timings
            let produced = Set(files.map(\.path))
            if let only {
                update.removed = only.subtracting(produced).intersection(last?.paths ?? [])
                self.last = (aggregated, (last?.paths ?? []).subtracting(update.removed).union(produced))
            } else {
                update.removed = (last?.paths ?? []).subtracting(produced)
                self.last = (aggregated, produced)
            }
            pending = []
            pendingAll = false
            lastGood = (site, aggregated, theme)
            update.deferred = deferred
            return .built(update)
        } catch {
            return .failed(validation.diagnostics + [error.diagnostic])
        }
    }

    /// The outputs held back by the last build, rendered now; nil when there are none.
    func buildDeferred() -> Update? {
        guard !deferred.isEmpty, let state = lastGood, let last else { return nil }
        let paths = deferred
        deferred = []
        do {
            let reports = state.site.config.reports.filter { $0.audience == .public }
            var renderer = SiteRenderer(theme: state.theme, markdown: markdown, reports: reports.map { ($0.id, $0.title, $0.subtitle) })
            renderer.fragmentCache = fragments
            var files = try renderer.render(state.aggregated, stamp: options.clock.stamp(), only: paths)
            files += try render(reports, of: state.site, theme: state.theme, only: paths)
            var update = Update(files: [:], removed: [], full: false, diagnostics: [])
            for file in files {
                if let bytes = contents(of: file, theme: state.theme) { update.files[file.path] = bytes }
            }
            let produced = Set(files.map(\.path))
            update.removed = paths.subtracting(produced).intersection(last.paths)
            self.last = (last.site, last.paths.subtracting(update.removed).union(produced))
            return update
        } catch {
            return nil
        }
    }

    /// The public reports, as `casebook build` puts them under `reports/<id>/` (without PDFs).
    private func render(_ reports: [ReportDefinition], of site: ValidatedSite, theme: Theme, only: Set<String>?) throws(RenderError)
        -> [OutputFile]
    {
        let renderer = ReportRenderer(theme: theme, markdown: markdown)
        var files: [OutputFile] = []
        for report in reports {
            let html = "reports/\(report.id)/index.html", json = "reports/\(report.id)/report.json"
            guard only == nil || only!.contains(html) || only!.contains(json) else { continue }
            let aggregated = Aggregator.aggregate(site, selection: Selection(report: report))
            let output = try renderer.render(report, aggregated, stamp: options.clock.stamp())
            files.append(OutputFile(path: html, text: output.html))
            files.append(OutputFile(path: json, bytes: output.json))
        }
        return files
    }

    /// A file's bytes; a copied file only when it really lies inside the site (a symbolic link
    /// that leaves it is not served). The built-in theme's files are bytes already.
    private func contents(of file: OutputFile, theme: Theme) -> [UInt8]? {
        switch file.contents {
        case .bytes(let bytes): return bytes
        case .text(let text): return Array(text.utf8)
        case .copy(let source):
            let resolved = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root + "/"),
                let data = FileManager.default.contents(atPath: resolved)
            else { return nil }
            return [UInt8](data)
        }
    }
}
