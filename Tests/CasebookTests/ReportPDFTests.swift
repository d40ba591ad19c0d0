import Foundation
import Model
import PDF
import Pipeline
import Testing
import TestSupport

/// Whether a PDF engine and poppler are here; under CI they must be (`scripts/install-deps.sh --test`).
enum PDFTools {
    static var available: Bool { PDFText.isAvailable && (try? PDFEngine.find(.weasyprint)) != nil }
    static let skipReason: Comment = "WeasyPrint or poppler-utils missing: run scripts/install-deps.sh --test"
}

/// The example site's reports as PDFs, read back with pdftotext, pdfinfo and pdffonts.
@Suite(.enabled(if: PDFTools.available || PackagePaths.isCI, PDFTools.skipReason), .serialized)
struct ReportPDFTests {
    static let reports: (folder: String, outcome: ReportBuild.Outcome) = {
        let output = SiteBuilds.temporaryOutput()
        let outcome = ReportBuild(
            options: .init(folder: SiteBuilds.exampleSite, output: output, pdf: true, engine: .weasyprint), clock: SiteBuilds.clock
        ).run()
        return (output, outcome)
    }()

    func pdf(_ id: String) throws -> PDFText {
        try #require(Self.reports.outcome.succeeded, "\(Self.reports.outcome.failure ?? "") \(Self.reports.outcome.diagnostics)")
        return try PDFText("\(Self.reports.folder)/\(id)/\(id).pdf")
    }

    @Test func everyThemeHeadingIsInThePublicReport() throws {
        let text = try pdf("lessons-learned").pages.indices.map { try pdf("lessons-learned").flat($0) }.joined(separator: " ")
        for title in ["Co-production is hard work, but worth it", "There are benefits for all involved",
                      "Sharing power means changing how decisions are made", "Lived experience is expertise",
                      "Evidence matrix", "Appendix: case studies", "About this report", "Tell us what you think"] {
            #expect(text.contains(title), "missing \(title)")
        }
    }

    @Test(arguments: ["lessons-learned", "internal-evidence-review"])
    func contentsPageNumbersPointAtTheSectionsStart(report: String) throws {
        let pdf = try pdf(report)
        let contents = try #require(pdf.pages.firstIndex { $0.contains("Contents") }, "no contents page")
        // Entries look like "Evidence matrix ........ 10" (folded onto one line by flat()).
        let entries = pdf.pages[contents].split(separator: "\n").compactMap { line -> (String, Int)? in
            let parts = line.split(separator: " ")
            guard parts.first != "Page" else { return nil }  // the running footer
            guard let number = parts.last.flatMap({ Int($0) }), parts.count > 1 else { return nil }
            let title = parts.dropLast().joined(separator: " ").replacingOccurrences(of: #"[ .]+$"#, with: "", options: .regularExpression)
            return title.isEmpty ? nil : (title, number)
        }
        #expect(entries.count >= 6, "contents entries: \(entries)")
        for (title, page) in entries {
            // A section starts on the first page whose running header is its title (the summary's
            // charts and tables name every theme before the themes' own pages do); the feedback
            // part has no header of its own and follows "About" on the same page.
            let start = try ((contents + 1)..<pdf.pages.count).first { index in
                title == "Tell us what you think" ? pdf.occurrences(of: title, onPage: index) >= 1 : try pdf.top(index).contains(title)
            }
            #expect(start.map { $0 + 1 } == page, "'\(title)' is listed on page \(page) but starts on page \(start.map { $0 + 1 } ?? -1)")
        }
    }

    /// The charts are drawn into the PDF as text and shapes, not left out or flattened to pixels.
    @Test func chartsAreInThePDFWithTheirTitles() throws {
        let pdf = try pdf("lessons-learned")
        let text = pdf.pages.indices.map { pdf.flat($0) }.joined(separator: " ")
        for title in ["Quotes and case studies by theme", "Quotes and case studies by programme", "Evidence matrix: themes by programme"] {
            #expect(text.contains(title), "missing the chart \(title)")
        }
        // The matrix chart breaks a theme's label into lines of its own; the tables do not.
        let lines = pdf.pages.flatMap { $0.split(separator: "\n").map(String.init) }
        #expect(lines.contains("Co-production is hard") && lines.contains("work, but worth it"), "the matrix chart's labels")
    }

    @Test func everyPageAfterTheCoverCarriesItsNumber() throws {
        let pdf = try pdf("lessons-learned")
        let total = pdf.pages.count
        #expect(Int(pdf.info["Pages"] ?? "") == total)
        #expect(!pdf.flat(0).contains("Page 1 of"), "the cover has no page number")
        for index in 1..<total {
            #expect(pdf.flat(index).contains("Page \(index + 1) of \(total)"), "page \(index + 1)")
        }
    }

    @Test func metadataAndFonts() throws {
        let pdf = try pdf("lessons-learned")
        #expect(pdf.info["Title"] == "Co-production: the benefits for people and organisations: Lessons learned")
        #expect(pdf.info["Author"] == "Example Community Fund")
        #expect(!pdf.fonts.isEmpty)
        // WeasyPrint 66 and later write tagged PDF/UA (scripts/install-deps.sh installs one).
        if let engine = try? PDFEngine.find(.weasyprint), engine.writesTaggedPDF {
            #expect(pdf.info["Tagged"] == "yes", "\(engine.description) should tag the PDF")
        }
        let unembedded = pdf.fonts.filter { !$0.embedded }.map(\.name)
        #expect(unembedded.isEmpty, "fonts not embedded: \(unembedded)")
    }

    @Test func consentHoldsInPDFText() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = ReportBuild(
            options: .init(folder: fixture.root, output: output, only: ["public-all", "internal-beta"], pdf: true, engine: .weasyprint),
            clock: SiteBuilds.clock
        ).run()
        try #require(outcome.succeeded, "\(outcome.failure ?? "")")
        let publicText = try PDFText("\(output)/public-all/public-all.pdf").pages.joined()
        let internalText = try PDFText("\(output)/internal-beta/internal-beta.pdf").pages.joined()
        #expect(publicText.contains("Quote one, public, about alpha."))
        for canary in SitePrivacyTests.canaries {
            #expect(!publicText.contains(canary), "\(canary) in the public PDF")
        }
        #expect(internalText.contains("CANARY-INTERNAL-7f3a"))
        for canary in ["CANARY-WITHDRAWN-91bc", "CANARY-EXPIRED-55d2", "CANARY-REF-1111", "CANARY-REF-0000"] {
            #expect(!internalText.contains(canary), "\(canary) in the internal PDF")
        }
    }
}
