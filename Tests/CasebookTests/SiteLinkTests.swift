import Foundation
import Load
import Model
import Pipeline
import Testing
import TestSupport

/// What a site reads and publishes stays inside it: the theme is a name under `themes/`, theme
/// files and `static/` may not link out of their folders, and a link to an ancestor folder can
/// neither recurse nor copy the site (its content, with internal quotes) into its own output.
@Suite struct SiteLinkTests {
    /// The evidence site with `theme: <name>` on line 5 (after `language:`).
    static func site(theme: String? = nil, _ files: [String: String] = [:]) throws -> FixtureSite {
        let site = try FixtureSite(copying: "evidence-site", files)
        if let theme { try site.edit("casebook.yml", replacing: "language: en-GB", with: "language: en-GB\ntheme: \"\(theme)\"") }
        return site
    }

    /// The errors only: the evidence site has a consent warning of its own.
    static func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.summaries
    }

    /// Builds the site; the outcome and the built files (none when the build failed).
    static func build(_ site: FixtureSite) throws -> (outcome: SiteBuild.Outcome, files: SiteFiles?) {
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        let files = FileManager.default.fileExists(atPath: output) ? try SiteFiles(folder: output) : nil
        try? FileManager.default.removeItem(atPath: output)
        return (outcome, files)
    }

    @Test(arguments: ["../..", "..", "/etc", "../content", "a/b", ".", "Custom"])
    func aThemeThatIsNotANameIsAnErrorAtTheLineOfTheme(name: String) throws {
        let site = try Self.site(theme: name)
        let outcome = site.check()
        #expect(Self.errors(outcome.diagnostics) == ["casebook.yml:5: error: invalid-theme-name"], "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.first { $0.code == "invalid-theme-name" }?.message.contains("under themes/") == true)
        #expect(try Self.build(site).files == nil, "nothing is built")
    }

    @Test func aThemeTemplateLinkedOutsideTheSiteIsRefusedNotRead() throws {
        let outside = try FixtureSite(["footer.mustache": "<footer>CANARY-OUTSIDE-TEMPLATE</footer>\n"])
        let site = try Self.site(theme: "custom")
        try site.symlink("themes/custom/templates/partials/site-footer.mustache", to: outside.path("footer.mustache"))
        let (outcome, files) = try Self.build(site)
        #expect(Self.errors(outcome.diagnostics) == ["themes/custom/templates/partials/site-footer.mustache:0: error: symlink-outside-site"])
        #expect(files == nil, "nothing is built")
    }

    @Test func aThemeAssetLinkedOutsideTheSiteIsRefusedNotPublished() throws {
        let outside = try FixtureSite(["secret.txt": "CANARY-OUTSIDE-ASSET"])
        let site = try Self.site(theme: "custom")
        try site.symlink("themes/custom/assets/notes.txt", to: outside.path("secret.txt"))
        let (outcome, files) = try Self.build(site)
        #expect(Self.errors(outcome.diagnostics) == ["themes/custom/assets/notes.txt:0: error: symlink-outside-site"])
        #expect(files == nil)
    }

    /// A template linked to a quotes file would print it, internal quotes and all, into every page.
    @Test func aThemeFileLinkedIntoContentIsRefused() throws {
        let site = try Self.site(theme: "custom")
        try site.symlink("themes/custom/templates/partials/site-footer.mustache", to: "../../../../content/quotes/survey.csv")
        try site.symlink("themes/custom/assets/survey.csv", to: "../../../content/quotes/survey.csv")
        let (outcome, files) = try Self.build(site)
        // The first refusal stops the build: the template's, as templates are listed before assets.
        #expect(Self.errors(outcome.diagnostics) == ["themes/custom/templates/partials/site-footer.mustache:0: error: symlink-outside-folder"])
        #expect(files == nil)
    }

    @Test func aThemeFolderThatIsALinkIsRefused() throws {
        let site = try Self.site(theme: "custom", ["elsewhere/templates/partials/site-footer.mustache": "<footer>CANARY-LINKED-THEME</footer>\n"])
        try site.symlink("themes/custom", to: "../elsewhere")
        let (outcome, files) = try Self.build(site)
        #expect(Self.errors(outcome.diagnostics) == ["themes/custom/templates:0: error: symlink-outside-folder"])
        #expect(files == nil)
    }

    /// One link per case: on the old code each recursed until paths grew too long (`static/up`
    /// copied content/quotes/survey.csv 40 times into _site); together they would branch.
    @Test(arguments: [
        ("static/up", "..", "symlink-outside-folder"), ("static/self", ".", "symlink-loop"), ("static/sub/back", "..", "symlink-loop"),
    ])
    func staticLinksToAnAncestorNeitherRecurseNorPublishTheSite(link: String, target: String, code: String) throws {
        let site = try Self.site(["static/logo.svg": "<svg/>", "static/sub/keep.txt": "kept"])
        try site.symlink(link, to: target)
        let loaded = SiteLoader.load(from: site.root)
        #expect(loaded.staticFiles == ["static/logo.svg", "static/sub/keep.txt"])
        #expect(Self.errors(loaded.diagnostics) == ["\(link):0: error: \(code)"])
        let (outcome, files) = try Self.build(site)
        #expect(!outcome.succeeded)
        #expect(files == nil, "nothing is built, so nothing of content/ can be in _site")
    }

    @Test func staticFilesLinkedIntoTheSiteOutsideStaticAreRefused() throws {
        let site = try Self.site(["static/logo.svg": "<svg/>", "_reports/internal/index.html": "CANARY-INTERNAL-REPORT"])
        try site.symlink("static/data.csv", to: "../content/quotes/survey.csv")
        try site.symlink("static/quotes", to: "../content/quotes")
        try site.symlink("static/config.yml", to: "../casebook.yml")
        try site.symlink("static/reports", to: "../_reports")
        let loaded = SiteLoader.load(from: site.root)
        #expect(loaded.staticFiles == ["static/logo.svg"])
        #expect(Self.errors(loaded.diagnostics) == [
            "static/config.yml:0: error: symlink-outside-folder", "static/data.csv:0: error: symlink-outside-folder",
            "static/quotes:0: error: symlink-outside-folder", "static/reports:0: error: symlink-outside-folder",
        ])
        #expect(loaded.diagnostics.first { $0.location.file == "static/data.csv" }?.message.contains("content/quotes/survey.csv") == true)
        #expect(try Self.build(site).files == nil)
    }

    @Test func aStaticFolderThatIsALinkIntoContentIsRefused() throws {
        let site = try Self.site()
        try site.symlink("static", to: "content/quotes")
        let loaded = SiteLoader.load(from: site.root)
        #expect(loaded.staticFiles.isEmpty)
        #expect(Self.errors(loaded.diagnostics) == ["static:0: error: symlink-outside-folder"])
    }

    @Test func linksInsideStaticArePublished() throws {
        let site = try Self.site(["static/files/report.txt": "the real file"])
        try site.symlink("static/latest.txt", to: "files/report.txt")
        try site.symlink("static/also", to: "files")
        let (outcome, files) = try Self.build(site)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        for path in ["latest.txt", "also/report.txt", "files/report.txt"] {
            #expect(files?.text(path) == "the real file", "\(path)")
        }
    }

    @Test func aConfigLinkedOutsideTheSiteIsRefused() throws {
        let site = try Self.site()
        let config = try site.read("casebook.yml")
        let outside = try FixtureSite(["casebook.yml": config])
        try site.remove("casebook.yml")
        try site.symlink("casebook.yml", to: outside.path("casebook.yml"))
        let outcome = site.check()
        #expect(Self.errors(outcome.diagnostics) == ["casebook.yml:0: error: symlink-outside-site"])
    }
}
