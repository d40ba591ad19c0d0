import Foundation
import Model
import TestSupport
import Testing

/// What users keep in the output folder survives every build: publishing to a `gh-pages`
/// checkout is common, and its `.git` was deleted by the swap of the output with the staging folder.
@Suite struct KeptOutputTests {
    /// A fresh `gh-pages` checkout: `.git` and the custom-domain file, nothing of casebook's yet.
    static func checkout() throws -> String {
        let output = SiteBuilds.temporaryOutput()
        let fm = FileManager.default
        try fm.createDirectory(atPath: output + "/.git/refs/heads", withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: URL(fileURLWithPath: output + "/.git/HEAD"))
        try Data([0, 1, 2, 255]).write(to: URL(fileURLWithPath: output + "/.git/index"))
        try Data("cases.example.org\n".utf8).write(to: URL(fileURLWithPath: output + "/CNAME"))
        return output
    }

    static func kept(in output: String) throws -> [String: [UInt8]] {
        try SiteFiles(folder: output).files.filter { $0.key.hasPrefix(".git/") || $0.key == "CNAME" }
    }

    @Test func keptFilesSurviveRebuildsByteForByte() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        try fixture.write("casebook.yml", try fixture.read("casebook.yml") + "\nkeep: [.git, CNAME]\n")
        let output = try Self.checkout()
        let before = try Self.kept(in: output)
        #expect(before.count == 3)

        for round in 1...3 {
            let outcome = SiteBuilds.build(fixture.root, into: output)
            try #require(outcome.succeeded, "round \(round): \(outcome.failure ?? "") \(outcome.diagnostics)")
            #expect(try Self.kept(in: output) == before, "round \(round)")
            #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
        }

        // A failed build changes nothing at all.
        let site = try SiteFiles(folder: output)
        try fixture.edit("content/case-studies/cs-b.md", replacing: "themes: [t-beta]", with: "themes: [t-betta]")
        #expect(!SiteBuilds.build(fixture.root, into: output).succeeded)
        #expect(try SiteFiles(folder: output).files == site.files)
    }

    /// Without `keep:`, `.git` is kept; anything else the user put there still makes the folder
    /// not casebook's to replace.
    @Test func gitIsKeptByDefaultAndOtherFilesAreStillRefused() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = try Self.checkout()
        let refused = SiteBuilds.build(fixture.root, into: output)
        #expect(refused.failure?.contains("refusing to replace") == true, "CNAME is not kept by default")
        #expect(try Self.kept(in: output).count == 3)

        try FileManager.default.removeItem(atPath: output + "/CNAME")
        let gitOnly = try Self.kept(in: output)
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        #expect(try Self.kept(in: output) == gitOnly)
    }

    /// A kept name the build writes itself (`static/CNAME`) is the build's: its copy wins.
    @Test func aFileTheBuildWritesReplacesTheKeptOne() throws {
        let fixture = try FixtureSite(copying: "evidence-site", ["static/CNAME": "new.example.org\n"])
        try fixture.write("casebook.yml", try fixture.read("casebook.yml") + "\nkeep: [.git, CNAME]\n")
        let output = try Self.checkout()
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        #expect(try String(contentsOfFile: output + "/CNAME", encoding: .utf8) == "new.example.org\n")
        #expect(FileManager.default.fileExists(atPath: output + "/.git/HEAD"))

        // Without static/CNAME the last one written is kept, like any kept file, build after build.
        try fixture.remove("static/CNAME")
        for round in 1...2 {
            let outcome = SiteBuilds.build(fixture.root, into: output)
            try #require(outcome.succeeded, "round \(round): \(outcome.failure ?? "")")
            #expect(try String(contentsOfFile: output + "/CNAME", encoding: .utf8) == "new.example.org\n")
        }
    }

    @Test(arguments: ["a/b", "..", "*", "??"])
    func keepEntriesMustBeTopLevelNames(entry: String) throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.write("casebook.yml", try site.read("casebook.yml") + "keep: ['\(entry)']\n")
        #expect(site.check().diagnostics.summaries == ["casebook.yml:24: error: invalid-keep"])
    }
}
