import Foundation
@testable import Render
import Testing
import TestSupport

/// Templates receive only `TemplateValue`s: text escaped when made, HTML from libcmark or a
/// template, links escaped as attributes. (That a `String` cannot be put into `Values` is checked
/// by the compiler; the runtime check below guards the conformance list.)
@Suite struct TemplateValueTests {
    @Test func aStringIsNotATemplateValue() {
        #expect(!(("<script>" as Any) is any TemplateValue))
        #expect(!(([String]() as Any) is any TemplateValue))
        #expect(!(([String: String]() as Any) is any TemplateValue))
    }

    @Test func textAndLinksAreEscapedWhenMade() {
        #expect(EscapedText("<b>\"Tom\" & 'Jerry'</b>").text == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;")
        #expect(EscapedText(nil as String?).text == "")
        #expect(Href("/a\"b/", "themes/x/").text == "/a&quot;b/themes/x/")
        #expect(Href(path: "quotes/#theme-<x>").text == "quotes/#theme-&lt;x&gt;")
        #expect(Href(absolute: "https://example.org/?a=1&b=2").text == "https://example.org/?a=1&amp;b=2")
        #expect(SafeHTML.stylesheet("a::after { content: \"</style>\" }").text == "a::after { content: \"<\\/style>\" }")
    }

    /// Typed values print exactly as the same (already escaped) strings would: a theme cannot tell.
    @Test func templatesPrintTypedValuesAsTheyPrintStrings() throws {
        let site = TestScratch.path("template-values").path
        let templates = site + "/themes/probe/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let probe = """
            [{{title}}|{{{title}}}|{{uppercased(title)}}|{{lowercased(title)}}|{{reversed(title)}}|{{capitalized(title)}}]
            {{#organisation}}<{{.}}>{{/organisation}}{{^organisation}}no organisation{{/organisation}}
            {{#region}}<{{.}}>{{/region}}{{^region}}no region{{/region}}
            {{#empty(title)}}empty title{{/empty(title)}}{{^empty(title)}}a title{{/empty(title)}}
            {{#empty(blank)}}empty blank{{/empty(blank)}}{{#blank}}blank is truthy{{/blank}}
            {{#themes}}({{title}} {{href}}){{/themes}} {{count(themes)}}
            {{#programme}}{{title}} at {{root}}{{url}}{{/programme}} {{programme.title}} {{count}} {{{html}}}
            """
        try probe.write(toFile: templates + "/probe.mustache", atomically: true, encoding: .utf8)
        let theme = try Theme.load(siteRoot: site, name: "probe")
        let plain: [String: Any] = [
            "title": "Co-production &amp; trust", "organisation": "Leeds Mind", "blank": "", "root": "/sub/", "count": 3,
            "themes": [["title": "Trust", "href": "/sub/themes/trust/"], ["title": "Power", "href": "/sub/themes/power/"]],
            "programme": ["title": "Talent Match", "url": "programmes/tm/"], "html": "<em>x</em>",
        ]
        let typed: Values = [
            "title": EscapedText("Co-production & trust"), "organisation": EscapedText("Leeds Mind"), "blank": EscapedText(""),
            "root": Href("/sub/", ""), "count": 3,
            "themes": [link("Trust", "themes/trust/", root: "/sub/"), link("Power", "themes/power/", root: "/sub/")],
            "programme": link("Talent Match", "programmes/tm/", root: "/sub/"),
            "html": SafeHTML.inlineMarkdown("*x*", .init()),
        ]
        let expected = try #require(theme.library.render(plain, withTemplate: "probe"))
        #expect(try theme.render("probe", typed).text == expected)
        var absent = typed
        absent["region"] = Absent()
        #expect(try theme.render("probe", absent).text == expected, "an Absent name prints as a missing one")
        #expect(expected.contains("[Co-production &amp; trust|Co-production &amp; trust|CO-PRODUCTION &AMP; TRUST|"), "\(expected)")
        #expect(expected.contains("<Leeds Mind>") && expected.contains("no region") && expected.contains("a title"), "\(expected)")
        #expect(expected.contains("(Trust /sub/themes/trust/)(Power /sub/themes/power/) 2"), "\(expected)")
        #expect(expected.contains("Talent Match at /sub/programmes/tm/ Talent Match 3 <em>x</em>"), "\(expected)")
    }

    /// An item's `Absent` name stops the lookup there: a case study without a programme, listed
    /// on a programme's page, does not print the page's programme as its own.
    @Test func anAbsentNameDoesNotClimbToTheSectionsAroundIt() throws {
        let site = TestScratch.path("absent-values").path
        let templates = site + "/themes/probe/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try "{{#items}}[{{#programme}}{{title}}{{/programme}}]{{/items}}".write(
            toFile: templates + "/probe.mustache", atomically: true, encoding: .utf8)
        let theme = try Theme.load(siteRoot: site, name: "probe")
        let page: Values = [
            "programme": link("Talent Match", "programmes/tm/", root: "/"),
            "items": [["programme": Absent()], ["programme": link("Other", "programmes/o/", root: "/")]] as [Values],
        ]
        #expect(try theme.render("probe", page).text == "[][Other]")
        var missing = page
        missing["items"] = [[:], ["programme": link("Other", "programmes/o/", root: "/")]] as [Values]
        #expect(try theme.render("probe", missing).text == "[Talent Match][Other]", "what a missing name does")
    }
}
