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

    /// Themes written before `href` existed print `{{root}}{{url}}`: both must give the same link,
    /// for every kind of linked item, under a base path.
    @Test func hrefIsRootAndURLForEveryLink() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        try fixture.edit("casebook.yml", replacing: "language: en-GB", with: "language: en-GB\ntheme: links")
        let pair = "[{{root}}{{url}}|{{href}}]"
        try fixture.write("themes/links/templates/partials/quote.mustache", "{{#caseStudy}}\(pair){{/caseStudy}}{{#programme}}\(pair){{/programme}}{{#themes}}\(pair){{/themes}}")
        try fixture.write("themes/links/templates/partials/case-study-card.mustache", "\(pair){{#programme}}\(pair){{/programme}}{{#themes}}\(pair){{/themes}}")
        try fixture.write("themes/links/templates/partials/lesson.mustache", "{{#caseStudy}}\(pair){{/caseStudy}}{{#theme}}\(pair){{/theme}}")
        try fixture.write("themes/links/templates/partials/site-header.mustache", "{{#site.menu}}\(pair){{/site.menu}}{{#site.reports}}\(pair){{/site.reports}}")
        try fixture.write("themes/links/templates/themes.mustache", "{{<layout}}{{$main}}{{#themes}}\(pair){{/themes}}{{#matrix.programmes}}\(pair){{/matrix.programmes}}{{#matrix.rows}}{{#theme}}\(pair){{/theme}}{{/matrix.rows}}{{/main}}{{/layout}}")
        try fixture.write("themes/links/templates/programmes.mustache", "{{<layout}}{{$main}}{{#programmes}}\(pair){{#themes}}\(pair){{/themes}}{{/programmes}}{{/main}}{{/layout}}")
        try fixture.write("themes/links/templates/quotes.mustache", "{{<layout}}{{$main}}{{#groups}}{{#theme}}\(pair){{/theme}}{{#quotes}}{{rendered}}{{/quotes}}{{/groups}}{{/main}}{{/layout}}")
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuild(options: .init(folder: fixture.root, output: output, baseURL: "https://example.org/learning/"), clock: SiteBuilds.clock).run()
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let site = try SiteFiles(folder: output)
        var pairs = 0
        for page in site.files.keys.sorted() where page.hasSuffix(".html") {
            let text = try #require(site.text(page))
            let regex = /\[([^|\]]*)\|([^\]]*)\]/
            for match in text.matches(of: regex) {
                pairs += 1
                #expect(match.output.1 == match.output.2, "\(page): \(match.output.0)")
                #expect(match.output.2.hasPrefix("/learning/"), "\(page): \(match.output.0)")
            }
        }
        #expect(pairs > 20, "the theme printed the links it was meant to")
    }
}
