import Aggregate
import Foundation
import Markdown
import Model

/// Renders one evaluation report: a single self-contained HTML file for print (CSS inlined,
/// nothing fetched from elsewhere: content images only from `static/`, see `ReportResources`)
/// and `report.json`, the aggregated data behind it.
///
/// Input: the report's definition and the site aggregated with the report's selection (so the
/// audience's consent rules have already been applied). The parts are templates of the theme:
/// `report` and `partials/report-*`, styled by `assets/report.css` with CSS Paged Media.
public struct ReportRenderer: Sendable {
    public var theme: Theme
    public var markdown: MarkdownRenderer
    /// Whether content may show remote (http, https) images; off unless `--allow-network`.
    public var allowNetwork: Bool
    /// Also render the HTML Pandoc turns into a Word document (`report --docx`).
    public var docx = false

    public init(theme: Theme, markdown: MarkdownRenderer = MarkdownRenderer(options: [.smart]), allowNetwork: Bool = false) {
        self.theme = theme
        self.markdown = markdown
        self.allowNetwork = allowNetwork
    }

    public struct Output: Sendable {
        public var html: String
        public var json: [UInt8]
        /// Warnings about images and links left out of the report, at the lines that hold them.
        public var diagnostics: [Diagnostic]
        /// With `docx`: the same report as Pandoc's input (the template with `docx` set).
        public var docxHTML: String?
    }

    /// - Parameter date: the date on the cover and in `report.json` (`ReportFiles.date(of:)`).
    public func render(_ report: ReportDefinition, _ site: AggregatedSite, date: Day) throws(RenderError) -> Output {
        let log = ReportResources.Log()
        let values = ReportValues(
            report: report, site: site, markdown: markdown, date: date,
            resources: ReportResources(allowNetwork: allowNetwork), log: log)
        var templateValues = values.values()
        templateValues["css"] = try stylesheet()
        // Always given, so a theme's `{{#docx}}` names a value the template check knows.
        templateValues["docx"] = false
        let html = try theme.render("report", templateValues)
        var docxHTML: String?
        if docx {
            templateValues["docx"] = true
            docxHTML = try theme.render("report", templateValues).text
        }
        return Output(
            html: html.text, json: ReportData(report: report, site: site, date: date).json(), diagnostics: log.diagnostics,
            docxHTML: docxHTML)
    }

    /// The report stylesheet, inlined so the HTML file stands alone.
    func stylesheet() throws(RenderError) -> SafeHTML {
        guard let css = theme.assetText("assets/report.css") else {
            throw RenderError("missing-asset", "the theme has no assets/report.css", at: SourceLocation(file: "themes"))
        }
        return SafeHTML.stylesheet(css)
    }
}
