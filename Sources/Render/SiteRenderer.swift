import Aggregate
import Foundation
import Markdown
import Model
import Synchronization
import SystemSupport

/// The plan and render stages of a website: `plan` lists its outputs (`SitePlan.swift`), `render`
/// makes them.
///
/// Input: an `AggregatedSite` and a loaded `Theme`. Output: every page, feed, index, export and
/// asset as an `OutputFile`. Pages render on all cores; each quote and case
/// study is rendered to HTML once and reused by every page that lists it. Throws a `RenderError`
/// naming the template when a template fails.
public struct SiteRenderer: Sendable {
    public var theme: Theme
    public var markdown: MarkdownRenderer
    /// Extra links for the menu and values: public reports built alongside the site (with the
    /// sizes of their PDFs once made: `SitePipeline` renders the pages that link them last).
    public var reports: [SiteReportLink]
    /// When set, the time of each step and template is added to it (`--profile`).
    public var metrics: Metrics?
    /// What the pipeline lets the renderer reuse or keep: the one seam of the speed work.
    public var reuse = Reuse()

    /// The reuse layers, set by `SitePipeline`. What is rendered is the plan's business (its
    /// manifest and the selection); these only decide where made values come from and go.
    public struct Reuse: Sendable {
        /// Set by `casebook serve`: case studies and quotes unchanged since the last run are reused.
        public var fragments: FragmentCache?
        /// Case-study bodies converted while the site was validated and aggregated (a one-shot build).
        public var preparedBodies: PreparedBodies?
        /// Set by a one-shot build: the rendered items are kept until the process exits (`KeptUntilExit`).
        public var keepsValuesUntilExit = false

        public init() {}
    }

    public init(theme: Theme, markdown: MarkdownRenderer = MarkdownRenderer(options: [.smart]), reports: [SiteReportLink] = []) {
        self.theme = theme
        self.markdown = markdown
        self.reports = reports
    }

    /// Plans and renders every file of the site, sorted by path (tests and tools; a build streams).
    public func render(_ site: AggregatedSite, stamp: StampTime) throws(RenderError) -> [OutputFile] {
        let collected = CollectedFiles()
        try render(plan(site, eager: true), stamp: stamp, emit: collected.add)
        return collected.sorted
    }

