import Foundation
@testable import Render
import Testing
import TestSupport

/// Strings reach templates wrapped as `TemplateText`, which swift-mustache prints faster. A
/// theme must not be able to tell: every tag prints what it printed for the plain string.
@Suite struct TemplateTextTests {
    @Test func templatesPrintWrappedTextAsTheyPrintStrings() throws {
        let site = TestScratch.path("template-text").path
        let templates = site + "/themes/probe/templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let probe = """
            [{{title}}|{{{title}}}|{{uppercased(title)}}|{{lowercased(title)}}|{{reversed(title)}}|{{capitalized(title)}}]
            {{#organisation}}<{{.}}>{{/organisation}}{{^organisation}}no organisation{{/organisation}}
            {{#region}}<{{.}}>{{/region}}{{^region}}no region{{/region}}
            {{#empty(title)}}empty title{{/empty(title)}}{{^empty(title)}}a title{{/empty(title)}}
            {{#empty(blank)}}empty blank{{/empty(blank)}}{{#blank}}blank is truthy{{/blank}}
            {{#themes}}({{title}} {{href}}){{/themes}} {{count(themes)}}
            {{#programme}}{{title}} at {{root}}{{url}}{{/programme}} {{programme.title}} {{count}}
            """
        try probe.write(toFile: templates + "/probe.mustache", atomically: true, encoding: .utf8)
        let theme = try Theme.load(siteRoot: site, name: "probe")
        let plain: [String: Any] = [
            "title": "Co-production &amp; trust", "organisation": "Leeds Mind", "blank": "", "root": "/sub/", "count": 3,
            "themes": [["title": "Trust", "href": "/sub/themes/trust/"], ["title": "Power", "href": "/sub/themes/power/"]],
            "programme": ["title": "Talent Match", "url": "programmes/tm/"],
        ]
        let wrapped = try #require(TemplateText.wrapping(plain) as? [String: Any])
        #expect(wrapped["title"] is TemplateText, "the strings are wrapped")
        let expected = try theme.render("probe", plain)
        #expect(try theme.render("probe", wrapped) == expected)
        #expect(expected.contains("[Co-production &amp; trust|Co-production &amp; trust|CO-PRODUCTION &AMP; TRUST|"), "\(expected)")
        #expect(expected.contains("<Leeds Mind>") && expected.contains("no region") && expected.contains("a title"), "\(expected)")
        #expect(expected.contains("(Trust /sub/themes/trust/)(Power /sub/themes/power/) 2"), "\(expected)")
    }
}
