/// A horizontal bar chart of a few series per item (quotes and case studies per theme, say),
/// drawn as SVG: each item's label on its own line or two, then one bar per series with its
/// number written at its end. The first series is solid, the second striped, and the legend
/// says which is which, so the chart reads the same in greyscale.
struct BarChart {
    struct Item {
        var label: String
        /// One count per series, in the series' order.
        var counts: [Int]
    }

    var id: String
    var title: String
    var description: String
    /// The series' names, for the legend: at most two (solid, then striped).
    var series: [String]
    var items: [Item]
    var palette: ChartPalette

    static let width = 480.0
    static let fontSize = 14
    /// Characters of a label line (bold, about 8.5 px each at 14 px).
    static let labelWidth = 54
    static let labelLines = 2
    static let lineHeight = 18.0
    static let barHeight = 16.0
    /// Room at the end of the longest bar for its number (bars start 1 px in, so their outline shows).
    static let numberRoom = 48.0

    func svg() -> SafeHTML {
        precondition((1...2).contains(series.count))
        let items = self.items.map { item in (lines: ChartLabel.lines(item.label, width: Self.labelWidth, lines: Self.labelLines), item.counts) }
        let groupHeights = items.map { Double($0.lines.count) * Self.lineHeight + 4 + Double(series.count) * (Self.barHeight + 3) + 12 }
        let legendHeight = 32.0
        let height = legendHeight + groupHeights.reduce(0, +)
        var drawing = SVGDrawing(
            id: EscapedText(id), width: Self.width, height: height, title: EscapedText(title),
            description: EscapedText(description), fontSize: Self.fontSize)
        let paints = [
            SVGDrawing.Paint.colour(palette.ink),
            drawing.stripes("stripes", colour: palette.ink, ground: palette.ground, class: "chart-stripes"),
        ]
        let classes: [StaticString] = ["chart-bar chart-series-1", "chart-bar chart-series-2"]

        // The legend: a swatch and a name per series.
        var x = 1.0
        for (name, (paint, className)) in zip(series, zip(paints, classes)) {
            drawing.rect(x: x, y: 2, width: 14, height: 14, class: className, fill: paint, stroke: .colour(palette.ink))
            drawing.text(EscapedText(name), x: x + 20, y: 14, class: "chart-label", fill: .colour(palette.text))
            x += 20 + Double(name.count) * 8 + 24
        }

        let largest = Double(max(1, items.lazy.flatMap { $0.1 }.max() ?? 1))
        let plotWidth = Self.width - Self.numberRoom
        var y = legendHeight
        for (item, groupHeight) in zip(items, groupHeights) {
            for (index, line) in item.lines.enumerated() {
                drawing.text(
                    EscapedText(line), x: 0, y: y + 14 + Double(index) * Self.lineHeight, class: "chart-label",
                    fill: .colour(palette.text), bold: true)
            }
            let barsTop = y + Double(item.lines.count) * Self.lineHeight + 4
            var barY = barsTop
            for (count, (paint, className)) in zip(item.1, zip(paints, classes)) {
                let length = (Double(count) / largest * plotWidth).rounded()
                if count > 0 {
                    drawing.rect(
                        x: 1, y: barY, width: max(length, 1), height: Self.barHeight, class: className, fill: paint,
                        stroke: .colour(palette.ink))
                }
                drawing.text(count, x: length + 7, y: barY + 12.5, class: "chart-number", fill: .colour(palette.text))
                barY += Self.barHeight + 3
            }
            // The baseline the bars grow from.
            drawing.line(x1: 1, y1: barsTop - 2, x2: 1, y2: barY - 1, class: "chart-axis", stroke: .colour(palette.ink))
            y += groupHeight
        }
        return SafeHTML.svg(drawing)
    }
}

/// The colours a chart is drawn with, as SVG presentation attributes: what a PDF engine that
/// does not style SVG from the page's stylesheet (WeasyPrint) shows. In browsers the default
/// theme's stylesheets restyle the `chart-*` classes, for dark mode and print.
struct ChartPalette {
    /// Bars, their outlines, axes and circles' outlines.
    var ink: StaticString
    var ground: StaticString = "#ffffff"
    var text: StaticString = "#24211d"
    var muted: StaticString = "#5a524a"
    var bubble: StaticString
    var grid: StaticString

    /// The site's teal (`--link`, `--tag-bg`, `--line` of `site.css`).
    static let site = ChartPalette(ink: "#0e5e5a", bubble: "#e3efed", grid: "#d9cdb9")
    /// The report's plum (`--accent`, `--accent-soft`, `--rule` of `report.css`).
    static let report = ChartPalette(ink: "#6b2d5c", text: "#1d1d1f", muted: "#4a4a55", bubble: "#f4ecf2", grid: "#c9c3cc")
}