    /// Renders the plan's pages, exports, assets and static files (its reports are
    /// `ReportRenderer`'s), handing each file to `emit` as soon as it is made, from several
    /// threads at once: a build writes pages while others render, and never holds the whole site.
    /// - Parameter only: the output paths to render (`casebook serve`'s rebuilds); nil for all.
    /// - Parameter stamp: the time written into the pages (the footer's year).
    public func render(
        _ plan: SitePlan, stamp: StampTime, only: Set<String>? = nil, emit: @escaping @Sendable (OutputFile) -> Void
    ) throws(RenderError) {
        let manifest = plan.manifest
        /// Whether the manifest has `path` made by this producer (not replaced by a `static/` file) and it is asked for.
        func wanted(_ path: String, _ isProducer: (OutputManifest.Producer) -> Bool) -> Bool {
            guard let entry = manifest[path], isProducer(entry.producer) else { return false }
            return only?.contains(path) ?? true
        }
        let metrics = self.metrics
        let theme = self.theme
        let site = plan.site
        let allPages = plan.pages
        let items = SitePages(site: site, fragments: plan.fragments)
        let isPage: (OutputManifest.Producer) -> Bool = { if case .page = $0 { true } else { false } }
        // The pages asked for, in the plan's order; found by path when a few are asked for.
        let asked = only.map { only in only.compactMap { plan.pageFiles.places[$0] }.sorted().map { allPages[$0] } } ?? allPages
        let pages = asked.filter { wanted(SiteURL.file(for: $0.url), isPage) }
        for template in plan.pageFiles.templates where !theme.has(template) {
            throw RenderError(
                "missing-template", "the theme has no template '\(template)'; add templates/\(template).mustache",
                at: SourceLocation(file: site.config.theme.map { "themes/\($0)/" } ?? "(built-in theme)"))
        }
        let reports = self.reports
        // Not made when no page is asked for (a `casebook serve` request for an export).
        let common = pages.isEmpty ? nil : plan.chrome.values(for: .init(year: stamp.day.year, reportPDFs: reports.map(\.pdfBytes))) {
            var chrome = CommonValues(site: site, reports: reports, stamp: stamp, pages: allPages, languages: plan.languages)
            metrics.measure("render: header and footer") { chrome.renderChrome(theme: theme, pages: allPages) }
            return chrome
        }
        // Feeds, indexes and exports depend on no page: they start first, on threads of their own,
        // and run alongside the pages (the CSV export alone is as long as hundreds of pages).
        let generators = plan.exports.filter { export in wanted(export.path) { $0 == .export } }
        let exports = generators.map { generator in
            BackgroundWork { () -> (any Error)? in
                do {
                    let bytes = try metrics.measure("output: \(generator.path)") { try generator.make() }
                    emit(OutputFile(path: generator.path, bytes: bytes))
                    return nil
                } catch {
                    return error
                }
            }
        }
        // On a page error too: the exports must not outlive the render.
        defer { for export in exports { export.wait() } }

        // Listing pages first: a theme page is as long as hundreds of case-study pages, and one
        // rendered last would run alone on one core.
        let failed = pages.parallelMap(costliestFirst: \.items) { page -> RenderError? in
            do throws(RenderError) {
                let html = try metrics.measure("template: \(page.template)") { () throws(RenderError) -> SafeHTML in
                    try theme.render(page.template, common!.values(for: page, from: items))
                }
                emit(OutputFile(path: SiteURL.file(for: page.url), text: html.text))
                return nil
            } catch {
                return error
            }
        }
        if let error = failed.lazy.compactMap({ $0 }).first { throw error }
        for (generator, export) in zip(generators, exports) {
            if let error = export.value {
                throw RenderError("export-failed", "cannot write \(generator.path): \(error)", at: SourceLocation(file: generator.path))
            }
        }

        if reuse.keepsValuesUntilExit { KeptUntilExit.keep((plan.fragments, allPages)) }

        // The other languages, each into its folder: the paths asked for under its prefix. Copied
        // files (images beside case studies, or a static/ file in their place) are copied above.
        for translation in plan.translations {
            let prefix = translation.prefix
            let paths = (only ?? manifest.paths).filter { path in
                guard path.hasPrefix(prefix), let entry = manifest[path] else { return false }
                if case .staticFile = entry.producer { return false }
                return true
            }
            guard !paths.isEmpty else { continue }
            try translation.renderer.render(
                translation.plan, stamp: stamp, only: Set(paths.map { String($0.dropFirst(prefix.count)) }),
                emit: { file in emit(file.moved(under: prefix)) })
        }

        // Theme assets and static/ files, each only where the manifest has it as its producer.
        for asset in theme.assets where wanted(asset.path, { if case .asset = $0 { true } else { false } }) { emit(asset) }
        for path in (only ?? manifest.paths).sorted() {
            if case .staticFile(let source) = manifest[path]?.producer { emit(OutputFile(path: path, copyFrom: source)) }
        }
    }
}

/// Files handed over by `render(emit:)`, kept by path: a later file of the same path replaces
/// the earlier one, as a `static/` file replaces a generated one.
final class CollectedFiles: Sendable {
    private let files = Mutex<[String: OutputFile]>([:])

    @Sendable func add(_ file: OutputFile) { files.withLock { $0[file.path] = file } }

    var sorted: [OutputFile] { files.withLock { files in files.keys.sorted().map { files[$0]! } } }
}

