import Foundation
import Load
import Model
import TestSupport
import Testing

/// How files are cut into front matter and body, read through `SiteLoader` from the fixture
/// folder `Tests/Fixtures/front-matter`, one file per rule.
@Suite struct FrontMatterTests {
    let loaded = SiteLoader.load(from: PackagePaths.fixtures.appendingPathComponent("front-matter").path)

    func page(_ slug: String) throws -> Page {
        try #require(loaded.pages.first { $0.slug == slug }, "page '\(slug)' did not load: \(loaded.diagnostics)")
    }

    @Test func everyProblemInTheFolderIsReportedOnceAtItsLine() {
        #expect(loaded.diagnostics.sortedByLocation().summaries == [
            "content/pages/blank-line-first.md:1: error: missing-key",
            "content/pages/four-dashes.md:1: error: missing-key",
            "content/pages/no-front-matter.md:1: error: missing-key",
            "content/quotes/q-no-text.md:6: error: empty-quote",
        ])
    }

    @Test func dotsCloseFrontMatterLikeYAMLsDocumentEnd() throws {
        let page = try page("closed-with-dots")
        #expect(page.title == "Closed with dots")
        #expect(page.body == "Body after dots.\n")
    }

    @Test func aRuleInTheBodyIsNotFrontMatter() throws {
        #expect(try page("rule-in-body").body == "Above the rule.\n\n---\n\nBelow the rule.\n")
    }

    @Test func bodyIsKeptExactlyAfterTheClosingLine() throws {
        let caseStudy = try #require(loaded.caseStudies.first { $0.slug == "body" })
        #expect(caseStudy.body == "## Heading\n\nText with --- inside.\n")
        #expect(caseStudy.title == "Body keeps its Markdown")
    }

    @Test func frontMatterMustStartOnTheFirstLine() {
        #expect(!loaded.pages.contains { $0.slug == "blank-line-first" })
        let problem = loaded.diagnostics.about("content/pages/blank-line-first.md").first
        #expect(problem?.message.contains("'---'") == true, "the message says how front matter is written")
    }

    @Test func fencesMayEndInSpacesAndTabs() throws {
        let page = try page("fence-spaces")
        #expect(page.title == "Fences with spaces")
        #expect(page.body == "Body after a fence with trailing spaces.\n")
    }

    @Test func fourDashesAreNotAFence() {
        #expect(!loaded.pages.contains { $0.slug == "four-dashes" })
    }

    @Test func pageFieldsAreRead() throws {
        let page = try page("weighted")
        #expect(page.weight == 3)
        #expect(page.description == "Shown in menus.")
        #expect(page.draft)
        #expect(page.body == "")
    }

    @Test func quoteTextIsTheTrimmedBody() throws {
        let quote = try #require(loaded.quotes.first { $0.id == "q-trimmed" })
        #expect(quote.text == "Spaces around the quote are trimmed.")
        #expect(quote.consent == .public)
    }

    @Test func emptyQuoteBodyIsReportedWhereTheTextBelongs() throws {
        let problem = try #require(loaded.diagnostics.about("content/quotes/q-no-text.md").first)
        #expect(problem.message.contains("after the closing '---'"))
        #expect(!loaded.quotes.contains { $0.id == "q-no-text" })
    }

    /// Found by fuzzing: a closing fence that ends the file without a line break has no line after
    /// it, and the empty body was reported on that line all the same.
    @Test func emptyBodyAfterAFenceThatEndsTheFileIsReportedOnTheFence() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "content/quotes/no-newline.md": "---\nspeaker: Parent\nprogramme: talent-match\nthemes: [hard-work]\nconsent: public\n---"
        ])
        #expect(site.check().diagnostics.summaries == ["content/quotes/no-newline.md:6: error: empty-quote"])
    }

    @Test func diagnosticsUseSiteRelativePaths() {
        #expect(loaded.diagnostics.allSatisfy { !$0.location.file.hasPrefix("/") && $0.location.file.hasPrefix("content/") })
    }

    @Test func loadingTwiceGivesTheSameResult() {
        let again = SiteLoader.load(from: PackagePaths.fixtures.appendingPathComponent("front-matter").path)
        #expect(again.diagnostics.summaries == loaded.diagnostics.summaries)
        #expect(again.pages.map(\.slug) == loaded.pages.map(\.slug))
        #expect(again.quotes.map(\.id) == loaded.quotes.map(\.id))
    }
}
