import Aggregate
import Markdown
import Model
import SystemSupport

/// The HTML and template values of each case study and quote, made once per build and shared by
/// every page that lists them, so no Markdown is rendered twice.
struct ContentFragments: Sendable {
    /// Case-study card values by slug (title, summary, programme, themes…).
    private(set) var cards: [String: Values]
    /// Body HTML by case-study slug.
    private(set) var bodies: [String: SafeHTML]
    /// The start of each body as plain text, for the search index.
    private(set) var plainBodies: [String: String]
    /// Each summary as plain text, and each lesson's, by case-study slug: parsed once with
    /// their HTML, for descriptions, the feed and the search index.
    private var plainSummaries: [String: String]
    private(set) var plainLessons: [String: [String]]
    /// Each summary's and each lesson's inline HTML, by case-study slug, for the data exports.
    private(set) var summaryHTML: [String: SafeHTML]
    private(set) var lessonsHTML: [String: [SafeHTML]]
    /// Lesson values (with `rendered`) by case-study slug, for theme and case-study pages.
    private(set) var lessonValues: [String: [Values]]
    /// Quote values by id.
    private(set) var quotes: [String: Values]
    /// Each quote's plain text by id, parsed with its HTML, for the search index.
    private(set) var plainQuotes: [String: String]
    /// Rendered theme and programme descriptions by id.
    let themeDescriptions: [String: SafeHTML]
    let programmeDescriptions: [String: SafeHTML]
    /// Free pages' body HTML by slug, and the home page's introduction.
    private(set) var pageBodies: [String: SafeHTML]
    let introduction: SafeHTML
    let markdown: MarkdownRenderer

    /// - Parameter eager: render every item through its partial now, on all cores (a full build
    ///   lists every item); otherwise each is rendered when a page first prints it.
    init(
        _ site: AggregatedSite, markdown: MarkdownRenderer, theme: Theme, cache: FragmentCache? = nil, prepared: PreparedBodies? = nil,
        eager: Bool = false
    ) {
        let maker = ItemMaker(site: site, markdown: markdown, theme: theme, cache: cache, eager: eager)

        // Case studies: unchanged ones come from the cache; the rest are converted on all cores.
        let caseStudyInputs = site.caseStudies.map { ($0, cache?.caseStudy($0)) }
        prepared?.wait()
        let caseStudyEntries = caseStudyInputs.parallelMap { caseStudy, cached -> FragmentCache.CaseStudyEntry in
            cached ?? maker.caseStudy(caseStudy, prepared: prepared)
        }

        // Quotes: a quote's values also show its case study's title.
        let quoteInputs = site.quotes.map { quote -> (Quote, String, FragmentCache.QuoteEntry?) in
            let quoteContext = Self.context(of: quote, in: site)
            return (quote, quoteContext, cache?.quote(quote, context: quoteContext))
        }
        let quoteEntries = quoteInputs.parallelMap { quote, quoteContext, cached -> FragmentCache.QuoteEntry in
            cached ?? maker.quote(quote, context: quoteContext)
        }
        if let cache {
            cache.keep(
                made: zip(caseStudyInputs, caseStudyEntries).compactMap { $0.1 == nil ? $1 : nil },
                zip(quoteInputs, quoteEntries).compactMap { $0.2 == nil ? $1 : nil },
                live: (site.caseStudies.map { $0.slug }, site.quotes.map { $0.id }))
        }

        themeDescriptions = Dictionary(uniqueKeysWithValues: site.themes.map {
            ($0.definition.id, $0.definition.description.map { SafeHTML.markdown($0, markdown) } ?? .empty)
        })
        programmeDescriptions = Dictionary(uniqueKeysWithValues: site.programmes.map {
            ($0.id, $0.description.map { SafeHTML.markdown($0, markdown) } ?? .empty)
        })
        pageBodies = Dictionary(site.site.pages.map { ($0.slug, SafeHTML.markdown($0.body, markdown)) }, uniquingKeysWith: { a, _ in a })
        introduction = site.config.introduction.map { SafeHTML.markdown($0, markdown) } ?? .empty
        self.markdown = markdown
        let (n, m) = (caseStudyEntries.count, quoteEntries.count)
        (cards, bodies, plainBodies, plainSummaries) = (.init(minimumCapacity: n), .init(minimumCapacity: n), .init(minimumCapacity: n), .init(minimumCapacity: n))
        (plainLessons, lessonValues, summaryHTML, lessonsHTML) = (.init(minimumCapacity: n), .init(minimumCapacity: n), .init(minimumCapacity: n), .init(minimumCapacity: n))
        (quotes, plainQuotes) = (.init(minimumCapacity: m), .init(minimumCapacity: m))
        for entry in caseStudyEntries { add(entry) }
        for entry in quoteEntries where quotes[entry.source.id] == nil { add(entry) }
    }

