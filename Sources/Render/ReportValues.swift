import Aggregate
import Foundation
import Markdown
import Model

/// The template values of a report: cover, contents, summary, one section per theme, the
/// evidence matrix, the appendix of case studies, "about this report" and the feedback part.
struct ReportValues {
    let report: ReportDefinition
    let site: AggregatedSite
    let markdown: MarkdownRenderer
    /// The date on the cover (`ReportFiles.date(of:)`).
    let date: Day
    /// Leaves out images the PDF engine must not load; its warnings go to `log`.
    let resources: ReportResources
    let log: ReportResources.Log

    /// The HTML of Markdown from `location`, with only the images a report may load.
    func html(_ text: String, at location: SourceLocation, inline: Bool = true) -> SafeHTML {
        SafeHTML.reportMarkdown(text, markdown, inline: inline, resources: resources, at: location, log: log)
    }

    func values() -> Values {
        let config = site.config
        let sections = site.themes.enumerated().map { index, theme in section(theme, number: index + 1) }
        func entry(_ title: String, _ anchor: String) -> Values { ["title": EscapedText(title), "anchor": EscapedText(anchor)] }
        let words = config.wording
        var contents = [entry(words[.summary], "summary")]
        contents += site.themes.map { entry($0.definition.title, "theme-\($0.definition.id)") }
        contents += [
            entry(words[.evidenceMatrix], "evidence-matrix"), entry(words[.appendixCaseStudies], "appendix"),
            entry(words[.aboutThisReport], "about"), entry(words[.tellUsWhatYouThink], "feedback"),
        ]
        return [
            "report": [
                "id": EscapedText(report.id), "title": EscapedText(report.title), "subtitle": report.subtitle.map { EscapedText($0) }.orAbsent,
                "audience": EscapedText(report.audience.rawValue), "isInternal": report.audience == .internal,
                "paper": EscapedText(report.paper == "letter" ? "letter" : "A4"),
                "dateText": EscapedText(site.config.wording.date(date)), "dateISO": EscapedText(date.description),
                "authors": report.authors.map { ["name": EscapedText($0)] as Values },
                "authorList": EscapedText(ReportData.authors(of: report, config).joined(separator: ", ")),
                "logo": report.logo.map { logo -> Values in
                    // Validated as a path inside static/ (`ReportLogo`); encoded as a relative URL against it.
                    let url = logo.value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
                    return ["src": Href(path: url), "alt": EscapedText(report.logoAlt)]
                } ?? ["src": Href(path: ""), "alt": EscapedText("")],
                "hasLogo": report.logo != nil,
            ] as Values,
            "site": [
                "title": EscapedText(config.title), "organisation": EscapedText(config.organisation), "language": EscapedText(config.language),
                "contactEmail": EscapedText(config.contactEmail), "url": Href(absolute: config.baseURL),
            ] as Values,
            "t": Values(words),
            "contents": contents,
            "summary": summary(),
            "sections": sections,
            "matrix": matrix(),
            "charts": charts(),
            "appendix": site.caseStudies.map(appendixEntry),
            "about": about(),
        ]
    }

    func summary() -> Values {
        [
            "caseStudies": site.caseStudies.count,
            "programmes": site.programmes.count,
            "lessons": site.lessonCount, "quotes": site.quotes.count, "themeCount": site.themes.count,
            "sentence": EscapedText(site.config.wording.text(.reportSummarySentence, [
                "lessons": String(site.lessonCount), "caseStudies": String(site.caseStudies.count),
                "programmes": String(site.programmes.count), "quotes": String(site.quotes.count), "themes": String(site.themes.count),
            ])),
            "themes": site.themes.map { theme -> Values in
                [
                    "title": EscapedText(theme.definition.title), "anchor": EscapedText("theme-\(theme.definition.id)"),
                    "caseStudies": theme.caseStudies.count, "lessons": theme.lessons.count, "quotes": theme.quotes.count,
                ]
            },
        ]
    }

    func section(_ theme: ThemeEvidence, number: Int) -> Values {
        [
            "number": number, "anchor": EscapedText("theme-\(theme.definition.id)"), "title": EscapedText(theme.definition.title),
            "descriptionHTML": theme.definition.description.map { html($0, at: theme.definition.location, inline: false) } ?? .empty,
            "lessons": theme.lessons.map { lesson -> Values in
                [
                    "html": html(lesson.lesson.text, at: lesson.lesson.location), "caseStudy": EscapedText(lesson.caseStudyTitle),
                    "caseStudyAnchor": EscapedText("case-study-\(lesson.caseStudySlug)"),
                    "programme": lesson.programme.map { EscapedText(site.programmeTitle($0)) }.orAbsent,
                ]
            },
            "quotes": theme.quotes.map(quote),
            "hasLessons": !theme.lessons.isEmpty, "hasQuotes": !theme.quotes.isEmpty,
        ]
    }

