import Foundation
import Model
import TestSupport
import Testing

/// `casebook check` compiles the theme and finds names its templates use that no value has
/// (`ThemeCheck`): `{{titel}}` prints nothing, and would otherwise pass unnoticed.
@Suite struct ThemeCheckTests {
    /// The valid site with theme `mine`, whose folder holds `files` (relative to `themes/mine/`).
    func site(_ files: [String: String]) throws -> FixtureSite {
        let config = try String(contentsOf: PackagePaths.fixtures.appendingPathComponent("valid-site/casebook.yml"), encoding: .utf8)
        var all = ["casebook.yml": "theme: mine\n" + config]
        for (path, text) in files { all["themes/mine/" + path] = text }
        return try FixtureSite(copying: "valid-site", all)
    }

    func warnings(_ site: FixtureSite) -> [Diagnostic] {
        site.check().diagnostics.with(code: "unknown-template-value")
    }

    static let page = "templates/case-studies.mustache"
    static let file = "themes/mine/" + page

    @Test func aMisspeltNameIsAWarningAtItsLine() throws {
        let site = try site([Self.page: "{{<layout}}{{$main}}\n<h1>{{page.title}}</h1>\n<p>{{page.titel}}</p>\n{{/main}}{{/layout}}\n"])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):3: warning: unknown-template-value"])
        #expect(diagnostics.first?.message.contains("{{page.titel}}") == true)
        #expect(diagnostics.first?.message.contains("prints nothing") == true)
    }

    @Test func aNameCloseToAKnownOneGetsASuggestion() throws {
        let site = try site([Self.page: "{{<layout}}{{$main}}{{#caseStudies}}{{tilte}}{{/caseStudies}}{{/main}}{{/layout}}\n"])
        let warnings = warnings(site)
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("inside {{#caseStudies}}") == true, "\(warnings)")
        #expect(warnings.first?.message.contains("did you mean 'title'") == true, "\(warnings)")
    }

    @Test func namesOfASectionsItemsAreKnownOnlyInsideIt() throws {
        let text = """
            {{<layout}}{{$main}}
            {{#caseStudies}}<a href="{{href}}">{{title}}</a>{{#programme}}{{title}} {{root}}{{/programme}}{{/caseStudies}}
            {{summaryHTML}}
            {{/main}}{{/layout}}
            """
        let warnings = warnings(try site([Self.page: text]))
        #expect(warnings.map(\.location.line) == [3], "summaryHTML is a card's, not the page's: \(warnings)")
        #expect(warnings.first?.message.contains("{{summaryHTML}} names") == true)
    }

    @Test func aSectionOverANameThatDoesNotExistIsReportedOnceNotForWhatItHolds() throws {
        let site = try site([Self.page: "{{<layout}}{{$main}}{{#cases}}{{title}}{{anything}}{{/cases}}{{/main}}{{/layout}}\n"])
        #expect(warnings(site).map(\.message).map { $0.prefix(9) } == ["{{cases}}"])
    }

    @Test func aPartialMayUseANameOnlySomeOfThePagesIncludingItHave() throws {
        let site = try site([
            "templates/partials/count.mustache": "{{#caseStudies}}{{title}}{{/caseStudies}}{{nowhere}}",
            Self.page: "{{<layout}}{{$main}}{{> partials/count}}{{/main}}{{/layout}}\n",
            "templates/quotes.mustache": "{{<layout}}{{$main}}{{> partials/count}}{{/main}}{{/layout}}\n",
        ])
        let warnings = warnings(site)
        #expect(warnings.summaries == ["themes/mine/templates/partials/count.mustache:1: warning: unknown-template-value"])
        #expect(warnings.first?.message.contains("{{nowhere}}") == true, "\(warnings)")
    }

    @Test func blockOverridesAreCheckedWithTheValuesOfThePageThatWritesThem() throws {
        let site = try site([Self.page: "{{<layout}}\n{{$title}}{{page.title}}{{/title}}\n{{$main}}{{caseStudiesHTML}}{{lessonsHTML}}{{/main}}\n{{/layout}}\n"])
        let warnings = warnings(site)
        #expect(warnings.summaries == ["\(Self.file):3: warning: unknown-template-value"], "lessonsHTML is a theme page's")
    }

    @Test func theBuiltInThemeUsesOnlyNamesItIsGiven() throws {
        for fixture in ["valid-site", "evidence-site", "multi-paragraph-site"] {
            let site = try FixtureSite(copying: fixture)
            #expect(warnings(site).isEmpty, "\(fixture): \(warnings(site).map(\.description))")
        }
    }

    @Test func aNameNoItemOfThisSiteHasIsStillKnown() throws {
        // No case study of the fixture has an organisation, a region or a programme-less quote date.
        let site = try site(["templates/partials/case-study-card.mustache": "{{organisation}}{{region}}{{#programme}}{{title}}{{/programme}}"])
        #expect(warnings(site).isEmpty, "\(warnings(site).map(\.description))")
    }

    @Test func aTemplateSyntaxErrorIsAnErrorAtItsLine() throws {
        let site = try site([Self.page: "{{<layout}}{{$main}}\n{{#caseStudies}}\n{{title}}\n{{/main}}{{/layout}}\n"])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):4: error: template-syntax"], "\(diagnostics.map(\.description))")
    }

    @Test func aTemplateSyntaxErrorIsFoundEvenWhenTheContentHasErrors() throws {
        let site = try site([Self.page: "{{#caseStudies}}\n"])
        try site.write("content/case-studies/broken.md", "---\ntitle: [a\n---\n")
        let codes = Set(site.check().diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["yaml-syntax", "template-syntax"]), "\(codes)")
    }

    @Test func strictMakesAnUnknownNameFailTheCheck() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
        let site = try site([Self.page: "{{<layout}}{{$main}}{{titel}}{{/main}}{{/layout}}\n"])
        let plain = try CasebookCLI.run(["check", site.root])
        #expect(plain.status == 0, "\(plain)")
        #expect(plain.stdout.contains("\(Self.file):1:1: warning: {{titel}} names no value"), "\(plain)")
        let strict = try CasebookCLI.run(["check", "--strict", site.root])
        #expect(strict.status == 1, "\(strict)")
    }
}
