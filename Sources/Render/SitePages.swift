import Aggregate
import Markdown
import Model

/// The list of HTML pages of a site, each with its own template values.
///
/// A page's values are made from the `SitePages` it is rendered with, not the one that listed it:
/// after a `casebook serve` edit that keeps every item's placement, the pages listed before are
/// rendered with the edited site (`SiteRenderer.replan`).
struct SitePages: Sendable {
    let site: AggregatedSite
    let fragments: ContentFragments
    /// The base path, before every `href`.
    var root: String { site.config.basePath }
    /// casebook's own words in the site's language.
    var words: Wording { site.config.wording }

    func all() -> [PageSpec] {
        [home(), caseStudyIndex(), themeIndex(), programmeIndex(), quotes(), search(), notFound()]
            + site.caseStudies.map(caseStudy) + site.themes.map(theme) + site.programmes.map(programme)
            + site.site.pages.map(page)
    }

    func home() -> PageSpec {
        let config = site.config
        return PageSpec(
            url: SiteURL.home, template: "home", kind: "home", title: config.title,
            description: config.introduction.map(plain) ?? words.text(.homeDescription, ["organisation": config.organisation ?? config.title]),
            section: SiteURL.home, values: { $0.homeValues() })
    }

    func homeValues() -> Values {
        [
            "introductionHTML": fragments.introduction,
            "themes": site.themes.map(themeSummary),
            "featured": fragments.quoteValues(site.featured),
            "latest": fragments.cardValues(Array(site.caseStudies.prefix(6))),
            "counts": [
                "caseStudies": site.caseStudies.count, "programmes": site.programmes.count,
                "themes": site.themes.count, "lessons": site.lessonCount, "quotes": site.quotes.count,
            ] as Values,
            // Each count's noun, singular for one: "1 case study", not "1 case studies".
            "countLabels": [
                "caseStudies": label(site.caseStudies.count, .caseStudyCountOne, .caseStudiesCount),
                "lessons": label(site.lessonCount, .lessonCountOne, .lessonsCount),
                "quotes": label(site.quotes.count, .quoteCountOne, .quotesCount),
                "programmes": label(site.programmes.count, .programmeCountOne, .programmesCount),
            ] as Values,
        ]
    }

    private func label(_ count: Int, _ one: Wording.Key, _ many: Wording.Key) -> EscapedText { EscapedText(words[count == 1 ? one : many]) }

    func caseStudyIndex() -> PageSpec {
        PageSpec(
            url: SiteURL.caseStudies, template: "case-studies", kind: "case-studies", title: words[.caseStudies],
            description: words.text(site.caseStudies.count == 1 ? .caseStudiesDescriptionOne : .caseStudiesDescription, ["count": String(site.caseStudies.count)]),
            section: SiteURL.caseStudies,
            items: site.caseStudies.count,
            values: { Self.listing(caseStudies: $0.fragments.cardValues($0.site.caseStudies)) })
    }

    func caseStudy(_ caseStudy: CaseStudy) -> PageSpec {
        var page = PageSpec(
            url: SiteURL.caseStudy(caseStudy.slug), template: "case-study", kind: "case-study", title: caseStudy.title,
            description: fragments.plainSummary(of: caseStudy), ogType: "article",
            section: SiteURL.caseStudies,
            items: 1 + caseStudy.lessons.count + (site.quotesByCaseStudy[caseStudy.slug]?.count ?? 0),
            values: { $0.caseStudyValues(caseStudy) })
        page.image = caseStudy.image
        return page
    }

    func caseStudyValues(_ caseStudy: CaseStudy) -> Values {
        var values = fragments.cards[caseStudy.slug] ?? [:]
        values["bodyHTML"] = fragments.bodies[caseStudy.slug] ?? .empty
        // Each lesson's values are made once for the theme pages: the same shape, reused here.
        values["lessons"] = fragments.lessonValues[caseStudy.slug] ?? []
        values["quotes"] = fragments.quoteValues(site.quotesByCaseStudy[caseStudy.slug] ?? [])
        return ["caseStudy": values]
    }

    func themeIndex() -> PageSpec {
        PageSpec(
            url: SiteURL.themes, template: "themes", kind: "themes", title: words[.themes],
            description: words[.themesDescription], section: SiteURL.themes,
            values: { $0.themeIndexValues() })
    }

