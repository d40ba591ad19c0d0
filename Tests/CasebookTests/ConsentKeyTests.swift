import Foundation
import Load
import Model
import Pipeline
import TestSupport
import Testing

/// A consent key must be read from exactly one place, spelt exactly: a second column of the same
/// name, or a key that only looks like a consent key, must stop the quote, not be ignored.
@Suite struct ConsentKeyTests {
    static let file = "content/quotes/bulk.csv"

    // MARK: CSV columns that are one name

    /// Each header names `consent` or `consent_expires` twice, in two spellings; the later column
    /// withdraws the quote (or expires its consent), which the first would silently have hidden.
    @Test(arguments: [
        ("consent", "consent", "withdrawn"),
        ("consent", "Consent ", "withdrawn"),
        ("consent", " CONSENT", "withdrawn"),
        ("consent_expires", "Consent_Expires", "2020-01-01"),
        ("consent_expires", "consent expires", "2020-01-01"),
        ("consent_expires", "consent-expires", "2020-01-01"),
        ("consent_expires", "Consent - Expires", "2020-01-01"),
    ])
    func collidingColumnsAreAnErrorNamingBoth(first: String, second: String, laterValue: String) throws {
        let firstValue = first == "consent" ? "public" : "2030-01-01"
        let header = first == "consent" ? "text,speaker,programme,themes,\(first),\(second)" : "text,speaker,programme,themes,consent,\(first),\(second)"
        let row = first == "consent"
            ? "Second column withdraws this,Parent,talent-match,hard-work,\(firstValue),\(laterValue)"
            : "Second column expires this,Parent,talent-match,hard-work,public,\(firstValue),\(laterValue)"
        let site = try FixtureSite(copying: "valid-site", [Self.file: header + "\n" + row + "\n"])
        let outcome = site.check()
        let problems = outcome.diagnostics.about(Self.file)
        #expect(problems.summaries == ["\(Self.file):1: error: csv-duplicate-column"], "\(problems)")
        let message = try #require(problems.first?.message)
        #expect(message.contains("'\(first)'") && message.contains("'\(second)'"), "names both columns: \(message)")
        #expect(problems.first?.location.column == header.split(separator: ",", omittingEmptySubsequences: false).count)
        #expect(outcome.site == nil, "the quote is not published")
        #expect(SiteLoader.load(from: site.root).quotes.allSatisfy { $0.location.file != Self.file }, "the file gives no quote")
    }

    /// Headers typed by people: case, spaces and hyphens do not matter, so each column is found.
    @Test func columnsAreMatchedWhateverTheirCaseSpacesAndHyphens() throws {
        let csv = " Text ,SPEAKER,Programme,Themes,Consent,Consent Expires,case-study\n"
            + "Expired long ago,Parent,talent-match,hard-work,public,2020-01-01,first-steps\n"
        let site = try FixtureSite(copying: "valid-site", [Self.file: csv])
        let outcome = site.check()
        #expect(outcome.diagnostics.about(Self.file).summaries == ["\(Self.file):2: warning: consent-expired"])
        let quote = try #require(outcome.site?.quotes.first { $0.location.file == Self.file })
        #expect(quote.consent == .withdrawn)
        #expect(quote.caseStudy?.value == "first-steps")
    }

    @Test func unnamedTrailingColumnsAreNotACollision() throws {
        let csv = "text,speaker,programme,themes,consent,,\nA row,Parent,talent-match,hard-work,public,,\n"
        let outcome = try FixtureSite(copying: "valid-site", [Self.file: csv]).check()
        #expect(!outcome.diagnostics.contains { $0.code == "csv-duplicate-column" })
        #expect(outcome.site != nil)
    }

    // MARK: Keys that look like consent keys

    static func quote(_ extra: String) -> String {
        "---\nspeaker: Parent\nprogramme: talent-match\nthemes: [hard-work]\nconsent: public\n\(extra)\n---\nWe were listened to.\n"
    }

    /// Each would have left the quote published with no expiry, or without the consent meant.
    /// `meant` is the suggestion; nil for "one of" the three.
    @Test(arguments: [
        ("consent_expiry: 2020-01-01", "consent_expires"),
        ("consent-expires: 2020-01-01", "consent_expires"),
        ("Consent_Expires: 2020-01-01", "consent_expires"),
        ("consentexpires: 2020-01-01", "consent_expires"),
        ("consent_expire: 2020-01-01", "consent_expires"),
        ("concent: withdrawn", "consent"),
        ("consnet: withdrawn", "consent"),
        ("Consent: withdrawn", "consent"),
        ("consent_ref_: CF-1", "consent_ref"),
        ("consent_reference: CF-1", nil),
        ("speaker_consent: withdrawn", nil),
        ("consent_date: 2020-01-01", nil),
        ("has-concent: false", nil),
    ] as [(String, String?)])
    func misspeltConsentKeyIsAnErrorAndTheQuoteIsPublishedNowhere(line: String, meant: String?) throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(line)])
        let outcome = site.check()
        let problems = outcome.diagnostics.about("content/quotes/q-new.md")
        #expect(problems.summaries == ["content/quotes/q-new.md:6: error: consent-key-lookalike"], "\(problems)")
        let hint = meant.map { "did you mean '\($0)'?" } ?? "did you mean one of 'consent', 'consent_expires', 'consent_ref'?"
        #expect(problems.first?.message.contains(hint) == true, "\(problems)")
        #expect(outcome.site == nil)
        let loaded = try #require(SiteLoader.load(from: site.root).quotes.first { $0.location.file == "content/quotes/q-new.md" })
        #expect(loaded.consent == .invalid, "even read on its own, the quote may be shown to nobody")
    }

    @Test(arguments: ["colour: blue", "notes: asked twice", "location: Leeds", "speakr: Parent"])
    func otherUnknownKeysStayWarnings(line: String) throws {
        let outcome = try FixtureSite(copying: "valid-site", ["content/quotes/q-new.md": Self.quote(line)]).check()
        #expect(outcome.diagnostics.about("content/quotes/q-new.md").summaries == ["content/quotes/q-new.md:6: warning: unknown-key"])
        #expect(outcome.site != nil)
    }

    @Test(arguments: ["consent_expiry", "Concent", "consent expires date"])
    func misspeltConsentColumnIsAnErrorAndNoRowIsPublished(column: String) throws {
        let csv = "text,speaker,programme,themes,consent,\(column)\nA row,Parent,talent-match,hard-work,public,2020-01-01\n"
        let site = try FixtureSite(copying: "valid-site", [Self.file: csv])
        let outcome = site.check()
        #expect(outcome.diagnostics.about(Self.file).summaries == ["\(Self.file):1: error: consent-key-lookalike"])
        #expect(outcome.diagnostics.first?.location.column == 6)
        #expect(outcome.site == nil)
        #expect(SiteLoader.load(from: site.root).quotes.filter { $0.location.file == Self.file }.allSatisfy { $0.consent == .invalid })
    }

    @Test func otherUnknownColumnsStayWarnings() throws {
        let csv = "text,speaker,programme,themes,consent,Interviewer notes\nA row,Parent,talent-match,hard-work,public,x\n"
        let outcome = try FixtureSite(copying: "valid-site", [Self.file: csv]).check()
        #expect(outcome.diagnostics.about(Self.file).summaries == ["\(Self.file):1: warning: unknown-column"])
        #expect(outcome.site != nil)
    }
}
