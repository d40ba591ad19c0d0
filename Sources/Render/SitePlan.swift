import Aggregate
import Markdown
import Model
import SystemSupport

/// The plan stage of a website: every page listed, each item's HTML prepared, and the
/// `OutputManifest` of every file the site has, with what each depends on.
///
/// `SiteRenderer.render(_:only:emit:)` makes the manifest's entries, all of them or a selection:
/// the pages, exports, assets and static files rendered are the ones listed here, so the list
/// of outputs and the rules of what each depends on exist once.
public struct SitePlan: Sendable {
    public internal(set) var manifest: OutputManifest
    let site: AggregatedSite
    let fragments: ContentFragments
    let pages: [PageSpec]
    /// Each page's place in `pages` by its output path, and the templates pages use: a
    /// `casebook serve` request renders one page of thousands, found here.
    let pageFiles: PageFiles
    /// Generated files that no template makes, by output path.
    var exports: [(path: String, make: @Sendable () throws -> [UInt8])]
    /// The site in each of its other languages, its files under its prefix (`cy/`): listed in
    /// this plan's manifest with the prefix, rendered by `render` after this plan's own files.
    var translations: [TranslatedPlan] = []
    /// On a site in several languages, what this language's pages link of the others.
    var languages: LanguageLinks.View?
    /// The header, footer and shared values of every page, made when first rendered.
    var chrome = CommonValuesOnce()

    /// The output paths of the pages that link the reports' PDFs with their sizes (the home
    /// page and each theme's page): rendered once the PDFs are made.
    public var pagesLinkingReportPDFs: Set<String> {
        Set(pages.filter { $0.kind == "home" || $0.kind == "theme" }.map { SiteURL.file(for: $0.url) })
    }
}

/// The output paths of a plan's pages, made once per page list.
struct PageFiles: Sendable {
    let places: [String: Int]
    /// Every template a page is rendered with, sorted.
    let templates: [String]

    init(_ pages: [PageSpec]) {
        places = Dictionary(pages.indices.map { (SiteURL.file(for: pages[$0].url), $0) }, uniquingKeysWith: { first, _ in first })
        templates = Set(pages.map(\.template)).sorted()
    }
}

/// One other language of a site: its plan (paths without the prefix) and the renderer that makes it.
struct TranslatedPlan: Sendable {
    let prefix: String
    let plan: SitePlan
    let renderer: SiteRenderer
}

extension SiteRenderer {
    /// Lists the site's outputs and prepares its items (reused from `reuse.fragments` where unchanged).
    /// - Parameter translations: the site in each other language of `languages:`, in its order.
    /// - Parameter eager: every output will be rendered: items go through their partials now, on all cores.
    /// - Parameter reportPDFs: the public reports' PDFs are outputs too.
    /// - Parameter pageInputs: list each page's inputs. A one-shot build never compares its
    ///   manifest with another and leaves them out (at 10,000 case studies they are a
    ///   few hundred thousand entries); `casebook serve` needs them.
    public func plan(
        _ site: AggregatedSite, translations: [AggregatedSite] = [], eager: Bool, reportPDFs: Bool = false, pageInputs: Bool = true
    ) -> SitePlan {
        var main = plan(site, eager: eager, reportPDFs: reportPDFs, pageInputs: pageInputs, translation: false)
        guard !translations.isEmpty else { return main }
        // Another language's items share slugs with the originals: nothing made for one is reused for the other.
        var other = self
        other.reuse = Reuse()
        other.reuse.keepsValuesUntilExit = reuse.keepsValuesUntilExit
        var plans = translations.map { other.plan($0, eager: eager, reportPDFs: false, pageInputs: pageInputs, translation: true) }
        let links = LanguageLinks([(site, main.pages.map(\.url))] + zip(translations, plans).map { ($0, $1.pages.map(\.url)) })

        /// A plan's entries, each page's with the languages that have it when inputs are listed.
        func entries(of plan: SitePlan, view: LanguageLinks.View, prefix: String) -> [OutputManifest.Entry] {
            let pages = Set(plan.pages.map { SiteURL.file(for: $0.url) })
            let urls = Dictionary(plan.pages.map { (SiteURL.file(for: $0.url), $0.url) }, uniquingKeysWith: { first, _ in first })
            return plan.manifest.entries.values.map { entry in
                var entry = entry
                if pageInputs, pages.contains(entry.path), let url = urls[entry.path] { entry.inputs.append(view.availability(of: url)) }
                entry.path = prefix + entry.path
                return entry
            }
        }
        var combined: [OutputManifest.Entry] = []
        for index in plans.indices {
            let view = LanguageLinks.View(links: links, current: index + 1)
            plans[index].languages = view
            plans[index].manifest = OutputManifest(entries(of: plans[index], view: view, prefix: ""))
            let prefix = SiteConfig.prefix(of: translations[index].config.language)
            combined += entries(of: plans[index], view: view, prefix: prefix)
            main.translations.append(TranslatedPlan(prefix: prefix, plan: plans[index], renderer: other))
        }
        main.languages = LanguageLinks.View(links: links, current: 0)
        // Last, so that a static/ file of a translation's path replaces it as any other.
        combined += entries(of: main, view: main.languages!, prefix: "")
        main.manifest = OutputManifest(combined)
        let reportURLs = reports.map { SiteURL.report($0.id) }
        if let index = main.exports.firstIndex(where: { $0.path == "sitemap.xml" }) {
            main.exports[index].make = { @Sendable in Array(links.sitemap(extra: reportURLs).utf8) }
        }
        return main
    }

