import Aggregate
import Markdown
import Model

/// The template values of a report: cover, contents, summary, one section per theme, the
/// evidence matrix, the appendix of case studies, "about this report" and the feedback part.
struct ReportValues {
    let report: ReportDefinition
    let site: AggregatedSite
    let markdown: MarkdownRenderer
    /// The report's date (`StampTime`).
    let date: Day
    /// Leaves out images the PDF engine must not load; its warnings go to `log`.
    let resources: ReportResources
    let log: ReportResources.Log

    /// The HTML of Markdown from `location`, with only the images a report may load.
    func html(_ text: String, at location: SourceLocation, inline: Bool = true) -> String {
        resources.clean(inline ? markdown.inlineHTML(text) : markdown.html(text), at: location, log: log)
    }

    func dictionary() -> [String: Any] {
        let config = site.config
        let sections = site.themes.enumerated().map { index, theme in section(theme, number: index + 1) }
        var contents: [[String: Any]] = [["title": "Summary", "anchor": "summary"]]
        contents += site.themes.map { ["title": esc($0.definition.title), "anchor": esc("theme-\($0.definition.id)")] }
        contents += [
            ["title": "Evidence matrix", "anchor": "evidence-matrix"],
            ["title": "Appendix: case studies", "anchor": "appendix"],
            ["title": "About this report", "anchor": "about"],
            ["title": "Tell us what you think", "anchor": "feedback"],
        ]
        return [
            "report": [
                "id": esc(report.id), "title": esc(report.title), "subtitle": esc(report.subtitle ?? ""),
                "audience": report.audience.rawValue, "isInternal": report.audience == .internal,
                "paper": report.paper == "letter" ? "letter" : "A4",
                "dateText": date.longDescription, "dateISO": date.description,
            ] as [String: Any],
            "site": [
                "title": esc(config.title), "organisation": esc(config.organisation ?? ""), "language": esc(config.language),
                "contactEmail": esc(config.contactEmail ?? ""), "url": esc(config.baseURL),
            ],
            "contents": contents,
            "summary": summary(),
            "sections": sections,
            "matrix": matrix(),
            "appendix": site.caseStudies.map(appendixEntry),
            "about": about(),
        ]
    }

    func summary() -> [String: Any] {
        [
            "caseStudies": site.caseStudies.count,
            "programmes": site.programmes.count,
            "lessons": site.lessonCount, "quotes": site.quotes.count, "themeCount": site.themes.count,
            "themes": site.themes.map { theme -> [String: Any] in
                [
                    "title": esc(theme.definition.title), "anchor": esc("theme-\(theme.definition.id)"),
                    "caseStudies": theme.caseStudies.count, "lessons": theme.lessons.count, "quotes": theme.quotes.count,
                ]
            },
        ]
    }

    func section(_ theme: ThemeEvidence, number: Int) -> [String: Any] {
        [
            "number": number, "anchor": esc("theme-\(theme.definition.id)"), "title": esc(theme.definition.title),
            "descriptionHTML": theme.definition.description.map { html($0, at: theme.definition.location, inline: false) } ?? "",
            "lessons": theme.lessons.map { lesson -> [String: Any] in
                [
                    "html": html(lesson.lesson.text, at: lesson.lesson.location), "caseStudy": esc(lesson.caseStudyTitle),
                    "caseStudyAnchor": esc("case-study-\(lesson.caseStudySlug)"),
                    "programme": esc(lesson.programme.map(site.programmeTitle) ?? ""),
                ]
            },
            "quotes": theme.quotes.map(quote),
            "hasLessons": !theme.lessons.isEmpty, "hasQuotes": !theme.quotes.isEmpty,
        ]
    }

    func quote(_ quote: Quote) -> [String: Any] {
        var attribution = quote.speaker
        if let programme = quote.programme?.value { attribution += ", " + site.programmeTitle(programme) }
        return [
            "html": html(quote.text, at: quote.location), "attribution": esc(attribution),
            "isInternal": quote.consent == .internal,
        ]
    }

    func matrix() -> [String: Any] {
        [
            "programmes": site.programmes.map { ["title": esc($0.title)] },
            "rows": site.themes.enumerated().map { t, theme -> [String: Any] in
                [
                    "theme": esc(theme.definition.title),
                    "cells": site.matrix.cells[t].map { cell -> [String: Any] in
                        ["caseStudies": cell.caseStudies, "lessons": cell.lessons, "quotes": cell.quotes, "empty": cell.isEmpty]
                    },
                ]
            },
        ]
    }

    func appendixEntry(_ caseStudy: CaseStudy) -> [String: Any] {
        [
            "anchor": esc("case-study-\(caseStudy.slug)"), "title": esc(caseStudy.title),
            "summaryHTML": html(caseStudy.summary, at: SourceLocation(file: caseStudy.file)),
            "programme": esc(caseStudy.programme.map { site.programmeTitle($0.value) } ?? ""),
            "organisation": esc(caseStudy.organisation ?? ""), "region": esc(caseStudy.region ?? ""),
            "dateText": caseStudy.date.longDescription, "hasLessons": !caseStudy.lessons.isEmpty,
            "lessons": caseStudy.lessons.map { lesson -> [String: Any] in
                ["html": html(lesson.text, at: lesson.location), "theme": esc(site.themeTitle(lesson.theme.value))]
            },
        ]
    }

    func about() -> [String: Any] {
        var filters: [[String: Any]] = []
        filters.append(["label": "Audience", "value": report.audience == .public ? "Public: public quotes only" : "Internal: public and internal quotes"])
        filters.append(["label": "Themes", "value": esc(report.themes.map { $0.map { site.themeTitle($0.value) }.joined(separator: "; ") } ?? "All themes")])
        filters.append(["label": "Programmes", "value": esc(report.programmes.map { $0.map { site.programmeTitle($0.value) }.joined(separator: "; ") } ?? "All programmes")])
        let period: String
        switch (report.from, report.to) {
        case let (from?, to?): period = "\(from.longDescription) to \(to.longDescription)"
        case let (from?, nil): period = "From \(from.longDescription)"
        case let (nil, to?): period = "Up to \(to.longDescription)"
        default: period = "All dates"
        }
        filters.append(["label": "Period", "value": period])
        // No count of the quotes left out: how many there are is itself a trace of them.
        return ["filters": filters]
    }
}
