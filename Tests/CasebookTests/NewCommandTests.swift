import Foundation
import Model
import TestSupport
import Testing

/// `casebook new`, run as a user runs it, in a copy of the fixture site.
@Suite struct NewCommandTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    @Test func aCaseStudyGetsItsFrontMatterAndTheSitesVocabularyAsComments() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["new", "case-study", "Café: a year of co-design!", "--date", "2026-02-03"], in: site.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "content/case-studies/cafe-a-year-of-co-design.md\n")
        let text = try site.read("content/case-studies/cafe-a-year-of-co-design.md")
        #expect(text.hasPrefix("---\ntitle: \"Café: a year of co-design!\"\ndate: 2026-02-03\n"), "\(text)")
        #expect(text.contains("#   talent-match    Talent Match\n#   a-better-start  A Better Start\n"), "programmes listed: \(text)")
        #expect(text.contains("#   hard-work        Co-production is hard work, but worth it\n"), "themes listed: \(text)")
        #expect(text.contains("draft: true"))
        // A draft: the site still passes, and with --drafts the new file itself is valid.
        #expect(try CasebookCLI.run(["check", "--strict"], in: site.url).status == 0)
        let drafts = try CasebookCLI.run(["check", "--strict", "--drafts"], in: site.url)
        #expect(drafts.status == 0, "\(drafts)")
    }

    @Test func aTitleWithQuotesAndBackslashesStaysTheTitle() throws {
        let site = try FixtureSite(copying: "valid-site")
        let title = #"She said "it's ours" \ a: b # c"#
        let result = try CasebookCLI.run(["new", "case-study", title, "--slug", "ours"], in: site.url)
        #expect(result.status == 0, "\(result)")
        try site.edit("content/case-studies/ours.md", replacing: "draft: true", with: "draft: false")
        try site.edit("content/case-studies/ours.md", replacing: Placeholder.caseStudySummary, with: "Ours, in a sentence.")
        let built = site.check()
        let caseStudy = try #require(built.site?.caseStudies.first { $0.slug == "ours" }, "\(built.diagnostics)")
        #expect(caseStudy.title == title)
    }

    @Test func aNewQuoteHasNoConsentUntilTheAuthorWritesIt() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["new", "quote", "Parent on Saturdays", "--format", "json"], in: site.url)
        #expect(result.status == 0, "\(result)")
        struct Outcome: Decodable, Equatable { let kind: String, slug: String, path: String }
        let outcome = try JSONDecoder().decode(Outcome.self, from: Data(result.stdout.utf8))
        #expect(outcome == Outcome(kind: "quote", slug: "parent-on-saturdays", path: "content/quotes/parent-on-saturdays.md"))
        let text = try site.read(outcome.path)
        #expect(text.contains("\nconsent:\n"), "consent is left empty: \(text)")
        for value in ["public", "internal", "withdrawn"] { #expect(text.contains("#   \(value) "), "the comment lists \(value)") }
        let check = try CasebookCLI.run(["check"], in: site.url)
        #expect(check.status == 1, "check reports the missing consent until it is chosen: \(check)")
        #expect(check.stdout.contains("content/quotes/parent-on-saturdays.md:"), "\(check)")
        #expect(check.stdout.contains("'consent' is required"), "\(check)")
    }

    /// Text `casebook new` wrote for the author to replace is never published: a quote's words
    /// and speaker, a case study's summary and a page's text are errors until written, unless
    /// the item is a draft (new case studies and pages are).
    @Test func placeholderTextIsNeverPublished() throws {
        let site = try FixtureSite(copying: "valid-site")
        for (kind, title) in [("quote", "Parent on mornings"), ("case-study", "Mornings"), ("page", "Mornings page")] {
            let made = try CasebookCLI.run(["new", kind, title, "--date", "2025-08-01"], in: site.url)
            #expect(made.status == 0, "\(made)")
        }
        let quote = "content/quotes/parent-on-mornings.md", caseStudy = "content/case-studies/mornings.md", page = "content/pages/mornings-page.md"
        try site.edit(quote, replacing: "\nconsent:", with: "\nconsent: public")
        // The case study and the page are drafts: only the quote is published, and refused.
        var check = try CasebookCLI.run(["check"], in: site.url)
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("\(quote):") && check.stdout.contains("the quote's words are still the placeholder"), "\(check)")
        #expect(!check.stdout.contains(caseStudy) && !check.stdout.contains(page), "drafts may keep placeholders: \(check)")
        try site.edit(quote, replacing: Placeholder.quoteText, with: "Mornings are easier now.")
        check = try CasebookCLI.run(["check"], in: site.url)
        #expect(check.stdout.contains("the quote's speaker is still the placeholder 'casebook new' wrote ('Role of the speaker')"), "\(check)")
        try site.edit(quote, replacing: "speaker: \(Placeholder.quoteSpeaker)", with: "speaker: Parent")

        // Published as they are, the case study and the page are refused at their files.
        try site.edit(caseStudy, replacing: "draft: true", with: "draft: false")
        try site.edit(page, replacing: "draft: true", with: "draft: false")
        check = try CasebookCLI.run(["check"], in: site.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(caseStudy):") && check.stdout.contains("the case study's summary is still the placeholder"), "\(check)")
        #expect(check.stdout.contains("\(page):") && check.stdout.contains("the page's description is still the placeholder"), "\(check)")
        try site.edit(caseStudy, replacing: Placeholder.caseStudySummary, with: "Mornings, in a sentence.")
        try site.edit(page, replacing: Placeholder.pageDescription, with: "About mornings.")
        check = try CasebookCLI.run(["check"], in: site.url)
        #expect(check.stdout.contains("the page's body is still the placeholder"), "\(check)")
        try site.edit(page, replacing: Placeholder.pageBody, with: "Mornings matter.")
        check = try CasebookCLI.run(["check", "--strict"], in: site.url)
        #expect(check.status == 0, "every placeholder written over: \(check)")
    }

    /// Titles in casebook.yml are listed as comments: a line break in one cannot start a key.
    @Test func textFromTheConfigCannotBecomeFrontMatter() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("casebook.yml", replacing: "title: Talent Match", with: #"title: "Talent\nconsent: public\u2028consent: public\rconsent: public""#)
        let result = try CasebookCLI.run(["new", "quote", "Mentor"], in: site.url)
        #expect(result.status == 0, "\(result)")
        let text = try site.read("content/quotes/mentor.md")
        #expect(text.contains("#   talent-match    Talent consent: public consent: public consent: public\n"), "\(text)")
        let check = try CasebookCLI.run(["check", "--format", "json"], in: site.url)
        #expect(check.status == 1)
        #expect(check.stdout.contains("'consent' is required"), "the quote still has no consent: \(check)")
    }

    @Test func aPageCanBeWrittenIntoAnotherFolder() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["new", "page", "How we evaluate", site.root])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == site.root + "/content/pages/how-we-evaluate.md\n")
        #expect(try site.read("content/pages/how-we-evaluate.md").contains("title: \"How we evaluate\""))
        #expect(try CasebookCLI.run(["check", "--strict", site.root]).status == 0)
    }

    @Test(arguments: [
        ("case-study", "First steps", "content/case-studies/first-steps.md"),
        ("quote", "Q valued", "content/quotes/q-valued.md"),
        ("page", "About", "content/pages/about.md"),
        ("page", "Quotes", "the site's own /quotes/ section"),
    ])
    func refusesASlugInUse(kind: String, title: String, owner: String) throws {
        let site = try FixtureSite(copying: "valid-site")
        let before = try FileManager.default.subpathsOfDirectory(atPath: site.root).sorted()
        let result = try CasebookCLI.run(["new", kind, title, "--format", "json"], in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains("is taken by \(owner)"), "\(result)")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: site.root).sorted() == before, "nothing was written")
    }

    @Test func refusesAQuoteIdTakenByACSVRow() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["new", "quote", "Survey 2"], in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("'survey-2' is taken by content/quotes/survey.csv:"), "\(result)")
    }

    @Test(arguments: ["", "   ", "Two\nlines", "Escape \u{1B}[31m", "Line\u{2028}separator"])
    func refusesATitleThatCannotBeOneLineOfFrontMatter(title: String) throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["new", "case-study", title, "--slug", "x"], in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: site.path("content/case-studies/x.md")))
    }

    /// A title with no letter a-z or digit (punctuation, or another script) has no slug to make:
    /// the user is asked for one, rather than every such title becoming `page`.
    @Test(arguments: ["!!!", "Дом", "— ? —"])
    func asksForASlugWhenTheTitleHasNoneToGive(title: String) throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["new", "page", title], in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--slug"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.path("content/pages/page.md")))
        let named = try CasebookCLI.run(["new", "page", title, "--slug", "home-page"], in: site.url)
        #expect(named.status == 0, "\(named)")
        #expect(FileManager.default.fileExists(atPath: site.path("content/pages/home-page.md")))
    }

    @Test func refusesAnInvalidSlugAndAnUnknownKind() throws {
        let site = try FixtureSite(copying: "valid-site")
        let slug = try CasebookCLI.run(["new", "page", "Fine", "--slug", "../escape"], in: site.url)
        #expect(slug.status == 2, "\(slug)")
        #expect(slug.stderr.contains("not a valid slug"))
        let kind = try CasebookCLI.run(["new", "lesson", "Fine"], in: site.url)
        #expect(kind.status == 2, "\(kind)")
    }

    @Test func neverWritesThroughALinkedContentFolder() throws {
        let elsewhere = try FixtureSite()
        let site = try FixtureSite(copying: "valid-site")
        try FileManager.default.removeItem(atPath: site.path("content/pages"))
        try site.symlink("content/pages", to: elsewhere.root)
        let result = try CasebookCLI.run(["new", "page", "Linked"], in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.root).isEmpty)
    }
}
