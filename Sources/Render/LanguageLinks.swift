import Aggregate
import Model

/// The languages of a site written in several (`languages:` in casebook.yml) and the pages each
/// has: every page's language switch and `hreflang` links, and the sitemap's alternates.
///
/// A page has a version in another language when that language's site has a page at the same
/// URL (its prefix aside): a translated case study or page, and the lists every language has.
/// The switch of a page without one leads to the other language's home page.
struct LanguageLinks: Sendable {
    struct Language: Sendable {
        let code: String
        /// The language's name in its own words ("Cymraeg"): `t.languageName` in that language.
        let name: String
        /// Absolute, and the path of its pages, both ending in `/` (`https://example.org/cy/`, `/cy/`).
        let baseURL: String
        let basePath: String
        /// The URLs of its pages, without its prefix (`case-studies/garden/`).
        let pages: Set<String>
        /// The day each case study was last changed, by URL, for the sitemap.
        let lastModified: [String: Day]
    }

    /// In the order of `languages:`, the site's own first.
    let languages: [Language]

    init(_ sites: [(site: AggregatedSite, pages: [String])]) {
        languages = sites.map { entry in
            let config = entry.site.config
            // Its own name from casebook's words or the site's `strings:`; else its code.
            let named = Wording.hasTable(for: config.language) || config.strings[Wording.Key.languageName.rawValue] != nil
            return Language(
                code: config.language, name: named ? config.wording[.languageName] : config.language,
                baseURL: config.baseURL, basePath: config.basePath, pages: Set(entry.pages.filter { $0 != "404.html" }),
                lastModified: Dictionary(entry.site.caseStudies.map { (SiteURL.caseStudy($0.slug), $0.date) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// What one language's pages show: the other languages' versions of each page.
    struct View: Sendable {
        let links: LanguageLinks
        /// The index of the language whose pages these are.
        let current: Int

        /// `page.alternates`: every language that has the page, this one included, for
        /// `<link rel="alternate" hreflang>`; empty when only this language has it.
        func alternates(of url: String) -> [Values] {
            let having = links.languages.filter { $0.pages.contains(url) }
            guard having.count > 1 else { return [] }
            return having.map { ["language": EscapedText($0.code), "href": Href(absolute: $0.baseURL + url)] as Values }
        }

        /// `page.languageSwitch`: a link to each other language's version of the page, or to its
        /// home page when it has none; `label` names the switch in this page's language.
        func languageSwitch(of url: String, label: String) -> Values {
            let others = links.languages.indices.filter { $0 != current }.map { links.languages[$0] }
            return [
                "label": EscapedText(label),
                "links": others.map { language -> Values in
                    let translated = language.pages.contains(url)
                    return [
                        "language": EscapedText(language.code), "name": EscapedText(language.name),
                        "href": Href(language.basePath, translated ? url : SiteURL.home), "translated": translated,
                    ]
                },
            ]
        }

        /// Which languages have the page at `url`: an input of its manifest entry, so a page is
        /// rendered again when a version of it appears or goes in another language.
        func availability(of url: String) -> OutputInput {
            .translations(links.languages.filter { $0.pages.contains(url) }.map(\.code).joined(separator: ","))
        }
    }

    /// `sitemap.xml` of every language: each page with its versions as `xhtml:link` alternates,
    /// as search engines read them (Hugo's multilingual sitemap does the same).
    func sitemap(extra: [String]) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

            """
        for (index, language) in languages.enumerated() {
            for url in (language.pages.sorted() + (index == 0 ? extra.sorted() : [])) {
                xml += "  <url><loc>\(HTMLEscape.xml(language.baseURL + url))</loc>"
                if let day = language.lastModified[url] { xml += "<lastmod>\(day)</lastmod>" }
                let having = language.pages.contains(url) ? languages.filter { $0.pages.contains(url) } : []
                if having.count > 1 {
                    for other in having {
                        xml += "\n    <xhtml:link rel=\"alternate\" hreflang=\"\(HTMLEscape.xml(other.code))\" href=\"\(HTMLEscape.xml(other.baseURL + url))\"/>"
                    }
                    xml += "\n  "
                }
                xml += "</url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}

extension OutputFile {
    /// The same file in a language's folder (`cy/`).
    func moved(under prefix: String) -> OutputFile { OutputFile(path: prefix + path, contents: contents) }
}
