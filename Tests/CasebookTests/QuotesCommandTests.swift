import Foundation
import TestSupport
import Testing

/// `casebook quotes`, the consent audit, run as a user runs it on a site with one quote for each
/// problem it reports.
@Suite struct QuotesCommandTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    static func quote(_ consent: String, extra: String = "", text: String) -> String {
        "---\nspeaker: Parent\nprogramme: family-hubs\nthemes: [trust]\nconsent: \(consent)\n\(extra)---\n\(text)\n"
    }

    /// Every quote's text is a canary: the audit names quotes, it never prints their words.
    static func auditSite() throws -> FixtureSite {
        try FixtureSite([
            "casebook.yml": """
                title: Audit
                base_url: https://example.org/
                require_consent_ref: true
                themes:
                  - id: trust
                    title: Trust
                programmes:
                  - id: family-hubs
                    title: Family Hubs
                """,
            "content/case-studies/drop-in.md": """
                ---
                title: Drop-in
                date: 2025-06-01
                summary: A drop-in.
                programme: family-hubs
                themes: [trust]
                quotes: [q-fine, q-gone]
                ---
                """,
            "content/quotes/q-fine.md": quote("public", extra: "consent_ref: R-1\n", text: "CANARY-FINE"),
            "content/quotes/q-soon.md": quote("public", extra: "consent_ref: R-2\nconsent_expires: 2025-09-20\n", text: "CANARY-SOON"),
            "content/quotes/q-old.md": quote("internal", extra: "consent_ref: R-3\nconsent_expires: 2025-08-01\n", text: "CANARY-OLD"),
            "content/quotes/q-gone.md": quote("withdrawn", text: "CANARY-WITHDRAWN"),
            "content/quotes/q-noref.md": quote("internal", text: "CANARY-NOREF"),
            "content/quotes/rows.csv": """
                id,text,speaker,programme,themes,consent,consent_ref
                row-formula,CANARY-ROW,"=HYPERLINK(""http://x"")",family-hubs,trust,public,R-4

                """,
        ])
    }

    struct Audit: Decodable {
        struct Quote: Decodable { let id: String, state: String, audience: String, daysLeft: Int?, hasConsentRef: Bool, referencedBy: [String] }
        struct Problem: Decodable, Equatable { let code: String, quote: String, file: String, line: Int }
        let asOf: String
        let expiringWithinDays: Int
        let counts: [String: Int]
        let quotes: [Quote]
        let problems: [Problem]
    }

    static func decode(_ result: ProcessResult) throws -> Audit {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Audit.self, from: Data(result.stdout.utf8))
    }

    @Test func reportsEachProblemAtItsLineAndFails() throws {
        let site = try Self.auditSite()
        let result = try CasebookCLI.run(["quotes", "--as-of", "2025-09-01", "--format", "json"], in: site.url)
        #expect(result.status == 1, "problems fail the run, for CI: \(result)")
        let audit = try Self.decode(result)
        #expect(audit.asOf == "2025-09-01")
        #expect(audit.expiringWithinDays == 90)
        #expect(audit.counts == ["public": 3, "internal": 1, "withdrawn": 1, "expired": 1, "invalid": 0])
        #expect(audit.problems.map(\.code) == [
            "withdrawn-referenced", "missing-consent-ref", "consent-expired", "consent-expiring",
        ], "in file and line order: \(audit.problems)")
        #expect(audit.problems[0] == .init(code: "withdrawn-referenced", quote: "q-gone", file: "content/case-studies/drop-in.md", line: 7))
        #expect(audit.problems[3].file == "content/quotes/q-soon.md" && audit.problems[3].line == 5, "\(audit.problems[3])")
        let soon = try #require(audit.quotes.first { $0.id == "q-soon" })
        #expect(soon.daysLeft == 19)
        let gone = try #require(audit.quotes.first { $0.id == "q-gone" })
        #expect(gone.referencedBy == ["drop-in"] && gone.audience == "nobody")
        #expect(audit.quotes.first { $0.id == "q-noref" }?.hasConsentRef == false)
    }

    @Test(arguments: ["text", "csv", "json"])
    func neverPrintsAQuotesWordsOrItsConsentReference(format: String) throws {
        let site = try Self.auditSite()
        let result = try CasebookCLI.run(["quotes", "--as-of", "2025-09-01", "--format", format], in: site.url)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("CANARY"), "\(result.stdout)")
        #expect(!result.stdout.contains("R-1") && !result.stdout.contains("R-2"), "consent_ref is never printed")
        #expect(result.stdout.contains("q-gone"), "quotes are named by id")
    }

    @Test func csvIsOneRowPerQuoteAndSafeToOpenInASpreadsheet() throws {
        let site = try Self.auditSite()
        let result = try CasebookCLI.run(["quotes", "--as-of", "2025-09-01", "--format", "csv"], in: site.url)
        let rows = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "id,file,line,speaker,programme,consent,state,audience,consent_expires,days_left,consent_ref,referenced_by,problems")
        #expect(rows.count == 7, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("row-formula,content/quotes/rows.csv,2,\"'=HYPERLINK(\"\"http://x\"\")\",") }, "\(rows)")
        #expect(rows.contains { $0.hasPrefix("q-old,") && $0.hasSuffix(",expired,nobody,2025-08-01,,present,,consent-expired") }, "\(rows)")
    }

    @Test func theWindowAndTheDayAreTheUsers() throws {
        let site = try Self.auditSite()
        let narrow = try Self.decode(try CasebookCLI.run(["quotes", "--as-of", "2025-09-01", "--expiring-within", "10", "--format", "json"], in: site.url))
        #expect(!narrow.problems.contains { $0.code == "consent-expiring" })
        let later = try Self.decode(try CasebookCLI.run(["quotes", "--as-of", "2025-09-21", "--format", "json"], in: site.url))
        #expect(later.problems.filter { $0.code == "consent-expired" }.map(\.quote) == ["q-old", "q-soon"])
    }

    @Test func aCleanSiteExitsZero() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["quotes", "--as-of", "2025-09-01"], in: site.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.hasSuffix("No problems.\n"))
        #expect(result.stdout.contains("public (3): everyone"), "\(result.stdout)")
    }

    @Test func aQuoteFileThatCannotBeReadIsAProblem() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/broken.md": "---\nspeaker: [unclosed\n---\nWords\n"])
        let audit = try Self.decode(try CasebookCLI.run(["quotes", "--as-of", "2025-09-01", "--format", "json"], in: site.url))
        #expect(audit.problems.map(\.code) == ["unreadable-quotes"])
        #expect(audit.problems.first?.file == "content/quotes/broken.md")
    }

    @Test(arguments: [["--expiring-within", "-1"], ["--expiring-within", "lots"], ["--format", "xml"], ["--as-of", "soon"]])
    func badOptionsAreUsageErrors(options: [String]) throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["quotes"] + options, in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout == "")
    }
}
