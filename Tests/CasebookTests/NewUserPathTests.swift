import Foundation
import TestSupport
import Testing

/// The first ten minutes of a new user, in an empty folder, with the real executable and no
/// edits: init → check --strict → new case-study → build → report --pdf. `report --pdf` needs
/// WeasyPrint (scripts/install-deps.sh --pdf); without it this test fails and says so.
@Suite struct NewUserPathTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    @Test func fromAnEmptyFolderToASiteAndAPDFReport() throws {
        let home = try FixtureSite()
        let site = home.url.appendingPathComponent("learning")

        let initialised = try CasebookCLI.run(["init", "learning"], in: home.url)
        #expect(initialised.status == 0, "init: \(initialised)")

        let checked = try CasebookCLI.run(["check", "--strict"], in: site)
        #expect(checked.status == 0, "check --strict: \(checked)")

        let created = try CasebookCLI.run(["new", "case-study", "Parents run the homework club"], in: site)
        #expect(created.status == 0, "new: \(created)")
        #expect(created.stdout == "content/case-studies/parents-run-the-homework-club.md\n")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("content/case-studies/parents-run-the-homework-club.md").path))

        let built = try CasebookCLI.run(["build"], in: site)
        #expect(built.status == 0, "build: \(built)")
        let home_ = try String(contentsOf: site.appendingPathComponent("_site/index.html"), encoding: .utf8)
        #expect(home_.contains("What we learned"))

        try #require(try PDFEngineCheck.weasyprintFound(), "report --pdf needs WeasyPrint: run scripts/install-deps.sh --pdf")
        let reported = try CasebookCLI.run(["report", "--pdf"], in: site)
        #expect(reported.status == 0, "report --pdf: \(reported)")
        let pdf = try Data(contentsOf: site.appendingPathComponent("_reports/what-we-learned/what-we-learned.pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)), "a PDF was written")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("_reports/board-review/board-review.pdf").path))
    }
}

/// Whether `casebook doctor` finds WeasyPrint, asked the way a user would.
enum PDFEngineCheck {
    static func weasyprintFound() throws -> Bool {
        let result = try CasebookCLI.run(["doctor", "--format", "json"], in: TestScratch.root)
        struct Report: Decodable {
            struct Engine: Decodable { let name: String, found: Bool }
            let pdfEngines: [Engine]
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(Report.self, from: Data(result.stdout.utf8))
        return report.pdfEngines.contains { $0.name == "weasyprint" && $0.found }
    }
}