/// A plan's `CommonValues`, made by the first render of the plan and kept for later ones
/// (`casebook serve` renders one page per request, and the chrome costs more than most pages).
final class CommonValuesOnce: Sendable {
    /// What the chrome's values are made from besides the plan: the footer's year, and the
    /// reports' PDF sizes (`build --pdf` renders the pages that link them again once they are made).
    struct Key: Equatable {
        var year: Int
        var reportPDFs: [Int?]
    }

    private let made = Mutex<(key: Key, values: CommonValues)?>(nil)

    /// The values made for `key`, or `make`'s.
    func values(for key: Key, make: () -> CommonValues) -> CommonValues {
        made.withLock { made in
            if let made, made.key == key { return made.values }
            let values = make()
            made = (key, values)
            return values
        }
    }
}

/// The values every page shares (site, menu), with what varies per page added on request.
struct CommonValues: Sendable {
    let site: Values
    /// casebook's own words for the templates (`{{t.lessons}}`), escaped like any other text.
    let words: Values
    let menu: [(title: String, url: String)]
    let config: SiteConfig
    let year: Int
    /// The header of each menu section and the footer, rendered once: every page of a section
    /// has the same chrome, and it was nearly half the cost of rendering a case-study page.
    private(set) var headers: [String: SafeHTML] = [:]
    private(set) var footer = SafeHTML.empty
    /// Per menu section, made once: the `site` values (the menu marks the section) and `chrome`.
    private var sites: [String: Values] = [:]
    private var chromes: [String: Values] = [:]

    mutating func renderChrome(theme: Theme, pages: [PageSpec]) {
        var representatives: [String: PageSpec] = [:]
        for page in pages where representatives[page.section] == nil { representatives[page.section] = page }
        for section in representatives.keys { sites[section] = siteValues(section: section) }
        for (section, page) in representatives {
            headers[section] = (try? theme.render("partials/site-header", values(for: page, from: nil))) ?? .empty
        }
        if let page = pages.first {
            footer = (try? theme.render("partials/site-footer", values(for: page, from: nil))) ?? .empty
        }
        for section in representatives.keys { chromes[section] = chromeValues(section: section) }
    }

    /// Theme page URL → the public reports with a PDF that cover the theme, as template values.
    let themeReportPDFs: [String: [Values]]

    /// On a site in several languages, the other versions of each page.
    let languages: LanguageLinks.View?

    init(site aggregated: AggregatedSite, reports: [SiteReportLink], stamp: StampTime, pages: [PageSpec], languages: LanguageLinks.View? = nil) {
        config = aggregated.config
        self.languages = languages
        year = stamp.day.year
        let words = config.wording
        var menu: [(String, String)] = [
            (words[.caseStudies], SiteURL.caseStudies), (words[.themes], SiteURL.themes), (words[.programmes], SiteURL.programmes),
            (words[.quotes], SiteURL.quotes),
        ]
        menu += aggregated.site.pages.sorted { ($0.weight, $0.title) < ($1.weight, $1.title) }.map { ($0.title, SiteURL.page($0.slug)) }
        self.menu = menu
        self.words = Values(words)
        // Reports and static/ files are the site's, in its first language's folder.
        let root = config.filesBasePath
        func pdf(_ report: SiteReportLink) -> Values? {
            report.pdfBytes.map { bytes in
                ["href": Href(root, SiteURL.report(report.id) + "\(report.id).pdf"), "size": EscapedText(SiteReportLink.sizeText(bytes))]
            }
        }
        var themeReportPDFs: [String: [Values]] = [:]
        for theme in aggregated.themes {
            let id = theme.definition.id
            themeReportPDFs[SiteURL.theme(id)] = reports.filter { $0.covers(theme: id) }.compactMap { report -> Values? in
                pdf(report).map { ["title": EscapedText(report.title), "subtitle": EscapedText(report.subtitle), "pdf": $0] }
            }
        }
        self.themeReportPDFs = themeReportPDFs
        var site: Values = [
            "title": EscapedText(config.title), "language": EscapedText(config.language), "organisation": EscapedText(config.organisation),
            "contactEmail": EscapedText(config.contactEmail), "year": year, "generator": EscapedText("casebook 0.1.0"),
            "reports": reports.map {
                [
                    "title": EscapedText($0.title), "subtitle": EscapedText($0.subtitle), "url": Href(path: SiteURL.report($0.id)),
                    "href": Href(root, SiteURL.report($0.id)), "pdf": pdf($0) ?? [:], "hasPDF": $0.pdfBytes != nil,
                ] as Values
            },
            "feedURL": Href(absolute: config.baseURL + SiteURL.feed),
            "themeColour": EscapedText(config.brand?.primary?.value.description ?? "#0e4b48"),
        ]
        // Always given, its names Absent when unset, so a theme's use of them is known to be right.
        var brand: Values = [:]
        brand["stylesheet"] = BrandStyles.hasStyles(config.brand) ? Href(config.basePath, SiteURL.brandStylesheet) : Absent()
        // An object with every name even without a logo, so the names inside are known too.
        let logo = config.brand?.logo
        brand["hasLogo"] = logo != nil
        brand["logo"] = [
            "src": logo.map { Href(root, $0.path.value) }.orAbsent, "alt": logo.map { EscapedText($0.alt) }.orAbsent,
            "width": logo?.size.map(\.width).orAbsent ?? Absent(), "height": logo?.size.map(\.height).orAbsent ?? Absent(),
        ] as Values
        site["brand"] = brand
        self.site = site
    }

