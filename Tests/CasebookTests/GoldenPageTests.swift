import Foundation
import Pipeline
import Testing
import TestSupport

/// Representative pages of the evidence fixture, compared byte for byte with reviewed copies in
/// Snapshots/. After an intended change to the theme or renderer, re-record and review the diff:
///     CASEBOOK_RECORD=1 swift test --filter GoldenPageTests   (fails on purpose), then git diff
@Suite struct GoldenPageTests {
    static let pages = [
        ("case-studies/cs-a/index.html", "golden-case-study.html"),
        ("themes/t-alpha/index.html", "golden-theme.html"),
        ("quotes/index.html", "golden-quotes.html"),
        ("feed.xml", "golden-feed.xml"),
        ("data/quotes.csv", "golden-quotes.csv"),
        ("reports/public-all/index.html", "golden-report.html"),
    ]

    @Test(arguments: pages)
    func pageMatchesItsGoldenCopy(page: String, golden: String) throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(fixture.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let text = try String(contentsOfFile: output + "/" + page, encoding: .utf8)
        Snapshot.assertMatches(text, named: golden)
    }
}
