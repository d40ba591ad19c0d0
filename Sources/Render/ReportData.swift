import Aggregate
import Model

/// `report.json`: the aggregated data behind a report, for checking and for other tools.
/// It holds only what the report may show; consent records are never written.
struct ReportData {
    let report: ReportDefinition
    let site: AggregatedSite
    /// The date on the cover (`ReportFiles.date(of:)`).
    let date: Day

    func json() -> [UInt8] {
        let document = JSONValue.object([
            "id": .string(report.id), "title": .string(report.title), "subtitle": report.subtitle.map(JSONValue.string),
            "audience": .string(report.audience.rawValue), "date": .string(date.description),
            "authors": .strings(Self.authors(of: report, site.config)),
            "filters": .object([
                "themes": report.themes.map { .strings($0.map(\.value)) },
                "programmes": report.programmes.map { .strings($0.map(\.value)) },
                "from": report.from.map { .string($0.description) }, "to": report.to.map { .string($0.description) },
            ]),
            "counts": .object([
                "case_studies": .int(site.caseStudies.count),
                "programmes": .int(site.programmes.count),
                "lessons": .int(site.lessonCount), "quotes": .int(site.quotes.count),
            ]),
            "per_theme": .array(site.themes.map {
                .object([
                    "theme": .string($0.definition.id), "case_studies": .int($0.caseStudies.count),
                    "lessons": .int($0.lessons.count), "quotes": .int($0.quotes.count),
                ])
            }),
            "themes": .array(site.themes.map { theme in
                .object([
                    "id": .string(theme.definition.id), "title": .string(theme.definition.title),
                    "lessons": .array(theme.lessons.map {
                        .object([
                            "text": .string($0.lesson.text), "case_study": .string($0.caseStudySlug),
                            "programme": $0.programme.map(JSONValue.string),
                        ])
                    }),
                    "quotes": .array(theme.quotes.map(quote)),
                ])
            }),
            "matrix": .object([
                "themes": .strings(site.matrix.themeIDs), "programmes": .strings(site.matrix.programmeIDs),
                "cells": .array(site.matrix.cells.map { row in
                    .array(row.map {
                        .object(["case_studies": .int($0.caseStudies), "lessons": .int($0.lessons), "quotes": .int($0.quotes)])
                    })
                }),
            ]),
            "case_studies": .array(site.caseStudies.map {
                .object([
                    "slug": .string($0.slug), "title": .string($0.title), "date": .string($0.date.description),
                    "programme": $0.programme.map { .string($0.value) }, "themes": .strings(Aggregator.themes(of: $0)),
                ])
            }),
        ])
        return document.bytes(pretty: true) + [10]
    }

    /// The names the PDF's and DOCX's author field gives: the report's `authors:`, else the
    /// site's organisation (none when it has neither), so report.json says the same.
    static func authors(of report: ReportDefinition, _ config: SiteConfig) -> [String] {
        if !report.authors.isEmpty { return report.authors }
        return config.organisation.map { [$0] } ?? []
    }

    func quote(_ quote: Model.Quote) -> JSONValue {
        let programme = quote.programme?.value
        return .object([
            "id": .string(quote.id), "text": .string(quote.text), "speaker": .string(quote.speaker),
            "attribution": .string(quote.speaker + (programme.map { ", " + site.programmeTitle($0) } ?? "")),
            "consent": .string(quote.consent.rawValue), "programme": programme.map(JSONValue.string),
            "themes": .strings(quote.themes.map(\.value)),
        ])
    }
}
