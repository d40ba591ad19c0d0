import Aggregate
import Foundation
import Model

/// Machine-readable exports for evaluators and developers, under `data/`.
///
/// They hold only what the aggregation holds, so only quotes the audience may see; consent
/// records (`consent_ref`, expiry) are never written.
struct DataExport: Sendable {
    let site: AggregatedSite

    struct CaseStudyRecord: Encodable {
        let slug, title, url, date, summary: String
        let programme, programme_title, organisation, region: String?
        let themes: [String]
        let lessons: [LessonRecord]
    }

    struct LessonRecord: Encodable {
        let theme, theme_title, text: String
        let case_study, programme: String?
    }

    struct QuoteRecord: Encodable {
        let id, text, speaker, attribution: String
        let programme, programme_title, case_study, date: String?
        let themes: [String]
        let featured: Bool
    }

    func caseStudiesJSON() -> [UInt8] {
        json(site.caseStudies.map { caseStudy in
            CaseStudyRecord(
                slug: caseStudy.slug, title: caseStudy.title, url: site.config.baseURL + SiteURL.caseStudy(caseStudy.slug),
                date: caseStudy.date.description, summary: caseStudy.summary, programme: caseStudy.programme?.value,
                programme_title: caseStudy.programme.map { site.programmeTitle($0.value) },
                organisation: caseStudy.organisation, region: caseStudy.region, themes: Aggregator.themes(of: caseStudy),
                lessons: caseStudy.lessons.map {
                    LessonRecord(theme: $0.theme.value, theme_title: site.themeTitle($0.theme.value), text: $0.text,
                                 case_study: nil, programme: nil)
                })
        })
    }

    func lessonsJSON() -> [UInt8] {
        json(site.themes.flatMap { theme in
            theme.lessons.map {
                LessonRecord(
                    theme: theme.definition.id, theme_title: theme.definition.title, text: $0.lesson.text,
                    case_study: $0.caseStudySlug, programme: $0.programme)
            }
        })
    }

    func quoteRecords() -> [QuoteRecord] {
        site.quotes.map { quote in
            let programme = quote.programme?.value
            return QuoteRecord(
                id: quote.id, text: quote.text, speaker: quote.speaker,
                attribution: quote.speaker + (programme.map { ", " + site.programmeTitle($0) } ?? ""),
                programme: programme, programme_title: programme.map(site.programmeTitle), case_study: quote.caseStudy?.value,
                date: quote.date?.description, themes: quote.themes.map(\.value), featured: quote.featured)
        }
    }

    func quotesJSON() -> [UInt8] { json(quoteRecords()) }

    /// The same quotes as a spreadsheet (RFC 4180).
    func quotesCSV() -> [UInt8] {
        var table = CSVTable()
        table.append(row: ["id", "text", "speaker", "programme", "themes", "case_study", "date", "featured"])
        for quote in quoteRecords() {
            table.append(row: [
                quote.id, quote.text, quote.speaker, quote.programme ?? "", quote.themes.joined(separator: ";"),
                quote.case_study ?? "", quote.date ?? "", quote.featured ? "true" : "false",
            ])
        }
        return table.bytes
    }

    func json<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(value)).map { [UInt8]($0) } ?? Array("[]".utf8)) + [10]
    }
}
