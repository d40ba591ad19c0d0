import Aggregate
import Markdown
import Model

/// The list of HTML pages of a site, each with its own template values.
struct SitePages {
    let site: AggregatedSite
    let fragments: ContentFragments
    /// The base path, before every `href`.
    var root: String { site.config.basePath }

    func all() -> [PageSpec] {
        [home(), caseStudyIndex(), themeIndex(), programmeIndex(), quotes(), search(), notFound()]
            + site.caseStudies.map(caseStudy) + site.themes.map(theme) + site.programmes.map(programme)
            + site.site.pages.map(page)
    }

    func home() -> PageSpec {
        let config = site.config
        return PageSpec(
            url: SiteURL.home, template: "home", kind: "home", title: config.title,
            description: config.introduction.map(plain) ?? "Case studies, lessons and quotes from \(config.organisation ?? config.title).",
            section: SiteURL.home,
            values: Values([
                "introductionHTML": fragments.introduction,
                "themes": site.themes.map(themeSummary),
                "featured": fragments.quoteValues(site.featured),
                "latest": fragments.cardValues(Array(site.caseStudies.prefix(6))),
                "counts": [
                    "caseStudies": site.caseStudies.count, "programmes": site.programmes.count,
                    "themes": site.themes.count, "lessons": site.lessonCount, "quotes": site.quotes.count,
                ],
            ]))
    }

    func caseStudyIndex() -> PageSpec {
        PageSpec(
            url: SiteURL.caseStudies, template: "case-studies", kind: "case-studies", title: "Case studies",
            description: "All \(site.caseStudies.count) case studies, newest first.", section: SiteURL.caseStudies,
            items: site.caseStudies.count,
            values: Values(listing(["caseStudies": fragments.cardValues(site.caseStudies)])))
    }

    func caseStudy(_ caseStudy: CaseStudy) -> PageSpec {
        PageSpec(
            url: SiteURL.caseStudy(caseStudy.slug), template: "case-study", kind: "case-study", title: caseStudy.title,
            description: fragments.plainSummary(of: caseStudy), ogType: "article",
            section: SiteURL.caseStudies,
            items: 1 + caseStudy.lessons.count + (site.quotesByCaseStudy[caseStudy.slug]?.count ?? 0),
            values: caseStudyValues(caseStudy))
    }

    func caseStudyValues(_ caseStudy: CaseStudy) -> Values {
        var values = fragments.cards[caseStudy.slug]?.dictionary ?? [:]
        values["bodyHTML"] = TemplateText(fragments.bodies[caseStudy.slug] ?? "")
        // Each lesson's values are made once for the theme pages: the same shape, reused here.
        values["lessons"] = (fragments.lessonValues[caseStudy.slug] ?? []).map(\.dictionary)
        values["quotes"] = fragments.quoteValues(site.quotesByCaseStudy[caseStudy.slug] ?? [])
        return Values(["caseStudy": values])
    }

    func themeIndex() -> PageSpec {
        PageSpec(
            url: SiteURL.themes, template: "themes", kind: "themes", title: "Themes",
            description: "What we learned, theme by theme, and the evidence behind each.", section: SiteURL.themes,
            values: themeIndexValues())
    }

    func themeIndexValues() -> Values {
        let matrix = site.matrix
        let rows = site.themes.enumerated().map { t, theme -> [String: Any] in
            [
                "theme": link(theme.definition.title, SiteURL.theme(theme.definition.id), root: root),
                "cells": matrix.cells[t].map { cell -> [String: Any] in
                    ["caseStudies": cell.caseStudies, "lessons": cell.lessons, "quotes": cell.quotes, "empty": cell.isEmpty]
                },
            ]
        }
        return Values([
            "themes": site.themes.map(themeSummary),
            "matrix": ["programmes": site.programmes.map { link($0.title, SiteURL.programme($0.id), root: root) }, "rows": rows],
        ])
    }

    func theme(_ theme: ThemeEvidence) -> PageSpec {
        PageSpec(
            url: SiteURL.theme(theme.definition.id), template: "theme", kind: "theme", title: theme.definition.title,
            description: theme.definition.description.map(plain) ?? theme.definition.title, ogType: "article",
            section: SiteURL.themes, items: theme.lessons.count + theme.quotes.count + theme.caseStudies.count,
            values: themeValues(theme))
    }

    func themeValues(_ theme: ThemeEvidence) -> Values {
        var values = themeSummary(theme)
        values["lessons"] = theme.lessons.map(lessonValues)
        values["quotes"] = fragments.quoteValues(theme.quotes)
        values["caseStudies"] = fragments.cardValues(theme.caseStudies)
        return Values(["theme": listing(values)])
    }

    func programmeIndex() -> PageSpec {
        PageSpec(
            url: SiteURL.programmes, template: "programmes", kind: "programmes", title: "Programmes",
            description: "The programmes whose case studies and voices this site brings together.", section: SiteURL.programmes,
            values: Values(["programmes": site.programmes.map(programmeSummary)]))
    }

    func programme(_ programme: ProgrammeEvidence) -> PageSpec {
        PageSpec(
            url: SiteURL.programme(programme.id), template: "programme", kind: "programme", title: programme.title,
            description: programme.description.map(plain) ?? "Case studies and quotes from \(programme.title).",
            section: SiteURL.programmes, items: programme.caseStudies.count + programme.quotes.count,
            values: programmeValues(programme))
    }