    func themeIndexValues() -> Values {
        let matrix = site.matrix
        let rows = site.themes.enumerated().map { t, theme -> Values in
            [
                "theme": link(theme.definition.title, SiteURL.theme(theme.definition.id), root: root),
                "cells": matrix.cells[t].map { cell -> Values in
                    ["caseStudies": cell.caseStudies, "lessons": cell.lessons, "quotes": cell.quotes, "empty": cell.isEmpty]
                },
            ]
        }
        // Every chart name is always given (false when off or too crowded), so the template check knows it.
        var charts: Values = ["themes": false, "matrix": false]
        if site.config.charts {
            let drawn = EvidenceCharts(site: site, palette: .site)
            let themeLink: (ThemeDefinition) -> Href? = { Href(root, SiteURL.theme($0.id)) }
            drawn.byTheme(link: themeLink).map { charts["themes"] = $0.values }
            drawn.matrix(themeLink: themeLink) { Href(root, SiteURL.programme($0.id)) }.map { charts["matrix"] = $0.values }
        }
        return [
            "themes": site.themes.map(themeSummary),
            "matrix": ["programmes": site.programmes.map { link($0.title, SiteURL.programme($0.id), root: root) }, "rows": rows] as Values,
            "charts": charts,
        ]
    }

    func theme(_ theme: ThemeEvidence) -> PageSpec {
        PageSpec(
            url: SiteURL.theme(theme.definition.id), template: "theme", kind: "theme", title: theme.definition.title,
            description: theme.definition.description.map(plain) ?? theme.definition.title, ogType: "article",
            section: SiteURL.themes, items: theme.lessons.count + theme.quotes.count + theme.caseStudies.count,
            values: { $0.themeValues(theme) })
    }

    func themeValues(_ theme: ThemeEvidence) -> Values {
        let values = Self.listing(
            themeSummary(theme), lessons: theme.lessons.map(lessonValues), quotes: fragments.quoteValues(theme.quotes),
            caseStudies: fragments.cardValues(theme.caseStudies))
        return ["theme": values]
    }

    func programmeIndex() -> PageSpec {
        PageSpec(
            url: SiteURL.programmes, template: "programmes", kind: "programmes", title: words[.programmes],
            description: words[.programmesDescription], section: SiteURL.programmes,
            values: { $0.programmeIndexValues() })
    }

    func programmeIndexValues() -> Values {
        var charts: Values = ["programmes": false]
        if site.config.charts {
            EvidenceCharts(site: site, palette: .site).byProgramme { Href(root, SiteURL.programme($0.id)) }.map { charts["programmes"] = $0.values }
        }
        return ["programmes": site.programmes.map(programmeSummary), "charts": charts]
    }

    func programme(_ programme: ProgrammeEvidence) -> PageSpec {
        PageSpec(
            url: SiteURL.programme(programme.id), template: "programme", kind: "programme", title: programme.title,
            description: programme.description.map(plain) ?? words.text(.programmeDescription, ["programme": programme.title]),
            section: SiteURL.programmes, items: programme.caseStudies.count + programme.quotes.count,
            values: { $0.programmeValues(programme) })
    }

    func programmeValues(_ programme: ProgrammeEvidence) -> Values {
        let values = Self.listing(
            programmeSummary(programme), quotes: fragments.quoteValues(programme.quotes), caseStudies: fragments.cardValues(programme.caseStudies))
        return ["programme": values]
    }

