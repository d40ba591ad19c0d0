import Foundation
import Testing
import TestSupport

/// `casebook build` as a user runs it: its summary line, --quiet, and exit statuses.
@Suite(.enabled(if: CasebookCLI.isBuilt, "the casebook executable is not built"))
struct BuildCommandTests {
    @Test func printsAOneLineSummaryWithPagesAndReports() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CasebookCLI.run(["build", fixture.root, "--output", output])
        #expect(result.status == 0, "\(result)")
        let summary = try #require(result.stderrLines.last)
        #expect(summary.hasPrefix("Built 18 pages (2 reports) in "), "\(summary)")
        #expect(summary.hasSuffix("→ \(output)"), "\(summary)")
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CasebookCLI.run(["build", fixture.root, "--output", output, "--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: output + "/index.html"))
    }

    @Test func contentErrorsExitOneAndStrictWarningsToo() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let strict = try CasebookCLI.run(["build", fixture.root, "--output", output, "--strict", "--as-of", "2025-09-01"])
        #expect(strict.status == 1, "\(strict)")
        #expect(strict.stderr.contains("content/quotes/q5.md:5:10: error: consent expired"))
        try fixture.edit("content/case-studies/cs-a.md", replacing: "date: 2024-05-01", with: "date: 2024-13-01")
        let broken = try CasebookCLI.run(["build", fixture.root, "--output", output])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("content/case-studies/cs-a.md:4:7: error: 'date' should be a date written YYYY-MM-DD"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func profilePrintsTemplateTimes() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CasebookCLI.run(["build", fixture.root, "--output", output, "--profile"])
        #expect(result.status == 0)
        for line in ["  load ", "  render ", "template: case-study ", "output: data/quotes.csv "] {
            #expect(result.stderr.contains(line), "missing \(line)")
        }
    }
}

/// `casebook report --pdf` on a machine without a PDF engine.
@Suite(.enabled(if: CasebookCLI.isBuilt, "the casebook executable is not built"))
struct ReportWithoutEngineTests {
    @Test func saysWhichEnginesToInstallAndStillWritesTheHTML() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // An empty PATH: neither weasyprint nor chromium can be found.
        let result = try CasebookCLI.run(
            ["report", fixture.root, "--output", output, "--pdf", "--only", "public-all"],
            environment: ["PATH": "/nonexistent", "CASEBOOK_WEASYPRINT": "", "CASEBOOK_CHROMIUM": ""])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("No PDF engine found"))
        #expect(result.stderr.contains("apt-get install weasyprint"))
        #expect(result.stderr.contains("chromium"))
        #expect(FileManager.default.fileExists(atPath: output + "/public-all/index.html"), "the HTML report is still written")
        #expect(!FileManager.default.fileExists(atPath: output + "/public-all/public-all.pdf"))
    }
}
