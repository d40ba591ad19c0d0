import Foundation
import Model
import PDF
import Pipeline
import Testing
import TestSupport

/// A report's PDF holds only what the site's `static/` folder gives it: a content file cannot
/// pull a local file into it (by `file:` URL, absolute path or a link out of `static/`), and
/// building it does not reach the network. Both layers are tested: the PDF engine itself, given
/// hostile HTML directly, and a report whose content names such images.
///
/// These tests need WeasyPrint and poppler's `pdfimages`; without them they fail, saying so.
@Suite struct ReportResourceTests {
    /// A 7×5 red PNG: it must never be in a PDF.
    static let canaryPNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAcAAAAFCAIAAAAG+GGPAAAAEklEQVR4nGP4z8CAibAIUUUUAKEvIt57lX2fAAAAAElFTkSuQmCC")!
    /// A 3×2 green PNG in `static/`: it must be, so the test can see images at all.
    static let allowedPNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAD0lEQVR4nGNgaGCAIjgLAB4UAwFDGv5yAAAAAElFTkSuQmCC")!

    /// Width × height of every image embedded in a PDF, as `pdfimages -list` reports them.
    static func imageSizes(in pdf: String) throws -> [String] {
        let tool = try #require(PackagePaths.onPath("pdfimages"), PDFTools.skipReason)
        let listing = try ProcessRunner.run(tool, ["-list", pdf])
        try #require(listing.status == 0, "\(listing)")
        return listing.stdoutLines.dropFirst(2).map { row in
            let columns = row.split(separator: " ")
            return "\(columns[3])×\(columns[4])"
        }
    }

    /// A folder outside every site, holding the canary.
    static func canaryFolder() throws -> URL {
        let folder = TestScratch.path("casebook-outside")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try canaryPNG.write(to: folder.appendingPathComponent("canary.png"))
        return folder
    }

