import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// A site in English and Welsh (`languages: [en-GB, cy]`, the `bilingual-site` fixture): the Welsh
/// version of each translated page under `cy/`, with Welsh words and dates, `hreflang` links both
/// ways and a language switch on every page; one consent for every language version of a quote.
@Suite struct BilingualSiteTests {
    static let basePath = "/fixture/"
    static let baseURL = "https://example.org/fixture/"

    static func build(_ fixture: FixtureSite) throws -> SiteFiles {
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(fixture.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics) \(outcome.failure ?? "")")
        return try SiteFiles(folder: output)
    }

    @Test func translatedPagesAreUnderTheLanguagePrefixInWelsh() throws {
        let site = try Self.build(FixtureSite(copying: "bilingual-site"))
        for path in ["cy/index.html", "cy/case-studies/first-steps/index.html", "cy/about/index.html", "cy/case-studies/index.html", "cy/quotes/index.html", "cy/search/index.html"] {
            let html = try #require(site.text(path), "missing \(path)")
            #expect(HTMLScanner(html).tags(named: "html").first?.attribute("lang") == "cy", "\(path)")
            #expect(html.contains(">Astudiaethau achos</a>"), "\(path) has the Welsh menu")
            #expect(!html.contains(">Case studies</a>"), "\(path) has an English menu entry")
        }
        // `translations: cy:` in casebook.yml: the site's title, themes and programmes in Welsh there only.
        let welshHome = try #require(site.text("cy/index.html"))
        #expect(welshHome.contains("<title>Gosodiad dwyieithog</title>") || welshHome.contains("Gosodiad dwyieithog"))
        #expect(welshHome.contains("Mae cydgynhyrchu’n waith caled, ond yn werth chweil"))
        #expect(!welshHome.contains("Co-production is hard work"))
        #expect(site.text("cy/programmes/index.html")?.contains("Talent Match Cymru") == true)
        #expect(welshHome.contains("</svg>Chwilio’r safle</a>"), "the translation's own strings:")
        let englishHome = try #require(site.text("index.html"))
        #expect(englishHome.contains("Co-production is hard work") && !englishHome.contains("Gosodiad") && !englishHome.contains("Chwilio"))
        // Untranslated items are not in the Welsh site.
        #expect(site.files["cy/case-studies/second-wind/index.html"] == nil)
        #expect(site.files["cy/contact/index.html"] == nil)
        let caseStudy = try #require(site.text("cy/case-studies/first-steps/index.html"))
        #expect(caseStudy.contains("<h1>Camau cyntaf mewn cydgynhyrchu</h1>") || caseStudy.contains(">Camau cyntaf mewn cydgynhyrchu<"))
        #expect(caseStudy.contains("1 Mawrth 2025"), "a Welsh date")
        #expect(!caseStudy.contains("1 March 2025"))
        #expect(caseStudy.contains("Cyfarfu’r grŵp bob pythefnos"))
        // The Welsh menu lists the Welsh page, not the English one.
        #expect(caseStudy.contains(">Am y wefan hon</a>"))
        #expect(!caseStudy.contains(">About this site</a>"))
        // The English site is as it was: English words, its own lang.
        let english = try #require(site.text("case-studies/first-steps/index.html"))
        #expect(HTMLScanner(english).tags(named: "html").first?.attribute("lang") == "en-GB")
        #expect(english.contains("1 March 2025"))
        // Each language has its own feed and search index, with its own items.
        let feed = try #require(site.text("cy/feed.xml"))
        #expect(feed.contains(#"xml:lang="cy""#) && feed.contains("Camau cyntaf") && !feed.contains("A second wind"))
        let index = try #require(site.text("cy/search-index.json"))
        #expect(index.contains("Camau cyntaf") && !index.contains("First steps in co-production"))
        #expect(site.text("search-index.json")?.contains("Camau cyntaf") == false)
        #expect(site.files["cy/data/case-studies.json"] != nil)
        #expect(site.files["cy/assets/site.css"] == site.files["assets/site.css"], "the theme's assets beside the Welsh pages")
    }

