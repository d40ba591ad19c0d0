import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// Consent expiry is judged on the real date (or `--as-of`), never on `SOURCE_DATE_EPOCH`, which
/// CI sets to the last commit's time and which only fixes the dates written into the output.
@Suite struct ConsentClockTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    /// Consent that ended on 2025-09-02, built by a CI job whose last commit is of 2025-09-01.
    static func siteWithConsentEndingAfterTheCommit() throws -> FixtureSite {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("content/quotes/q-valued.md", replacing: "consent: public", with: "consent: public\nconsent_expires: 2025-09-02")
        return site
    }

    @Test func sourceDateEpochDoesNotBringExpiredConsentBack() throws {
        let site = try Self.siteWithConsentEndingAfterTheCommit()
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CasebookCLI.run(["build", site.root, "--output", output], environment: ["SOURCE_DATE_EPOCH": CasebookCLI.fixedEpoch])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("content/quotes/q-valued.md:6:10: warning: consent expired on 2025-09-02"), "\(result)")
        let files = try SiteFiles(folder: output)
        #expect(files.containing("people want to hear what I think").isEmpty, "the expired quote was published")
        // The dates written into the output still come from SOURCE_DATE_EPOCH.
        #expect(files.text("reports/lessons-learned/report.json")?.contains("\"date\" : \"2025-09-01\"") == true)
        #expect(!result.stderr.contains("as of"), "no --as-of, no note")
    }

    @Test func asOfJudgesConsentAndIsPrintedInTheSummary() throws {
        let site = try Self.siteWithConsentEndingAfterTheCommit()
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CasebookCLI.run(["build", site.root, "--output", output, "--as-of", "2025-09-02"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("warning: consent expires on 2025-09-02, in 0 days"), "\(result)")
        #expect(result.stderr.contains("(as of 2025-09-02)\n"), "\(result.stderr)")
        #expect(!(try SiteFiles(folder: output)).containing("people want to hear what I think").isEmpty)

        let reports = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        let report = try CasebookCLI.run(["report", site.root, "--output", reports, "--as-of", "2025-09-03"])
        #expect(report.status == 0, "\(report)")
        #expect(report.stderr.contains("consent expired on 2025-09-02"), "\(report)")
        #expect(report.stderr.contains("(as of 2025-09-03)\n"), "\(report.stderr)")
    }

    @Test func theTwoClocksComeFromTheirOwnSources() {
        let asOf = Day(year: 2024, month: 2, day: 29)!
        let both = BuildClock.fromEnvironment(asOf: asOf, ["SOURCE_DATE_EPOCH": "86400"])
        #expect(both.consentDay() == ConsentDay(asOf))
        #expect(both.stamp() == StampTime(unixTime: 86400))
        #expect(BuildClock(asOf: asOf).stamp().day == asOf, "without SOURCE_DATE_EPOCH the stamp is --as-of's day")

        // Without --as-of consent is judged on the real date, whatever the environment says.
        let epochOnly = BuildClock.fromEnvironment(["SOURCE_DATE_EPOCH": "86400"])
        #expect(epochOnly.stamp().day == Day(year: 1970, month: 1, day: 2)!)
        let today = Day(unixTime: Int(Date().timeIntervalSince1970))
        #expect(epochOnly.consentDay().day.daysSinceEpoch >= today.daysSinceEpoch - 1)
    }
}
