import Aggregate
import Foundation
import Model
import Render
import TestSupport
import Testing

/// Ids reach HTML attributes (`data-programme`, `id`, `href`). Loading refuses ids that are not
/// slugs (`IDReferenceTests`); the renderer escapes them all the same, so a site built by other
/// means (or a future loader) cannot inject markup through one.
@Suite struct HTMLIdEscapingTests {
    static let hostileProgramme = "p\" onmouseover=\"alert(1)"
    static let hostileQuote = "x\"><img src=x onerror=alert(1)>"

    @Test func hostileIdsPastTheLoaderAreEscapedInEveryPage() throws {
        let fixture = try FixtureSite(copying: "valid-site")
        var site = try #require(fixture.check().site)
        site.config.programmes = nil  // any programme id is then accepted, and titled by its id
        let index = try #require(site.quotes.firstIndex { $0.consent == .public })
        site.quotes[index].id = Self.hostileQuote
        site.quotes[index].programme = Located(Self.hostileProgramme, at: site.quotes[index].location)
        site.quotes[index].featured = true
        let aggregated = Aggregator.aggregate(site, selection: .site)
        let files = try SiteRenderer(theme: Theme.load(siteRoot: site.root, name: nil)).render(aggregated, stamp: StampTime(unixTime: 0))

        var pagesWithTheQuote = 0
        for file in files where file.path.hasSuffix(".html") {
            guard case .text(let html) = file.contents else { continue }
            #expect(!html.contains("onmouseover=\"alert"), "\(file.path)")
            #expect(!html.contains("<img src=x"), "\(file.path)")
            if html.contains("data-quote=\"x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"") { pagesWithTheQuote += 1 }
        }
        #expect(pagesWithTheQuote >= 3, "the quote is on the home, quotes, theme and programme pages")
        func page(_ path: String) throws -> String {
            guard case .text(let html)? = files.first(where: { $0.path == path })?.contents else { throw HTMLIdError.noPage(path) }
            return html
        }
        #expect(try page("quotes/index.html").contains("data-programme=\"p&quot; onmouseover=&quot;alert(1)\""))
        #expect(try page("programmes/index.html").contains("href=\"/fixture/programmes/p&quot; onmouseover=&quot;alert(1)/\""))
    }

    enum HTMLIdError: Error { case noPage(String) }
}
