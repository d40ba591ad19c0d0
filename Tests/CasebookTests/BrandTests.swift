import Foundation
import Load
import Model
import Pipeline
import Render
import TestSupport
import Testing

/// `brand:` in casebook.yml: colours, a font stack and a logo applied to the site and the report
/// through CSS custom properties, held to WCAG 2.2 AA contrast by `check`, and checked strictly
/// so that nothing but a colour or font names reaches a stylesheet.
@Suite struct BrandTests {
    static func site(brand: String, _ files: [String: String] = [:]) throws -> FixtureSite {
        let site = try FixtureSite(copying: "valid-site", files)
        try site.edit("casebook.yml", replacing: "contact_email: insight@example.org\n", with: "contact_email: insight@example.org\n" + brand)
        return site
    }

    static let good = """
        brand:
          primary: "#1a3668"
          accent: "#8A2B0E"
          font: '"Source Sans 3", Arial, sans-serif'

        """

    @Test func coloursAndFontReachTheSiteAndTheReportAsCustomProperties() throws {
        let site = try Self.site(brand: Self.good)
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.about("casebook.yml").isEmpty && !diagnostics.hasErrors, "\(diagnostics)")
        let output = SiteBuilds.temporaryOutput(), reports = SiteBuilds.temporaryOutput()
        defer {
            try? FileManager.default.removeItem(atPath: output)
            try? FileManager.default.removeItem(atPath: reports)
        }
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let files = try SiteFiles(folder: output)
        let css = try #require(files.text("assets/brand.css"))
        for declaration in ["--band: #1a3668;", "--link: #1a3668;", "--tag-ink: #1a3668;", "--link-hover: #122649;", "--accent: #8a2b0e;",
                            "--font-sans: \"Source Sans 3\", Arial, sans-serif;"] {
            #expect(css.contains(declaration), "\(declaration) in brand.css:\n\(css)")
        }
        let pages = files.files.keys.filter { $0.hasSuffix("index.html") && !$0.hasPrefix("reports/") }
        #expect(pages.count > 5)
        for page in pages {
            let html = try #require(files.text(page))
            #expect(html.contains("<link rel=\"stylesheet\" href=\"/fixture/assets/brand.css\">"), "\(page) links the brand")
            #expect(html.contains("<meta name=\"theme-color\" content=\"#1a3668\">"), "\(page)")
        }
        let report = try #require(files.text("reports/lessons-learned/index.html"))
        #expect(report.contains("--accent: #1a3668;") && report.contains("--sans: \"Source Sans 3\", Arial, sans-serif;"))
        #expect(!report.contains("#6b2d5c;") || report.range(of: "--accent: #1a3668;")!.lowerBound > report.range(of: "#6b2d5c;")!.lowerBound,
                "the brand comes after the theme's own purple, so it wins")
    }

    @Test func withoutABrandTheSiteKeepsItsOwnLook() throws {
        let site = try FixtureSite(copying: "valid-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try #require(SiteBuilds.build(site.root, into: output).succeeded)
        let files = try SiteFiles(folder: output)
        #expect(files.files["assets/brand.css"] == nil)
        #expect(files.text("index.html")?.contains("brand.css") == false)
        #expect(files.text("index.html")?.contains("<meta name=\"theme-color\" content=\"#0e4b48\">") == true)
    }

    /// #777777 is white text's 4.47:1, just short of AA; the error says the ratio, every place
    /// the pair is seen, and points at the colour's line.
    @Test func aColourBelowAAFailsCheckWithItsRatioFileAndLine() throws {
        let site = try Self.site(brand: "brand:\n  primary: \"#777777\"\n  accent: \"#9c3f16\"\n")
        let outcome = site.check()
        let errors = outcome.diagnostics.with(code: "low-contrast")
        #expect(errors.summaries == ["casebook.yml:7: error: low-contrast"], "one error for the colour: \(outcome.diagnostics)")
        let message = try #require(errors.first?.message)
        #expect(message.hasPrefix("'primary' #777777 is below the 4.5:1 contrast WCAG 2.2 AA asks of text: "), "\(message)")
        #expect(message.contains("#ffffff on #777777 is 4.47:1 (header and footer text, button labels (site); theme numbers (report))"))
        #expect(message.contains("#777777 on #fbf8f3 is 4.22:1 (links on the page background (site))"))
        #expect(message.contains("#f6c28b on #777777 is 2.77:1"))
        #expect(message.range(of: "#f6c28b on #777777")!.lowerBound < message.range(of: "#ffffff on #777777")!.lowerBound, "the worst first")
        #expect(!message.contains("#9c3f16"), "the accent passes: \(message)")
        #expect(outcome.diagnostics.hasErrors)
        // The build refuses too: nothing is written.
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        #expect(!SiteBuilds.build(site.root, into: output).succeeded)
        #expect(!FileManager.default.fileExists(atPath: output + "/index.html"))
    }

    @Test func contrastFollowsWCAG() {
        let black = HexColour("#000")!, white = HexColour("#FFFFFF")!
        #expect(black.contrast(with: white) == 21)
        #expect(white.contrast(with: white) == 1)
        #expect(BrandContrast.format(HexColour("#777777")!.contrast(with: white)) == "4.47")
        #expect(BrandContrast.format(HexColour("#767676")!.contrast(with: white)) == "4.54")
    }

    /// Each value is printed into a stylesheet: anything but a hex colour or plain font names is
    /// refused at its line, so a value cannot end the declaration and add rules of its own.
    @Test(arguments: [
        ("primary: \"red;} body{display:none\"", "invalid-colour"),
        ("primary: \"#12345g\"", "invalid-colour"),
        ("primary: rgb(0,0,0)", "invalid-colour"),
        ("primary: #0e4b48", "invalid-colour"),
        ("accent: \"#0e4b4\"", "invalid-colour"),
        ("font: \"Arial; } body { background: url(https://evil.example/x) }\"", "invalid-font"),
        ("font: \"Arial, 'Comic Sans'\"", "invalid-font"),
        ("font: \"Arial,,serif\"", "invalid-font"),
        ("font: \"a\\\\\\\"b\"", "invalid-font"),
    ])
    func valuesThatAreNotPlainColoursOrFontNamesAreRefused(line: String, code: String) throws {
        let site = try Self.site(brand: "brand:\n  \(line)\n")
        let errors = site.check().diagnostics.with(code: code)
        #expect(errors.summaries == ["casebook.yml:7: error: \(code)"], "\(line): \(site.check().diagnostics)")
    }

    @Test func aLogoInStaticReplacesTheMarkWithItsAltText() throws {
        let site = try Self.site(
            brand: "brand:\n  logo: images/logo.svg\n  logo_alt: Fixture Fund\n",
            ["static/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n"])
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let files = try SiteFiles(folder: output)
        let home = try #require(files.text("index.html"))
        #expect(home.contains("<img class=\"brand-logo\" src=\"/fixture/images/logo.svg\" alt=\"Fixture Fund\" width=\"10\" height=\"10\">"),
                "the size from its viewBox, so the header does not shift as it loads")
        #expect(!home.contains("class=\"brand-mark\""))
        #expect(files.files["images/logo.svg"] != nil)
        #expect(files.files["assets/brand.css"] == nil, "a logo alone sets no colours")
    }

    /// A logo's `width` and `height` come from the file: a PNG's header, an SVG's attributes or viewBox.
    @Test func aLogosSizeComesFromItsFile() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
            + [0, 0, 1, 44, 0, 0, 0, 80, 8, 6, 0, 0, 0]
        let site = try Self.site(brand: "brand:\n  logo: logo.png\n  logo_alt: Fixture Fund\n")
        try site.write("static/logo.png", bytes: png)
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let home = try #require(try SiteFiles(folder: output).text("index.html"))
        #expect(home.contains("<img class=\"brand-logo\" src=\"/fixture/logo.png\" alt=\"Fixture Fund\" width=\"300\" height=\"80\">"))

        let svg = try Self.site(
            brand: "brand:\n  logo: logo.svg\n  logo_alt: Fund\n",
            ["static/logo.svg": "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240px\" height='48' viewBox=\"0 0 10 2\"/>\n"])
        let svgOutput = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: svgOutput) }
        try #require(SiteBuilds.build(svg.root, into: svgOutput).succeeded)
        #expect(try SiteFiles(folder: svgOutput).text("index.html")?.contains("alt=\"Fund\" width=\"240\" height=\"48\">") == true)
    }

    /// In `casebook serve`, a replaced logo file is measured again, not only a changed casebook.yml.
    @Test func aReplacedLogoIsMeasuredAgain() throws {
        let site = try Self.site(
            brand: "brand:\n  logo: logo.svg\n  logo_alt: Fund\n",
            ["static/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>\n"])
        let loader = IncrementalLoader(folder: site.root)
        #expect(loader.load(changed: nil).config?.brand?.logo?.size?.width == 10)
        try site.write("static/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 40 10\"/>\n")
        #expect(loader.load(changed: ["static/logo.svg"]).config?.brand?.logo?.size?.width == 40)
    }

    @Test(arguments: [
        ("brand:\n  logo: logo.svg\n", "missing-logo-alt"),
        ("brand:\n  logo: missing.svg\n  logo_alt: Fund\n", "missing-logo"),
        ("brand:\n  logo: static/logo.svg\n  logo_alt: Fund\n", "missing-logo"),
        ("brand:\n  logo: /srv/logo.svg\n  logo_alt: Fund\n", "invalid-logo"),
        ("brand:\n  logo: ../content/logo.svg\n  logo_alt: Fund\n", "invalid-logo"),
        ("brand:\n  logo: logo.gif\n  logo_alt: Fund\n", "invalid-logo"),
    ])
    func aLogoMustBeAnSVGOrPNGInStaticWithAltText(brand: String, code: String) throws {
        let site = try Self.site(brand: brand, ["static/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", "static/logo.gif": "GIF"])
        let errors = site.check().diagnostics.with(code: code)
        #expect(errors.summaries == ["casebook.yml:7: error: \(code)"], "\(site.check().diagnostics)")
    }

    /// The contrast check knows the theme's own colours; they must be the ones the stylesheet sets.
    @Test func theContrastCheckUsesTheThemesActualColours() throws {
        let bytes = try #require(Theme.builtInFiles["assets/site.css"])
        let css = try #require(String(bytes: bytes, encoding: .utf8))
        for (property, colour) in [
            ("--paper", BrandContrast.paper), ("--surface", BrandContrast.surface), ("--sand", BrandContrast.sand),
            ("--tag-bg", BrandContrast.tagBackground), ("--band-muted", BrandContrast.bandMuted),
            ("--band-muted", BrandContrast.bandMutedDark), ("--band-accent", BrandContrast.bandAccent), ("--band-ink", HexColour.white),
        ] {
            #expect(css.contains("\(property): \(colour);"), "site.css sets \(property): \(colour)")
        }
        // The defaults pass their own check.
        var diagnostics: [Diagnostic] = []
        BrandContrast.check(Brand(primary: Located(HexColour("#0e4b48")!, at: SourceLocation(file: "casebook.yml")),
                                  accent: Located(HexColour("#9c3f16")!, at: SourceLocation(file: "casebook.yml"))), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