    /// A page's values, made from `items`, with the shared ones; without `items`, only the
    /// shared ones (the header and footer need only those, and some pages' own are large).
    func values(for page: PageSpec, from items: SitePages?) -> Values {
        var values = items.map(page.makeValues) ?? [:]
        values["site"] = sites[page.section] ?? siteValues(section: page.section)
        if page.kind == "theme" { values["reportPDFs"] = themeReportPDFs[page.url] ?? [] }
        values["root"] = Href(config.basePath, "")
        values["t"] = words
        // While the header and footer themselves are rendered, the chrome is not made yet.
        values["chrome"] = chromes[page.section] ?? chromeValues(section: page.section)
        var pageValues: Values = [
            "title": EscapedText(page.title), "description": EscapedText(page.description.prefix(characters: 300)),
            "canonical": Href(absolute: config.baseURL + (page.url == "404.html" ? "" : page.url)), "kind": EscapedText(page.kind),
            "ogType": EscapedText(page.ogType), "feedURL": Href(absolute: config.baseURL + SiteURL.feed), "isHome": page.kind == "home",
        ]
        // Social metadata needs an absolute address.
        pageValues["image"] = page.image.map { Self.socialImage($0, config: config) }.orAbsent
        // Always given (empty, absent) on a site in one language, so a theme's use of them is known to be right.
        pageValues["alternates"] = languages?.alternates(of: page.url) ?? []
        pageValues["languageSwitch"] = languages.map { $0.languageSwitch(of: page.url, label: config.wording[.language]) }.orAbsent
        values["page"] = pageValues
        return values
    }

    private static func socialImage(_ image: LeadImage, config: SiteConfig) -> Values {
        let sized = image.width != nil && image.height != nil
        let base = image.isBesideCaseStudy ? config.baseURL : config.filesBaseURL ?? config.baseURL
        var values: Values = ["url": Href(absolute: base + SiteURL.encodedPath(image.path)), "alt": EscapedText(image.alt)]
        values["width"] = (sized ? image.width : nil).orAbsent
        values["height"] = (sized ? image.height : nil).orAbsent
        return values
    }

    private func siteValues(section: String) -> Values {
        var site = self.site
        site["menu"] = menu.map { item -> Values in
            ["title": EscapedText(item.title), "url": Href(path: item.url), "href": Href(config.basePath, item.url), "current": item.url == section]
        }
        site["searchCurrent"] = section == SiteURL.search
        return site
    }

    private func chromeValues(section: String) -> Values {
        ["header": headers[section] ?? .empty, "footer": footer]
    }
}
