import Aggregate
import Foundation
import Model

/// `report.json`: the aggregated data behind a report, for checking and for other tools.
/// It holds only what the report may show; consent records are never written.
struct ReportData {
    let report: ReportDefinition
    let site: AggregatedSite
    let buildDay: Day

    struct Document: Encodable {
        struct Filters: Encodable { let themes: [String]?, programmes: [String]?, from: String?, to: String? }
        struct Counts: Encodable { let case_studies, programmes, lessons, quotes: Int }
        struct ThemeCounts: Encodable { let theme: String, case_studies: Int, lessons: Int, quotes: Int }
        struct Lesson: Encodable { let text, case_study: String, programme: String? }
        struct Quote: Encodable { let id, text, speaker, attribution, consent: String, programme: String?, themes: [String] }
        struct Theme: Encodable { let id, title: String, lessons: [Lesson], quotes: [Quote] }
        struct Matrix: Encodable { let themes: [String], programmes: [String], cells: [[EvidenceMatrix.Cell]] }
        struct CaseStudy: Encodable { let slug, title, date: String, programme: String?, themes: [String] }

        let id, title: String
        let subtitle: String?
        let audience: String
        let date: String
        let filters: Filters
        let counts: Counts
        let per_theme: [ThemeCounts]
        let themes: [Theme]
        let matrix: Matrix
        let case_studies: [CaseStudy]
        let quotes_withheld: [String: Int]
    }

    func json() -> [UInt8] {
        let document = Document(
            id: report.id, title: report.title, subtitle: report.subtitle, audience: report.audience.rawValue,
            date: buildDay.description,
            filters: .init(
                themes: report.themes?.map(\.value), programmes: report.programmes?.map(\.value),
                from: report.from?.description, to: report.to?.description),
            counts: .init(
                case_studies: site.caseStudies.count,
                programmes: site.programmes.filter { !$0.caseStudies.isEmpty || !$0.quotes.isEmpty }.count,
                lessons: site.lessonCount, quotes: site.quotes.count),
            per_theme: site.themes.map {
                .init(theme: $0.definition.id, case_studies: $0.caseStudies.count, lessons: $0.lessons.count, quotes: $0.quotes.count)
            },
            themes: site.themes.map { theme in
                .init(
                    id: theme.definition.id, title: theme.definition.title,
                    lessons: theme.lessons.map { .init(text: $0.lesson.text, case_study: $0.caseStudySlug, programme: $0.programme) },
                    quotes: theme.quotes.map(quote))
            },
            matrix: .init(themes: site.matrix.themeIDs, programmes: site.matrix.programmeIDs, cells: site.matrix.cells),
            case_studies: site.caseStudies.map {
                .init(slug: $0.slug, title: $0.title, date: $0.date.description, programme: $0.programme?.value,
                      themes: Aggregator.themes(of: $0))
            },
            quotes_withheld: Dictionary(uniqueKeysWithValues: site.withheldQuotes.map { ($0.key.rawValue, $0.value) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(document)).map { [UInt8]($0) } ?? Array("{}".utf8)) + [10]
    }

    func quote(_ quote: Model.Quote) -> Document.Quote {
        let programme = quote.programme?.value
        return .init(
            id: quote.id, text: quote.text, speaker: quote.speaker,
            attribution: quote.speaker + (programme.map { ", " + site.programmeTitle($0) } ?? ""),
            consent: quote.consent.rawValue, programme: programme, themes: quote.themes.map(\.value))
    }
}
