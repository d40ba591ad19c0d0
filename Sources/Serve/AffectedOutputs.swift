import Aggregate
import Foundation
import Model

/// Which output files a set of changed source files can alter, so a rebuild renders only those.
///
/// Conservative by design: when in doubt (the configuration, a new template, a free page whose
/// menu entry moved) the answer is nil, "everything". A case study's page depends on the case
/// study and the quotes that name it; a theme's or programme's page on every case study and quote
/// in it; the indexes, feed, search index, data exports and reports on all content. Both the old
/// and the new version of each changed item count, so moving a case study from one theme to
/// another re-renders both themes' pages.
struct AffectedOutputs {
    /// The last site that was rendered, and every output path it had.
    let old: AggregatedSite
    let oldPaths: Set<String>
    /// The site about to be rendered.
    let new: AggregatedSite
    /// The theme's templates (built-in and the site's), for template changes.
    let templates: TemplateGraph

    /// Output files that depend on any content at all.
    static let contentWide: [String] = [
        "index.html", "case-studies/index.html", "themes/index.html", "programmes/index.html", "feed.xml",
        "sitemap.xml", "search-index.json", "data/case-studies.json", "data/lessons.json", "data/quotes.json",
        "data/quotes.csv",
    ]

    /// - Returns: the output paths to render again, or nil for all of them.
    func paths(for changed: Set<String>) -> Set<String>? {
        var paths = Set<String>()
        var content = false
        let themeFolder = "themes/" + (new.config.theme ?? "default") + "/"
        for path in changed.sorted() {
            if path == "casebook.yml" || path == "content" || path == "themes" || path == "static" { return nil }
            if path.hasPrefix("content/") {
                content = true
                guard let found = contentPaths(for: path) else { return nil }
                paths.formUnion(found)
            } else if path.hasPrefix("static/") {
                let output = String(path.dropFirst("static/".count))
                // A deleted static file may uncover a generated one of the same path: render all.
                guard FileManager.default.fileExists(atPath: new.site.root + "/" + path) else { return nil }
                paths.insert(output)
            } else if path.hasPrefix(themeFolder) {
                let inside = String(path.dropFirst(themeFolder.count))
                if inside.hasPrefix("assets/") {
                    guard FileManager.default.fileExists(atPath: new.site.root + "/" + path) else { return nil }
                    paths.insert(inside)
                } else if inside.hasPrefix("templates/"), inside.hasSuffix(".mustache") {
                    let name = String(inside.dropFirst("templates/".count).dropLast(".mustache".count))
                    guard let users = templates.users(of: name) else { return nil }
                    paths.formUnion(oldPaths.filter { Self.template(of: $0).map(users.contains) ?? false })
                } else {
                    return nil
                }
            }
            // Other themes' folders and stray files change nothing that is served.
        }
        if content {
            paths.formUnion(Self.contentWide)
            for report in new.config.reports where report.audience == .public {
                paths.insert("reports/\(report.id)/index.html")
                paths.insert("reports/\(report.id)/report.json")
            }
        }
        return paths
    }

    /// The pages one content file can change; nil when every page can (a menu entry changed).
    private func contentPaths(for file: String) -> Set<String>? {
        var pages = Set<String>()
        var quotes: [Quote] = []
        // Quotes show the title of the case study they belong to: their pages change only when
        // that title does (or the case study appears or goes).
        let oldTitles = Set(old.caseStudies.filter { $0.file == file }.map { $0.slug + "\u{1F}" + $0.title })
        let newTitles = Set(new.caseStudies.filter { $0.file == file }.map { $0.slug + "\u{1F}" + $0.title })
        let titleChanged = oldTitles != newTitles
        for site in [old, new] {
            for caseStudy in site.caseStudies where caseStudy.file == file {
                pages.insert(Self.file("case-studies/\(caseStudy.slug)/"))
                for theme in Aggregator.themes(of: caseStudy) { pages.insert(Self.file("themes/\(theme)/")) }
                if let programme = caseStudy.programme?.value { pages.insert(Self.file("programmes/\(programme)/")) }
                guard titleChanged else { continue }
                let refs = Set(caseStudy.quoteRefs.map(\.value))
                quotes += old.quotes.filter { $0.caseStudy?.value == caseStudy.slug || refs.contains($0.id) }
                quotes += new.quotes.filter { $0.caseStudy?.value == caseStudy.slug || refs.contains($0.id) }
            }
            quotes += site.quotes.filter { $0.location.file == file }
            for page in site.site.pages where page.file == file { pages.insert(Self.file("\(page.slug)/")) }
        }
        if Self.menu(old) != Self.menu(new) { return nil }
        for quote in quotes { pages.formUnion(self.pages(showing: quote)) }
        return pages
    }

    /// Every page a quote appears on.
    private func pages(showing quote: Quote) -> Set<String> {
        var pages: Set<String> = ["index.html", "quotes/index.html"]
        for theme in quote.themes { pages.insert(Self.file("themes/\(theme.value)/")) }
        if let programme = quote.programme?.value { pages.insert(Self.file("programmes/\(programme)/")) }
        if let slug = quote.caseStudy?.value { pages.insert(Self.file("case-studies/\(slug)/")) }
        for site in [old, new] {
            for caseStudy in site.caseStudies where caseStudy.quoteRefs.contains(where: { $0.value == quote.id }) {
                pages.insert(Self.file("case-studies/\(caseStudy.slug)/"))
            }
        }
        return pages
    }

    /// The free pages' menu entries: when they change, every page's menu does.
    static func menu(_ site: AggregatedSite) -> [String] {
        site.site.pages.map { "\($0.weight)\u{1F}\($0.title)\u{1F}\($0.slug)" }.sorted()
    }

    /// The output file of a page URL (as the renderer's `SiteURL.file`).
    static func file(_ url: String) -> String { url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url }

    /// The template an output page is rendered with, from its path; nil for files that are not pages.
    static func template(of path: String) -> String? {
        guard path.hasSuffix(".html") else { return nil }
        if path == "index.html" { return "home" }
        if path == "404.html" { return "404" }
        let parts = path.split(separator: "/").map(String.init)
        guard parts.last == "index.html" else { return nil }
        switch (parts.count, parts[0]) {
        case (2, "case-studies"): return "case-studies"
        case (3, "case-studies"): return "case-study"
        case (2, "themes"): return "themes"
        case (3, "themes"): return "theme"
        case (2, "programmes"): return "programmes"
        case (3, "programmes"): return "programme"
        case (2, "quotes"): return "quotes"
        case (2, "search"): return "search"
        case (3, "reports"): return "report"
        case (2, _): return "page"
        default: return nil
        }
    }
}