    func quotes() -> PageSpec {
        PageSpec(
            url: SiteURL.quotes, template: "quotes", kind: "quotes", title: words[.quotes],
            description: words.text(site.quotes.count == 1 ? .quotesDescriptionOne : .quotesDescription, ["count": String(site.quotes.count)]),
            section: SiteURL.quotes,
            items: site.quotes.count,
            values: { $0.quotesValues() })
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
        func group(id: String, title: String, url: String, quotes: [Quote]) -> Values {
            var theme = link(title, url, root: root)
            theme["id"] = EscapedText(id)
            // `oneQuote` picks the singular word (`t.quotesHiddenOne`); every group sets it, so a
            // group never reads the page's own.
            return Self.listing(
                ["theme": theme, "anchor": EscapedText("theme-\(id)"), "oneQuote": quotes.count == 1], quotes: fragments.quoteValues(quotes))
        }
        var groups = zip(site.themes, byTheme).filter { !$1.isEmpty }.map { theme, quotes in
            group(id: theme.definition.id, title: theme.definition.title, url: SiteURL.theme(theme.definition.id), quotes: quotes)
        }
        if !unthemed.isEmpty { groups.append(group(id: "other", title: words[.otherVoices], url: SiteURL.quotes, quotes: unthemed)) }
        return [
            "groups": groups, "count": site.quotes.count, "oneQuote": site.quotes.count == 1,
            "filters": [
                "themes": site.themes.map { ["id": EscapedText($0.definition.id), "title": EscapedText($0.definition.title)] as Values },
                "programmes": site.programmes.filter { !$0.quotes.isEmpty }.map { ["id": EscapedText($0.id), "title": EscapedText($0.title)] as Values },
            ] as Values,
        ]
    }

    func search() -> PageSpec {
        PageSpec(
            url: SiteURL.search, template: "search", kind: "search", title: words[.search],
            description: words[.searchDescription], section: SiteURL.search, values: { _ in [:] })
    }

    func notFound() -> PageSpec {
        PageSpec(
            url: "404.html", template: "404", kind: "404", title: words[.pageNotFound],
            description: words[.notFoundDescription], section: "404.html", values: { _ in [:] })
    }

    func page(_ page: Page) -> PageSpec {
        PageSpec(
            url: SiteURL.page(page.slug), template: "page", kind: "page", title: page.title,
            description: page.description ?? plain(page.body.prefix(characters: 400)), section: SiteURL.page(page.slug),
            values: { ["bodyHTML": $0.fragments.pageBodies[page.slug] ?? .empty] })
    }

    // MARK: Shapes

    func themeSummary(_ theme: ThemeEvidence) -> Values {
        [
            "id": EscapedText(theme.definition.id), "title": EscapedText(theme.definition.title),
            "url": Href(path: SiteURL.theme(theme.definition.id)), "href": Href(root, SiteURL.theme(theme.definition.id)),
            "descriptionHTML": fragments.themeDescriptions[theme.definition.id] ?? .empty,
            "lessonCount": theme.lessons.count, "quoteCount": theme.quotes.count, "caseStudyCount": theme.caseStudies.count,
        ]
    }

    func programmeSummary(_ programme: ProgrammeEvidence) -> Values {
        [
            "id": EscapedText(programme.id), "title": EscapedText(programme.title),
            "url": Href(path: SiteURL.programme(programme.id)), "href": Href(root, SiteURL.programme(programme.id)),
            "descriptionHTML": fragments.programmeDescriptions[programme.id] ?? .empty,
            "caseStudyCount": programme.caseStudies.count, "quoteCount": programme.quotes.count,
            "themes": programme.themeIDs.map { link(site.themeTitle($0), SiteURL.theme($0), root: root) },
        ]
    }

    /// `values` with the given lists of items, and beside each, `<name>HTML`: the items' `rendered`
    /// HTML joined, so a page prints a thousand quotes as one string instead of looping over
    /// them in the template.
    static func listing(_ values: Values = [:], lessons: [Values]? = nil, quotes: [Values]? = nil, caseStudies: [Values]? = nil) -> Values {
        var values = values
        for (name, items) in [("lessons", lessons), ("quotes", quotes), ("caseStudies", caseStudies)] {
            guard let items else { continue }
            values[name] = items
            values[name + "HTML"] = joined(items)
        }
        return values
    }

    static func joined(_ items: [Values]) -> RenderedOnce {
        let parts = items.map { $0.dictionary["rendered"] as? RenderedOnce }
        return RenderedOnce { SafeHTML.joined(parts.map { $0?.html ?? .empty }, separator: "\n") }
    }

    /// A lesson's shared values (rendered once per build), found by its place in its case study.
    func lessonValues(_ lesson: LessonEvidence) -> Values {
        guard let index = ContentFragments.place(of: lesson, in: site), let values = fragments.lessonValues[lesson.caseStudySlug]?[index]
        else { return [:] }
        return values
    }

    func plain(_ markdown: String) -> String { fragments.markdown.plainText(markdown) }
}
