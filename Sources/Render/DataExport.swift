import Aggregate
import Foundation
import Model

/// Machine-readable exports for analysts, evaluators and developers, under `data/`: JSON and
/// flat CSV of the quotes, case studies and lessons, described in `docs/data.md` with a JSON
/// Schema per JSON file (`docs/schemas/`). Keys are snake_case in every JSON export.
///
/// They hold only what the aggregation holds, so only quotes the audience may see; consent
/// records (`consent_ref`, expiry) are never written. Summaries and lessons are given as plain
/// text and as HTML, never as the Markdown they were written in.
struct DataExport: Sendable {
    let site: AggregatedSite
    let fragments: ContentFragments

    /// What the exports say about a case study: the CSV's columns and the JSON's fields.
    struct CaseStudyRecord {
        let slug, title, date, summary, summaryHTML, url: String
        let programme, programmeTitle, organisation, region: String?
        let themes: [String]
        let lessons: [LessonRecord]
    }

    /// What the exports say about a lesson, with its case study, theme and programme.
    struct LessonRecord {
        let text, html, theme, themeTitle, caseStudy, caseStudyTitle, caseStudyURL: String
        let programme, programmeTitle: String?
    }

    func caseStudyRecords() -> [CaseStudyRecord] {
        site.caseStudies.map { caseStudy in
            let programme = caseStudy.programme?.value
            let plainLessons = fragments.plainLessons[caseStudy.slug] ?? []
            let htmlLessons = fragments.lessonsHTML[caseStudy.slug] ?? []
            let lessons = caseStudy.lessons.enumerated().map { index, lesson in
                LessonRecord(
                    text: plainLessons.indices.contains(index) ? plainLessons[index] : fragments.markdown.plainText(lesson.text),
                    html: htmlLessons.indices.contains(index) ? htmlLessons[index].text : "",
                    theme: lesson.theme.value, themeTitle: site.themeTitle(lesson.theme.value), caseStudy: caseStudy.slug,
                    caseStudyTitle: caseStudy.title, caseStudyURL: url(SiteURL.caseStudy(caseStudy.slug)),
                    programme: programme, programmeTitle: programme.map(site.programmeTitle))
            }
            return CaseStudyRecord(
                slug: caseStudy.slug, title: caseStudy.title, date: caseStudy.date.description,
                summary: fragments.plainSummary(of: caseStudy), summaryHTML: fragments.summaryHTML[caseStudy.slug]?.text ?? "",
                url: url(SiteURL.caseStudy(caseStudy.slug)), programme: programme, programmeTitle: programme.map(site.programmeTitle),
                organisation: caseStudy.organisation, region: caseStudy.region, themes: Aggregator.themes(of: caseStudy),
                lessons: lessons)
        }
    }

    /// Every lesson, theme by theme as the site's theme pages list them.
    func lessonRecords() -> [LessonRecord] {
        site.themes.flatMap { theme in
            theme.lessons.map { evidence in
                LessonRecord(
                    text: fragments.plainLesson(evidence, in: site) ?? fragments.markdown.plainText(evidence.lesson.text),
                    html: fragments.lessonHTML(evidence, in: site)?.text ?? "",
                    theme: theme.definition.id, themeTitle: theme.definition.title, caseStudy: evidence.caseStudySlug,
                    caseStudyTitle: evidence.caseStudyTitle, caseStudyURL: url(SiteURL.caseStudy(evidence.caseStudySlug)),
                    programme: evidence.programme, programmeTitle: evidence.programme.map(site.programmeTitle))
            }
        }
    }

    func caseStudiesJSON() -> [UInt8] {
        document(.array(caseStudyRecords().map { caseStudy in
            .object([
                "date": .string(caseStudy.date),
                "lessons": .array(caseStudy.lessons.map {
                    .object([
                        "html": .string($0.html), "text": .string($0.text), "theme": .string($0.theme),
                        "theme_title": .string($0.themeTitle),
                    ])
                }),
                "organisation": caseStudy.organisation.map(JSONValue.string),
                "programme": caseStudy.programme.map(JSONValue.string),
                "programme_title": caseStudy.programmeTitle.map(JSONValue.string),
                "region": caseStudy.region.map(JSONValue.string), "slug": .string(caseStudy.slug),
                "summary": .string(caseStudy.summary), "summary_html": .string(caseStudy.summaryHTML),
                "themes": .strings(caseStudy.themes), "title": .string(caseStudy.title), "url": .string(caseStudy.url),
            ])
        }))
    }

    /// One row per case study; its lessons are in `lessons.csv`.
    func caseStudiesCSV() -> [UInt8] {
        var table = CSVTable(flavour: site.config.csvFlavour)
        table.append(row: [
            "slug", "title", "date", "programme", "programme_title", "organisation", "region", "themes", "summary",
            "summary_html", "lesson_count", "url",
        ])
        for record in caseStudyRecords() {
            table.append(row: [
                record.slug, record.title, record.date, record.programme ?? "", record.programmeTitle ?? "",
                record.organisation ?? "", record.region ?? "", record.themes.joined(separator: ";"), record.summary,
                record.summaryHTML, String(record.lessons.count), record.url,
            ])
        }
        return table.bytes
    }

    func lessonsJSON() -> [UInt8] {
        document(.array(lessonRecords().map {
            .object([
                "case_study": .string($0.caseStudy), "case_study_title": .string($0.caseStudyTitle),
                "case_study_url": .string($0.caseStudyURL), "html": .string($0.html),
                "programme": $0.programme.map(JSONValue.string), "programme_title": $0.programmeTitle.map(JSONValue.string),
                "text": .string($0.text), "theme": .string($0.theme), "theme_title": .string($0.themeTitle),
            ])
        }))
    }

    /// One row per lesson, with its case study, theme and programme.
    func lessonsCSV() -> [UInt8] {
        var table = CSVTable(flavour: site.config.csvFlavour)
        table.append(row: [
            "theme", "theme_title", "case_study", "case_study_title", "programme", "programme_title", "text", "html",
            "case_study_url",
        ])
        for lesson in lessonRecords() {
            table.append(row: [
                lesson.theme, lesson.themeTitle, lesson.caseStudy, lesson.caseStudyTitle, lesson.programme ?? "",
                lesson.programmeTitle ?? "", lesson.text, lesson.html, lesson.caseStudyURL,
            ])
        }
        return table.bytes
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

    /// The same quotes as a spreadsheet.
    func quotesCSV() -> [UInt8] {
        var table = CSVTable(flavour: site.config.csvFlavour)
        table.append(row: ["id", "text", "speaker", "programme", "themes", "case_study", "date", "featured"])
        for quote in quoteRecords() {
            table.append(row: [
                quote.id, quote.text, quote.speaker, quote.programme ?? "", quote.themes.joined(separator: ";"),
                quote.caseStudy ?? "", quote.date ?? "", quote.featured ? "true" : "false",
            ])
        }
        return table.bytes
    }

    private func url(_ path: String) -> String { site.config.baseURL + path }

    /// Pretty-printed, with a final line break.
    func document(_ value: JSONValue) -> [UInt8] { value.bytes(pretty: true) + [10] }
}