    /// The plan of the site in one language; a translation's leaves out what only the site as
    /// a whole has (sitemap, robots.txt, reports, static/ files). Theme assets and the images
    /// beside case studies are in each language's folder, where its pages' links lead.
    private func plan(_ site: AggregatedSite, eager: Bool, reportPDFs: Bool, pageInputs: Bool, translation: Bool) -> SitePlan {
        let theme = self.theme
        let fragments = metrics.measure("render: Markdown and shared items") {
            ContentFragments(site, markdown: markdown, theme: theme, cache: reuse.fragments, prepared: reuse.preparedBodies, eager: eager)
        }
        let pages = metrics.measure("plan: list pages") { SitePages(site: site, fragments: fragments).all() }
        return plan(
            site, fragments: fragments, pages: (pages, PageFiles(pages)), reportPDFs: reportPDFs, pageInputs: pageInputs, translation: translation,
            manifest: nil)
    }

    /// The plan of `site` after a `casebook serve` edit whose items kept their placement
    /// (`AggregatedSite.patched` made `site` from `previous`'s): the edited items are made again,
    /// the pages listed again, and the manifest is `previous`'s, since every entry and input in it
    /// reads only placement, the settings, the theme's templates and what they use, and the files
    /// of static/. nil when the theme (`renderedBy`'s, before the edit) had other templates,
    /// template uses or assets, or the site is in several languages: then `plan` runs in full.
    public func replan(
        _ previous: SitePlan, renderedBy before: SiteRenderer, site: AggregatedSite, caseStudies: [CaseStudy], quotes: [Quote], pages: [Page]
    ) -> SitePlan? {
        guard previous.translations.isEmpty, previous.languages == nil, theme.planned(alike: before.theme),
            reports.map(\.id) == before.reports.map(\.id)
        else { return nil }
        let theme = self.theme
        let fragments = metrics.measure("render: Markdown and shared items") {
            previous.fragments.patched(caseStudies: caseStudies, quotes: quotes, pages: pages, site: site, theme: theme, cache: reuse.fragments)
        }
        // The pages are those listed before; the edited items' own pages show their new title and description.
        let lister = SitePages(site: site, fragments: fragments)
        let edited = Dictionary(
            caseStudies.map { (SiteURL.caseStudy($0.slug), lister.caseStudy($0)) } + pages.map { (SiteURL.page($0.slug), lister.page($0)) },
            uniquingKeysWith: { first, _ in first })
        let listed = edited.isEmpty ? previous.pages : previous.pages.map { edited[$0.url] ?? $0 }
        var plan = plan(
            site, fragments: fragments, pages: (listed, previous.pageFiles), reportPDFs: false, pageInputs: true, translation: false,
            manifest: previous.manifest)
        // The header and footer show the settings, the menu and the reports, which an edit that
        // keeps placement leaves as they were: made again only with another load of the theme.
        if theme.identity === before.theme.identity { plan.chrome = previous.chrome }
        return plan
    }