    @Test func hreflangLinksArePairedBothWays() throws {
        let site = try Self.build(FixtureSite(copying: "bilingual-site"))
        var pairs = 0
        for page in site.htmlPages where !page.hasPrefix("reports/") && page != "404.html" && page != "cy/404.html" {
            let links = HTMLScanner(site.text(page) ?? "").tags(named: "link").filter { $0.attribute("hreflang") != nil }
            let url = Self.baseURL + page.dropLast("index.html".count)
            guard !links.isEmpty else { continue }
            #expect(links.contains { $0.attribute("href") == url }, "\(page) names itself among its alternates")
            for link in links where link.attribute("href") != url {
                let other = String(try #require(link.attribute("href")).dropFirst(Self.baseURL.count)) + "index.html"
                let back = HTMLScanner(site.text(other) ?? "").tags(named: "link").filter { $0.attribute("hreflang") != nil }
                #expect(back.contains { $0.attribute("href") == url }, "\(other) does not link back to \(page)")
                pairs += 1
            }
        }
        #expect(pairs >= 2 * 8, "home, lists, a case study and a page in both languages: \(pairs) links")
        let caseStudy = try #require(site.text("case-studies/first-steps/index.html"))
        #expect(caseStudy.contains(#"<link rel="alternate" hreflang="cy" href="https://example.org/fixture/cy/case-studies/first-steps/">"#))
        #expect(caseStudy.contains(#"<link rel="alternate" hreflang="en-GB" href="https://example.org/fixture/case-studies/first-steps/">"#))
        // An untranslated page has no alternates.
        #expect(site.text("case-studies/second-wind/index.html")?.contains("hreflang=\"cy\" href=\"https") == false)
        // The sitemap lists both languages, each page with its versions.
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://example.org/fixture/cy/case-studies/first-steps/</loc><lastmod>2025-03-01</lastmod>"))
        #expect(sitemap.contains(#"<xhtml:link rel="alternate" hreflang="cy" href="https://example.org/fixture/cy/about/"/>"#))
        #expect(!sitemap.contains("fixture/cy/case-studies/second-wind/"))
        #expect(site.files["cy/sitemap.xml"] == nil && site.files["cy/robots.txt"] == nil)
    }

    @Test func theLanguageSwitchLeadsToTheOtherVersionOrItsHomePage() throws {
        let site = try Self.build(FixtureSite(copying: "bilingual-site"))
        func switchLink(_ page: String) -> HTMLScanner.Tag? {
            HTMLScanner(site.text(page) ?? "").tags(named: "a").first { $0.attribute("hreflang") != nil }
        }
        #expect(switchLink("case-studies/first-steps/index.html")?.attribute("href") == "/fixture/cy/case-studies/first-steps/")
        #expect(switchLink("cy/case-studies/first-steps/index.html")?.attribute("href") == "/fixture/case-studies/first-steps/")
        #expect(switchLink("case-studies/second-wind/index.html")?.attribute("href") == "/fixture/cy/", "no translation: the Welsh home page")
        #expect(switchLink("contact/index.html")?.attribute("href") == "/fixture/cy/")
        #expect(switchLink("about/index.html")?.attribute("lang") == "cy")
        #expect(site.text("about/index.html")?.contains(">Cymraeg</a>") == true)
        #expect(site.text("cy/about/index.html")?.contains(">English</a>") == true)
        // Every link of every page works, in both languages.
        var broken: [String] = []
        for page in site.htmlPages {
            for tag in HTMLScanner(site.text(page) ?? "").tags {
                for name in ["href", "src"] {
                    guard let target = tag.attribute(name), let problem = LinkCheck.problem(target, from: page, in: site, basePath: Self.basePath)
                    else { continue }
                    broken.append("\(page):\(tag.line): \(target): \(problem)")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.count) broken links:\n\(broken.joined(separator: "\n"))")
    }

    /// A translation's lead image beside it is published in the language's folder; one from
    /// static/ is published once, at the root, and both languages link it there.
    @Test func aTranslationsLeadImagesResolve() throws {
        let fixture = try FixtureSite(copying: "bilingual-site")
        let png = try Data(contentsOf: PackagePaths.fixtures.appendingPathComponent("subpath-site/content/case-studies/garden-beds.png"))
        try fixture.write("content/case-studies/beds.png", bytes: [UInt8](png))
        try fixture.write("static/images/wide.png", bytes: [UInt8](png))
        try fixture.edit("content/case-studies/first-steps.cy.md", replacing: "date: 2025-03-01\n", with: "date: 2025-03-01\nimage: beds.png\nimage_alt: Gwelyau\n")
        try fixture.edit("content/case-studies/first-steps.md", replacing: "date: 2025-03-01\n", with: "date: 2025-03-01\nimage: /images/wide.png\nimage_alt: Beds\n")
        try fixture.edit("content/case-studies/second-wind.md", replacing: "date: 2025-05-20\n", with: "date: 2025-05-20\nimage: /images/wide.png\nimage_alt: Beds\n")
        try fixture.write("content/case-studies/second-wind.cy.md", try fixture.read("content/case-studies/second-wind.md"))
        let site = try Self.build(fixture)
        #expect(site.files["cy/case-studies/first-steps/beds.png"] != nil)
        #expect(site.files["cy/images/wide.png"] == nil && site.files["images/wide.png"] != nil)
        let welsh = try #require(site.text("cy/case-studies/second-wind/index.html"))
        #expect(welsh.contains(#"src="/fixture/images/wide.png""#))
        #expect(welsh.contains(#"<meta property="og:image" content="https://example.org/fixture/images/wide.png">"#))
        var broken: [String] = []
        for page in site.htmlPages {
            for tag in HTMLScanner(site.text(page) ?? "").tags(named: "img") {
                if let src = tag.attribute("src"), let problem = LinkCheck.problem(src, from: page, in: site, basePath: Self.basePath) {
                    broken.append("\(page): \(src): \(problem)")
                }
            }
        }
        #expect(broken.isEmpty, "\(broken)")
    }

    /// Consent is the original's: the Welsh text of an internal, withdrawn or expired quote is
    /// nowhere on the site, in any language, and a public quote's translation is shown.
    @Test func aTranslatedQuoteIsPublicOnlyWhenItsOriginalIs() throws {
        let site = try Self.build(FixtureSite(copying: "bilingual-site"))
        for canary in ["CANARY-CY-INTERNAL", "CANARY-CY-WITHDRAWN", "CANARY-CY-EXPIRED", "CANARY-EN-WITHDRAWN", "CANARY-EN-EXPIRED", "q-slow", "q-gone", "q-expired"] {
            #expect(site.containing(canary).isEmpty, "\(canary) in \(site.containing(canary))")
        }
        let quotes = try #require(site.text("cy/quotes/index.html"))
        #expect(quotes.contains("Mae’n gwneud i mi deimlo’n werthfawr"))
        #expect(quotes.contains("Person ifanc"))
        #expect(!quotes.contains("It makes me feel valued"), "the English text on the Welsh page")
    }

    @Test func aTranslationCannotSetItsOwnConsent() throws {
        let fixture = try FixtureSite(copying: "bilingual-site")
        try fixture.edit("content/quotes/q-slow.cy.md", replacing: "themes: [hard-work]\n", with: "themes: [hard-work]\nconsent: public\n")
        let check = fixture.check()
        #expect(check.diagnostics.about("content/quotes/q-slow.cy.md").with(code: "consent-in-translation").count == 1)
        #expect(check.diagnostics.hasErrors)
    }

    @Test func aTranslationWithoutAnOriginalIsAnError() throws {
        let fixture = try FixtureSite(copying: "bilingual-site")
        try fixture.write("content/case-studies/lost.cy.md", try fixture.read("content/case-studies/first-steps.cy.md"))
        let check = fixture.check()
        let errors = check.diagnostics.about("content/case-studies/lost.cy.md").with(code: "no-original")
        #expect(errors.count == 1 && errors.first?.message.contains("content/case-studies/lost.md") == true, "\(check.diagnostics)")
    }

    @Test func checkNamesThePagesWithoutATranslation() throws {
        let check = try FixtureSite(copying: "bilingual-site").check()
        let missing = check.diagnostics.with(code: "missing-translation")
        #expect(Set(missing.map(\.location.file)) == ["content/case-studies/second-wind.md", "content/pages/contact.md"], "\(missing)")
        #expect(missing.allSatisfy { $0.severity == .warning })
        #expect(!check.diagnostics.hasErrors, "\(check.diagnostics)")
    }

    @Test func aSiteInOneLanguageReadsLanguageSuffixesAsBefore() throws {
        // Without `languages:`, `first-steps.cy.md` is not a translation: its name is not a slug.
        let fixture = try FixtureSite(copying: "bilingual-site")
        try fixture.edit("casebook.yml", replacing: "languages: [en-GB, cy]\n", with: "")
        let check = fixture.check()
        #expect(check.diagnostics.about("content/case-studies/first-steps.cy.md").with(code: "invalid-slug").count == 1)
    }

    @Test func translationsOfUnknownLanguagesOrThemesAreNamed() throws {
        let fixture = try FixtureSite(copying: "bilingual-site")
        try fixture.edit("casebook.yml", replacing: "      hard-work: Mae", with: "      hard-wrk: Mae")
        try fixture.edit("casebook.yml", replacing: "translations:\n", with: "translations:\n  fr:\n    title: Le site\n")
        let warnings = fixture.check().diagnostics.with(code: "unknown-key").map(\.message)
        #expect(warnings.contains { $0.contains("hard-wrk") && $0.contains("hard-work") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("'fr'") }, "\(warnings)")
    }

    @Test func aLanguageCodeMustBeAFolderName() throws {
        let fixture = try FixtureSite(copying: "bilingual-site")
        try fixture.edit("casebook.yml", replacing: "languages: [en-GB, cy]\n", with: "languages: [en-GB, ../cy]\n")
        #expect(fixture.check().diagnostics.with(code: "invalid-language").count == 1)
    }
}
