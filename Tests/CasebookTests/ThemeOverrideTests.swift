import Foundation
import Model
import Pipeline
import Testing
import TestSupport

/// A site changes one file of the default theme without copying the rest.
@Suite struct ThemeOverrideTests {
    @Test func aNamedThemeReplacesOnlyTheFilesItHas() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        try fixture.edit("casebook.yml", replacing: "language: en-GB", with: "language: en-GB\ntheme: custom")
        try fixture.write("themes/custom/templates/partials/site-footer.mustache", "<footer><p>Custom footer for {{site.organisation}}</p></footer>\n")
        try fixture.write("themes/custom/assets/extra.css", "body { color: black; }\n")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try #require(SiteBuilds.build(fixture.root, into: output).succeeded)
        let site = try SiteFiles(folder: output)
        for page in ["index.html", "case-studies/cs-a/index.html", "quotes/index.html"] {
            let text = try #require(site.text(page))
            #expect(text.contains("Custom footer for Fixture Fund"), "\(page)")
            #expect(text.contains("class=\"site-header\""), "\(page) keeps the default header")
        }
        #expect(site.files["assets/extra.css"] != nil)
        #expect(site.files["assets/site.css"] != nil, "default assets stay")
    }

    @Test func aMissingThemeFolderIsAnErrorInCasebookYml() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        try fixture.edit("casebook.yml", replacing: "language: en-GB", with: "language: en-GB\ntheme: nowhere")
        let outcome = SiteBuilds.build(fixture.root, into: SiteBuilds.temporaryOutput())
        let error = try #require(outcome.diagnostics.first { $0.severity == .error })
        #expect(error.location.file == "casebook.yml")
        #expect(error.location.line == 5, "the line of theme:")
        #expect(error.message.contains("themes/nowhere/"))
    }
}
