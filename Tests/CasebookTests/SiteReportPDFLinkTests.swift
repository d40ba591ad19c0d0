import Foundation
import Pipeline
@testable import Render
import TestSupport
import Testing

/// `build --pdf`: the site links each public report's PDF, with its size, from the home page's
/// reports and from the page of each theme the report covers.
@Suite(.serialized) struct SiteReportPDFLinkTests {
    static func site() throws -> FixtureSite {
        let site = try FixtureSite(copying: "evidence-site")
        try site.edit("casebook.yml", replacing: "  - id: dated\n", with: """
              - id: beta-only
                title: Beta in brief
                audience: public
                themes: [t-beta]
              - id: dated

            """)
        return site
    }

    static func build(_ site: FixtureSite, pdf: Bool) throws -> String {
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuild(
            options: .init(folder: site.root, output: output, pdf: pdf, engine: pdf ? .weasyprint : nil), clock: SiteBuilds.clock
        ).run()
        try #require(outcome.succeeded, "\(outcome.failure ?? "") \(outcome.diagnostics)")
        return output
    }

    func read(_ output: String, _ path: String) throws -> String {
        try String(contentsOfFile: "\(output)/\(path)", encoding: .utf8)
    }

    @Test func homeAndThemePagesLinkEachPDFWithItsSize() throws {
        let output = try Self.build(try Self.site(), pdf: true)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let home = try read(output, "index.html")
        for id in ["public-all", "beta-only", "dated"] {
            let bytes = try #require(FileManager.default.contents(atPath: "\(output)/reports/\(id)/\(id).pdf")?.count, "\(id).pdf")
            let link = #"href="/evidence/reports/\#(id)/\#(id).pdf" type="application/pdf">"#
            #expect(home.contains(link), "home page: no link to \(id).pdf")
            #expect(home.contains("(PDF, \(SiteReportLink.sizeText(bytes)))"), "home page: no size for \(id).pdf")
        }
        let alpha = try read(output, "themes/t-alpha/index.html"), beta = try read(output, "themes/t-beta/index.html")
        #expect(alpha.contains("reports/public-all/public-all.pdf") && alpha.contains("reports/dated/dated.pdf"))
        #expect(!alpha.contains("beta-only.pdf"), "a report that does not cover the theme is linked from its page")
        #expect(beta.contains("reports/beta-only/beta-only.pdf"))
        #expect(!home.contains("internal-beta"), "an internal report is linked from the site")
    }

    @Test func withoutPDFsNothingLinksThem() throws {
        let output = try Self.build(try Self.site(), pdf: false)
        defer { try? FileManager.default.removeItem(atPath: output) }
        for page in ["index.html", "themes/t-alpha/index.html", "themes/t-beta/index.html"] {
            #expect(!(try read(output, page)).contains(".pdf"), "\(page) links a PDF that was not built")
        }
    }

    @Test func sizesReadAsPeopleExpect() {
        #expect(SiteReportLink.sizeText(1) == "1 KB")
        #expect(SiteReportLink.sizeText(84_000) == "82 KB")
        #expect(SiteReportLink.sizeText(1_048_576) == "1.0 MB")
        #expect(SiteReportLink.sizeText(1_500_000) == "1.4 MB")
    }
}
