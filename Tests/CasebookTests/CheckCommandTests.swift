import Foundation
import Model
import TestSupport
import Testing

/// `casebook check`, run as a user runs it: the built executable, its exit status and output.
@Suite struct CheckCommandTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    @Test func exampleSiteInTheRepositoryIsClean() throws {
        let result = try CasebookCLI.run(["check", PackagePaths.root.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.allSatisfy { !$0.contains(": error: ") }, "\(result.stdout)")

        let files = try FileManager.default.contentsOfDirectory(
            atPath: PackagePaths.root.appendingPathComponent("content/case-studies").path
        ).filter { $0.hasSuffix(".md") }
        let summary = try #require(result.stderrLines.first { $0.hasPrefix("Checked ") }, "no summary line: \(result)")
        let match = try #require(summary.firstMatch(of: /^Checked (\d+) case stud(?:y|ies)(?: \(\+(\d+) drafts?\))?, (\d+) quotes? \(.*\), (\d+) programmes?, (\d+) themes?, (\d+) pages?\.$/),
                                 "summary line has an unexpected shape: \(summary)")
        let published = Int(match.1) ?? -1, drafts = match.2.flatMap { Int($0) } ?? 0
        #expect(published + drafts == files.count, "every case study file is counted: \(summary)")
        #expect(result.stderrLines.last?.hasPrefix("0 errors, ") == true)
    }

    @Test func validFixtureSiteIsCleanAndSummarised() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["check", site.root])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "")
        #expect(result.stderrLines == [
            "Checked 2 case studies, 5 quotes (3 public, 2 internal), 2 programmes, 2 themes, 1 page.",
            "0 errors, 0 warnings.",
        ])
    }

    @Test func runsInTheCurrentFolderWithoutArguments() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["check"], in: site.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("Checked 2 case studies"))
    }

    @Test func everyDefectIsReportedOnceAtItsLineAndTheRunFails() throws {
        let site = try DefectSite.make()
        let result = try CasebookCLI.run(["check", site.root])
        #expect(result.status == 1, "\(result)")
        let reported = result.stdoutLines.map { line -> String in
            // file:line:col: severity: message → file:line: severity
            let parts = line.split(separator: ":", maxSplits: 4).map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.count == 5 ? "\(parts[0]):\(parts[1]): \(parts[3])" : line
        }
        #expect(reported == DefectSite.expected.map { "\($0.file):\($0.line): \($0.severity)" })
        #expect(result.stderrLines.last == "9 errors, 1 warning.")
    }

    @Test func defectReportMatchesTheGoldenFile() throws {
        let site = try DefectSite.make()
        let result = try CasebookCLI.run(["check", site.root])
        Snapshot.assertMatches(result.stdout, named: "check-defects.txt")
    }

    @Test func warningsAloneExitZero() throws {
        let site = try DefectSite.warningOnly()
        let result = try CasebookCLI.run(["check", site.root])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.count == 1)
        #expect(result.stdout.contains("warning: unknown key 'featurd'"))
        #expect(result.stdout.contains("did you mean 'featured'"))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let site = try DefectSite.warningOnly()
        let result = try CasebookCLI.run(["check", "--strict", site.root])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdoutLines.count == 1)
    }

    @Test func strictPassesACleanSite() throws {
        let site = try FixtureSite(copying: "valid-site")
        #expect(try CasebookCLI.run(["check", "--strict", site.root]).status == 0)
    }

    @Test func missingFolderExitsTwo() throws {
        let result = try CasebookCLI.run(["check", "/nonexistent/casebook-site-\(UUID().uuidString)"])
        #expect(result.status == 2, "usage and I/O problems exit 2: \(result)")
        #expect(result.stderr.contains("is not a folder"))
        #expect(result.stdout == "")
    }

    @Test func folderWithoutConfigIsAUsageError() throws {
        let site = try FixtureSite(["content/pages/about.md": "---\ntitle: About\n---\n"])
        let result = try CasebookCLI.run(["check", site.root])
        #expect(result.status == 2, "the README: 2 for usage problems and a missing casebook.yml: \(result)")
        #expect(result.stderr.hasPrefix("error: no casebook.yml in '\(site.root)'"), "\(result)")
        #expect(result.stdout == "")
    }

    @Test func expiryIsJudgedAgainstAsOf() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("content/quotes/q-valued.md", replacing: "consent: public", with: "consent: public\nconsent_expires: 2025-09-01")
        let before = try CasebookCLI.run(["check", "--as-of", "2025-09-01", site.root])
        let after = try CasebookCLI.run(["check", "--as-of", "2025-09-02", site.root])
        #expect(before.stdout.contains("warning: consent expires on 2025-09-01, in 0 days"), "\(before)")
        #expect(after.stdout.contains("warning: consent expired on 2025-09-01"), "\(after)")
        #expect(after.stderr.contains("1 withdrawn"), "the summary counts the quote as withdrawn: \(after.stderr)")
        #expect(after.stderr.contains("1 page (as of 2025-09-02)."), "the summary says which day consent was judged on: \(after.stderr)")
    }

    @Test(arguments: ["2025-9-1", "yesterday", "2025-02-30"])
    func asOfMustBeADate(value: String) throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["check", "--as-of", value, site.root])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--as-of"), "\(result)")
    }
}
