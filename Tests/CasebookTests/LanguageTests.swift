import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// A site in Welsh (`language: cy`): casebook's own words (menu, headings, labels, dates) on its
/// pages and in its reports are Welsh, a site can put its own text in place of any of them, and
/// a language casebook has no words for is named in a warning.
@Suite struct LanguageTests {
    func site(language: String = "cy", extra: String = "") throws -> FixtureSite {
        let site = try FixtureSite(copying: "evidence-site")
        try site.edit("casebook.yml", replacing: "language: en-GB\n", with: "language: \(language)\n" + extra)
        return site
    }

    /// English chrome a Welsh reader must not meet on the home and theme pages.
    static let englishChrome = [
        "Skip to main content", ">Case studies<", ">Themes<", ">Programmes<", ">Quotes<", "</svg>Search<", ">Lessons<",
        "Printable reports", "Stay up to date", "Subscribe to the Atom feed", "of new case studies", "Built with",
        "Quotes are published with the consent", "In their own words", "Latest case studies", "All case studies",
        "All quotes", "All themes", "What we learned", "stat-label\">case studies", "In the report",
        " September ", " March ", " June ",
    ]

    @Test func aWelshSiteHasWelshMenuHeadingsAndDates() throws {
        let site = try site()
        let (pages, reports) = try SiteBuilds.siteAndReports(site.root)
        let home = try #require(pages.text("index.html"))
        #expect(home.contains(#"<html lang="cy">"#))
        #expect(home.contains(">Neidio i’r prif gynnwys<"))
        #expect(home.contains(">Astudiaethau achos</a>"))
        #expect(home.contains(">Themâu</a>"))
        #expect(home.contains(">Rhaglenni</a>"))
        #expect(home.contains(">Dyfyniadau</a>"))
        #expect(home.contains("</svg>Chwilio</a>"))
        #expect(home.contains("Astudiaethau achos diweddaraf"))
        let themePath = try #require(pages.htmlPages.first { $0.hasPrefix("themes/t-alpha/") })
        let theme = try #require(pages.text(themePath))
        #expect(theme.contains("<dt>Gwersi</dt>"))
        #expect(theme.contains("O’r astudiaeth achos <a"), "a lesson's or quote's source")
        #expect(!theme.contains(">From <a"))
        let quotes = try #require(pages.text("quotes/index.html"))
        #expect(quotes.contains("<legend>Hidlo dyfyniadau</legend>"))
        for english in ["Filter quotes", "Jump to a theme", "All programmes", "Show all", "quotes from people who took part"] {
            #expect(!quotes.contains(english), "quotes/index.html still says '\(english)'")
        }
        // The scripts' messages come from the page: Welsh in its `data-` attributes, no English in the page.
        #expect(quotes.contains(#"data-none="Does dim dyfyniadau’n cyfateb i’r hidlwyr hyn.""#))
        #expect(quotes.contains(#"data-many="Yn dangos {count} dyfyniad.""#))
        let search = try #require(pages.text("search/index.html"))
        for welsh in [#"data-loading="Wrthi’n llwytho’r mynegai chwilio…""#, #"data-none="Dim canlyniadau ar gyfer {query}."#,
                      #"data-kind-case-study="Astudiaeth achos""#, #"data-kind-quote="Dyfyniad""#, "<p>Mae angen JavaScript ar y chwiliad"] {
            #expect(search.contains(welsh), "search/index.html lacks '\(welsh)'")
        }
        for english in ["Search needs JavaScript", "Loading the search index", "No results for", "Case study"] {
            #expect(!search.contains(english), "search/index.html still says '\(english)'")
        }
        #expect(theme.contains(">Pob thema</a>"))
        for (path, page) in [("index.html", home), (themePath, theme)] {
            for english in Self.englishChrome {
                #expect(!page.contains(english), "\(path) still says '\(english)'")
            }
        }
        #expect(home.contains(#"<meta name="description" content="Astudiaethau achos, gwersi a dyfyniadau gan Fixture Fund.">"#))
        let index = try #require(pages.text("search-index.json"))
        #expect(index.contains(#""summary" : "O "#) || index.contains(#""summary":"O "#), "a lesson's summary in the search index")
        #expect(!index.contains("under Alpha theme"))
        let notFound = try #require(pages.text("404.html"))
        #expect(notFound.contains("<h1>Heb ddod o hyd i’r dudalen</h1>"))
        for english in ["Page not found", "You could try", "home page", "searching the site"] {
            #expect(!notFound.contains(english), "404.html still says '\(english)'")
        }
        let themes = try #require(pages.text("themes/index.html"))
        #expect(themes.contains("<title>Themâu – Evidence fixture</title>"))
        // The charts' titles, headings, legends and descriptions.
        #expect(themes.contains("Dyfyniadau ac astudiaethau achos fesul thema"))
        #expect(themes.contains("Siart bar. Ar gyfer pob thema"))
        #expect(themes.contains("Grid swigod."))
        for english in ["Quotes and case studies by", "Bar chart.", "Bubble grid.", "Most quotes", ">Theme<", "Evidence matrix"] {
            #expect(!themes.contains(english), "themes/index.html still says '\(english)'")
        }
        // Dates on case-study cards: the Welsh month names, from casebook's table, not the machine.
        let cards = try #require(pages.text("case-studies/index.html"))
        let welshMonths = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]
        #expect(welshMonths.contains { cards.contains(" \($0) 20") })
        // The report's cover date is the build day, 1 September 2025.
        let report = try #require(reports.htmlPages.first { $0.hasSuffix("/index.html") }.flatMap(reports.text))
        #expect(report.contains(">1 Medi 2025</time>"))
        #expect(!report.contains("1 September 2025"))
        for welsh in [">Cynnwys<", ">Crynodeb<", ">Matrics tystiolaeth<", ">Atodiad: astudiaethau achos<", ">Am yr adroddiad hwn<", "<dt>Dyddiad</dt>", "Mae’r adroddiad hwn yn dwyn ynghyd", "Lluniwyd yr adroddiad hwn"] {
            #expect(report.contains(welsh), "the report lacks '\(welsh)'")
        }
        for english in [">Contents<", ">Summary<", ">Evidence matrix<", "Appendix: case studies", "About this report", "Tell us what you think", "<dt>Date</dt>", ">Theme<", "This report brings together", "This report was produced"] {
            #expect(!report.contains(english), "the report still says '\(english)'")
        }
        let caseStudyPath = try #require(pages.htmlPages.first { $0.hasPrefix("case-studies/") && $0 != "case-studies/index.html" })
        let caseStudy = try #require(pages.text(caseStudyPath))
        #expect(caseStudy.contains("<dt>Cyhoeddwyd</dt>"))
        #expect(!caseStudy.contains("<dt>Published</dt>"))
        #expect(welshMonths.contains { caseStudy.contains(" \($0) 20") })
    }

    @Test func englishHasEveryWordAndWelshTranslatesEveryOne() {
        let english = Wording(language: "en"), welsh = Wording(language: "cy")
        for key in Wording.Key.allCases {
            #expect(!english[key].isEmpty)
            // Escaping would change these, and English pages must stay as they were before the
            // table; the charts' descriptions were escaped text already.
            let escapedBefore: Set<Wording.Key> = [.matrixDescriptionThemes, .matrixDescriptionProgrammes]
            #expect(escapedBefore.contains(key) || !english[key].contains(where: { "&<>\"'".contains($0) }), "'\(key.rawValue)' changes when escaped")
            #expect(welsh[key] != english[key], "'\(key.rawValue)' is not translated into Welsh")
        }
        #expect(Wording(language: "cy-GB")[.themes] == "Themâu")
        #expect(welsh.date(Day(iso: "2025-06-01")!) == "1 Mehefin 2025")
        #expect(english.date(Day(iso: "2025-06-01")!) == "1 June 2025")
        #expect(welsh.text(.programmeDescription, ["programme": "Talent {count}"]) == "Astudiaethau achos a dyfyniadau o Talent {count}.")
        #expect(english.text(.caseStudiesDescription, ["count": "3"]) == "All 3 case studies, newest first.")
    }

    @Test func aSiteCanReplaceOneOfCasebooksWords() throws {
        let site = try site(extra: "strings:\n  search: Chwilio’r safle\n  allThemes: <Pob> thema\n")
        #expect(site.check().diagnostics.with(code: "unknown-key").isEmpty)
        let (pages, _) = try SiteBuilds.siteAndReports(site.root)
        let home = try #require(pages.text("index.html"))
        #expect(home.contains("</svg>Chwilio’r safle</a>"))
        #expect(!home.contains("</svg>Chwilio</a>"))
        let themePath = try #require(pages.htmlPages.first { $0.hasPrefix("themes/t-alpha/") })
        // A site's text is escaped like any other text from casebook.yml.
        #expect(try #require(pages.text(themePath)).contains(">&lt;Pob&gt; thema</a>"))
    }

    @Test func anUnknownStringsKeyIsAWarningWithItsLine() throws {
        let site = try site(extra: "strings:\n  serach: Chwilio\n")
        let warnings = site.check().diagnostics.with(code: "unknown-key")
        let warning = try #require(warnings.first)
        #expect(warning.location.file == "casebook.yml")
        #expect(warning.location.line == 6)
        #expect(warning.message.contains("'serach'"))
        #expect(warning.message.contains("search"), "suggests the key meant")
    }

    @Test func aLanguageWithoutATableFallsBackToEnglishWithAWarning() throws {
        let site = try site(language: "fr")
        let warning = try #require(site.check().diagnostics.with(code: "no-translation").first)
        #expect(warning.message.contains("'fr'"))
        #expect(warning.location.line == 4)
        let (pages, _) = try SiteBuilds.siteAndReports(site.root)
        let home = try #require(pages.text("index.html"))
        #expect(home.contains(#"<html lang="fr">"#))
        #expect(home.contains(">Skip to main content<"))
        #expect(!site.check().diagnostics.hasErrors)
    }

    /// One quote reads "1 quote" in English; Welsh keeps the singular after every numeral.
    @Test func aCountOfOneTakesTheSingularInBothLanguages() throws {
        for (language, one, many, lede) in [
            ("en-GB", " quote</span>", " quotes</span>", "1 quote from someone who took part"),
            ("cy", " dyfyniad</span>", " dyfyniad</span>", "1 dyfyniad gan rywun a gymerodd ran"),
        ] {
            let site = try FixtureSite(copying: "valid-site")
            try site.edit("casebook.yml", replacing: "language: en-GB\n", with: "language: \(language)\n")
            // q-valued is then the one quote on the site, alone under its theme.
            try FileManager.default.removeItem(atPath: site.path("content/quotes/survey.csv"))
            let pages = try SiteBuilds.siteAndReports(site.root).site
            let quotes = try #require(pages.text("quotes/index.html"))
            #expect(quotes.contains(#"<span class="jump-count">1<span class="visually-hidden">"# + one), "\(language)")
            #expect(quotes.contains(#"class="lede">"# + lede), "\(language)")
            #expect(language == "cy" || !quotes.contains(#"<span class="jump-count">1<span class="visually-hidden">"# + many))
        }
    }

    /// The home page's figures name their noun in the singular for one, and the case studies'
    /// description does not say "All 1 case studies", in English and in Welsh.
    @Test func theHomePagesFiguresOfOneAreSingular() throws {
        for (language, caseStudy, quote, description) in [
            ("en-GB", "case study", "quote", "The one case study so far."),
            ("cy", "astudiaeth achos", "dyfyniad", "Yr unig astudiaeth achos hyd yma."),
        ] {
            let site = try FixtureSite(copying: "valid-site")
            try site.edit("casebook.yml", replacing: "language: en-GB\n", with: "language: \(language)\n")
            try FileManager.default.removeItem(atPath: site.path("content/quotes/survey.csv"))
            try FileManager.default.removeItem(atPath: site.path("content/case-studies/second-wind.md"))
            let pages = try SiteBuilds.siteAndReports(site.root).site
            let home = try #require(pages.text("index.html"))
            #expect(home.contains(#"<span class="stat-figure">1</span> <span class="stat-label">\#(caseStudy)</span>"#), "\(language)")
            #expect(home.contains(#"<span class="stat-figure">1</span> <span class="stat-label">\#(quote)</span>"#), "\(language)")
            let index = try #require(pages.text("case-studies/index.html"))
            #expect(index.contains(#"<meta name="description" content="\#(description)">"#), "\(language)")
        }
    }
}
