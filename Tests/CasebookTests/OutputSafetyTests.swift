import Foundation
import Model
import Pipeline
import Testing
import TestSupport

/// Nothing the user wrote is lost: failed builds keep the old site; foreign folders are refused.
@Suite struct OutputSafetyTests {
    @Test func aFailedBuildLeavesThePreviousSiteIntact() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        let before = try SiteFiles(folder: output)

        try fixture.edit("content/case-studies/cs-b.md", replacing: "themes: [t-beta]", with: "themes: [t-betta]")
        let failed = SiteBuilds.build(fixture.root, into: output)
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.contains { $0.code == "unknown-theme" && $0.location.file == "content/case-studies/cs-b.md" && $0.location.line == 5 })

        let after = try SiteFiles(folder: output)
        #expect(after.files == before.files)
    }

    @Test func aThemeErrorAlsoLeavesThePreviousSiteIntact() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        let before = try SiteFiles(folder: output)

        try fixture.write("themes/default/templates/home.mustache", "{{<layout}}{{$main}}{{#broken}}{{/main}}{{/layout}}\n")
        let failed = SiteBuilds.build(fixture.root, into: output)
        let diagnostic = try #require(failed.diagnostics.first { $0.severity == .error })
        #expect(diagnostic.location.file == "themes/default/templates/home.mustache")
        #expect(diagnostic.location.line == 1)
        #expect(try SiteFiles(folder: output).files == before.files)
    }

    /// Pages are written into the staging copy while others render; a failure after some were
    /// written (here the last step, a static file where a page's folder is) must still leave the
    /// previous site served, and the next good build must be exactly the first one.
    @Test func aFailureAfterPagesWereWrittenLeavesThePreviousSiteIntact() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        let before = try SiteFiles(folder: output)

        try fixture.write("static/case-studies", "a file where the case-study folder goes\n")
        try fixture.edit("content/case-studies/cs-a.md", replacing: "title: Case A", with: "title: Changed A")
        let failed = SiteBuilds.build(fixture.root, into: output)
        #expect(!failed.succeeded)
        #expect(failed.failure?.contains("case-studies") == true, "\(failed.failure ?? "no failure")")
        #expect(try SiteFiles(folder: output).files == before.files)

        try fixture.remove("static/case-studies")
        try fixture.edit("content/case-studies/cs-a.md", replacing: "title: Changed A", with: "title: Case A")
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        #expect(try SiteFiles(folder: output).files == before.files)
    }

    @Test func aRebuildRemovesPagesThatNoLongerExist() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        #expect(FileManager.default.fileExists(atPath: output + "/case-studies/cs-b/index.html"))
        try fixture.remove("content/case-studies/cs-b.md")
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        #expect(!FileManager.default.fileExists(atPath: output + "/case-studies/cs-b/index.html"))
        #expect(FileManager.default.fileExists(atPath: output + "/case-studies/cs-a/index.html"))
        // The third build writes into the first one's folder (the swapped-out copy), which still
        // holds the page: it must go, and its emptied folder with it.
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        #expect(!FileManager.default.fileExists(atPath: output + "/case-studies/cs-b"))
        #expect(FileManager.default.fileExists(atPath: output + "/case-studies/cs-a/index.html"))
        let fresh = SiteBuilds.temporaryOutput()
        try #require(SiteBuilds.build(fixture.root, into: fresh).succeeded)
        #expect(try SiteFiles(folder: output).files == SiteFiles(folder: fresh).files)
    }

    @Test func aFolderCasebookDidNotMakeIsNeverReplaced() throws {
        let fixture = try FixtureSite(copying: "evidence-site", ["notes/plan.md": "Our plan.\n"])
        let outcome = SiteBuilds.build(fixture.root, into: fixture.path("notes"))
        #expect(!outcome.succeeded)
        #expect(outcome.failure?.contains("refusing to replace") == true)
        #expect(try fixture.read("notes/plan.md") == "Our plan.\n")
    }
}

/// `build --strict` is for CI: a warning fails the build and nothing is written.
@Suite struct StrictBuildTests {
    @Test func warningsStopAStrictBuild() throws {
        let fixture = try FixtureSite(copying: "evidence-site")  // q5's expired consent is a warning
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let strict = SiteBuild(options: .init(folder: fixture.root, output: output, strict: true), clock: SiteBuilds.clock).run()
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.contains { $0.code == "consent-expired" && $0.severity == .error })
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(SiteBuilds.build(fixture.root, into: output).succeeded, "without --strict the warning does not stop the build")
    }
}
