import Foundation
import TestSupport
import Testing

/// The README's exit statuses hold for every command: 2 for usage problems, which include a
/// folder without casebook.yml; 1 for problems in the content.
@Suite struct ExitStatusTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    /// `serve` takes the same `SiteFolder` argument; it is left out here because, were the check
    /// to regress, it would start serving and the test would never end.
    @Test(arguments: [
        ["check"], ["check", "--format", "json"], ["build"], ["report"], ["quotes"], ["new", "page", "About us"],
    ])
    func aFolderWithoutCasebookYmlIsAUsageError(command: [String]) throws {
        let folder = try FixtureSite(["content/pages/about.md": "---\ntitle: About\n---\n"])
        let result = try CasebookCLI.run(command + (command.first == "new" ? [] : [folder.root]), in: folder.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("no casebook.yml in"), "\(result)")
        #expect(result.stdout == "")
        #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.root).sorted() == ["content", "content/pages", "content/pages/about.md"],
                "nothing was written")
    }

    @Test(arguments: ["init", "new", "check", "build", "report", "serve", "quotes", "doctor", "markdown"])
    func unknownOptionsAreUsageErrors(command: String) throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run([command, "--no-such-option"], in: site.url)
        #expect(result.status == 2, "\(result)")
    }

    @Test(arguments: ["init", "new", "check", "build", "report", "serve", "quotes", "doctor", "markdown"])
    func everyCommandsHelpHasAnExample(command: String) throws {
        let result = try CasebookCLI.run([command, "--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("casebook \(command)"), "\(result.stdout)")
        let example = result.stdout.range(of: "Example")
        #expect(example != nil, "no example in `casebook \(command) --help`")
    }
}
