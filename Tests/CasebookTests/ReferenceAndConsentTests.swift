import Foundation
import Model
import TestSupport
import Testing

/// References between files (themes, programmes, slugs) and consent: each mistake is one
/// diagnostic at the line that holds it, and consent errs on the side of not publishing.
@Suite struct ReferenceAndConsentTests {
    static func quote(consent: String, expires: String? = nil) -> String {
        "---\nspeaker: Parent\nprogramme: talent-match\nthemes: [hard-work]\nconsent: \(consent)\n"
            + (expires.map { "consent_expires: \($0)\n" } ?? "") + "---\nWe were listened to.\n"
    }

    @Test func unknownThemeSuggestsTheNearestId() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("content/case-studies/first-steps.md", replacing: "themes: [hard-work, shared-benefits]",
                      with: "themes: [hard-work, sharedbenefits]")
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["content/case-studies/first-steps.md:5: error: unknown-theme"])
        #expect(diagnostics.first?.location.column == 21)
        #expect(diagnostics.first?.description
            == "content/case-studies/first-steps.md:5:21: error: unknown theme 'sharedbenefits' (did you mean 'shared-benefits'?); themes are defined under 'themes:' in casebook.yml")
    }

    @Test func unknownThemeInALessonIsReportedAtTheLesson() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("content/case-studies/first-steps.md", replacing: "  - theme: hard-work", with: "  - theme: hardwork")
        #expect(site.check().diagnostics.summaries == ["content/case-studies/first-steps.md:8: error: unknown-theme"])
    }

    @Test func unknownProgrammeSuggestsTheNearestId() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("content/quotes/q-slow.md", replacing: "programme: talent-match", with: "programme: talentmatch")
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["content/quotes/q-slow.md:3: error: unknown-programme"])
        #expect(diagnostics.first?.message.contains("did you mean 'talent-match'") == true)
    }

    @Test(arguments: ["pubic", "yes", "true", "invalid", "Public-ish", "'withdrawn, maybe'"])
    func invalidConsentIsAnErrorAndPublishesNothing(value: String) throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(consent: value)])
        let outcome = site.check()
        let problems = outcome.diagnostics.about("content/quotes/q-new.md")
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.severity == .error)
        #expect(problems.first?.location.line == 5)
        #expect(outcome.site == nil, "a site with an invalid consent value does not build")
    }

    /// `consent: [public]` is there but has the wrong shape: one error saying so, not also "missing".
    @Test func consentGivenAsAListIsOneError() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(consent: "[public]")])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["content/quotes/q-new.md:5: error: wrong-type"])
    }

    @Test func misspeltConsentSuggestsTheWord() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(consent: "pubic")])
        let diagnostic = try #require(site.check().diagnostics.first)
        #expect(diagnostic.code == "invalid-consent")
        #expect(diagnostic.message.contains("did you mean 'public'"))
    }

    @Test func missingConsentIsAnError() throws {
        let text = "---\nspeaker: Parent\nthemes: [hard-work]\n---\nNo consent recorded.\n"
        let diagnostics = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": text]).check().diagnostics
        #expect(diagnostics.summaries == ["content/quotes/q-new.md:2: error: missing-consent"])
    }

    /// `casebook new quote` leaves `consent:` empty below its comments: the error points at that
    /// line, where the value goes, not at the start of the front matter.
    @Test func emptyConsentIsReportedAtItsLine() throws {
        let text = "---\nspeaker: Parent\nthemes: [hard-work]\n# consent: public, internal or withdrawn\nconsent:\n---\nNot yet.\n"
        let diagnostics = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": text]).check().diagnostics
        #expect(diagnostics.summaries == ["content/quotes/q-new.md:5: error: missing-consent"])
        #expect(diagnostics.first?.location.column == 1)
    }

    @Test func duplicateCaseStudySlugPointsAtBothFiles() throws {
        let text = "---\ntitle: Copy\nslug: first-steps\ndate: 2025-01-01\nsummary: S.\n---\n"
        let diagnostics = try FixtureSite(copying: "valid-site", ["content/case-studies/a-copy.md": text]).check().diagnostics
        // a-copy.md sorts first, so the file named first-steps.md is the repeat.
        #expect(diagnostics.summaries == ["content/case-studies/first-steps.md:1: error: duplicate-id"])
        #expect(diagnostics.first?.message.contains("content/case-studies/a-copy.md:3") == true)
    }

    @Test func duplicateQuoteIdAcrossMarkdownAndCSVIsAnError() throws {
        let csv = "text,speaker,programme,themes,consent,id\nSame id.,Parent,talent-match,hard-work,public,q-valued\n"
        let diagnostics = try FixtureSite(copying: "valid-site", ["content/quotes/z-more.csv": csv]).check().diagnostics
        #expect(diagnostics.summaries == ["content/quotes/z-more.csv:2: error: duplicate-id"])
    }

    @Test func expiredConsentBecomesWithdrawnWithAWarning() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(consent: "public", expires: "2025-08-31")])
        let outcome = site.check(on: try #require(Day(iso: "2025-09-01")))
        #expect(outcome.diagnostics.summaries == ["content/quotes/q-new.md:5: warning: consent-expired"])
        #expect(outcome.diagnostics.first?.message.contains("2025-08-31") == true)
        let quote = try #require(outcome.site?.quotes.first { $0.id == "q-new" })
        #expect(quote.consent == .withdrawn)
        #expect(!quote.consent.allows(.public) && !quote.consent.allows(.internal))
    }

    @Test func consentValidOnItsExpiryDayWarnsButStaysPublic() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(consent: "public", expires: "2025-09-01")])
        let outcome = site.check(on: try #require(Day(iso: "2025-09-01")))
        #expect(outcome.diagnostics.summaries == ["content/quotes/q-new.md:5: warning: consent-expiring"])
        #expect(outcome.site?.quotes.first { $0.id == "q-new" }?.consent == .public)
    }

    @Test(arguments: [("2025-11-30", true), ("2025-12-01", false)])
    func consentExpiringWithin90DaysWarns(expires: String, warns: Bool) throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(consent: "internal", expires: expires)])
        let outcome = site.check(on: try #require(Day(iso: "2025-09-01")))  // 2025-11-30 is 90 days on
        #expect(outcome.diagnostics.summaries == (warns ? ["content/quotes/q-new.md:5: warning: consent-expiring"] : []))
        #expect(outcome.site?.quotes.first { $0.id == "q-new" }?.consent == .internal)
    }

    @Test func referenceToAnExpiredQuoteWarns() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(consent: "public", expires: "2025-01-01")])
        try site.edit("content/case-studies/second-wind.md", replacing: "themes: [shared-benefits]",
                      with: "themes: [shared-benefits]\nquotes: [q-new]")
        let outcome = site.check()
        #expect(outcome.diagnostics.summaries == [
            "content/case-studies/second-wind.md:6: warning: withdrawn-quote",
            "content/quotes/q-new.md:5: warning: consent-expired",
        ])
    }

    /// A quote file that does not load (a misspelt key) is reported once, at its own mistake:
    /// a case study listing it is not also told the quote is unknown.
    @Test func aQuoteThatDoesNotLoadIsNotAlsoUnknown() throws {
        let broken = Self.quote(consent: "public").replacingOccurrences(of: "speaker: Parent", with: "speeker: Parent")
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": broken])
        try site.edit("content/case-studies/second-wind.md", replacing: "themes: [shared-benefits]",
                      with: "themes: [shared-benefits]\nquotes: [q-new, q-nowhere]")
        let summaries = site.check().diagnostics.summaries
        #expect(!summaries.isEmpty && summaries.allSatisfy { $0.hasPrefix("content/quotes/q-new.md") || $0.hasSuffix("unknown-quote") }, "\(summaries)")
        #expect(summaries.filter { $0.hasSuffix("unknown-quote") } == ["content/case-studies/second-wind.md:6: error: unknown-quote"],
                "only the quote that does not exist is unknown: \(summaries)")
    }

    @Test func warningsAloneStillBuild() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(consent: "public", expires: "2025-01-01")])
        #expect(site.check().site != nil)
    }
}
