import Foundation
import Model
import TestSupport
import Testing

/// `casebook init`, run as a user runs it: what it writes, what it refuses, and the new site.
@Suite struct InitCommandTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    static let starterFiles = [
        "casebook.yml", "content/case-studies/youth-panel-shapes-grants.md", "content/case-studies/parents-redesign-drop-in.md",
        "content/quotes/youth-panel-member.md", "content/quotes/interviews.csv", "content/pages/about.md", ".gitignore",
        ".github/workflows/casebook.yml",
    ]

    @Test func writesAStarterSiteThatPassesStrictCheck() throws {
        let folder = try FixtureSite()
        let result = try CasebookCLI.run(["init", "new-site"], in: folder.url)
        #expect(result.status == 0, "\(result)")
        for file in Self.starterFiles {
            #expect(FileManager.default.fileExists(atPath: folder.path("new-site/" + file)), "\(file) was not written")
        }
        let check = try CasebookCLI.run(["check", "--strict", folder.path("new-site")])
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr.contains("Checked 2 case studies, 4 quotes (3 public, 1 internal), 2 programmes, 2 themes, 1 page."), "\(check)")
        #expect(try CasebookCLI.run(["quotes", folder.path("new-site")]).status == 0, "the starter's consent audit is clean")
    }

    /// Editors, `git diff` and `cat` all expect a text file's last line to end with a newline.
    @Test func everyFileEndsWithExactlyOneNewline() throws {
        let folder = try FixtureSite()
        #expect(try CasebookCLI.run(["init"], in: folder.url).status == 0)
        for file in Self.starterFiles {
            let text = try folder.read(file)
            #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"), "\(file) does not end with exactly one newline")
        }
    }

    @Test func everyKeyOfTheStarterConfigHasAComment() throws {
        let folder = try FixtureSite()
        #expect(try CasebookCLI.run(["init"], in: folder.url).status == 0)
        let lines = try folder.read("casebook.yml").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() where line.first?.isLetter == true {
            let previous = index > 0 ? lines[index - 1] : ""
            #expect(previous.hasPrefix("#") || line.contains(" # "), "top-level key without a comment: \(line)")
        }
    }

    @Test func ignoresTheOutputsAndStagingFolders() throws {
        let folder = try FixtureSite()
        #expect(try CasebookCLI.run(["init"], in: folder.url).status == 0)
        let lines = Set(try folder.read(".gitignore").split(separator: "\n").map(String.init))
        #expect(lines.isSuperset(of: ["/_site/", "/_reports/", "/.*.casebook-stage/"]))
    }

    /// The workflow is checked against GitHub's workflow schema (SchemaStore's, vendored in
    /// check-jsonschema, which needs no network). The tool is installed by
    /// `scripts/install-deps.sh --test`; without it this test fails and says so.
    @Test func workflowPassesGitHubsWorkflowSchema() throws {
        let folder = try FixtureSite()
        #expect(try CasebookCLI.run(["init"], in: folder.url).status == 0)
        let linter = try #require(WorkflowLinter.find(), WorkflowLinter.missing)
        let result = try ProcessRunner.run(
            linter, ["--builtin-schema", "vendor.github-workflows", folder.path(".github/workflows/casebook.yml")])
        #expect(result.status == 0, "\(result)")
    }

    @Test func theLinterCatchesABrokenWorkflow() throws {
        let folder = try FixtureSite([".github/workflows/broken.yml": "on: push\njobs:\n  build:\n    runs-onn: ubuntu-latest\n    steps: []\n"])
        let linter = try #require(WorkflowLinter.find(), WorkflowLinter.missing)
        let result = try ProcessRunner.run(
            linter, ["--builtin-schema", "vendor.github-workflows", folder.path(".github/workflows/broken.yml")])
        #expect(result.status == 1, "a workflow without runs-on must fail the schema: \(result)")
    }

    @Test func workflowChecksBuildsAndKeepsInternalReportsOutOfPublicRepositories() throws {
        let folder = try FixtureSite()
        #expect(try CasebookCLI.run(["init"], in: folder.url).status == 0)
        let workflow = try folder.read(".github/workflows/casebook.yml")
        // Pinned at the release tag of the casebook that wrote it (tags are vX.Y.Z; no moving v1).
        #expect(workflow.contains("uses: casebook/casebook@v\(CasebookVersion.current)\n"))
        #expect(workflow.contains("run: casebook check --format github"))
        #expect(workflow.contains("run: casebook build --pdf"))
        #expect(workflow.contains("path: _site/"))
        // `casebook report` builds internal reports too: only in a private repository.
        let report = try #require(workflow.range(of: "run: casebook report --pdf"))
        let before = workflow[..<report.lowerBound].split(separator: "\n").dropLast().last ?? ""
        #expect(before.contains("if: github.event.repository.private == true"), "\(before)")
    }

    @Test func refusesAFolderThatHoldsASite() throws {
        let site = try FixtureSite(copying: "valid-site")
        let config = try site.read("casebook.yml")
        let about = try site.read("content/pages/about.md")
        let result = try CasebookCLI.run(["init", site.root])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("already holds a casebook site"), "\(result)")
        #expect(result.stderr.contains("--force"))
        #expect(try site.read("casebook.yml") == config)
        #expect(try site.read("content/pages/about.md") == about)
        #expect(!FileManager.default.fileExists(atPath: site.path(".github")), "nothing was written")
    }

    @Test func refusesToOverwriteAnyFileWithoutForceAndWritesNothing() throws {
        let folder = try FixtureSite(["content/pages/about.md": "---\ntitle: Our own about page\n---\n"])
        let result = try CasebookCLI.run(["init", "--format", "json", folder.root])
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains("would overwrite content/pages/about.md"), "\(result)")
        #expect(try folder.read("content/pages/about.md") == "---\ntitle: Our own about page\n---\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("casebook.yml")), "nothing was written")
    }

    @Test func forceReplacesOnlyItsOwnFilesAndListsThem() throws {
        let folder = try FixtureSite([
            "casebook.yml": "title: Old\n", "content/pages/team.md": "---\ntitle: Team\n---\n",
        ])
        let result = try CasebookCLI.run(["init", "--force", "--format", "json", folder.root])
        #expect(result.status == 0, "\(result)")
        struct Outcome: Decodable { let folder: String, created: [String], replaced: [String], updated: [String] }
        let outcome = try JSONDecoder().decode(Outcome.self, from: Data(result.stdout.utf8))
        #expect(outcome.folder == folder.root)
        #expect(outcome.replaced == ["casebook.yml"])
        #expect(outcome.created == Self.starterFiles.filter { $0 != "casebook.yml" })
        #expect(outcome.updated == [])
        #expect(try folder.read("content/pages/team.md") == "---\ntitle: Team\n---\n", "a file init does not write is left alone")
        #expect(try folder.read("casebook.yml").contains("title: What we learned"))
    }

    @Test func anExistingGitignoreGainsTheMissingLinesAndKeepsItsOwn() throws {
        let folder = try FixtureSite([".gitignore": "node_modules/\n/_site/"])
        let result = try CasebookCLI.run(["init", folder.root])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("updated   .gitignore"), "\(result)")
        let lines = try folder.read(".gitignore").split(separator: "\n").map(String.init)
        #expect(lines.first == "node_modules/")
        #expect(lines.filter { $0 == "/_site/" }.count == 1, "a line already there is not added again: \(lines)")
        #expect(lines.contains("/_reports/") && lines.contains("/.*.casebook-stage/"))
    }

    @Test func neverWritesThroughASymbolicLink() throws {
        let elsewhere = try FixtureSite()
        let folder = try FixtureSite()
        try folder.symlink("content", to: elsewhere.root)
        let result = try CasebookCLI.run(["init", folder.root])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("content is not a folder"), "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.root).isEmpty, "nothing was written through the link")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root) == ["content"], "nothing was written at all")
    }

    @Test func aFileWhereTheFolderShouldBeIsAUsageError() throws {
        let folder = try FixtureSite(["site": "not a folder"])
        let result = try CasebookCLI.run(["init", folder.path("site")])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("is not a folder"), "\(result)")
    }
}

/// check-jsonschema, which validates GitHub workflow files offline against its vendored schema.
enum WorkflowLinter {
    static let missing: Comment = """
        check-jsonschema is not installed, so the starter workflow cannot be checked: \
        run scripts/install-deps.sh --test (or set CASEBOOK_CHECK_JSONSCHEMA to its path)
        """

    static func find() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["CASEBOOK_CHECK_JSONSCHEMA"], "/opt/casebook/check-jsonschema/bin/check-jsonschema"]
            .compactMap { $0 }.map { URL(fileURLWithPath: $0) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? PackagePaths.onPath("check-jsonschema")
    }
}
