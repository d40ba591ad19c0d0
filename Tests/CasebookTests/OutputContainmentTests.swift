import Foundation
import Model
import SystemSupport
import TestSupport
import Testing

@testable import Write

/// The writer's own guarantee, whatever the stages before it let through: it writes only
/// strictly inside the output folder, and never through a symbolic link it finds there.
@Suite struct OutputContainmentTests {
    @Test(arguments: ["../escape.html", "a/../../escape.html", "/tmp/escape.html", "a//b.html", "a/./b.html", "", "a/", ".", "a\0b"])
    func pathsOutsideTheOutputAreRefused(path: String) throws {
        #expect(throws: WriteError.self) { try OutputPath(path) }
        let folder = TestScratch.path("casebook-contain")
        let output = folder.appendingPathComponent("site").path
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let writer = OutputWriter(output: output)
        #expect(throws: WriteError.self) {
            try writer.write([OutputFile(path: "index.html", text: "fine"), OutputFile(path: path, text: "escaped")])
        }
        #expect(!FileManager.default.fileExists(atPath: output), "a refused file fails the whole output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { $0.hasSuffix(".casebook-stage") })
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escape.html"))
    }

    @Test func plainRelativePathsAreAccepted() throws {
        #expect(try OutputPath("case-studies/a/index.html").segments == ["case-studies", "a", "index.html"])
        #expect(try OutputPath(".casebook-output").segments == [".casebook-output"])
    }

    /// Three builds: the third writes into the staging folder, the first build's output, where
    /// links were planted: to a file outside, to a folder outside, and a stale one to a folder
    /// outside whose files the sweep of stale files must not delete.
    @Test func linksInTheReusedStagingFolderAreReplacedNotFollowed() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let outside = try FixtureSite(["canary.txt": "outside, unchanged\n", "folder/keep.txt": "outside file\n"])
        let parent = TestScratch.path("casebook-links")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let output = parent.appendingPathComponent("site").path
        let staging = parent.appendingPathComponent(".site.casebook-stage").path
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        try #require(FileManager.default.fileExists(atPath: staging + "/index.html"))

        let fm = FileManager.default
        try fm.removeItem(atPath: staging + "/index.html")
        try fm.createSymbolicLink(atPath: staging + "/index.html", withDestinationPath: outside.path("canary.txt"))
        try fm.removeItem(atPath: staging + "/case-studies")
        try fm.createSymbolicLink(atPath: staging + "/case-studies", withDestinationPath: outside.path("folder"))
        try fm.createSymbolicLink(atPath: staging + "/stale-link", withDestinationPath: outside.path("folder"))
        try fm.removeItem(atPath: staging + "/themes/t-alpha/index.html")
        try fm.linkItem(atPath: outside.path("canary.txt"), toPath: staging + "/themes/t-alpha/index.html")  // a hard link

        try fixture.edit("content/case-studies/cs-a.md", replacing: "title: Case A", with: "title: Case A, changed")
        let third = SiteBuilds.build(fixture.root, into: output)
        try #require(third.succeeded, "\(third.failure ?? "") \(third.diagnostics)")

        #expect(try outside.read("canary.txt") == "outside, unchanged\n")
        #expect(try fm.contentsOfDirectory(atPath: outside.path("folder")) == ["keep.txt"])
        #expect(try outside.read("folder/keep.txt") == "outside file\n")
        #expect(DirectoryEntries.kind(atPath: output + "/case-studies", following: false) == .folder)
        #expect(DirectoryEntries.kind(atPath: output + "/index.html", following: false) == .file)
        #expect(!fm.fileExists(atPath: output + "/stale-link"))
        let fresh = SiteBuilds.temporaryOutput()
        try #require(SiteBuilds.build(fixture.root, into: fresh).succeeded)
        #expect(try SiteFiles(folder: output).files == SiteFiles(folder: fresh).files)
    }

    /// The staging folder itself as a link (to a folder casebook wrote elsewhere): it is removed,
    /// and the folder it pointed at is left alone.
    @Test func aLinkedStagingFolderIsNotFollowed() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let parent = TestScratch.path("casebook-links")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let elsewhere = parent.appendingPathComponent("elsewhere").path
        try #require(SiteBuilds.build(fixture.root, into: elsewhere).succeeded)
        let before = try SiteFiles(folder: elsewhere)
        try FileManager.default.createSymbolicLink(
            atPath: parent.appendingPathComponent(".site.casebook-stage").path, withDestinationPath: elsewhere)
        try fixture.edit("content/case-studies/cs-a.md", replacing: "title: Case A", with: "title: Case A, changed")
        let outcome = SiteBuilds.build(fixture.root, into: parent.appendingPathComponent("site").path)
        try #require(outcome.succeeded, "\(outcome.failure ?? "")")
        #expect(try SiteFiles(folder: elsewhere).files == before.files)
    }
}
