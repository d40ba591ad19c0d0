import Aggregate
import Foundation
import Markdown
import Model

/// The fourth stage: turns an aggregated site into the files of the website.
///
/// Input: an `AggregatedSite` and a loaded `Theme`. Output: every page, feed, index, export and
/// asset as an `OutputFile`, in a fixed order. Pages render on all cores; each quote and case
/// study is rendered to HTML once and reused by every page that lists it. Throws a `RenderError`
/// naming the template when a template fails.
public struct SiteRenderer: Sendable {
    public var theme: Theme
    public var markdown: MarkdownRenderer
    /// Extra links for the menu and values: public reports built alongside the site.
    public var reports: [(id: String, title: String, subtitle: String?)]

    public init(theme: Theme, markdown: MarkdownRenderer = MarkdownRenderer(options: [.smart]), reports: [(id: String, title: String, subtitle: String?)] = []) {
        self.theme = theme
        self.markdown = markdown
        self.reports = reports
    }

    /// - Parameter only: output paths to render (for `casebook serve`'s rebuilds); nil for all.
    public func render(_ site: AggregatedSite, clock: Int, only: Set<String>? = nil) throws(RenderError) -> [OutputFile] {
        func wanted(_ path: String) -> Bool { only?.contains(path) ?? true }
        let fragments = ContentFragments(site, markdown: markdown, theme: theme)
        let allPages = SitePages(site: site, fragments: fragments).all()
        let pages = only == nil ? allPages : allPages.filter { wanted(SiteURL.file(for: $0.url)) }
        for template in Set(allPages.map(\.template)).sorted() where !theme.has(template) {
            throw RenderError(
                "missing-template", "the theme has no template '\(template)'; add templates/\(template).mustache",
                at: SourceLocation(file: site.config.theme.map { "themes/\($0)/" } ?? "(built-in theme)"))
        }
        let common = CommonValues(site: site, reports: reports, clock: clock, pages: allPages)
        let theme = self.theme
        let rendered = pages.parallelMap { page -> Result<OutputFile, RenderError> in
            Result { () throws(RenderError) -> OutputFile in
                let html = try theme.render(page.template, common.values(for: page).dictionary)
                return OutputFile(path: SiteURL.file(for: page.url), text: html)
            }
        }
        var files: [OutputFile] = []
        for result in rendered {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): throw error
            }
        }

        let feeds = FeedAndSitemap(site: site, fragments: fragments)
        if wanted(SiteURL.feed) { files.append(OutputFile(path: SiteURL.feed, text: feeds.feed())) }
        if wanted("sitemap.xml") {
            files.append(OutputFile(path: "sitemap.xml", text: feeds.sitemap(urls: allPages.map(\.url).filter { $0 != "404.html" } + reports.map { SiteURL.report($0.id) })))
        }
        if wanted("robots.txt") { files.append(OutputFile(path: "robots.txt", text: feeds.robots())) }
        if wanted("search-index.json") { files.append(OutputFile(path: "search-index.json", bytes: SearchIndex.build(site, fragments: fragments))) }

        let export = DataExport(site: site)
        if wanted("data/case-studies.json") { files.append(OutputFile(path: "data/case-studies.json", bytes: export.caseStudiesJSON())) }
        if wanted("data/lessons.json") { files.append(OutputFile(path: "data/lessons.json", bytes: export.lessonsJSON())) }
        if wanted("data/quotes.json") { files.append(OutputFile(path: "data/quotes.json", bytes: export.quotesJSON())) }
        do {
            if wanted("data/quotes.csv") { files.append(OutputFile(path: "data/quotes.csv", bytes: try export.quotesCSV())) }
        } catch {
            throw RenderError("export-failed", "cannot write data/quotes.csv: \(error)", at: SourceLocation(file: "data/quotes.csv"))
        }

        for asset in theme.assets { files.append(OutputFile(path: asset.path, copyFrom: asset.source)) }
        // static/ is copied last so a user's file replaces a generated one of the same path.
        var seen = Set(files.map(\.path))
        for file in site.site.staticFiles {
            let path = String(file.dropFirst("static/".count))
            if seen.contains(path) { files.removeAll { $0.path == path } }
            seen.insert(path)
            files.append(OutputFile(path: path, copyFrom: site.site.root + "/" + file))
        }
        return only == nil ? files : files.filter { wanted($0.path) }
    }
}

/// The values every page shares (site, menu), with what varies per page added on request.
struct CommonValues: Sendable {
    let site: Values
    let menu: [(title: String, url: String)]
    let config: SiteConfig
    let year: Int

    init(site aggregated: AggregatedSite, reports: [(id: String, title: String, subtitle: String?)], clock: Int, pages: [PageSpec]) {
        config = aggregated.config
        year = Day(unixTime: clock).year
        var menu: [(String, String)] = [
            ("Case studies", SiteURL.caseStudies), ("Themes", SiteURL.themes), ("Programmes", SiteURL.programmes),
            ("Quotes", SiteURL.quotes),
        ]
        menu += aggregated.site.pages.sorted { ($0.weight, $0.title) < ($1.weight, $1.title) }.map { ($0.title, SiteURL.page($0.slug)) }
        self.menu = menu
        site = Values([
            "title": esc(config.title), "language": esc(config.language), "organisation": esc(config.organisation ?? ""),
            "contactEmail": esc(config.contactEmail ?? ""), "year": year, "generator": "casebook 0.1.0",
            "reports": reports.map { ["title": esc($0.title), "subtitle": esc($0.subtitle ?? ""), "url": SiteURL.report($0.id)] },
            "feedURL": esc(config.baseURL + SiteURL.feed),
        ])
    }

    func values(for page: PageSpec) -> Values {
        var values = page.values
        var site = self.site.dictionary
        site["menu"] = menu.map { item -> [String: Any] in
            ["title": esc(item.title), "url": item.url, "current": item.url == page.section]
        }
        values["site"] = site
        values["root"] = config.basePath
        values["page"] = [
            "title": esc(page.title), "description": esc(String(page.description.prefix(300))),
            "canonical": esc(config.baseURL + (page.url == "404.html" ? "" : page.url)), "kind": page.kind,
            "ogType": page.ogType, "feedURL": esc(config.baseURL + SiteURL.feed), "isHome": page.kind == "home",
        ] as [String: Any]
        return values
    }
}