    /// The plan of `site` with its items' `fragments` made and its `pages` listed; its manifest made too unless `reused`.
    private func plan(
        _ site: AggregatedSite, fragments: ContentFragments, pages listed: (pages: [PageSpec], files: PageFiles), reportPDFs: Bool, pageInputs: Bool,
        translation: Bool, manifest reused: OutputManifest?
    ) -> SitePlan {
        let theme = self.theme
        let pages = listed.pages
        let feeds = FeedAndSitemap(site: site, fragments: fragments)
        let export = DataExport(site: site, fragments: fragments)
        let sitemapURLs = pages.map(\.url).filter { $0 != "404.html" } + reports.map { SiteURL.report($0.id) }
        var exports: [(path: String, make: @Sendable () throws -> [UInt8])] = [
            ("data/quotes.csv", { @Sendable in export.quotesCSV() }),
            ("data/quotes.json", { @Sendable in export.quotesJSON() }),
            ("data/case-studies.json", { @Sendable in export.caseStudiesJSON() }),
            ("data/case-studies.csv", { @Sendable in export.caseStudiesCSV() }),
            ("search-index.json", { @Sendable in SearchIndex.build(site, fragments: fragments) }),
            ("data/lessons.json", { @Sendable in export.lessonsJSON() }),
            ("data/lessons.csv", { @Sendable in export.lessonsCSV() }),
            (SiteURL.feed, { @Sendable in Array(feeds.feed().utf8) }),
            ("sitemap.xml", { @Sendable in Array(feeds.sitemap(urls: sitemapURLs).utf8) }),
            ("robots.txt", { @Sendable in Array(feeds.robots().utf8) }),
        ]
        if translation { exports.removeAll { $0.path == "sitemap.xml" || $0.path == "robots.txt" } }
        if let brand = site.config.brand, BrandStyles.hasStyles(brand) {
            exports.append((SiteURL.brandStylesheet, { @Sendable in Array(BrandStyles.siteCSS(brand).utf8) }))
        }

        if let reused { return SitePlan(manifest: reused, site: site, fragments: fragments, pages: pages, pageFiles: listed.files, exports: exports) }

        let dependencies = pageInputs ? PageDependencies(site: site, theme: theme) : nil
        // On all cores, the longest lists first: a theme page's inputs list hundreds of items.
        var entries = metrics.measure("plan: page inputs") {
            pages.parallelMap(costliestFirst: \.items) { page in
                OutputManifest.Entry(
                    path: SiteURL.file(for: page.url), producer: .page(kind: page.kind, template: page.template),
                    inputs: dependencies?.inputs(of: page) ?? [])
            }
        }
        for (path, _) in exports {
            // robots.txt and the brand's stylesheet show only settings; the others list content.
            let settingsOnly = path == "robots.txt" || path == SiteURL.brandStylesheet
            entries.append(.init(path: path, producer: .export, inputs: settingsOnly ? [.config] : [.config, .content]))
        }
        if !translation { entries += OutputManifest.reports(reports.map(\.id), prefix: "reports/", pdf: reportPDFs, theme: theme) }
        for asset in theme.assets {
            let source = if case .copy(let from) = asset.contents { from } else { "(built-in theme)" }
            entries.append(.init(path: asset.path, producer: .asset(source: source), inputs: [.asset(asset.path)]))
        }
        // Images beside case studies (lead images, and those their bodies show) are published at
        // their pages (a static/ file of the same path, after them, replaces one).
        var published = Set<String>()
        for caseStudy in site.caseStudies {
            for image in [caseStudy.image].compactMap({ $0 }) + caseStudy.bodyImages where image.isBesideCaseStudy && published.insert(image.path).inserted {
                entries.append(
                    .init(path: image.path, producer: .staticFile(source: site.site.root + "/" + image.source), inputs: [.staticFile(image.source)]))
            }
        }
        // Last, so a user's file replaces a generated one of the same path.
        for file in translation ? [] : site.site.staticFiles {
            entries.append(
                .init(path: String(file.dropFirst("static/".count)), producer: .staticFile(source: site.site.root + "/" + file),
                      inputs: [.staticFile(file)]))
        }
        return SitePlan(manifest: OutputManifest(entries), site: site, fragments: fragments, pages: pages, pageFiles: listed.files, exports: exports)
    }
}

