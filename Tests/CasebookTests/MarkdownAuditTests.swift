import Foundation
import Model
import Pipeline
import Testing
import TestSupport

/// `check` reads each case study's and page's Markdown as the site will show it: a missing
/// image, an image without alt text, a link to a page or case study that does not exist, and
/// raw HTML the site drops are each reported at their file and line.
@Suite struct MarkdownAuditTests {
    static let garden = "content/case-studies/garden.md"

    /// The sub-path site with `body` in place of the garden case study's body (which starts on line 10).
    static func site(body: String, config: String? = nil) throws -> FixtureSite {
        let site = try FixtureSite(copying: "subpath-site")
        let text = try site.read(garden)
        let front = text.components(separatedBy: "---\n").prefix(2).joined(separator: "---\n") + "---\n"
        try site.write(garden, front + body)
        if let config { try site.write("casebook.yml", try site.read("casebook.yml") + config) }
        return site
    }

    static var bodyLine: Int { 13 }

    @Test func theFixtureIsClean() throws {
        let site = try FixtureSite(copying: "subpath-site")
        #expect(site.check().diagnostics.isEmpty, "\(site.check().diagnostics)")
    }

    @Test func aMissingImageIsReportedAtItsLine() throws {
        let site = try Self.site(body: "Intro.\n\nA photo: ![Beds](/images/missing.png) and ![Beds](garden-2.png).\n")
        let found = site.check().diagnostics.with(code: "image-not-found")
        #expect(found.map(\.location.line) == [Self.bodyLine + 2, Self.bodyLine + 2], "\(found)")
        #expect(found.allSatisfy { $0.location.file == Self.garden && $0.severity == .warning })
        #expect(found.first?.message.contains("static/images/missing.png") == true)
        // Relative to the page's address, as a browser resolves it.
        #expect(found.last?.message.contains("static/case-studies/garden/garden-2.png") == true)
    }

