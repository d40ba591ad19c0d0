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
        var bodies: [String: String] = [:]
        var plainBodies: [String: String] = [:]
        var lessons: [String: [String]] = [:]
        for (caseStudy, html) in zip(site.caseStudies, rendered) {
            bodies[caseStudy.slug] = html.body
            plainBodies[caseStudy.slug] = html.plain
            lessons[caseStudy.slug] = html.lessons
        }
        let cardItems = zip(site.caseStudies, rendered).map { ($0, $1.summary) }.parallelMap { caseStudy, summaryHTML in
            Self.card(caseStudy, summaryHTML: summaryHTML, site: site)
        }
        self.cards = Self.renderOnce(
            cardItems, partial: "partials/case-study-card", theme: theme, root: site.config.basePath, cache: itemCache)
        self.bodies = bodies
        self.plainBodies = plainBodies
        self.lessons = lessons

        let quoteItems = site.quotes.parallelMap { quote in Self.quote(quote, html: markdown.inlineHTML(quote.text), site: site) }
        self.quotes = Self.renderOnce(
            quoteItems, partial: "partials/quote", theme: theme, root: site.config.basePath, cache: itemCache)

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

    /// One item for `renderOnce`: its key, its values, and a fingerprint of everything its
    /// partial shows (for the cache between `serve` rebuilds), made from the source fields.
    struct Item: Sendable {
        var key: String
        var values: Values
        var fingerprint: String
    }

    static func card(_ caseStudy: CaseStudy, summaryHTML: String, site: AggregatedSite) -> Item {
        let themes = Aggregator.themes(of: caseStudy)
        var card: [String: Any] = [
            "title": esc(caseStudy.title), "url": SiteURL.caseStudy(caseStudy.slug), "slug": caseStudy.slug,
            "summaryHTML": summaryHTML, "summaryText": esc(caseStudy.summary),
            "dateISO": caseStudy.date.description, "dateText": caseStudy.date.longDescription,
            "lessonCount": caseStudy.lessons.count,
            "themes": themes.map { link(site.themeTitle($0), SiteURL.theme($0)) },
        ]
        if let organisation = caseStudy.organisation { card["organisation"] = esc(organisation) }
        if let region = caseStudy.region { card["region"] = esc(region) }
        let programme = caseStudy.programme.map { site.programmeTitle($0.value) }
        if let id = caseStudy.programme?.value, let programme { card["programme"] = link(programme, SiteURL.programme(id)) }
        let fingerprint = [
            caseStudy.slug, caseStudy.title, caseStudy.summary, caseStudy.date.description, caseStudy.organisation ?? "",
            caseStudy.region ?? "", String(caseStudy.lessons.count), caseStudy.programme?.value ?? "", programme ?? "",
        ] + themes.map { $0 + "=" + site.themeTitle($0) }
        return Item(key: caseStudy.slug, values: Values(card), fingerprint: fingerprint.joined(separator: "\u{1F}"))
    }

    static func quote(_ quote: Quote, html: String, site: AggregatedSite) -> Item {
        var values: [String: Any] = [
            "id": quote.id, "anchor": "quote-\(quote.id)", "html": html, "speaker": esc(quote.speaker),
            "featured": quote.featured,
            "themes": quote.themes.map { ["id": $0.value, "title": esc(site.themeTitle($0.value)), "url": SiteURL.theme($0.value)] },
            "themeIDs": quote.themes.map(\.value).joined(separator: " "),
            "programmeID": quote.programme?.value ?? "",
        ]
        var attribution = quote.speaker
        let programme = quote.programme.map { site.programmeTitle($0.value) }
        if let id = quote.programme?.value, let programme {
            attribution += ", " + programme
            values["programme"] = link(programme, SiteURL.programme(id))
        }
        values["attribution"] = esc(attribution)
        let caseStudy = quote.caseStudy.flatMap { site.caseStudy($0.value) }
        if let caseStudy { values["caseStudy"] = link(caseStudy.title, SiteURL.caseStudy(caseStudy.slug)) }
        if let date = quote.date {
            values["dateISO"] = date.description
            values["dateText"] = date.longDescription
        }
        let fingerprint = [
            quote.id, quote.text, quote.speaker, quote.programme?.value ?? "", programme ?? "", caseStudy?.slug ?? "",
            caseStudy?.title ?? "", quote.date?.description ?? "", quote.featured ? "1" : "0",
        ] + quote.themes.map { $0.value + "=" + site.themeTitle($0.value) }
        return Item(key: quote.id, values: Values(values), fingerprint: fingerprint.joined(separator: "\u{1F}"))
    }

    /// Adds `rendered`: the item through its partial, made at most once per build, when a page
    /// first lists it, and reused by every other page that does (links start from the base path,
    /// so the HTML is the same everywhere). A rebuild that renders a few pages renders few items;
    /// with a cache, items unchanged since the last build are not rendered at all.
    static func renderOnce(
        _ items: [Item], partial: String, theme: Theme, root: String, cache: RenderedItemCache?
    ) -> [String: Values] {
        var result: [String: Values] = [:]
        result.reserveCapacity(items.count)
        for item in items {
            var values = item.values
            values["root"] = root
            guard theme.has(partial) else {
                result[item.key] = values
                continue
            }
            let input = values
            let fingerprint = partial + "\u{1}" + root + "\u{1}" + item.fingerprint
            if let html = cache?.html(for: fingerprint) {
                values["rendered"] = html
            } else {
                values["rendered"] = RenderedOnce {
                    let html = (try? theme.render(partial, input.dictionary)) ?? ""
                    cache?.store(html, for: fingerprint)
                    return html
                }
            }
            result[item.key] = values
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