    /// These fragments, made for the site before a `casebook serve` edit, with the edited items
    /// made again for `site`: `AggregatedSite.patched`, whose items keep their placement, so
    /// nothing any other item shows changed. The cache is told of the items made.
    func patched(caseStudies: [CaseStudy], quotes: [Quote], pages: [Page], site: AggregatedSite, theme: Theme, cache: FragmentCache?) -> ContentFragments {
        let maker = ItemMaker(site: site, markdown: markdown, theme: theme, cache: cache, eager: false)
        var fragments = self
        let caseStudyEntries = caseStudies.map { maker.caseStudy($0, prepared: nil) }
        let quoteEntries = quotes.map { maker.quote($0, context: Self.context(of: $0, in: site)) }
        for entry in caseStudyEntries { fragments.add(entry) }
        for entry in quoteEntries { fragments.add(entry) }
        for page in pages { fragments.pageBodies[page.slug] = SafeHTML.markdown(page.body, markdown) }
        cache?.keep(made: caseStudyEntries, quoteEntries)
        return fragments
    }

    /// What a quote shows from outside itself: its case study's title.
    private static func context(of quote: Quote, in site: AggregatedSite) -> String {
        quote.caseStudy.flatMap { site.caseStudy($0.value)?.title } ?? ""
    }

    private mutating func add(_ entry: FragmentCache.CaseStudyEntry) {
        let slug = entry.source.slug
        cards[slug] = entry.card
        bodies[slug] = entry.html.body
        plainBodies[slug] = entry.html.plain
        plainSummaries[slug] = entry.html.summaryPlain
        plainLessons[slug] = entry.html.lessonsPlain
        lessonValues[slug] = entry.lessons
        summaryHTML[slug] = entry.html.summary
        lessonsHTML[slug] = entry.html.lessons
    }

    private mutating func add(_ entry: FragmentCache.QuoteEntry) {
        quotes[entry.source.id] = entry.values
        plainQuotes[entry.source.id] = entry.plain
    }

    /// Makes one item's HTML and values, as every build and edit does.
    private struct ItemMaker: Sendable {
        let site: AggregatedSite
        let markdown: MarkdownRenderer
        let theme: Theme
        let root: String
        let words: Values
        /// What every item shows from outside itself; when it changes, nothing cached is reused.
        let themes: ThemeSlot?
        let eager: Bool

        init(site: AggregatedSite, markdown: MarkdownRenderer, theme: Theme, cache: FragmentCache?, eager: Bool) {
            self.site = site
            self.markdown = markdown
            self.theme = theme
            root = site.config.basePath
            words = Values(site.config.wording)
            themes = cache?.start(siteContext: FragmentCache.context(of: site), theme: theme)
            self.eager = eager
        }

        func prepare(_ item: Values, partial: String) -> Values {
            ContentFragments.prepare(item, partial: partial, theme: theme, themes: themes, root: root, words: words, eager: eager)
        }

