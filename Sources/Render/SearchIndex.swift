import Aggregate
import Model

/// `search-index.json`: what the site's search script looks through, built once per build.
struct SearchIndex {
    struct Entry {
        let title, url, kind, summary, text: String
    }

    /// Body text is cut to this many characters: enough to match on, small enough to download.
    static let textLimit = 1500

    static func build(_ site: AggregatedSite, fragments: ContentFragments) -> [UInt8] {
        let plain = fragments.markdown.plainText
        var entries: [Entry] = site.caseStudies.map {
            Entry(title: $0.title, url: SiteURL.caseStudy($0.slug), kind: "Case study",
                  summary: fragments.plainSummary(of: $0),
                  text: fragments.plainBodies[$0.slug] ?? "")
        }
        entries += site.themes.map {
            Entry(title: $0.definition.title, url: SiteURL.theme($0.definition.id), kind: "Theme",
                  summary: $0.definition.description.map(plain) ?? "",
                  text: $0.lessons.map { fragments.plainLesson($0, in: site) ?? plain($0.lesson.text) }.joined(separator: " "))
        }
        entries += site.programmes.map {
            Entry(title: $0.title, url: SiteURL.programme($0.id), kind: "Programme", summary: $0.description.map(plain) ?? "",
                  text: "")
        }
        entries += site.site.pages.map {
            Entry(title: $0.title, url: SiteURL.page($0.slug), kind: "Page", summary: $0.description ?? "",
                  text: plain($0.body).prefix(characters: textLimit))
        }
        // Compact: it is downloaded by every reader who searches.
        return JSONValue.array(entries.map {
            .object([
                "kind": .string($0.kind), "summary": .string($0.summary), "text": .string($0.text),
                "title": .string($0.title), "url": .string($0.url),
            ])
        }).bytes(pretty: false)
    }
}
