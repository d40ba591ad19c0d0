import Aggregate
import Markdown
import Model

/// `search-index.json`: what the site's search script looks through, built once per build.
///
/// Case studies, lessons, quotes, themes, programmes and pages, each with its `kind` (the ids
/// `search.js` names: `case-study`, `lesson`, `quote`, `theme`, `programme`, `page`). Quotes
/// come from the aggregation, so only those the public may see are listed, with speaker and
/// programme; consent records never are.
struct SearchIndex {
    struct Entry {
        let kind, title, url, summary, text: String
        /// Quotes: who said it and the programme's title; lessons: the theme's title and the case study's.
        var speaker: String? = nil, programme: String? = nil, theme: String? = nil, caseStudy: String? = nil
    }

    /// Body text is cut to this many characters: enough to match on, small enough to download.
    static let textLimit = 1500
    /// A lesson is listed by its words, a quote shown by them; a long one is cut for the result.
    static let titleLimit = 160, summaryLimit = 300

    /// The first `limit` characters of `text`, to show, and the text up to `textLimit` to match
    /// on when it is longer (else "": the words are in the index once).
    static func split(_ text: String, first limit: Int) -> (shown: String, more: String) {
        let shown = text.prefix(characters: limit)
        return (shown, shown.utf8.count == text.utf8.count ? "" : text.prefix(characters: textLimit))
    }

    static func build(_ site: AggregatedSite, fragments: ContentFragments) -> [UInt8] {
        let plain = fragments.markdown.plainText
        let words = site.config.wording
        var entries: [Entry] = site.caseStudies.map {
            Entry(kind: "case-study", title: $0.title, url: SiteURL.caseStudy($0.slug), summary: fragments.plainSummary(of: $0),
                  text: fragments.plainBodies[$0.slug] ?? "")
        }
        for theme in site.themes {
            for lesson in theme.lessons {
                let text = fragments.plainLesson(lesson, in: site) ?? plain(lesson.lesson.text)
                let (title, more) = Self.split(text, first: titleLimit)
                entries.append(
                    Entry(kind: "lesson", title: title, url: SiteURL.caseStudy(lesson.caseStudySlug),
                          summary: words.text(.searchLessonSummary, ["caseStudy": lesson.caseStudyTitle, "theme": theme.definition.title]),
                          text: more,
                          programme: lesson.programme.map(site.programmeTitle), theme: theme.definition.title,
                          caseStudy: lesson.caseStudyTitle))
            }
        }
        // Each quote's plain text was read in the parse that made its HTML.
        entries += site.quotes.map { quote in
            let text = fragments.plainQuotes[quote.id] ?? plain(quote.text)
            let programme = quote.programme.map { site.programmeTitle($0.value) }
            let (summary, more) = Self.split(text, first: summaryLimit)
            return Entry(kind: "quote", title: quote.speaker + (programme.map { ", " + $0 } ?? ""),
                         url: SiteURL.quotes + "#quote-" + quote.id, summary: summary, text: more,
                         speaker: quote.speaker, programme: programme)
        }
        entries += site.themes.map {
            Entry(kind: "theme", title: $0.definition.title, url: SiteURL.theme($0.definition.id),
                  summary: $0.definition.description.map(plain) ?? "", text: "")
        }
        entries += site.programmes.map {
            Entry(kind: "programme", title: $0.title, url: SiteURL.programme($0.id), summary: $0.description.map(plain) ?? "", text: "")
        }
        entries += site.site.pages.map {
            Entry(kind: "page", title: $0.title, url: SiteURL.page($0.slug), summary: $0.description ?? "",
                  text: plain($0.body).prefix(characters: textLimit))
        }
        // Compact: it is downloaded by every reader who searches.
        return JSONValue.array(entries.map {
            .object([
                "case_study_title": $0.caseStudy.map(JSONValue.string), "kind": .string($0.kind),
                "programme_title": $0.programme.map(JSONValue.string), "speaker": $0.speaker.map(JSONValue.string),
                "summary": .string($0.summary), "text": .string($0.text), "theme_title": $0.theme.map(JSONValue.string),
                "title": .string($0.title), "url": .string($0.url),
            ])
        }).bytes(pretty: false)
    }
}
