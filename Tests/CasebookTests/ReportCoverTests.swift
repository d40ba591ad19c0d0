import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// A report's cover as the evaluator sets it in casebook.yml: its own date (or `--date`), its
/// authors and its logo, rather than always the build's date and the organisation.
@Suite struct ReportCoverTests {
    static let coverKeys = """
          - id: public-all
            title: Everything
            subtitle: Public
            audience: public
            date: 2026-03-31
            authors: [Ada Evaluator, "Ben <Reviewer>"]
            logo: images/fund logo.svg
            logo_alt: Example Fund
        """

    func site() throws -> FixtureSite {
        let site = try FixtureSite(copying: "evidence-site")
        try site.edit("casebook.yml", replacing: """
              - id: public-all
                title: Everything
                subtitle: Public
                audience: public
            """, with: Self.coverKeys + "\n")
        try site.write("static/images/fund logo.svg", #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#)
        return site
    }

    func build(_ site: FixtureSite, date: Day? = nil) throws -> (html: String, json: String) {
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var options = ReportBuild.Options(folder: site.root, output: output, only: ["public-all"])
        options.date = date
        let outcome = ReportBuild(options: options, clock: SiteBuilds.clock).run()
        try #require(outcome.succeeded, "\(outcome.failure ?? "") \(outcome.diagnostics)")
        return (try String(contentsOfFile: "\(output)/public-all/index.html", encoding: .utf8),
                try String(contentsOfFile: "\(output)/public-all/report.json", encoding: .utf8))
    }

    @Test func theCoverShowsTheReportsOwnDateAuthorsAndLogo() throws {
        let (html, json) = try build(try site())
        #expect(html.contains(#"<time datetime="2026-03-31">31 March 2026</time>"#), "the build's date (1 September 2025) instead")
        #expect(!html.contains("1 September 2025"))
        #expect(html.contains(#"<span class="cover-author">Ada Evaluator</span><span class="cover-author">Ben &lt;Reviewer&gt;</span>"#))
        #expect(html.contains(#"<meta name="author" content="Ada Evaluator, Ben &lt;Reviewer&gt;">"#))
        #expect(html.contains(#"<img src="images/fund%20logo.svg" alt="Example Fund">"#))
        #expect(json.contains(#""date" : "2026-03-31""#))
        #expect(json.contains(#""Ada Evaluator""#))
    }

    @Test func dateOnTheCommandLineWinsOverTheConfig() throws {
        let (html, json) = try build(try site(), date: Day(iso: "2026-04-15"))
        #expect(html.contains(#"<time datetime="2026-04-15">15 April 2026</time>"#))
        #expect(json.contains(#""date" : "2026-04-15""#))
    }

    @Test func withoutADateTheBuildsDateStands() throws {
        let site = try FixtureSite(copying: "evidence-site")
        let (html, _) = try build(site)
        #expect(html.contains(#"<time datetime="2025-09-01">1 September 2025</time>"#))
        #expect(html.contains(#"<meta name="author" content="#), "the organisation stands in for authors")
    }

    /// report.schema.json: `authors` is the report's authors, else the site's organisation, as the PDF's author field.
    @Test func withoutAuthorsReportJSONNamesTheOrganisationAsThePDFDoes() throws {
        let (html, json) = try build(try FixtureSite(copying: "evidence-site"))
        #expect(html.contains(#"<meta name="author" content="Fixture Fund">"#))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(data["authors"] as? [String] == ["Fixture Fund"])
        #expect(!html.contains(#"<span class="cover-author">"#), "the cover names the organisation once, above the title")

        let noOrganisation = try FixtureSite(copying: "evidence-site")
        try noOrganisation.edit("casebook.yml", replacing: "organisation: Fixture Fund\n", with: "")
        let bare = try #require(try JSONSerialization.jsonObject(with: Data(try build(noOrganisation).json.utf8)) as? [String: Any])
        #expect(bare["authors"] as? [String] == [])
    }

    @Test func aLogoOutsideStaticOrMissingIsAnErrorAtItsLine() throws {
        for (logo, problem) in [
            ("images/none.svg", "is not a file in static/"), ("../casebook.yml", "leaves static/"),
            ("/etc/passwd.png", "must be a path relative to static/"), ("images/fund logo.txt", "must be an SVG, PNG or JPEG"),
        ] {
            let site = try site()
            try site.edit("casebook.yml", replacing: "logo: images/fund logo.svg", with: "logo: \"\(logo)\"")
            let found = site.check().diagnostics.with(code: "invalid-logo")
            #expect(found.count == 1 && found.first?.message.contains(problem) == true, "\(logo): \(found)")
            #expect(found.first?.location.file == "casebook.yml" && (found.first?.location.line ?? 0) > 0)
        }
        let site = try site()
        try site.edit("casebook.yml", replacing: "    logo_alt: Example Fund\n", with: "")
        #expect(site.check().diagnostics.contains { $0.code == "missing-key" && $0.message.contains("logo_alt") })
    }

    @Test func aBadDateIsAnErrorAtItsLine() throws {
        let site = try site()
        try site.edit("casebook.yml", replacing: "date: 2026-03-31", with: "date: 31/03/2026")
        let errors = site.check().diagnostics.filter { $0.severity == .error && $0.location.file == "casebook.yml" }
        #expect(!errors.isEmpty, "a date that is not YYYY-MM-DD passed")
    }
}
