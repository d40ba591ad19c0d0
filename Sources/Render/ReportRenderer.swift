import Aggregate
import Foundation
import Markdown
import Model

/// Renders one evaluation report: a single self-contained HTML file for print (CSS inlined,
/// nothing fetched from elsewhere) and `report.json`, the aggregated data behind it.
///
/// Input: the report's definition and the site aggregated with the report's selection (so the
/// audience's consent rules have already been applied). The parts are templates of the theme:
/// `report` and `partials/report-*`, styled by `assets/report.css` with CSS Paged Media.
public struct ReportRenderer: Sendable {
    public var theme: Theme
    public var markdown: MarkdownRenderer

    public init(theme: Theme, markdown: MarkdownRenderer = MarkdownRenderer(options: [.smart])) {
        self.theme = theme
        self.markdown = markdown
    }

    public struct Output: Sendable {
        public var html: String
        public var json: [UInt8]
    }

    public func render(_ report: ReportDefinition, _ site: AggregatedSite, stamp: StampTime) throws(RenderError) -> Output {
        let values = ReportValues(report: report, site: site, markdown: markdown, date: stamp.day)
        var dictionary = values.dictionary()
        dictionary["css"] = try stylesheet()
        let html = try theme.render("report", dictionary)
        return Output(html: html, json: ReportData(report: report, site: site, date: stamp.day).json())
    }

    /// The report stylesheet, inlined so the HTML file stands alone.
    func stylesheet() throws(RenderError) -> String {
        guard let source = theme.assets.first(where: { $0.path == "assets/report.css" })?.source,
            let css = try? String(contentsOfFile: source, encoding: .utf8)
        else {
            throw RenderError("missing-asset", "the theme has no assets/report.css", at: SourceLocation(file: "themes"))
        }
        // A stylesheet cannot end the <style> element early.
        return css.replacingOccurrences(of: "</", with: "<\\/")
    }
}
