import Foundation
import Pipeline
import Testing
import TestSupport

/// A careless `--output` must not put internal reports where the website is published from, nor
/// an output where the site reads its input.
@Suite struct OutputPlacementTests {
    static let internalCanary = "CANARY-INTERNAL-7f3a"

    func report(_ site: FixtureSite, into output: String) -> ReportBuild.Outcome {
        ReportBuild(options: .init(folder: site.root, output: output), clock: SiteBuilds.clock).run()
    }

    @Test func reportsAreNeverWrittenOverTheWebsite() throws {
        let site = try FixtureSite(copying: "evidence-site")
        let output = site.path("_site")
        try #require(SiteBuilds.build(site.root, into: output).succeeded)
        let before = try SiteFiles(folder: output)

        let outcome = report(site, into: output)
        #expect(outcome.failure?.contains("holds a casebook website") == true, "\(outcome.failure ?? "no failure")")
        let after = try SiteFiles(folder: output)
        #expect(after.files == before.files, "the website is untouched")
        #expect(after.containing(Self.internalCanary).isEmpty)
    }

    @Test func aWebsiteIsNeverWrittenOverReports() throws {
        let site = try FixtureSite(copying: "evidence-site")
        let output = site.path("_reports")
        try #require(report(site, into: output).succeeded)
        let before = try SiteFiles(folder: output)
        #expect(!before.containing(Self.internalCanary).isEmpty, "the internal report holds the internal quote")

        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.failure?.contains("holds casebook's reports") == true, "\(outcome.failure ?? "no failure")")
        #expect(try SiteFiles(folder: output).files == before.files)
    }

    @Test(arguments: ["static/reports", "static", "content/out", "themes/default/x", ".", "static/../static/r"])
    func outputsInsideWhatTheSiteReadsAreRefused(_ folder: String) throws {
        let site = try FixtureSite(copying: "evidence-site", ["static/robots.txt": "User-agent: *\n"])
        let output = site.path(folder)
        let reported = report(site, into: output)
        #expect(reported.failure != nil, "report --output \(folder)")
        let built = SiteBuilds.build(site.root, into: output)
        #expect(built.failure != nil, "build --output \(folder)")
        // Nothing was written there: the next build would have read it back, or published it.
        #expect(try SiteFiles(folder: site.root).containing(Self.internalCanary).allSatisfy { $0.hasPrefix("content/") })
    }

    @Test func aLinkToStaticIsStaticToo() throws {
        let site = try FixtureSite(copying: "evidence-site", ["static/robots.txt": "User-agent: *\n"])
        let link = TestScratch.path("casebook-link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: site.path("static"))
        defer { try? FileManager.default.removeItem(atPath: link) }
        #expect(report(site, into: link + "/r").failure?.contains("static/") == true)
    }

    /// Folders written before outputs said what they hold are still replaced by either command.
    @Test func anOutputFromBeforeKindsWereMarkedIsStillReplaced() throws {
        let site = try FixtureSite(copying: "evidence-site")
        let output = site.path("_site")
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        try Data("This folder is written by casebook; it is replaced on every build.\n".utf8)
            .write(to: URL(fileURLWithPath: output + "/.casebook-output"))
        #expect(SiteBuilds.build(site.root, into: output).succeeded)
    }
}
