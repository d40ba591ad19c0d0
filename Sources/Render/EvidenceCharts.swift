import Aggregate
import Model

/// The charts of a site or a report, drawn from its aggregated site: quotes and case studies by
/// theme and by programme, and the evidence matrix. The aggregation holds only what the
/// audience may see, so no count here includes a quote it may not.
///
/// Each chart is also given as the rows of a table (templates print it beside the chart), and
/// a chart too crowded to read (see the limits) is left out, its table with it.
struct EvidenceCharts {
    let site: AggregatedSite
    let palette: ChartPalette
    /// The site's words for titles, headings and descriptions.
    var words: Wording { site.config.wording }

    /// Beyond these a chart is too crowded to read on a page; the tables stay.
    static let mostBars = 40, mostMatrixColumns = 8, mostMatrixRows = 40

    /// A chart and the numbers it shows, as template values:
    /// `{id, title, description, svgHTML, heading, columns [{title}], rows [{title, linked, href, counts [{count}]}]}`.
    struct Chart {
        struct Row {
            var title: String
            var href: Href?
            var counts: [Int]
        }

        var id: String
        var title: String
        var description: String
        var svg: SafeHTML
        /// The heading of the rows' column ("Theme"), then of each count's.
        var heading: String
        var columns: [String]
        var rows: [Row]

        var values: Values {
            [
                "id": EscapedText(id), "title": EscapedText(title), "description": EscapedText(description), "svgHTML": svg,
                "heading": EscapedText(heading), "columns": columns.map { ["title": EscapedText($0)] as Values },
                "rows": rows.map { row -> Values in
                    [
                        "title": EscapedText(row.title), "linked": row.href != nil, "href": row.href ?? Href(path: ""),
                        "counts": row.counts.map { ["count": $0] as Values },
                    ]
                },
            ]
        }
    }

    /// Quotes and case studies for each theme; `link` gives a theme's row its link.
    func byTheme(link: (ThemeDefinition) -> Href?) -> Chart? {
        guard !site.themes.isEmpty, site.themes.count <= Self.mostBars else { return nil }
        let rows = site.themes.map { Chart.Row(title: $0.definition.title, href: link($0.definition), counts: [$0.quotes.count, $0.caseStudies.count]) }
        return barChart(
            id: "chart-themes", title: words[.chartThemesTitle], heading: words[.theme], description: words[.barDescriptionThemes], rows: rows)
    }

    /// Quotes and case studies for each programme; `link` gives a programme's row its link.
    func byProgramme(link: (ProgrammeEvidence) -> Href?) -> Chart? {
        guard !site.programmes.isEmpty, site.programmes.count <= Self.mostBars else { return nil }
        let rows = site.programmes.map { Chart.Row(title: $0.title, href: link($0), counts: [$0.quotes.count, $0.caseStudies.count]) }
        return barChart(
            id: "chart-programmes", title: words[.chartProgrammesTitle], heading: words[.programme],
            description: words[.barDescriptionProgrammes], rows: rows)
    }

    /// - Parameter description: what the bars are, before the sentences naming the largest.
    func barChart(id: String, title: String, heading: String, description: String, rows: [Chart.Row]) -> Chart {
        let series = [words[.quotes], words[.caseStudies]]
        var description = description
        for (index, most) in [words[.mostQuotes], words[.mostCaseStudies]].enumerated() {
            // The first of the largest, in the chart's order, so the sentence is the same every build.
            var largest: Chart.Row?
            for row in rows where row.counts[index] > (largest?.counts[index] ?? 0) { largest = row }
            if let largest { description += " \(most) \(largest.title) (\(largest.counts[index]))." }
        }
        let chart = BarChart(
            id: id, title: title, description: description, series: series,
            items: rows.map { BarChart.Item(label: $0.title, counts: $0.counts) }, palette: palette)
        return Chart(id: id, title: title, description: description, svg: chart.svg(), heading: heading, columns: series, rows: rows)
    }

    /// The evidence matrix one way round: rows with their links and counts, and columns.
    private struct MatrixLayout {
        var labels: [String], links: [Href?], counts: [[Int]], columns: [String]
        /// The rows' column heading, the chart's title, and its description.
        var heading: String, title: String, description: String
    }

    /// The evidence matrix: case studies, lessons and quotes together, for each theme in each
    /// programme. Themes are the rows and programmes the columns, unless only the other way
    /// round fits a page's width (more programmes than columns fit, few enough themes).
    func matrix(themeLink: (ThemeDefinition) -> Href?, programmeLink: (ProgrammeEvidence) -> Href?) -> Chart? {
        let (themes, programmes) = (site.themes, site.programmes)
        guard !themes.isEmpty, !programmes.isEmpty else { return nil }
        let byTheme = site.matrix.cells.map { $0.map { $0.caseStudies + $0.lessons + $0.quotes } }
        let layout: MatrixLayout
        if themes.count <= Self.mostMatrixRows && programmes.count <= Self.mostMatrixColumns {
            layout = MatrixLayout(
                labels: themes.map(\.definition.title), links: themes.map { themeLink($0.definition) }, counts: byTheme,
                columns: programmes.map(\.title), heading: words[.theme], title: words[.matrixThemesTitle],
                description: words[.matrixDescriptionThemes])
        } else if programmes.count <= Self.mostMatrixRows && themes.count <= Self.mostMatrixColumns {
            layout = MatrixLayout(
                labels: programmes.map(\.title), links: programmes.map(programmeLink),
                counts: programmes.indices.map { p in byTheme.map { $0[p] } }, columns: themes.map(\.definition.title),
                heading: words[.programme], title: words[.matrixProgrammesTitle], description: words[.matrixDescriptionProgrammes])
        } else {
            return nil
        }
        let description = layout.description
        let chart = MatrixChart(
            id: "chart-matrix", title: layout.title, description: description, rowLabels: layout.labels, columnLabels: layout.columns,
            counts: layout.counts, palette: palette)
        let rows = layout.labels.indices.map { Chart.Row(title: layout.labels[$0], href: layout.links[$0], counts: layout.counts[$0]) }
        return Chart(
            id: "chart-matrix", title: layout.title, description: description, svg: chart.svg(), heading: layout.heading,
            columns: layout.columns, rows: rows)
    }
}