        func caseStudy(_ caseStudy: CaseStudy, prepared: PreparedBodies?) -> FragmentCache.CaseStudyEntry {
            let body =
                prepared?.body(of: caseStudy)
                ?? SafeHTML.markdownAndPlainText(caseStudy.body, markdown, plainTextLimit: SearchIndex.textLimit)
            let summary = SafeHTML.inlineMarkdownAndPlainText(caseStudy.summary, markdown)
            let lessonTexts = caseStudy.lessons.map { SafeHTML.inlineMarkdownAndPlainText($0.text, markdown) }
            let html = CaseStudyHTML(
                body: body.html, plain: body.plain, summary: summary.html, summaryPlain: summary.plain,
                lessons: lessonTexts.map(\.html), lessonsPlain: lessonTexts.map(\.plain))
            let card = prepare(ContentFragments.card(caseStudy, summaryHTML: html.summary, site: site, root: root), partial: ContentFragments.cardPartial)
            let lessons = zip(caseStudy.lessons, html.lessons).map { lesson, lessonHTML in
                prepare(ContentFragments.lesson(lesson, html: lessonHTML, of: caseStudy, site: site, root: root), partial: ContentFragments.lessonPartial)
            }
            return .init(source: caseStudy, html: html, card: card, lessons: lessons)
        }

        func quote(_ quote: Quote, context: String) -> FragmentCache.QuoteEntry {
            let html = SafeHTML.quoteMarkdown(quote.text, markdown)
            let item = ContentFragments.quote(quote, html: (html.block, html.inline), site: site, root: root)
            return .init(source: quote, context: context, values: prepare(item, partial: ContentFragments.quotePartial), plain: html.plain)
        }
    }

    /// The partial each kind of item is printed with.
    static let cardPartial = "partials/case-study-card", lessonPartial = "partials/lesson", quotePartial = "partials/quote"

    static func card(_ caseStudy: CaseStudy, summaryHTML: SafeHTML, site: AggregatedSite, root: String) -> Values {
        let themes = Aggregator.themes(of: caseStudy)
        var card: Values = [
            "title": EscapedText(caseStudy.title), "url": Href(path: SiteURL.caseStudy(caseStudy.slug)),
            "href": Href(root, SiteURL.caseStudy(caseStudy.slug)), "slug": EscapedText(caseStudy.slug),
            "summaryHTML": summaryHTML, "summaryText": EscapedText(caseStudy.summary),
            "dateISO": EscapedText(caseStudy.date.description), "dateText": EscapedText(site.config.wording.date(caseStudy.date)),
            "lessonCount": caseStudy.lessons.count,
            "themes": themes.map { link(site.themeTitle($0), SiteURL.theme($0), root: root) },
        ]
        // An image from static/ is published once, at the site's root; one beside the case study in each language's folder.
        card["image"] = caseStudy.image.map { leadImage($0, root: $0.isBesideCaseStudy ? root : site.config.filesBasePath) }.orAbsent
        card["organisation"] = caseStudy.organisation.map { EscapedText($0) }.orAbsent
        card["region"] = caseStudy.region.map { EscapedText($0) }.orAbsent
        card["programme"] = caseStudy.programme.map { link(site.programmeTitle($0.value), SiteURL.programme($0.value), root: root) }.orAbsent
        return card
    }

    /// A lead image for `<img src alt width height>`: the size, when the file says, reserves
    /// the image's space so the page does not shift while it loads.
    static func leadImage(_ image: LeadImage, root: String) -> Values {
        let sized = image.width != nil && image.height != nil
        var values: Values = ["src": Href(root, SiteURL.encodedPath(image.path)), "alt": EscapedText(image.alt)]
        values["width"] = (sized ? image.width : nil).orAbsent
        values["height"] = (sized ? image.height : nil).orAbsent
        return values
    }

    static func lesson(_ lesson: Lesson, html: SafeHTML, of caseStudy: CaseStudy, site: AggregatedSite, root: String) -> Values {
        var values: Values = [
            "html": html,
            "theme": link(site.themeTitle(lesson.theme.value), SiteURL.theme(lesson.theme.value), root: root),
            "caseStudy": link(caseStudy.title, SiteURL.caseStudy(caseStudy.slug), root: root),
        ]
        values["programme"] = caseStudy.programme.map { link(site.programmeTitle($0.value), SiteURL.programme($0.value), root: root) }.orAbsent
        return values
    }

