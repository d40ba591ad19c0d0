import Aggregate
import Model

/// The Atom feed of case studies, `sitemap.xml` and `robots.txt`.
///
/// Dates come from content, not the clock, so two builds of the same input are identical.
/// A body's links are the site page's (root-relative ones already under the base path); each
/// entry's content has the page's address as `xml:base`, so a feed reader resolves relative
/// links and images as the page does.
struct FeedAndSitemap: Sendable {
    let site: AggregatedSite
    let fragments: ContentFragments
    /// Feed readers want what is new; the full list is on the site (Hugo's rssLimit, Zola's feed_limit).
    static let feedLimit = 20

    var baseURL: String { site.config.baseURL }

    func feed() -> String {
        let config = site.config
        let updated = site.caseStudies.map(\.date).max().map { "\($0)T00:00:00Z" } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTMLEscape.xml(config.language))">
              <title>\(HTMLEscape.xml(config.title))</title>
              <link href="\(HTMLEscape.xml(baseURL))"/>
              <link rel="self" href="\(HTMLEscape.xml(baseURL + SiteURL.feed))"/>
              <id>\(HTMLEscape.xml(baseURL))</id>
              <updated>\(updated)</updated>
              <author><name>\(HTMLEscape.xml(config.organisation ?? config.title))</name></author>
              <generator>casebook</generator>

            """
        for caseStudy in site.caseStudies.prefix(Self.feedLimit) {
            let url = baseURL + SiteURL.caseStudy(caseStudy.slug)
            xml += """
                  <entry>
                    <title>\(HTMLEscape.xml(caseStudy.title))</title>
                    <link href="\(HTMLEscape.xml(url))"/>
                    <id>\(HTMLEscape.xml(url))</id>
                    <updated>\(caseStudy.date)T00:00:00Z</updated>
                    <summary>\(HTMLEscape.xml(fragments.plainSummary(of: caseStudy)))</summary>
                    <content type="html" xml:base="\(HTMLEscape.xml(url))">\(HTMLEscape.xml(fragments.bodies[caseStudy.slug]?.text ?? ""))</content>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }

    func sitemap(urls: [String]) -> String {
        let lastModified = Dictionary(site.caseStudies.map { (SiteURL.caseStudy($0.slug), $0.date) }, uniquingKeysWith: { a, _ in a })
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for url in urls.sorted() {
            xml += "  <url><loc>\(HTMLEscape.xml(baseURL + url))</loc>"
            if let day = lastModified[url] { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n"
    }
}
