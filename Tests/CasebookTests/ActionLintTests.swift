import Foundation
import Model
import TestSupport
import Testing

/// The GitHub Action (`action.yml`) and the example Pages workflow, checked as GitHub would
/// read them: check-jsonschema validates each against the schema it ships for its kind
/// (`WorkflowLinter`, as for the workflow `casebook init` writes; it needs no network).
@Suite struct ActionLintTests {
    static let files: [(path: String, schema: String)] = [
        ("action.yml", "vendor.github-actions"),
        ("docs/examples/github-pages.yml", "vendor.github-workflows"),
    ]

    static func linter() throws -> URL {
        try #require(WorkflowLinter.find(), WorkflowLinter.missing)
    }

    @Test(arguments: files.map(\.path)) func passesTheLinter(_ path: String) throws {
        let schema = Self.files.first { $0.path == path }!.schema
        let result = try ProcessRunner.run(
            Self.linter(), ["--builtin-schema", schema, PackagePaths.root.appendingPathComponent(path).path])
        #expect(result.status == 0, "\(path) fails \(schema): \(result)")
    }

    /// The linter run above can fail: a misspelt key is caught.
    @Test func theLinterRejectsABrokenAction() throws {
        let text = try String(contentsOf: PackagePaths.root.appendingPathComponent("action.yml"), encoding: .utf8)
        let broken = TestScratch.path("action", suffix: ".yml")
        try FileManager.default.createDirectory(at: broken.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.replacingOccurrences(of: "using: composite", with: "usng: composite").write(to: broken, atomically: true, encoding: .utf8)
        let result = try ProcessRunner.run(Self.linter(), ["--builtin-schema", "vendor.github-actions", broken.path])
        #expect(result.status != 0, "\(result)")
    }

    /// An input pasted into a `run:` script runs as shell code (script injection); here every
    /// `${{ … }}` is the whole value of a key (an `env:` entry, `with:`, `value:`), never script text.
    @Test(arguments: files.map(\.path)) func expressionsNeverReachAScript(_ path: String) throws {
        let text = try String(contentsOf: PackagePaths.root.appendingPathComponent(path), encoding: .utf8)
        let wholeValue = /^\s*(- )?[A-Za-z_][A-Za-z0-9_-]*: \$\{\{ [^}]* \}\}\/?$/
        let offending = text.split(separator: "\n").filter { $0.contains("${{") && $0.wholeMatch(of: wholeValue) == nil }
        #expect(offending.isEmpty, "\(path): expressions outside a key's whole value: \(offending)")
    }

    /// The action installs, by default, the release it was released with.
    @Test func theActionsDefaultVersionIsThisVersion() throws {
        let text = try String(contentsOf: PackagePaths.root.appendingPathComponent("action.yml"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "  version:"), "action.yml has no version input")
        let rest = lines[(start + 1)...].prefix { $0.hasPrefix("    ") }
        #expect(rest.contains("    default: \(CasebookVersion.current)"), "\(rest)")
    }
}
