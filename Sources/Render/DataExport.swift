import Aggregate
import Foundation
import Model

/// Machine-readable exports for evaluators and developers, under `data/`.
///
/// They hold only what the aggregation holds, so only quotes the audience may see; consent
/// records (`consent_ref`, expiry) are never written.
struct DataExport: Sendable {
    let site: AggregatedSite

    func caseStudiesJSON() -> [UInt8] {
        document(.array(site.caseStudies.map { caseStudy in
            // Keys in byte order, as they are written (see `JSONValue`).
            .object([
                "date": .string(caseStudy.date.description),
                "lessons": .array(caseStudy.lessons.map {
                    .object([
                        "text": .string($0.text), "theme": .string($0.theme.value),
                        "theme_title": .string(site.themeTitle($0.theme.value)),
                    ])
                }),
                "organisation": caseStudy.organisation.map(JSONValue.string),
                "programme": caseStudy.programme.map { .string($0.value) },
                "programme_title": caseStudy.programme.map { .string(site.programmeTitle($0.value)) },
                "region": caseStudy.region.map(JSONValue.string), "slug": .string(caseStudy.slug),
                "summary": .string(caseStudy.summary), "themes": .strings(Aggregator.themes(of: caseStudy)),
                "title": .string(caseStudy.title), "url": .string(site.config.baseURL + SiteURL.caseStudy(caseStudy.slug)),
            ])
        }))
    }

    func lessonsJSON() -> [UInt8] {
        document(.array(site.themes.flatMap { theme in
            theme.lessons.map {
                .object([
                    "case_study": .string($0.caseStudySlug), "programme": $0.programme.map(JSONValue.string),
                    "text": .string($0.lesson.text), "theme": .string(theme.definition.id),
                    "theme_title": .string(theme.definition.title),
                ])
            }
        }))
    }

    /// What the exports say about a quote: the CSV's columns and the JSON's fields.
    struct QuoteRecord {
        let id, text, speaker, attribution: String
        let programme, programmeTitle, caseStudy, date: String?
        let themes: [String]
        let featured: Bool
    }

    func quoteRecords() -> [QuoteRecord] {
        site.quotes.map { quote in
            let programme = quote.programme?.value
            return QuoteRecord(
                id: quote.id, text: quote.text, speaker: quote.speaker,
                attribution: quote.speaker + (programme.map { ", " + site.programmeTitle($0) } ?? ""),
                programme: programme, programmeTitle: programme.map(site.programmeTitle), caseStudy: quote.caseStudy?.value,
                date: quote.date?.description, themes: quote.themes.map(\.value), featured: quote.featured)
        }
    }

    func quotesJSON() -> [UInt8] {
        document(.array(quoteRecords().map { quote in
            .object([
                "attribution": .string(quote.attribution), "case_study": quote.caseStudy.map(JSONValue.string),
                "date": quote.date.map(JSONValue.string), "featured": .bool(quote.featured), "id": .string(quote.id),
                "programme": quote.programme.map(JSONValue.string),
                "programme_title": quote.programmeTitle.map(JSONValue.string), "speaker": .string(quote.speaker),
                "text": .string(quote.text), "themes": .strings(quote.themes),
            ])
        }))
    }

    /// The same quotes as a spreadsheet (RFC 4180).
    func quotesCSV() -> [UInt8] {
        var table = CSVTable()
        table.append(row: ["id", "text", "speaker", "programme", "themes", "case_study", "date", "featured"])
        for quote in quoteRecords() {
            table.append(row: [
                quote.id, quote.text, quote.speaker, quote.programme ?? "", quote.themes.joined(separator: ";"),
                quote.caseStudy ?? "", quote.date ?? "", quote.featured ? "true" : "false",
            ])
        }
        return table.bytes
    }

    /// Pretty-printed, with a final line break.
    func document(_ value: JSONValue) -> [UInt8] { value.bytes(pretty: true) + [10] }
}