    @Test func anImageWithoutAltTextIsAWarningAndAnErrorWithStrict() throws {
        let site = try Self.site(body: "One.\n\n![](/images/garden.png)\n")
        let found = site.check().diagnostics.with(code: "image-without-alt")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: Self.garden, line: Self.bodyLine + 2, column: 1))
        #expect(found.first?.severity == .warning)
        let output = SiteBuilds.temporaryOutput()
        var options = SiteBuild.Options(folder: site.root, output: output)
        options.strict = true
        let strict = SiteBuild(options: options, clock: SiteBuilds.clock).run()
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.with(code: "image-without-alt").first?.severity == .error)
        #expect(!FileManager.default.fileExists(atPath: output + "/index.html"), "nothing is written under --strict")
    }

    /// An image without alt text is still shown: its file is still looked for, reported when
    /// missing, and published when it is beside the case study.
    @Test func anImageWithoutAltTextIsStillFoundOrReportedMissing() throws {
        let site = try Self.site(body: "One.\n\n![](/images/nowhere.png)\n\n![](beds-plan.png)\n")
        try site.write("content/case-studies/beds-plan.png", bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: site.path("static/images/garden.png")))))
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.with(code: "image-without-alt").count == 2)
        #expect(diagnostics.with(code: "image-not-found").map(\.location.line) == [Self.bodyLine + 2], "\(diagnostics)")
        let output = SiteBuilds.temporaryOutput()
        let built = SiteBuild(options: .init(folder: site.root, output: output), clock: SiteBuilds.clock).run()
        #expect(built.succeeded, "\(built.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: output + "/case-studies/garden/beds-plan.png"), "the image beside the case study is published")
    }

    @Test func aLinkToAPageOrCaseStudyThatDoesNotExistIsReported() throws {
        let site = try Self.site(body: """
            Fine: [about](/about/), [garden](../garden/), [theme](/themes/hard-work/), [pdf](/reports/garden-write-up.pdf),
            [site](https://example.org/x/), [mail](mailto:a@example.org), [top](#main).

            Broken: [a case study](/case-studies/gardn/) and
            [a page](/abuot/) and [a theme](../../themes/hardwork/).
            """)
        let found = site.check().diagnostics.with(code: "link-not-found")
        #expect(found.map(\.location.line) == [Self.bodyLine + 3, Self.bodyLine + 4, Self.bodyLine + 4], "\(found)")
        #expect(found.first?.message.contains("did you mean 'garden'") == true, "\(found)")
        #expect(found[1].message.contains("did you mean 'about'"), "\(found)")
    }

    @Test func rawHTMLIsDroppedWithAWarningUnlessTheSiteOptsIn() throws {
        let body = "Before.\n\n<div class=\"callout\">Boxed</div>\n\nInline <b>bold</b> and <!-- a note -->.\n"
        let site = try Self.site(body: body)
        let found = site.check().diagnostics.with(code: "raw-html-dropped")
        #expect(found.map(\.location.line) == [Self.bodyLine + 2, Self.bodyLine + 4, Self.bodyLine + 4], "the comment is not reported: \(found)")
        let output = SiteBuilds.temporaryOutput()
        #expect(SiteBuilds.build(site.root, into: output).succeeded)
        let page = try String(contentsOfFile: output + "/case-studies/garden/index.html", encoding: .utf8)
        #expect(!page.contains("class=\"callout\"") && !page.contains("<b>bold</b>"))

        let trusting = try Self.site(body: body + "\n[x](javascript:alert(1))\n", config: "markdown:\n  unsafe_html: true\n")
        try trusting.edit(Self.garden, replacing: "Read [the full", with: "<b>Read</b> [the full")
        #expect(trusting.check().diagnostics.isEmpty, "\(trusting.check().diagnostics)")
        let trusted = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(trusting.root, into: trusted)
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        let kept = try String(contentsOfFile: trusted + "/case-studies/garden/index.html", encoding: .utf8)
        #expect(kept.contains("<div class=\"callout\">Boxed</div>") && kept.contains("<b>bold</b>"))
        #expect(!kept.contains("javascript:"), "links are still made safe")
        // Never in a report: its resource rules read only libcmark's own tags.
        let lessons = try String(contentsOfFile: trusted + "/themes/hard-work/index.html", encoding: .utf8)
        #expect(lessons.contains("<b>Read</b>"))
        let report = try String(contentsOfFile: trusted + "/reports/everything/index.html", encoding: .utf8)
        #expect(report.contains("the full write-up") && !report.contains("<b>Read</b>"))
    }

    /// A build reads each body's links in the parse that converts it for its page; `check` parses
    /// on its own. Both say the same, at the same lines, and the build still publishes an image
    /// beside the case study that the body names.
    @Test func aBuildWarnsAsCheckDoes() throws {
        let site = try Self.site(body: """
            Intro with [a site](https://example.org/x) and [mail](mailto:a@example.org).

            ![Beds](beds-2.png) ![Gone](/images/missing.png) ![](/images/garden.png)

            Broken: [a case study](/case-studies/gardn/) and [a page](/abuot/#top) and [%zz](/abuot%20x/).

            <div class="callout">Boxed</div> <!-- a note -->
            """)
        let png = try Data(contentsOf: URL(fileURLWithPath: site.path("content/case-studies/garden-beds.png")))
        try site.write("content/case-studies/beds-2.png", bytes: Array(png))
        let codes: Set = ["image-not-found", "image-without-alt", "link-not-found", "raw-html-dropped"]
        let checked = site.check().diagnostics.filter { codes.contains($0.code) }
        #expect(checked.count == 6, "\(checked)")
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.filter { codes.contains($0.code) } == checked)
        #expect(FileManager.default.fileExists(atPath: output + "/case-studies/garden/beds-2.png"))
    }

    @Test func unknownMarkdownSettingsAreWarnedAbout() throws {
        let site = try Self.site(body: "Hi.\n", config: "markdown:\n  unsafe_htm: true\n")
        #expect(site.check().diagnostics.contains { $0.code == "unknown-key" && $0.message.contains("unsafe_html") }, "\(site.check().diagnostics)")
    }
}

/// A `static/robots.txt` is the author's and replaces casebook's; without a `Sitemap:` line it
/// gets a warning naming the line to add.
@Suite struct RobotsFileTests {
    @Test func aRobotsFileWithoutASitemapIsWarnedAboutAndStillUsed() throws {
        let site = try FixtureSite(copying: "subpath-site", ["static/robots.txt": "User-agent: *\nDisallow: /drafts/\n"])
        let found = site.check().diagnostics.with(code: "robots-without-sitemap")
        #expect(found.count == 1)
        #expect(found.first?.location.file == "static/robots.txt")
        #expect(found.first?.message.contains("Sitemap: https://org.example/insight/sitemap.xml") == true)
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.diagnostics.with(code: "robots-without-sitemap").count == 1)
        #expect(try String(contentsOfFile: output + "/robots.txt", encoding: .utf8) == "User-agent: *\nDisallow: /drafts/\n")
    }

    @Test func aRobotsFileNamingASitemapIsQuiet() throws {
        let site = try FixtureSite(copying: "subpath-site", ["static/robots.txt": "User-agent: *\nDisallow:\n  sitemap: https://org.example/insight/sitemap.xml\n"])
        #expect(site.check().diagnostics.isEmpty)
    }
}
