import Foundation
import TestSupport
import Testing

/// The README's exit statuses hold for every command: 2 for usage problems, which include a
/// folder without casebook.yml; 1 for problems in the content.
@Suite struct ExitStatusTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    /// Every subcommand, as `casebook --help` lists it: a command added later is walked too.
    static let subcommands: [String] = {
        guard CasebookCLI.isBuilt, let help = try? CasebookCLI.run(["--help"]).stdout,
            let listing = help.range(of: "SUBCOMMANDS:\n")
        else { return [] }
        // Names stand two spaces in; their descriptions' continuation lines stand further in.
        let lines = help[listing.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
        return lines.prefix { !$0.isEmpty }.compactMap { line in
            guard line.hasPrefix("  "), line.dropFirst(2).first?.isLetter == true else { return nil }
            return line.dropFirst(2).split(separator: " ").first.map(String.init)
        }
    }()

    /// The commands that read no site, and so run in a folder without casebook.yml: `init` makes
    /// one, `doctor` reports on the machine as well, `markdown` and `version` read no site at all.
    static let siteless: Set = ["init", "doctor", "markdown", "version"]

    @Test func theHelpListsEveryCommand() {
        #expect(Self.subcommands.count >= 10, "\(Self.subcommands)")
        #expect(Self.siteless.isSubset(of: Self.subcommands))
    }

    /// Every other command, with only its folder as argument, in a folder without casebook.yml.
    /// `serve` would serve were the check to regress: it is stopped after a minute (and then ends
    /// by a signal, which fails the test) rather than waited for.
    @Test func everyCommandThatReadsASiteExitsTwoWithoutCasebookYml() throws {
        let commands = Self.subcommands.filter { !Self.siteless.contains($0) }
        #expect(commands.count >= 6, "\(commands)")
        for command in commands {
            let folder = try FixtureSite(["content/pages/about.md": "---\ntitle: About\n---\n"])
            let arguments = command == "new" ? ["new", "page", "About us"] : [command, folder.root]
            let result = try CasebookCLI.run(arguments, in: folder.url, stopAfter: .seconds(60))
            #expect(result.status == 2, "casebook \(command): \(result)")
            #expect(result.stderr.contains("no casebook.yml in"), "casebook \(command): \(result)")
            #expect(result.stdout == "", "casebook \(command)")
            #expect(try FileManager.default.subpathsOfDirectory(atPath: folder.root).sorted() == ["content", "content/pages", "content/pages/about.md"],
                    "casebook \(command) wrote nothing")
        }
    }

    @Test func theJSONFormatOfCheckIsAUsageErrorWithoutCasebookYmlToo() throws {
        let folder = try FixtureSite(["content/pages/about.md": "---\ntitle: About\n---\n"])
        let result = try CasebookCLI.run(["check", "--format", "json", folder.root], in: folder.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout == "")
    }

    @Test func theCommandsThatReadNoSiteRunWithoutCasebookYml() throws {
        let folder = try FixtureSite(["notes.md": "*Hello*\n"])
        for arguments in [["doctor", folder.root], ["markdown", "notes.md"], ["version"]] {
            let result = try CasebookCLI.run(arguments, in: folder.url)
            #expect(result.status == 0, "casebook \(arguments[0]): \(result)")
        }
    }

    @Test func unknownOptionsAreUsageErrorsInEveryCommand() throws {
        let site = try FixtureSite(copying: "valid-site")
        for command in Self.subcommands {
            let result = try CasebookCLI.run([command, "--no-such-option"], in: site.url, stopAfter: .seconds(60))
            #expect(result.status == 2, "casebook \(command): \(result)")
        }
    }

    @Test func everyCommandsHelpHasAnExampleAndItsExitStatuses() throws {
        for command in Self.subcommands {
            let result = try CasebookCLI.run([command, "--help"])
            #expect(result.status == 0, "\(result)")
            // The help is wrapped to the terminal's width: words are compared, not lines.
            let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let afterExamples = text.range(of: "Example").map { text[$0.upperBound...] }
            #expect(afterExamples?.contains("casebook \(command)") == true, "no example in `casebook \(command) --help`")
            #expect(text.contains("Exit status:"), "`casebook \(command) --help` does not say its exit statuses")
        }
    }
}