    /// - Parameter html: the quote's paragraphs (`blockHTML`, for a `<blockquote>`) and its inline
    ///   form (`html`, for themes that print it inside a `<p>`).
    static func quote(_ quote: Quote, html: (block: SafeHTML, inline: SafeHTML), site: AggregatedSite, root: String) -> Values {
        var values: Values = [
            "id": EscapedText(quote.id), "anchor": EscapedText("quote-\(quote.id)"),
            "html": html.inline, "blockHTML": html.block,
            "speaker": EscapedText(quote.speaker),
            "featured": quote.featured,
            "themes": quote.themes.map { theme -> Values in
                var values = link(site.themeTitle(theme.value), SiteURL.theme(theme.value), root: root)
                values["id"] = EscapedText(theme.value)
                return values
            },
            "themeIDs": EscapedText(quote.themes.map { $0.value }.joined(separator: " ")),
            "programmeID": EscapedText(quote.programme?.value),
        ]
        var attribution = quote.speaker
        let programme = quote.programme.map { site.programmeTitle($0.value) }
        if let programme { attribution += ", " + programme }
        values["programme"] = quote.programme.map { link(site.programmeTitle($0.value), SiteURL.programme($0.value), root: root) }.orAbsent
        values["attribution"] = EscapedText(attribution)
        let caseStudy = quote.caseStudy.flatMap { site.caseStudy($0.value) }
        values["caseStudy"] = caseStudy.map { link($0.title, SiteURL.caseStudy($0.slug), root: root) }.orAbsent
        values["dateISO"] = quote.date.map { EscapedText($0.description) }.orAbsent
        values["dateText"] = quote.date.map { EscapedText(site.config.wording.date($0)) }.orAbsent
        return values
    }

    /// An item's values with `root`, `t` (casebook's words) and `rendered`: the item through its partial, made once and
    /// reused by every page that lists it (links start from the base path, so the HTML is the
    /// same everywhere). `eager` makes it now, on the caller's core; otherwise the first page
    /// that lists it makes it, so a rebuild that renders a few pages renders few items. A full
    /// build is eager: when pages made them, a theme page waited on the quotes page's lock for
    /// each quote the two share.
    /// With `themes` (`casebook serve`), the partial is printed with that slot's theme, again
    /// after it changes.
    static func prepare(
        _ item: Values, partial: String, theme: Theme, themes: ThemeSlot? = nil, root: String, words: Values, eager: Bool
    ) -> Values {
        var values = item
        values["root"] = Href(root, "")
        values["t"] = words
        guard theme.has(partial) else { return values }
        let input = values
        let once = themes.map { RenderedOnce(partial: partial, input: input, themes: $0) }
            ?? RenderedOnce { (try? theme.render(partial, input)) ?? .empty }
        if eager { _ = once.html }
        values["rendered"] = once
        return values
    }

    func quoteValues(_ quotes: [Quote]) -> [Values] {
        quotes.compactMap { self.quotes[$0.id] }
    }

    /// A case study's summary as plain text, parsed once with its HTML.
    func plainSummary(of caseStudy: CaseStudy) -> String {
        plainSummaries[caseStudy.slug] ?? markdown.plainText(caseStudy.summary)
    }

    /// A lesson's plain text, found by its place in its case study.
    func plainLesson(_ lesson: LessonEvidence, in site: AggregatedSite) -> String? {
        guard let index = Self.place(of: lesson, in: site), let texts = plainLessons[lesson.caseStudySlug],
            texts.indices.contains(index)
        else { return nil }
        return texts[index]
    }

    /// A lesson's inline HTML, found as its plain text is.
    func lessonHTML(_ lesson: LessonEvidence, in site: AggregatedSite) -> SafeHTML? {
        guard let index = Self.place(of: lesson, in: site), let htmls = lessonsHTML[lesson.caseStudySlug],
            htmls.indices.contains(index)
        else { return nil }
        return htmls[index]
    }

    /// Where a lesson stands in its case study's `lessons:`, which is how its values and texts are kept.
    static func place(of lesson: LessonEvidence, in site: AggregatedSite) -> Int? {
        site.caseStudy(lesson.caseStudySlug)?.lessons.firstIndex { $0.location == lesson.lesson.location }
    }

    func cardValues(_ caseStudies: [CaseStudy]) -> [Values] {
        caseStudies.compactMap { cards[$0.slug] }
    }
}
