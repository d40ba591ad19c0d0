import Foundation
import Markdown
import Model

/// HTML that is safe to print as it is, because of how it was made. This file holds every way
/// to make one, and there are only these:
///
/// - Markdown converted by libcmark in safe mode (raw HTML and `javascript:` links left out),
///   whole or inline (`MarkdownRenderer`), for a report with only the images it may load;
/// - a template rendered with `Values` (`Theme.render`), whose every entry is safe;
/// - several of these joined; an inlined stylesheet that cannot close its `<style>`;
/// - an SVG chart, drawn from typed parts only (`SVGDrawing`).
///
/// So a page can print content unescaped only by going through a builder here.
struct SafeHTML: TemplateText, Equatable {
    let text: String

    /// Only for the builders of this file.
    fileprivate init(_ text: String) { self.text = text }

    static let empty = SafeHTML("")

    // MARK: Markdown

    /// A whole document's HTML (bodies, descriptions, pages): block HTML.
    static func markdown(_ text: String, _ renderer: MarkdownRenderer) -> SafeHTML { SafeHTML(renderer.html(text)) }

    /// A short text's inline HTML, phrasing content safe inside a `<p>` (summaries, lessons).
    static func inlineMarkdown(_ text: String, _ renderer: MarkdownRenderer) -> SafeHTML { SafeHTML(renderer.inlineHTML(text)) }

    /// A short text's inline HTML and its plain text, from one parse.
    static func inlineMarkdownAndPlainText(_ text: String, _ renderer: MarkdownRenderer) -> (html: SafeHTML, plain: String) {
        let converted = renderer.inlineHTMLAndPlainText(text)
        return (SafeHTML(converted.html), converted.plain)
    }

    /// A body's HTML and the start of its plain text, from one parse.
    static func markdownAndPlainText(_ text: String, _ renderer: MarkdownRenderer, plainTextLimit: Int) -> (html: SafeHTML, plain: String) {
        let converted = renderer.htmlAndPlainText(text, plainTextLimit: plainTextLimit)
        return (SafeHTML(converted.html), converted.plain)
    }

    /// A body's HTML, the start of its plain text, and its links, images and raw HTML for the
    /// Markdown audit, from one parse.
    static func markdownPlainTextAndReferences(
        _ text: String, _ renderer: MarkdownRenderer, plainTextLimit: Int
    ) -> (html: SafeHTML, plain: String, references: [MarkdownReference]) {
        let converted = renderer.htmlPlainTextAndReferences(text, plainTextLimit: plainTextLimit)
        return (SafeHTML(converted.html), converted.plain, converted.references)
    }

    /// A quote's paragraphs (without cmark's last newline, so one paragraph prints as
    /// `<blockquote><p>…</p></blockquote>`), its inline form, and its plain text for the search index.
    static func quoteMarkdown(_ text: String, _ renderer: MarkdownRenderer) -> (block: SafeHTML, inline: SafeHTML, plain: String) {
        let converted = renderer.blockInlineHTMLAndPlainText(text)
        var block = converted.block
        // In place: `String(dropLast())` counted every character of every quote.
        if block.hasSuffix("\n") { block.removeLast() }
        return (SafeHTML(block), SafeHTML(converted.inline), converted.plain)
    }

    /// Markdown for a report: inline or whole, with only the images and links a report may load.
    static func reportMarkdown(
        _ text: String, _ renderer: MarkdownRenderer, inline: Bool, resources: ReportResources, at location: SourceLocation,
        log: ReportResources.Log
    ) -> SafeHTML {
        SafeHTML(resources.clean(inline ? renderer.inlineHTML(text) : renderer.html(text), at: location, log: log))
    }

    // MARK: Made of safe parts

    /// `parts` one after another, `separator` (markup of casebook's own) between them.
    static func joined(_ parts: [SafeHTML], separator: StaticString) -> SafeHTML {
        SafeHTML(parts.lazy.map(\.text).joined(separator: separator.description))
    }

    /// A chart: `SVGDrawing` takes text only as `EscapedText` and prints numbers itself.
    static func svg(_ drawing: SVGDrawing) -> SafeHTML { SafeHTML(drawing.markup + "</svg>") }

    /// A theme's stylesheet for a `<style>` element: `</` cannot end the element early.
    static func stylesheet(_ css: String) -> SafeHTML { SafeHTML(css.replacingOccurrences(of: "</", with: "<\\/")) }
}

extension Theme {
    /// Renders a template with its values: every entry is a `TemplateValue`, so the page is safe
    /// HTML. A missing template is an error naming it.
    func render(_ template: String, _ values: Values) throws(RenderError) -> SafeHTML {
        recorder?.record(template, values.dictionary)
        guard let output = library.render(values.dictionary, withTemplate: template) else {
            throw RenderError(
                "missing-template", "the theme has no template '\(template)' (templates/\(template).mustache)",
                at: SourceLocation(file: "themes"))
        }
        return SafeHTML(output)
    }
}
