import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// `casebook report --docx`: each report as a Word document made by Pandoc, read back as Word
/// and Pandoc read it. Pandoc is part of the test setup: without it these tests fail, saying so.
@Suite(.serialized) struct ReportDocxTests {
    init() throws {
        try #require(DocxFile.pandoc != nil, "\(DocxFile.missingPandoc)")
    }

    static func build(_ folder: String, only: [String] = [], date: Day? = nil) throws -> String {
        let output = SiteBuilds.temporaryOutput()
        var options = ReportBuild.Options(folder: folder, output: output, only: only)
        options.docx = true
        options.date = date
        let outcome = ReportBuild(options: options, clock: SiteBuilds.clock).run()
        try #require(outcome.succeeded, "\(outcome.failure ?? "") \(outcome.diagnostics)")
        return output
    }

    @Test func theExampleReportIsAWordDocumentWithThemesAsHeadingsAndTheMatrixAsATable() throws {
        let output = try Self.build(SiteBuilds.exampleSite, only: ["lessons-learned"])
        defer { try? FileManager.default.removeItem(atPath: output) }
        let docx = DocxFile("\(output)/lessons-learned/lessons-learned.docx")
        #expect(try docx.entries().contains("word/document.xml"))
        let html = try docx.converted(to: "html")
        for title in ["Co-production is hard work, but worth it", "There are benefits for all involved",
                      "Sharing power means changing how decisions are made", "Lived experience is expertise",
                      "Evidence matrix", "Appendix: case studies", "About this report"] {
            let heading = try Regex("<h1[^>]*>(<span[^>]*>[^<]*</span> ?)?[0-9 ]*\(NSRegularExpression.escapedPattern(for: title))</h1>")
            #expect(html.contains(heading), "no Heading 1 '\(title)'")
        }
        // The matrix: a table whose header row names the programmes and whose rows are the themes.
        let tables = html.components(separatedBy: "<table>").dropFirst().map { $0.components(separatedBy: "</table>")[0] }
        let matrix = try #require(tables.first { $0.contains("Themes by programme") }, "no matrix table in \(tables.count) tables")
        #expect(matrix.contains("<th>Fulfilling Lives</th>") && matrix.contains("<th>Talent Match</th>"), "\(matrix)")
        #expect(matrix.contains("Lived experience is expertise</td>"))
        #expect(matrix.contains(try Regex(#"<td>[0-9]+ / [0-9]+ / [0-9]+</td>"#)), "cells count case studies / lessons / quotes")
        let document = try docx.entry("word/document.xml")
        #expect(document.contains(#"TOC \o &quot;1-1&quot;"#), "no contents field")
        #expect(!html.contains(">Contents<"), "the printed contents list is left to Word's contents field")
    }

    @Test func quotesCarryTheirAttributionInItsOwnStyle() throws {
        let output = try Self.build(SiteBuilds.exampleSite, only: ["lessons-learned"])
        defer { try? FileManager.default.removeItem(atPath: output) }
        let docx = DocxFile("\(output)/lessons-learned/lessons-learned.docx")
        let document = try docx.entry("word/document.xml")
        #expect(document.contains(#"<w:pStyle w:val="Attribution" /></w:pPr><w:r><w:t xml:space="preserve">— Project worker, Fulfilling Lives</w:t>"#))
        #expect(try docx.entry("word/styles.xml").contains(#"w:styleId="Attribution""#), "the reference document's style")
        let markdown = try docx.converted(to: "markdown").replacingOccurrences(of: "\n", with: " ")
        #expect(markdown.contains("> Co-production isn't a meeting, it's a way of working.")
                || markdown.contains("> Co-production isn’t a meeting, it’s a way of working."), "quote missing")
        #expect(markdown.contains("--- Project worker, Fulfilling Lives") || markdown.contains("— Project worker, Fulfilling Lives"))
    }

    @Test func documentPropertiesAreSetFromTheReport() throws {
        let site = try FixtureSite(copying: "evidence-site")
        try site.edit("casebook.yml", replacing: "    subtitle: Public\n", with: "    subtitle: Public\n    authors: [Ada Evaluator]\n    date: 2026-03-31\n")
        let output = try Self.build(site.root, only: ["public-all"])
        defer { try? FileManager.default.removeItem(atPath: output) }
        let core = try DocxFile("\(output)/public-all/public-all.docx").entry("docProps/core.xml")
        #expect(core.contains("<dc:title>Everything: Public</dc:title>"), "\(core)")
        #expect(core.contains("<dc:creator>Ada Evaluator</dc:creator>"), "\(core)")
        #expect(core.contains("<dc:language>en-GB</dc:language>"), "\(core)")
        #expect(core.contains(#"<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-31T00:00:00Z</dcterms:created>"#), "\(core)")
        let text = try DocxFile("\(output)/public-all/public-all.docx").documentText()
        #expect(text.hasPrefix("Everything: PublicAda Evaluator31 March 2026"), "the title block: \(text.prefix(200))")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let first = try Self.build(SiteBuilds.exampleSite)
        defer { try? FileManager.default.removeItem(atPath: first) }
        let second = try Self.build(SiteBuilds.exampleSite)
        defer { try? FileManager.default.removeItem(atPath: second) }
        for id in ["lessons-learned", "internal-evidence-review"] {
            let a = FileManager.default.contents(atPath: "\(first)/\(id)/\(id).docx")
            let b = FileManager.default.contents(atPath: "\(second)/\(id)/\(id).docx")
            #expect(a != nil && a == b, "\(id).docx differs between two builds")
        }
    }

    @Test func consentHoldsInTheWordDocument() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = try Self.build(fixture.root, only: ["public-all", "internal-beta"])
        defer { try? FileManager.default.removeItem(atPath: output) }
        let publicDocx = DocxFile("\(output)/public-all/public-all.docx")
        let internalDocx = DocxFile("\(output)/internal-beta/internal-beta.docx")
        let publicXML = try publicDocx.entries().filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") }.map { try publicDocx.entry($0) }.joined()
            + publicDocx.documentText()
        #expect(try publicDocx.converted(to: "plain").contains("Quote one, public, about alpha."))
        for canary in SitePrivacyTests.canaries {
            #expect(!publicXML.contains(canary), "\(canary) in the public DOCX")
        }
        let internalXML = try internalDocx.documentText()
        #expect(internalXML.contains("CANARY-INTERNAL-7f3a"))
        #expect(internalXML.contains("Internal: not for publication"), "the internal notice of the cover")
        for canary in ["CANARY-WITHDRAWN-91bc", "CANARY-EXPIRED-55d2", "CANARY-REF-1111", "CANARY-REF-0000"] {
            #expect(!internalXML.contains(canary), "\(canary) in the internal DOCX")
        }
    }

    @Test func withoutPandocTheCommandSaysSoAndWritesTheHTML() throws {
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CasebookCLI.run(
            ["report", SiteBuilds.exampleSite, "--docx", "--output", output], environment: ["CASEBOOK_PANDOC": "/nonexistent/pandoc"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("CASEBOOK_PANDOC is set to /nonexistent/pandoc"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: "\(output)/lessons-learned/index.html"))
        #expect(!FileManager.default.fileExists(atPath: "\(output)/lessons-learned/lessons-learned.docx"))

        let noPandoc = try CasebookCLI.run(
            ["report", SiteBuilds.exampleSite, "--docx", "--output", output + "-2"], environment: ["PATH": "/nonexistent"])
        defer { try? FileManager.default.removeItem(atPath: output + "-2") }
        #expect(noPandoc.status == 2 && noPandoc.stderr.contains("apt-get install pandoc"), "\(noPandoc)")
    }
}
