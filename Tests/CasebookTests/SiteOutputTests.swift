import Foundation
import Model
import Pipeline
import Testing
import TestSupport

/// The example site, built once: links, determinism and what each page must carry.
@Suite struct SiteOutputTests {
    let output: String
    let site: SiteFiles

    init() throws {
        output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(SiteBuilds.exampleSite, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics) \(outcome.failure ?? "")")
        site = try SiteFiles(folder: output)
    }

    @Test func everyPageTheIssueListsIsWritten() {
        for path in [
            "index.html", "case-studies/index.html", "themes/index.html", "programmes/index.html", "quotes/index.html",
            "search/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "search-index.json",
            "data/case-studies.json", "data/lessons.json", "data/quotes.json", "data/quotes.csv",
            "case-studies/youth-panel-grant-decisions/index.html", "themes/hard-work/index.html",
            "programmes/talent-match/index.html", "feedback/index.html", "reports/lessons-learned/index.html",
        ] {
            #expect(site.files[path] != nil, "missing \(path)")
        }
        #expect(site.files["reports/internal-evidence-review/index.html"] == nil, "internal reports never go into the site")
        #expect(site.files["case-studies/dads-peer-support/index.html"] == nil, "drafts are not built")
    }

    @Test func everyInternalLinkAndFragmentResolves() {
        var broken: [String] = []
        for page in site.htmlPages {
            guard let html = site.text(page) else { continue }
            let scanner = HTMLScanner(html)
            for tag in scanner.tags {
                for name in ["href", "src"] {
                    guard let target = tag.attribute(name), let problem = LinkCheck.problem(target, from: page, in: site, basePath: "/coproduction/") else { continue }
                    broken.append("\(page):\(tag.line): \(target): \(problem)")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.count) broken links:\n\(broken.joined(separator: "\n"))")
    }

    @Test func everyPageHasLanguageCanonicalAndSocialMetadata() {
        for page in site.htmlPages where !page.hasPrefix("reports/") {
            let scanner = HTMLScanner(site.text(page) ?? "")
            #expect(scanner.tags(named: "html").first?.attribute("lang") == "en-GB", "\(page)")
            let links = scanner.tags(named: "link")
            #expect(links.contains { $0.attribute("rel") == "canonical" && ($0.attribute("href") ?? "").hasPrefix("https://example.org/coproduction/") }, "\(page)")
            let metas = scanner.tags(named: "meta")
            for property in ["og:title", "og:description", "og:url", "og:type"] {
                #expect(metas.contains { $0.attribute("property") == property }, "\(page) lacks \(property)")
            }
            #expect(metas.contains { $0.attribute("name") == "twitter:card" }, "\(page)")
            #expect(scanner.tags(named: "main").count == 1, "\(page) has one main landmark")
            #expect(scanner.tags(named: "h1").count == 1, "\(page) has one h1")
        }
    }

    @Test func nothingIsRequestedFromOtherHosts() {
        for page in site.htmlPages {
            for tag in HTMLScanner(site.text(page) ?? "").tags where ["script", "link", "img", "iframe", "source"].contains(tag.name) {
                let url = tag.attribute("src") ?? (tag.attribute("rel") == "canonical" || tag.attribute("rel") == "alternate" ? nil : tag.attribute("href"))
                guard let url else { continue }
                #expect(!url.contains("://"), "\(page) loads \(url)")
            }
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let second = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: second) }
        let outcome = SiteBuilds.build(SiteBuilds.exampleSite, into: second)
        try #require(outcome.succeeded)
        let again = try SiteFiles(folder: second)
        #expect(Set(again.files.keys) == Set(site.files.keys))
        for (path, bytes) in site.files {
            #expect(again.files[path] == bytes, "\(path) differs between builds")
        }
    }

    @Test func feedAndSitemapUseTheBaseURL() throws {
        let feed = try #require(site.text("feed.xml"))
        #expect(feed.contains("<link rel=\"self\" href=\"https://example.org/coproduction/feed.xml\"/>"))
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 5)
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/coproduction/case-studies/youth-panel-grant-decisions/</loc>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func quotesExportHoldsPublicQuotesOnly() throws {
        let data = try #require(site.files["data/quotes.json"])
        let quotes = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [[String: Any]])
        #expect(quotes.count == 15)
        #expect(quotes.allSatisfy { $0["consent_ref"] == nil })
        let csv = try #require(site.text("data/quotes.csv"))
        #expect(csv.hasPrefix("\u{FEFF}id,text,speaker,programme,themes,case_study,date,featured\r\n"), "Excel's byte-order mark, then the header")
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count >= 16)
    }
}
