import Foundation
import Markdown
import Testing
import TestSupport

/// A summary, lesson or quote of several paragraphs (or a list, a heading) used to print a `<p>`
/// inside the theme's `<p>`: invalid HTML that browsers repair by splitting the paragraph.
@Suite struct ParagraphNestingTests {
    /// Every page of a site whose short texts all have several blocks, and of the fixtures and the
    /// example site, holds no block element inside a `<p>`.
    @Test(arguments: ["multi-paragraph-site", "evidence-site", "valid-site", nil])
    func noPageHasABlockInsideAParagraph(fixture: String?) throws {
        let site = try fixture.map { try FixtureSite(copying: $0) }
        defer { withExtendedLifetime(site) {} }
        let root = site?.root ?? SiteBuilds.exampleSite
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let files = try SiteFiles(folder: output)
        #expect(files.htmlPages.count > 5)
        for page in files.htmlPages {
            let violations = ParagraphNesting.violations(in: files.text(page) ?? "")
            #expect(violations.isEmpty, "\(page): \(violations)")
        }
    }

    /// The multi-paragraph texts are all there, in the shape their container allows.
    @Test func multiParagraphTextsKeepEveryParagraph() throws {
        let site = try FixtureSite(copying: "multi-paragraph-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let page = try String(contentsOfFile: output + "/case-studies/long-road/index.html", encoding: .utf8)
        // A quote keeps its paragraphs inside the <blockquote>.
        #expect(page.contains("<blockquote><p>It makes me feel valued.</p>\n<p>And I said so, twice.</p>\n<ul>"), "\(page)")
        // A summary and a lesson, printed inside <p>, join their blocks with line breaks.
        #expect(page.contains("Young people joined the design group from the start.<br />\nThey stayed for three years."), "\(page)")
        #expect(page.contains("Peer networks<br />\nfriends<br />\nconfidence<br />\nSaid by one of them.<br />\n<code>and some code</code>"), "\(page)")
    }

    /// The inline form of any Markdown is phrasing content; one paragraph keeps its exact HTML.
    @Test func inlineHTMLIsPhrasingContentWhateverTheMarkdown() {
        let markdown = MarkdownRenderer(options: [.smart])
        #expect(markdown.inlineHTML("One *short* line.") == "One <em>short</em> line.")
        #expect(markdown.inlineHTML("") == "")
        for text in ["a\n\nb", "# Title\n\ntext", "- one\n- two", "> quoted\n\nafter", "```\ncode\n```", "a\n\n---\n\nb", "<div>x</div>\n\ny", "1. x\n   - y"] {
            let html = markdown.inlineHTML(text)
            #expect(ParagraphNesting.violations(in: "<p>" + html + "</p>").isEmpty, "\(text.debugDescription) → \(html)")
            #expect(markdown.inlineHTMLAndPlainText(text).html == html)
        }
        #expect(markdown.blockAndInlineHTML("a\n\nb") == (block: "<p>a</p>\n<p>b</p>\n", inline: "a<br />\nb"))
    }
}
