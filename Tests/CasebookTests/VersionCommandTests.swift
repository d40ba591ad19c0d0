import Foundation
import Model
import TestSupport
import Testing

/// `casebook --version` and `casebook version`, what a bug report quotes. Run against the debug
/// build by `swift test` and against the release binary by scripts/release.sh, so both forms of
/// the build line are accepted here; release-smoke.sh checks the release's commit exactly.
@Suite struct VersionCommandTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    /// `0.1.0 (development build)` from a checkout, `0.1.0 (commit <40 hex>)` from a release.
    static func isVersion(_ line: String) -> Bool {
        let prefix = "\(CasebookVersion.current) ("
        return line.hasPrefix(prefix) && line.dropFirst(prefix.count).wholeMatch(of: /development build\)|commit [0-9a-f]{40}\)/) != nil
    }

    @Test func versionFlagPrintsTheVersionAndTheBuild() throws {
        let result = try CasebookCLI.run(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.count == 1 && Self.isVersion(result.stdoutLines[0]), "\(result)")
    }

    struct Report: Decodable {
        struct Engine: Decodable { let name: String, version: String, path: String }
        let version: String
        let commit: String?
        let libcmark: String
        let pdfEngines: [Engine]
    }

    @Test func jsonNamesLibcmarkAsTheCmarkCommandDoesAndTheEnginesFound() throws {
        let result = try CasebookCLI.run(["version", "--json"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("\"commit\" : "), "commit is always present, null for a development build: \(result.stdout)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.version == CasebookVersion.current)
        #expect(report.commit.map { $0.wholeMatch(of: /[0-9a-f]{40}/) != nil } ?? true, "\(result.stdout)")

        // The cmark command (Debian's `cmark`, built from the same source) prints "cmark 0.30.2 - …".
        let cmark = try #require(PackagePaths.onPath("cmark"), "the cmark command is missing (scripts/install-deps.sh installs it)")
        let cmarkVersion = try ProcessRunner.run(cmark, ["--version"]).stdout.split(separator: " ").dropFirst().first.map(String.init)
        #expect(report.libcmark == cmarkVersion, "\(result.stdout)")

        let weasyprint = try #require(PackagePaths.onPath("weasyprint"), "WeasyPrint is missing (scripts/install-deps.sh --test)")
        let engine = try #require(report.pdfEngines.first, "no PDF engine listed: \(result.stdout)")
        #expect(engine.name == "weasyprint" && engine.path == weasyprint.path && engine.version.first?.isNumber == true, "\(result.stdout)")
    }

    @Test func noEngineOnThePathIsSaidPlainly() throws {
        let empty = TestScratch.path("empty-path")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let json = try CasebookCLI.run(["version", "--json"], environment: ["PATH": empty.path])
        #expect(try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8)).pdfEngines.isEmpty, "\(json)")
        let text = try CasebookCLI.run(["version"], environment: ["PATH": empty.path])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdoutLines.count == 3 && text.stdoutLines[0].hasPrefix("casebook ")
                && Self.isVersion(String(text.stdoutLines[0].dropFirst("casebook ".count))), "\(text)")
        #expect(text.stdoutLines.dropFirst().first?.hasPrefix("libcmark ") == true)
        #expect(text.stdoutLines.last == "PDF engines: none found", "\(text)")
    }

    @Test func theChangelogHasAnEntryForThisVersion() throws {
        let changelog = try String(contentsOf: PackagePaths.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("\n## [\(CasebookVersion.current)] - "), "CHANGELOG.md has no entry for \(CasebookVersion.current)")
    }
}