    /// The WeasyPrint on PATH (the PyPI one, 66 or later, from scripts/install-deps.sh) and
    /// Debian's (57, which has the older fetcher API): the driver must confine both.
    @Test(arguments: [nil, "/usr/bin/weasyprint"])
    func theEngineReadsOnlyItsFoldersAndNeverTheNetwork(weasyprint: String?) throws {
        try #require(PDFTools.available, PDFTools.skipReason)
        var environment = ProcessInfo.processInfo.environment
        environment["CASEBOOK_WEASYPRINT"] = weasyprint
        let engine = try PDFEngine.find(.weasyprint, environment: environment)
        if let weasyprint { try #require(engine.executable == weasyprint, "\(weasyprint) is missing: \(PDFTools.skipReason)") }
        let outside = try Self.canaryFolder()
        let canary = outside.appendingPathComponent("canary.png")
        let resources = TestScratch.path("casebook-static")
        try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
        try Self.allowedPNG.write(to: resources.appendingPathComponent("ok.png"))
        try FileManager.default.createSymbolicLink(atPath: resources.appendingPathComponent("link.png").path, withDestinationPath: canary.path)
        let listener = try LoopbackListener()
        let remote = "http://127.0.0.1:\(listener.port)/x.png"
        let work = TestScratch.path("casebook-pdf")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let html = """
            <!doctype html><html><head><style>
            @import url("\(remote.replacingOccurrences(of: "x.png", with: "x.css"))");
            body { background: url("\(canary.absoluteString)"); }
            p { background: url("\(remote)"); }
            </style></head><body><p>Images</p>
            <img src="\(canary.absoluteString)"><img src="\(canary.path)"><img src="\(remote)">
            <img src="link.png"><img src="../\(outside.lastPathComponent)/canary.png"><img src="ok.png">
            </body></html>
            """
        try Data(html.utf8).write(to: work.appendingPathComponent("r.html"))
        let pdf = work.appendingPathComponent("r.pdf").path
        try engine.render(html: work.appendingPathComponent("r.html").path, pdf: pdf, resources: resources.path)
        #expect(try Self.imageSizes(in: pdf) == ["3×2"], "only static/ok.png; the canary (7×5) is never read")
        #expect(listener.connections() == 0, "the engine reached the network")
    }

    /// The evidence site with a public quote whose text names images of every kind.
    static func siteWithImages(remote: String, canary: URL) throws -> FixtureSite {
        let quote = """
            ---
            speaker: Volunteer
            programme: p-one
            themes: [t-alpha]
            consent: public
            date: 2024-06-02
            ---
            Pictures: ![by file URL](\(canary.absoluteString)) ![by path](\(canary.path)) \
            ![remote](\(remote)) ![up](../../\(canary.lastPathComponent)) ![allowed](images/ok.png) \
            [a local file](file:///etc/passwd), [a site page](/about/) and [the web](https://example.org/).
            """
        let site = try FixtureSite(copying: "evidence-site", ["content/quotes/q-images.md": quote])
        try site.write("static/images/ok.png", bytes: [UInt8](allowedPNG))
        return site
    }

    @Test func aReportLeavesOutLocalAndRemoteImagesWithAWarningAtTheQuote() throws {
        try #require(PDFTools.available, PDFTools.skipReason)
        let listener = try LoopbackListener()
        let remote = "http://127.0.0.1:\(listener.port)/x.png"
        let canary = try Self.canaryFolder().appendingPathComponent("canary.png")
        let site = try Self.siteWithImages(remote: remote, canary: canary)
        let output = SiteBuilds.temporaryOutput()
        let outcome = ReportBuild(
            options: .init(folder: site.root, output: output, only: ["public-all"], pdf: true, engine: .weasyprint),
            clock: SiteBuilds.clock
        ).run()
        try #require(outcome.succeeded, "\(outcome.failure ?? "") \(outcome.diagnostics)")

        #expect(try Self.imageSizes(in: "\(output)/public-all/public-all.pdf") == ["3×2"], "only static/images/ok.png")
        #expect(listener.connections() == 0, "building the report reached the network")
        let warnings = outcome.diagnostics.about("content/quotes/q-images.md")
        // A root-relative path is the site's root, as on the site: `static/` (so the canary's
        // absolute path names a file under static/, which does not exist), and no warning.
        // The `file:` link is emptied by safe mode before the report sees it.
        #expect(warnings.map(\.code) == ["report-image-removed", "report-image-removed", "report-image-removed"], "\(warnings)")
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.contains { $0.message.contains("--allow-network") })

        let html = try String(contentsOfFile: "\(output)/public-all/index.html", encoding: .utf8)
        for gone in [canary.path, "127.0.0.1", "../../canary.png", "file:///etc/passwd"] {
            #expect(!html.contains(gone), "\(gone) is still in the report's HTML")
        }
        for kept in ["src=\"images/ok.png\"", "href=\"https://example.org/\"", "by file URL", "remote", "src=\"\(canary.path.dropFirst())\"",
            "href=\"https://example.org/evidence/about/\""] {
            #expect(html.contains(kept), "\(kept) is missing from the report's HTML")
        }
    }

    @Test func allowNetworkKeepsRemoteImagesInTheHTML() throws {
        let canary = try Self.canaryFolder().appendingPathComponent("canary.png")
        let site = try Self.siteWithImages(remote: "https://example.org/chart.png", canary: canary)
        let output = SiteBuilds.temporaryOutput()
        var options = ReportBuild.Options(folder: site.root, output: output, only: ["public-all"])
        options.allowNetwork = true
        let outcome = ReportBuild(options: options, clock: SiteBuilds.clock).run()
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let html = try String(contentsOfFile: "\(output)/public-all/index.html", encoding: .utf8)
        #expect(html.contains("src=\"https://example.org/chart.png\""))
        #expect(!html.contains(canary.path), "local files stay out with the network allowed")
        #expect(outcome.diagnostics.about("content/quotes/q-images.md").count == 2)
    }
}
