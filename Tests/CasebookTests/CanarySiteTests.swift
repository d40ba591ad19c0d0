import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// A quote without public consent leaves no trace in public output: not its words, speaker or
/// id, not a theme or programme only it uses, not a count. The canary site's hidden quotes each
/// carry a word of their own, in their text, speaker, id, theme and programme, which nothing
/// public uses; and the site built with them must be byte for byte the site built without them.
@Suite struct CanarySiteTests {
    /// Each hidden quote's own word, and its consent line.
    static let hidden: [(word: String, consent: String)] = [
        ("canaryseven", "consent: internal"),
        ("canaryeight", "consent: withdrawn"),
        ("canarynine", "consent: public\nconsent_expires: 2025-01-01"),  // expired on the fixed build day
    ]
    /// An internal row of a CSV file.
    static let csvWord = "canaryten"
    static var words: [String] { hidden.map(\.word) + [csvWord] }

    /// - Parameters:
    ///   - declared: list the programmes in casebook.yml (else their ids come from the content).
    ///   - withHidden: include the quotes that must leave no trace.
    static func files(declared: Bool, withHidden: Bool) -> [String: String] {
        let ids = Self.words
        var config = """
            title: Canary site
            base_url: https://example.org/canary/
            organisation: Canary Fund
            themes:
              - id: open
                title: Open theme

            """
        for word in ids { config += "  - id: theme-\(word)\n    title: Theme \(word)\n" }
        if declared {
            config += "programmes:\n  - id: open-programme\n    title: Open programme\n  - id: cases-only\n    title: Cases only\n"
            for word in ids { config += "  - id: programme-\(word)\n    title: Programme \(word)\n" }
        }
        config += """
            reports:
              - id: public-report
                title: Public report
                audience: public
              - id: internal-report
                title: Internal report
                audience: internal

            """
        var files = [
            "casebook.yml": config,
            "content/case-studies/open-case.md": """
                ---
                title: Open case
                programme: open-programme
                date: 2025-03-01
                themes: [open]
                summary: An open case study.
                lessons:
                  - theme: open
                    text: An open lesson.
                ---
                Open body.
                """,
            "content/case-studies/cases-case.md": """
                ---
                title: Case of a programme without quotes
                programme: cases-only
                date: 2025-04-01
                themes: [open]
                summary: Only a case study.
                ---
                Body.
                """,
            "content/quotes/open-quote.md": """
                ---
                speaker: Open speaker
                programme: open-programme
                case_study: open-case
                themes: [open]
                consent: public
                featured: true
                date: 2025-03-02
                ---
                The one public quote.
                """,
        ]
        guard withHidden else { return files }
        for (word, consent) in hidden {
            files["content/quotes/quote-\(word).md"] = """
                ---
                speaker: Speaker \(word)
                programme: programme-\(word)
                case_study: open-case
                themes: [theme-\(word), open]
                \(consent)
                consent_ref: ref-\(word)
                featured: true
                date: 2025-05-05
                ---
                Words of \(word), never published.
                """
        }
        files["content/quotes/bulk.csv"] = """
            text,speaker,programme,themes,consent,id,case_study
            "Words of \(csvWord), internal.",Speaker \(csvWord),programme-\(csvWord),theme-\(csvWord);open,internal,quote-\(csvWord),open-case

            """
        return files
    }

    static func build(declared: Bool, withHidden: Bool) throws -> (site: SiteFiles, reports: SiteFiles) {
        let fixture = try FixtureSite(files(declared: declared, withHidden: withHidden))
        return try SiteBuilds.siteAndReports(fixture.root)
    }

    @Test(arguments: [true, false])
    func hiddenQuotesLeaveNoTraceInTheSiteOrThePublicReport(declared: Bool) throws {
        let (site, reports) = try Self.build(declared: declared, withHidden: true)
        #expect(site.files.count > 20)
        let publicFiles = site.files.keys.sorted() + reports.files.keys.filter { $0.hasPrefix("public-report/") }.sorted()
        for word in Self.words {
            #expect(site.containing(word).isEmpty, "'\(word)' is in \(site.containing(word))")
            #expect(reports.containing(word).allSatisfy { !$0.hasPrefix("public-report/") }, "'\(word)' in the public report")
            #expect(publicFiles.allSatisfy { !$0.contains(word) }, "a file is named after '\(word)'")
        }
        #expect(site.files["programmes/programme-canaryseven/index.html"] == nil)
        #expect(site.files["themes/theme-canaryseven/index.html"] == nil)
        // What is public is there, so a leak would have been seen; a programme with only case
        // studies keeps its page.
        #expect(!site.containing("The one public quote.").isEmpty)
        #expect(site.files["programmes/open-programme/index.html"] != nil)
        #expect(site.files["programmes/cases-only/index.html"] != nil)
        #expect(site.text("index.html")?.contains("<span class=\"stat-figure\">1</span> <span class=\"stat-label\">quote</span>") == true)
    }