/// What each page shows, as `OutputInput`s: the rules behind `SitePlan`'s manifest.
///
/// Every page shows the settings, the menu, its template and the header and footer partials.
/// A page that lists items also shows each item and the partial it is printed with; a quote
/// also shows its case study's title. Pages that show counts or lists of everything depend on
/// all content. A page this does not know depends on everything it could show.
struct PageDependencies {
    let site: AggregatedSite
    let theme: Theme
    private let common: [OutputInput]
    private let caseStudies: [String: CaseStudy]
    /// The items with a page of their own, by that page's URL.
    private let caseStudyPages: [String: CaseStudy]
    private let themePages: [String: ThemeEvidence]
    private let programmePages: [String: ProgrammeEvidence]
    private let freePages: [String: Page]
    /// Each template's inputs: itself and every template it reaches, worked out once per plan.
    private let templateInputs: [String: [OutputInput]]

    static let quotePartial = "partials/quote", cardPartial = "partials/case-study-card", lessonPartial = "partials/lesson"

    init(site: AggregatedSite, theme: Theme) {
        self.site = site
        self.theme = theme
        let menu = site.site.pages.map { "\($0.weight)\u{1F}\($0.title)\u{1F}\($0.slug)" }.sorted().joined(separator: "\u{1E}")
        let names = Set(theme.references.keys).union([Self.quotePartial, Self.cardPartial, Self.lessonPartial])
        let templateInputs = Dictionary(uniqueKeysWithValues: names.map { ($0, Self.templates(theme.uses($0))) })
        self.templateInputs = templateInputs
        common = [.config, .menu(menu)] + Self.templates(theme.uses("partials/site-header").union(theme.uses("partials/site-footer")))
        caseStudies = Dictionary(site.caseStudies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        caseStudyPages = Dictionary(site.caseStudies.map { (SiteURL.caseStudy($0.slug), $0) }, uniquingKeysWith: { first, _ in first })
        themePages = Dictionary(site.themes.map { (SiteURL.theme($0.definition.id), $0) }, uniquingKeysWith: { first, _ in first })
        programmePages = Dictionary(site.programmes.map { (SiteURL.programme($0.id), $0) }, uniquingKeysWith: { first, _ in first })
        freePages = Dictionary(site.site.pages.map { (SiteURL.page($0.slug), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Templates as inputs, in name order so that an unchanged set gives an equal list.
    static func templates(_ names: Set<String>) -> [OutputInput] { names.sorted().map(OutputInput.template) }

    func inputs(of page: PageSpec) -> [OutputInput] {
        var inputs = common
        inputs += templateInputs[page.template] ?? Self.templates(theme.uses(page.template))
        var partials: [String] = []
        switch page.kind {
        case "home", "themes", "programmes":
            inputs.append(.content)
            partials = [Self.quotePartial, Self.cardPartial]
        case "case-studies":
            inputs += site.caseStudies.map { .caseStudy($0.slug) }
            partials = [Self.cardPartial]
        case "quotes":
            for quote in site.quotes { add(quote, to: &inputs) }
            partials = [Self.quotePartial]
        case "search", "404":
            break
        case "case-study" where caseStudyPages[page.url] != nil:
            let caseStudy = caseStudyPages[page.url]!
            inputs.append(.caseStudy(caseStudy.slug))
            for quote in site.quotesByCaseStudy[caseStudy.slug] ?? [] { add(quote, to: &inputs) }
            partials = [Self.cardPartial, Self.lessonPartial, Self.quotePartial]
        case "theme" where themePages[page.url] != nil:
            let theme = themePages[page.url]!
            inputs += theme.caseStudies.map { .caseStudy($0.slug) }
            inputs += theme.lessons.map { .caseStudy($0.caseStudySlug) }
            for quote in theme.quotes { add(quote, to: &inputs) }
            partials = [Self.cardPartial, Self.lessonPartial, Self.quotePartial]
        case "programme" where programmePages[page.url] != nil:
            let programme = programmePages[page.url]!
            inputs += programme.caseStudies.map { .caseStudy($0.slug) }
            for quote in programme.quotes { add(quote, to: &inputs) }
            partials = [Self.cardPartial, Self.quotePartial]
        case "page" where freePages[page.url] != nil:
            inputs.append(.page(freePages[page.url]!.slug))
        default:
            inputs.append(.content)
            partials = [Self.quotePartial, Self.cardPartial, Self.lessonPartial]
        }
        for partial in partials { inputs += templateInputs[partial]! }
        return inputs
    }

    /// A quote, and the title of its case study, which it shows.
    private func add(_ quote: Quote, to inputs: inout [OutputInput]) {
        inputs.append(.quote(quote.id))
        if let slug = quote.caseStudy?.value, let caseStudy = caseStudies[slug] { inputs.append(.caseStudyTitle(slug, caseStudy.title)) }
    }
}
