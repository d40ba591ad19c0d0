import Foundation
@testable import Load
import Model
import Testing
import TestSupport

/// A case study's lead image (`image:` with `image_alt:`) is on its page, its card and in its
/// social metadata, with the size read from the file so the page does not shift; a file beside
/// the case study is published with it, and only if it is a real image inside the site.
@Suite struct LeadImageTests {
    static let garden = "content/case-studies/garden.md"

    @Test func theImageIsOnThePageTheCardAndInSocialMetadata() throws {
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(PackagePaths.fixtures.appendingPathComponent("subpath-site").path, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let site = try SiteFiles(folder: output)
        let img = "src=\"/insight/case-studies/garden/garden-beds.png\" alt=\"Raised vegetable beds built by the young people\" width=\"3\" height=\"2\""
        let page = try #require(site.text("case-studies/garden/index.html"))
        #expect(page.contains("<img \(img)>"))
        #expect(page.contains("<meta property=\"og:image\" content=\"https://org.example/insight/case-studies/garden/garden-beds.png\">"))
        #expect(page.contains("<meta property=\"og:image:alt\" content=\"Raised vegetable beds built by the young people\">"))
        #expect(try #require(site.text("case-studies/index.html")).contains("<img class=\"card-image\" \(img) loading=\"lazy\">"))
        #expect(site.files["case-studies/garden/garden-beds.png"] == [UInt8](try Data(contentsOf: PackagePaths.fixtures.appendingPathComponent("subpath-site/content/case-studies/garden-beds.png"))))
        #expect(!(site.text("about/index.html") ?? "").contains("og:image"), "pages without an image have none")
    }

    @Test func anImageFromStaticIsUsedWhereItIs() throws {
        let site = try FixtureSite(copying: "subpath-site")
        try site.edit(Self.garden, replacing: "image: garden-beds.png", with: "image: /images/garden.png")
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let page = try String(contentsOfFile: output + "/case-studies/garden/index.html", encoding: .utf8)
        #expect(page.contains("src=\"/insight/images/garden.png\""))
        #expect(!FileManager.default.fileExists(atPath: output + "/case-studies/garden/garden-beds.png"), "an image no case study names is not published")
    }

    @Test(arguments: [
        ("image_alt: Raised vegetable beds built by the young people\n", "", "missing-image-alt"),
        ("image: garden-beds.png", "image: missing.png", "image-not-found"),
        ("image: garden-beds.png", "image: ../../casebook.yml", "invalid-image"),
        ("image: garden-beds.png", "image: https://cdn.example/a.png", "invalid-image"),
        ("image: garden-beds.png", "image: notes.txt", "invalid-image"),
        ("image: garden-beds.png", "image: fake.png", "invalid-image"),
    ])
    func aBadImageIsAnErrorAtItsLine(old: String, new: String, code: String) throws {
        let site = try FixtureSite(copying: "subpath-site", ["content/case-studies/fake.png": "---\nnot: an image\n---\n"])
        try site.edit(Self.garden, replacing: old, with: new)
        let found = site.check().diagnostics.filter { $0.severity == .error }
        #expect(found.map(\.code) == [code], "\(found)")
        #expect(found.first?.location.file == Self.garden && found.first?.location.line == 6, "\(found)")
    }

    @Test func aLinkOutOfTheCaseStudiesFolderIsRefused() throws {
        let site = try FixtureSite(copying: "subpath-site")
        try site.symlink("content/case-studies/linked.png", to: "../../static/images/garden.png")
        try site.edit(Self.garden, replacing: "image: garden-beds.png", with: "image: linked.png")
        let errors = site.check().diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.location.file == "content/case-studies/linked.png" }, "\(errors)")
    }

    @Test func anSVGThatCanRunScriptIsNotPublishedFromBesideACaseStudy() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\" onload=\"alert(1)\"></svg>"
        let site = try FixtureSite(copying: "subpath-site", ["content/case-studies/chart.svg": svg])
        try site.edit(Self.garden, replacing: "image: garden-beds.png", with: "image: chart.svg")
        #expect(site.check().diagnostics.map(\.code).contains("svg-with-script"))
    }

    /// Script spelled as XML lets it be spelled: a namespace prefix, character references, an
    /// entity, a tab inside `javascript:` (URL parsing drops it), an XSLT style sheet.
    @Test(arguments: [
        #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg" width="40" height="30"><s:script>alert(1)</s:script></svg>"#,
        #"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><a href="&#106;avascript:alert(1)"><rect width="40" height="30"/></a></svg>"#,
        #"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><a href="&#x00000000000006A;avascript:alert(1)"><rect width="9" height="9"/></a></svg>"#,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\"><a href=\"java\tscript:alert(1)\"><rect width=\"9\" height=\"9\"/></a></svg>",
        #"<!DOCTYPE svg [<!ENTITY j "javascri">]><svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><a href="&j;pt:alert(1)"><rect width="9" height="9"/></a></svg>"#,
        #"<?xml-stylesheet type="text/xsl" href="data:text/xml,x"?><svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"/>"#,
        #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" width="40" height="30"><h:foreignObject/></svg>"#,
    ])
    func anSVGWhoseScriptIsSpelledAsXMLAllowsIsNotPublished(svg: String) throws {
        let site = try FixtureSite(copying: "subpath-site", ["content/case-studies/chart.svg": svg])
        try site.edit(Self.garden, replacing: "image: garden-beds.png", with: "image: chart.svg")
        let outcome = site.check()
        #expect(outcome.diagnostics.filter { $0.code == "svg-with-script" }.map(\.location.line) == [6], "\(outcome.diagnostics)")
    }

    @Test func anSVGWithCharacterReferencesInItsTextIsStillAnImage() throws {
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><text y="20">&#169; Caf&#xE9; online</text><a href="https://org.example/"><rect width="9" height="9"/></a></svg>"#
        let site = try FixtureSite(copying: "subpath-site", ["content/case-studies/chart.svg": svg])
        try site.edit(Self.garden, replacing: "image: garden-beds.png", with: "image: chart.svg")
        let errors = site.check().diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func headersGiveTheSizeOfEachFormat() throws {
        // PNG: 3×2 (the fixture's).
        let png = [UInt8](try Data(contentsOf: PackagePaths.fixtures.appendingPathComponent("subpath-site/static/images/garden.png")))
        #expect(ImageHeader.parse(png) == ImageHeader(format: .png, width: 3, height: 2))
        // GIF: 640×480, little-endian.
        #expect(ImageHeader.parse(Array("GIF89a".utf8) + [0x80, 0x02, 0xE0, 0x01, 0, 0]) == ImageHeader(format: .gif, width: 640, height: 480))
        // JPEG: an APP0 segment, then a baseline frame header of 1200×800.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, 0x4A, 0x46, 0x49, 0x46, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x03, 0x20, 0x04, 0xB0, 0x03, 0, 0, 0, 0]
        #expect(ImageHeader.parse(jpeg) == ImageHeader(format: .jpeg, width: 1200, height: 800))
        // WebP, extended (VP8X): 24-bit sizes minus one.
        let webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0] + [0x1F, 0x03, 0x00, 0x57, 0x02, 0x00]
        #expect(ImageHeader.parse(webp) == ImageHeader(format: .webp, width: 800, height: 600))
        // SVG: width and height, else the viewBox.
        #expect(ImageHeader.parse(Array("<?xml version=\"1.0\"?>\n<svg width=\"120px\" height='80' xmlns=\"http://www.w3.org/2000/svg\"/>".utf8))
            == ImageHeader(format: .svg, width: 120, height: 80))
        #expect(ImageHeader.parse(Array("<svg viewBox=\"0 0 300 150\"></svg>".utf8)) == ImageHeader(format: .svg, width: 300, height: 150))
        #expect(ImageHeader.parse(Array("<svg width=\"100%\"></svg>".utf8)) == ImageHeader(format: .svg, width: nil, height: nil))
        // Cut short or not an image at all: no size, or nil; never a crash.
        #expect(ImageHeader.parse([0xFF, 0xD8, 0xFF]) == ImageHeader(format: .jpeg))
        #expect(ImageHeader.parse(Array("---\ntitle: x\n---\n".utf8)) == nil)
        #expect(ImageHeader.parse([]) == nil)
    }

    /// A size no image has would be printed as `width="0"` (hiding the image) or `width="-5"`
    /// (invalid HTML): the page reserves no space instead.
    @Test func impossibleSizesAreNotPrinted() {
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 0, 0, 0, 0, 0, 2]
        #expect(ImageHeader.parse(png) == ImageHeader(format: .png, width: nil, height: 2))
        #expect(ImageHeader.parse(Array("<svg viewBox=\"0 0 -5 0\"></svg>".utf8)) == ImageHeader(format: .svg))
        #expect(ImageHeader.parse(Array("GIF89a".utf8) + [0, 0, 0xE0, 0x01, 0, 0]) == ImageHeader(format: .gif, width: nil, height: 480))
        #expect(ImageHeader(format: .png, width: 100_001, height: 100_000) == ImageHeader(format: .png, width: nil, height: 100_000))
    }

    @Test func aJPEGWalkStopsAtTheBytesItReads() {
        // Segments that claim to run past the end, and a length of zero: no loop, no crash.
        #expect(ImageHeader.parse([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 20)) == ImageHeader(format: .jpeg))
        #expect(ImageHeader.parse([0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x00] + [UInt8](repeating: 0, count: 20)) == ImageHeader(format: .jpeg))
    }
}