    func programmeValues(_ programme: ProgrammeEvidence) -> Values {
        var values = programmeSummary(programme)
        values["caseStudies"] = fragments.cardValues(programme.caseStudies)
        values["quotes"] = fragments.quoteValues(programme.quotes)
        return Values(["programme": listing(values)])
    }

    func quotes() -> PageSpec {
        PageSpec(
            url: SiteURL.quotes, template: "quotes", kind: "quotes", title: "Quotes",
            description: "In their own words: \(site.quotes.count) quotes from people involved, by theme.", section: SiteURL.quotes,
            items: site.quotes.count,
            values: quotesValues())
    }

    func quotesValues() -> Values {
        // Each quote once, under the first of its themes in casebook.yml order, so anchors stay unique.
        let order = Dictionary(uniqueKeysWithValues: site.themes.enumerated().map { ($1.definition.id, $0) })
        var byTheme = [[Quote]](repeating: [], count: site.themes.count)
        var unthemed: [Quote] = []
        for quote in site.quotes {
            if let first = quote.themes.compactMap({ order[$0.value] }).min() {
                byTheme[first].append(quote)
            } else {
                unthemed.append(quote)
            }
        }
        var groups: [[String: Any]] = zip(site.themes, byTheme).filter { !$1.isEmpty }.map { theme, quotes in
            [
                "theme": link(theme.definition.title, SiteURL.theme(theme.definition.id), root: root).merging(["id": esc(theme.definition.id)]) { a, _ in a },
                "anchor": esc("theme-\(theme.definition.id)"), "quotes": fragments.quoteValues(quotes),
                "quotesHTML": Self.joined(fragments.quoteValues(quotes)),
            ]
        }
        if !unthemed.isEmpty {
            groups.append([
                "theme": link("Other voices", SiteURL.quotes, root: root).merging(["id": "other"]) { a, _ in a }, "anchor": "theme-other",
                "quotes": fragments.quoteValues(unthemed), "quotesHTML": Self.joined(fragments.quoteValues(unthemed)),
            ])
        }
        return Values([
            "groups": groups, "count": site.quotes.count,
            "filters": [
                "themes": site.themes.map { ["id": esc($0.definition.id), "title": esc($0.definition.title)] },
                "programmes": site.programmes.filter { !$0.quotes.isEmpty }.map { ["id": esc($0.id), "title": esc($0.title)] },
            ],
        ])
    }

    func search() -> PageSpec {
        PageSpec(
            url: SiteURL.search, template: "search", kind: "search", title: "Search",
            description: "Search the case studies, themes and pages.", section: SiteURL.search, values: Values([:]))
    }

    func notFound() -> PageSpec {
        PageSpec(
            url: "404.html", template: "404", kind: "404", title: "Page not found",
            description: "The page you asked for is not here.", section: "404.html", values: Values([:]))
    }

    func page(_ page: Page) -> PageSpec {
        PageSpec(
            url: SiteURL.page(page.slug), template: "page", kind: "page", title: page.title,
            description: page.description ?? plain(page.body.prefix(characters: 400)), section: SiteURL.page(page.slug),
            values: Values(["bodyHTML": fragments.pageBodies[page.slug] ?? ""]))
    }

    // MARK: Shapes

    func themeSummary(_ theme: ThemeEvidence) -> [String: Any] {
        [
            "id": esc(theme.definition.id), "title": esc(theme.definition.title), "url": esc(SiteURL.theme(theme.definition.id)),
            "href": esc(root + SiteURL.theme(theme.definition.id)),
            "descriptionHTML": fragments.themeDescriptions[theme.definition.id] ?? "",
            "lessonCount": theme.lessons.count, "quoteCount": theme.quotes.count, "caseStudyCount": theme.caseStudies.count,
        ]
    }

    func programmeSummary(_ programme: ProgrammeEvidence) -> [String: Any] {
        [
            "id": esc(programme.id), "title": esc(programme.title), "url": esc(SiteURL.programme(programme.id)),
            "href": esc(root + SiteURL.programme(programme.id)),
            "descriptionHTML": fragments.programmeDescriptions[programme.id] ?? "",
            "caseStudyCount": programme.caseStudies.count, "quoteCount": programme.quotes.count,
            "themes": programme.themeIDs.map { link(site.themeTitle($0), SiteURL.theme($0), root: root) },
        ]
    }

    /// Adds `<name>HTML` beside each long list of items: their `rendered` HTML joined, so a page
    /// prints a thousand quotes as one string instead of looping over them in the template.
    func listing(_ values: [String: Any]) -> [String: Any] {
        var values = values
        for key in ["lessons", "quotes", "caseStudies"] {
            if let items = values[key] as? [Any] { values[key + "HTML"] = Self.joined(items) }
        }
        return values
    }

    static func joined(_ items: [Any]) -> RenderedOnce {
        let list = Values(["items": items])  // template values: immutable, safe to share
        return RenderedOnce {
            ((list["items"] as? [Any]) ?? []).map { item -> String in
                switch (item as? [String: Any])?["rendered"] {
                case let html as String: return html
                case let once as RenderedOnce: return once.renderText
                default: return ""
                }
            }.joined(separator: "\n")
        }
    }

    /// A lesson's shared values (rendered once per build), found by its place in its case study.
    func lessonValues(_ lesson: LessonEvidence) -> Any {
        guard let index = ContentFragments.place(of: lesson, in: site), let values = fragments.lessonValues[lesson.caseStudySlug]?[index]
        else { return [String: Any]() }
        return values.dictionary
    }

    func plain(_ markdown: String) -> String { fragments.markdown.plainText(markdown) }
}