    /// The flat exports and the search index are among the files checked above (by name here,
    /// so one renamed cannot slip out of the check), and hold what is public.
    @Test func theDataExportsAndSearchIndexHoldPublicQuotesOnly() throws {
        let (site, _) = try Self.build(declared: true, withHidden: true)
        for path in ["data/lessons.csv", "data/case-studies.csv", "data/lessons.json", "data/quotes.csv", "search-index.json"] {
            let text = try #require(site.text(path), "\(path) is written")
            for word in Self.words { #expect(!text.contains(word), "'\(word)' in \(path)") }
        }
        #expect(site.text("data/lessons.csv")?.contains("An open lesson.") == true)
        let index = try #require(site.text("search-index.json"))
        #expect(index.contains("The one public quote.") && index.contains("quote-open-quote"))
        #expect(!index.contains("quote-canary") && !index.contains("Speaker canary"))
    }

    /// Counts, orders, matrices and lists too: with or without the hidden quotes, the same bytes.
    @Test(arguments: [true, false])
    func theSiteIsTheSameWithoutTheHiddenQuotes(declared: Bool) throws {
        let with = try Self.build(declared: declared, withHidden: true)
        let without = try Self.build(declared: declared, withHidden: false)
        #expect(Set(with.site.files.keys) == Set(without.site.files.keys))
        for (path, bytes) in with.site.files where without.site.files[path] != bytes {
            Issue.record("\(path) differs when hidden quotes exist")
        }
        for path in ["public-report/index.html", "public-report/report.json"] {
            #expect(with.reports.files[path] != nil && with.reports.files[path] == without.reports.files[path], "\(path)")
        }
    }

    /// The charts count what each audience may see: the open theme has one public quote on the
    /// site and in the public report, and the internal report's chart counts the two internal ones.
    @Test func chartsCountOnlyTheQuotesTheirAudienceMaySee() throws {
        let (site, reports) = try Self.build(declared: true, withHidden: true)
        let themes = try PageChart("chart-themes", in: try #require(site.text("themes/index.html")))
        #expect(themes.labels == ["Quotes", "Case studies", "Open theme"])
        #expect(themes.numbers == [1, 2], "one quote, two case studies")
        // Open programme: one quote and one case study; the programme with only a case study, none.
        #expect(try PageChart("chart-programmes", in: try #require(site.text("programmes/index.html"))).numbers == [1, 1, 0, 1])
        #expect(try PageChart("chart-themes", in: try #require(reports.text("public-report/index.html"))).numbers == [1, 2])
        let internalReport = try PageChart("chart-themes", in: try #require(reports.text("internal-report/index.html")))
        #expect(internalReport.labels == ["Quotes", "Case studies", "Open theme", "Theme canaryseven", "Theme canaryten"])
        #expect(internalReport.numbers == [3, 2, 1, 0, 1, 0])
    }

    /// An internal report shows internal quotes, but nothing of withdrawn or expired ones.
    @Test func internalReportShowsInternalQuotesOnly() throws {
        let (_, reports) = try Self.build(declared: true, withHidden: true)
        let internalFiles = ["internal-report/index.html", "internal-report/report.json"]
        for path in internalFiles {
            let text = try #require(reports.text(path))
            #expect(text.contains("canaryseven") && text.contains("canaryten"), "the internal quotes are there: \(path)")
            #expect(!text.contains("canaryeight") && !text.contains("canarynine"), "withdrawn or expired in \(path)")
            #expect(!text.contains("ref-"), "consent records in \(path)")
        }
        let json = try #require(reports.text("internal-report/report.json"))
        #expect(json.contains("\"quotes\" : 3"), "the counts hold the public and the two internal quotes")
    }
}