extension LeadImageTests {
    @Test func aDraftsImageIsNotPublished() throws {
        let site = try FixtureSite(copying: "subpath-site", ["content/case-studies/draft-beds.png": ""])
        try site.write("content/case-studies/draft-beds.png", bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: site.path("static/images/garden.png")))))
        try site.write(
            "content/case-studies/next.md",
            "---\ntitle: Next year\ndate: 2025-05-01\nprogramme: talent-match\nthemes: [hard-work]\nsummary: Soon.\ndraft: true\n"
                + "image: draft-beds.png\nimage_alt: Beds not yet built\n---\nLater.\n")
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: output + "/case-studies/next/draft-beds.png"))
        #expect(!FileManager.default.fileExists(atPath: output + "/case-studies/next"))
    }
}

extension LeadImageTests {
    @Test func anImageTheBodyShowsFromBesideTheCaseStudyIsPublishedWithIt() throws {
        let site = try FixtureSite(copying: "subpath-site")
        let png = [UInt8](try Data(contentsOf: URL(fileURLWithPath: site.path("static/images/garden.png"))))
        try site.write("content/case-studies/photos/harvest.png", bytes: png)
        try site.write(Self.garden, try site.read(Self.garden) + "\n![The first harvest](photos/harvest.png) and ![Gone](photos/gone.png)\n")
        let missing = site.check().diagnostics.with(code: "image-not-found")
        #expect(missing.count == 1 && missing.first?.message.contains("nor content/case-studies/photos/gone.png") == true, "\(missing)")
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        #expect(FileManager.default.contents(atPath: output + "/case-studies/garden/photos/harvest.png").map { [UInt8]($0) } == png)
        let page = try String(contentsOfFile: output + "/case-studies/garden/index.html", encoding: .utf8)
        #expect(page.contains("<img src=\"photos/harvest.png\" alt=\"The first harvest\" />"))
    }
}
