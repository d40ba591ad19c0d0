import Foundation
import TestSupport
import Testing

/// Which PDF engine `report --pdf` and `build --pdf` use, and what they say about it: an engine
/// named by CASEBOOK_WEASYPRINT is used or the build fails, and an engine that writes untagged
/// PDF is named in the output with how to get one that tags.
@Suite(.serialized) struct PDFEngineChoiceTests {
    /// Debian's WeasyPrint 57, which `scripts/install-deps.sh --test` installs beside the newer one.
    static let debianWeasyPrint = "/usr/bin/weasyprint"

    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    @Test func aMissingWeasyPrintNamedInTheEnvironmentIsAnError() throws {
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let missing = "/nonexistent/bin/weasyprint"
        let result = try CasebookCLI.run(
            ["report", SiteBuilds.exampleSite, "--only", "lessons-learned", "--pdf", "--output", output],
            environment: ["CASEBOOK_WEASYPRINT": missing])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("CASEBOOK_WEASYPRINT is set to \(missing)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(output)/lessons-learned/lessons-learned.pdf"), "another engine made the PDF")

        let build = try CasebookCLI.run(
            ["build", SiteBuilds.exampleSite, "--pdf", "--output", output + "-site"], environment: ["CASEBOOK_WEASYPRINT": missing])
        defer { try? FileManager.default.removeItem(atPath: output + "-site") }
        #expect(build.status != 0, "\(build)")
        #expect(build.stderr.contains("CASEBOOK_WEASYPRINT is set to \(missing)"), "\(build.stderr)")
    }

    @Test func doctorSaysWhenTheNamedEngineIsMissing() throws {
        let folder = try FixtureSite()
        let result = try CasebookCLI.run(["doctor", folder.root], environment: ["CASEBOOK_WEASYPRINT": "/nonexistent/weasyprint"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("weasyprint: error: CASEBOOK_WEASYPRINT is set to /nonexistent/weasyprint"), "\(result.stdout)")
    }

    @Test func anUntaggingEngineIsNamedInTheReportOutputAndInDoctor() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.debianWeasyPrint),
            "Debian's WeasyPrint is not at \(Self.debianWeasyPrint): run scripts/install-deps.sh --test")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let environment = ["CASEBOOK_WEASYPRINT": Self.debianWeasyPrint]
        let result = try CasebookCLI.run(
            ["report", SiteBuilds.exampleSite, "--only", "lessons-learned", "--pdf", "--output", output], environment: environment)
        #expect(result.status == 0, "\(result)")
        let warning = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("warning: weasyprint 57") }, "\(result.stderr)")
        #expect(warning.contains("untagged PDF") && warning.contains("WeasyPrint 66 or later"), "\(warning)")
        // Untagged, but with the document's title and language all the same.
        let pdf = try PDFText("\(output)/lessons-learned/lessons-learned.pdf")
        #expect(pdf.info["Tagged"] == "no")
        #expect(pdf.info["Title"] == "Co-production: the benefits for people and organisations: Lessons learned")
        #expect(try PDFCatalog.language(of: "\(output)/lessons-learned/lessons-learned.pdf") == "en-GB")

        let doctor = try CasebookCLI.run(["doctor", try FixtureSite().root], environment: environment)
        #expect(doctor.stdout.contains("weasyprint 57"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("warning: weasyprint 57"), "\(doctor.stdout)")
    }

    @Test func theProjectsEngineTagsAndSaysNothing() throws {
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CasebookCLI.run(["report", SiteBuilds.exampleSite, "--pdf", "--engine", "weasyprint", "--output", output])
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("untagged"), "\(result.stderr): scripts/install-deps.sh --pdf installs WeasyPrint 66 or later")
        for id in ["lessons-learned", "internal-evidence-review"] {
            let path = "\(output)/\(id)/\(id).pdf"
            #expect(try PDFText(path).info["Tagged"] == "yes", "\(id)")
            #expect(try PDFCatalog.language(of: path) == "en-GB", "\(id)")
        }
    }
}
