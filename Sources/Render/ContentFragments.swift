import Aggregate
import Markdown
import Model

/// The HTML and template values of each case study and quote, made once per build and shared by
/// every page that lists them, so no Markdown is rendered twice.
struct ContentFragments: Sendable {
    /// Case-study card values by slug (title, summary, programme, themes…).
    let cards: [String: Values]
    /// Body HTML by case-study slug.
    let bodies: [String: String]
    /// The start of each body as plain text, for the search index.
    let plainBodies: [String: String]
    /// Lesson HTML by case-study slug, in the order of its `lessons:`.
    let lessons: [String: [String]]
    /// Quote values by id.
    let quotes: [String: Values]
    /// Rendered theme and programme descriptions by id.
    let themeDescriptions: [String: String]
    let programmeDescriptions: [String: String]
    /// Free pages' body HTML by slug, and the home page's introduction.
    let pageBodies: [String: String]
    let introduction: String
    let markdown: MarkdownRenderer

    init(_ site: AggregatedSite, markdown: MarkdownRenderer, theme: Theme, itemCache: RenderedItemCache? = nil) {
        struct Rendered: Sendable { var slug: String, body: String, plain: String, summary: String, lessons: [String] }
        let rendered = site.caseStudies.parallelMap { caseStudy in
            Rendered(
                slug: caseStudy.slug, body: markdown.html(caseStudy.body),
                plain: String(markdown.plainText(caseStudy.body).prefix(SearchIndex.textLimit)),
                summary: markdown.inlineHTML(caseStudy.summary), lessons: caseStudy.lessons.map { markdown.inlineHTML($0.text) })
        }
        var cards: [String: Values] = [:]
        var bodies: [String: String] = [:]
        var plainBodies: [String: String] = [:]
        var lessons: [String: [String]] = [:]
        for (caseStudy, html) in zip(site.caseStudies, rendered) {
            bodies[caseStudy.slug] = html.body
            plainBodies[caseStudy.slug] = html.plain
            lessons[caseStudy.slug] = html.lessons
            var card: [String: Any] = [
                "title": esc(caseStudy.title), "url": SiteURL.caseStudy(caseStudy.slug), "slug": caseStudy.slug,
                "summaryHTML": html.summary, "summaryText": esc(caseStudy.summary),
                "dateISO": caseStudy.date.description, "dateText": caseStudy.date.longDescription,
                "lessonCount": caseStudy.lessons.count,
                "themes": Aggregator.themes(of: caseStudy).map { link(site.themeTitle($0), SiteURL.theme($0)) },
            ]
            if let organisation = caseStudy.organisation { card["organisation"] = esc(organisation) }
            if let region = caseStudy.region { card["region"] = esc(region) }
            if let programme = caseStudy.programme?.value {
                card["programme"] = link(site.programmeTitle(programme), SiteURL.programme(programme))
            }
            cards[caseStudy.slug] = Values(card)
        }
        self.cards = Self.renderOnce(cards, order: site.caseStudies.map(\.slug), partial: "partials/case-study-card", theme: theme, root: site.config.basePath, cache: itemCache)
        self.bodies = bodies
        self.plainBodies = plainBodies
        self.lessons = lessons

        let quoteHTML = site.quotes.parallelMap { markdown.inlineHTML($0.text) }
        var quotes: [String: Values] = [:]
        for (quote, html) in zip(site.quotes, quoteHTML) {
            var values: [String: Any] = [
                "id": quote.id, "anchor": "quote-\(quote.id)", "html": html, "speaker": esc(quote.speaker),
                "featured": quote.featured,
                "themes": quote.themes.map { ["id": $0.value, "title": esc(site.themeTitle($0.value)), "url": SiteURL.theme($0.value)] },
                "themeIDs": quote.themes.map(\.value).joined(separator: " "),
                "programmeID": quote.programme?.value ?? "",
            ]
            var attribution = quote.speaker
            if let programme = quote.programme?.value {
                attribution += ", " + site.programmeTitle(programme)
                values["programme"] = link(site.programmeTitle(programme), SiteURL.programme(programme))
            }
            values["attribution"] = esc(attribution)
            if let slug = quote.caseStudy?.value, let caseStudy = site.caseStudy(slug) {
                values["caseStudy"] = link(caseStudy.title, SiteURL.caseStudy(slug))
            }
            if let date = quote.date {
                values["dateISO"] = date.description
                values["dateText"] = date.longDescription
            }
            quotes[quote.id] = Values(values)
        }
        self.quotes = Self.renderOnce(quotes, order: site.quotes.map(\.id), partial: "partials/quote", theme: theme, root: site.config.basePath, cache: itemCache)

        themeDescriptions = Dictionary(uniqueKeysWithValues: site.themes.map {
            ($0.definition.id, $0.definition.description.map(markdown.html) ?? "")
        })
        programmeDescriptions = Dictionary(uniqueKeysWithValues: site.programmes.map {
            ($0.id, $0.description.map(markdown.html) ?? "")
        })
        pageBodies = Dictionary(site.site.pages.map { ($0.slug, markdown.html($0.body)) }, uniquingKeysWith: { a, _ in a })
        introduction = site.config.introduction.map(markdown.html) ?? ""
        self.markdown = markdown
    }

    /// Adds `rendered`: the item through its partial, made at most once per build, when a page
    /// first lists it, and reused by every other page that does (links start from the base path,
    /// so the HTML is the same everywhere). A rebuild that renders a few pages renders few items.
    static func renderOnce(
        _ items: [String: Values], order: [String], partial: String, theme: Theme, root: String, cache: RenderedItemCache?
    ) -> [String: Values] {
        guard theme.has(partial) else { return items }
        var result = items
        for key in order {
            guard var values = items[key]?.dictionary else { continue }
            values["root"] = root
            let item = Values(values)
            guard let cache else {
                result[key]?["rendered"] = RenderedOnce { (try? theme.render(partial, item.dictionary)) ?? "" }
                continue
            }
            let fingerprint = partial + "\u{1}" + RenderedItemCache.fingerprint(values)
            if let html = cache.html(for: fingerprint) {
                result[key]?["rendered"] = html
            } else {
                result[key]?["rendered"] = RenderedOnce {
                    let html = (try? theme.render(partial, item.dictionary)) ?? ""
                    cache.store(html, for: fingerprint)
                    return html
                }
            }
        }
        return result
    }

    func quoteValues(_ quotes: [Quote]) -> [[String: Any]] {
        quotes.compactMap { self.quotes[$0.id]?.dictionary }
    }

    func cardValues(_ caseStudies: [CaseStudy]) -> [[String: Any]] {
        caseStudies.compactMap { cards[$0.slug]?.dictionary }
    }
}