    func quote(_ quote: Quote) -> Values {
        var attribution = quote.speaker
        if let programme = quote.programme?.value { attribution += ", " + site.programmeTitle(programme) }
        return [
            "html": html(quote.text, at: quote.location), "attribution": EscapedText(attribution),
            "isInternal": quote.consent == .internal,
        ]
    }

    func matrix() -> Values {
        [
            "programmes": site.programmes.map { ["title": EscapedText($0.title)] as Values },
            "rows": site.themes.enumerated().map { t, theme -> Values in
                [
                    "theme": EscapedText(theme.definition.title),
                    "cells": site.matrix.cells[t].map { cell -> Values in
                        ["caseStudies": cell.caseStudies, "lessons": cell.lessons, "quotes": cell.quotes, "empty": cell.isEmpty]
                    },
                ]
            },
        ]
    }

    /// The charts, unless the report or the site turns them off; themes link to their sections.
    func charts() -> Values {
        // Every chart name is always given (false when off or too crowded), so the template check knows it.
        var values: Values = ["themes": false, "programmes": false, "matrix": false]
        guard report.charts ?? site.config.charts else { return values }
        let charts = EvidenceCharts(site: site, palette: .report)
        let themeLink: (ThemeDefinition) -> Href? = { Href(fragment: "theme-\($0.id)") }
        charts.byTheme(link: themeLink).map { values["themes"] = $0.values }
        charts.byProgramme { _ in nil }.map { values["programmes"] = $0.values }
        charts.matrix(themeLink: themeLink) { _ in nil }.map { values["matrix"] = $0.values }
        return values
    }

    func appendixEntry(_ caseStudy: CaseStudy) -> Values {
        [
            "anchor": EscapedText("case-study-\(caseStudy.slug)"), "title": EscapedText(caseStudy.title),
            "summaryHTML": html(caseStudy.summary, at: SourceLocation(file: caseStudy.file)),
            // Absent, not empty text, when an item lacks one: an empty text still opens `{{#organisation}}`,
            // which printed the label with nothing after it.
            "programme": caseStudy.programme.map { EscapedText(site.programmeTitle($0.value)) }.orAbsent,
            "organisation": caseStudy.organisation.map { EscapedText($0) }.orAbsent,
            "region": caseStudy.region.map { EscapedText($0) }.orAbsent,
            "dateText": EscapedText(site.config.wording.date(caseStudy.date)), "hasLessons": !caseStudy.lessons.isEmpty,
            "lessons": caseStudy.lessons.map { lesson -> Values in
                ["html": html(lesson.text, at: lesson.location), "theme": EscapedText(site.themeTitle(lesson.theme.value))]
            },
        ]
    }

    func about() -> Values {
        func filter(_ label: String, _ value: String) -> Values { ["label": EscapedText(label), "value": EscapedText(value)] }
        let words = site.config.wording
        var filters: [Values] = []
        filters.append(filter(words[.audience], words[report.audience == .public ? .audiencePublic : .audienceInternal]))
        filters.append(filter(words[.themes], report.themes.map { $0.map { site.themeTitle($0.value) }.joined(separator: "; ") } ?? words[.allThemes]))
        filters.append(filter(
            words[.programmes], report.programmes.map { $0.map { site.programmeTitle($0.value) }.joined(separator: "; ") } ?? words[.allProgrammes]))
        let period: String
        switch (report.from, report.to) {
        case let (from?, to?): period = "\(words.date(from)) \(words[.periodTo]) \(words.date(to))"
        case let (from?, nil): period = "\(words[.periodFrom]) \(words.date(from))"
        case let (nil, to?): period = "\(words[.periodUpTo]) \(words.date(to))"
        default: period = words[.allDates]
        }
        filters.append(filter(words[.period], period))
        // No count of the quotes left out: how many there are is itself a trace of them.
        let producedBy = words.text(.reportProducedBy, ["organisation": site.config.organisation ?? "", "url": site.config.baseURL])
        return ["filters": filters, "producedBy": EscapedText(producedBy)]
    }
}
