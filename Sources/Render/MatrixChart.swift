/// The evidence matrix as a bubble grid, as evidence gap maps draw it: themes in rows,
/// programmes in columns, a circle in each cell whose area grows with the cell's count and the
/// count written on it. An empty cell shows a 0 and no circle, so a gap reads as a gap in
/// greyscale too.
struct MatrixChart {
    var id: String
    var title: String
    var description: String
    var rowLabels: [String]
    var columnLabels: [String]
    /// `counts[row][column]`.
    var counts: [[Int]]
    var palette: ChartPalette

    static let fontSize = 14
    static let labelColumn = 190.0
    /// Characters of a theme's label line, and of a programme's.
    static let rowLabelWidth = 21, columnLabelWidth = 10
    static let labelLines = 3
    static let lineHeight = 16.0
    static let cellWidth = 84.0, rowHeight = 56.0
    /// The largest circle's radius, and the smallest, which still holds a number.
    static let largestRadius = 25.0, smallestRadius = 10.0

    func svg() -> SafeHTML {
        let columns = columnLabels.map { ChartLabel.lines($0, width: Self.columnLabelWidth, lines: Self.labelLines) }
        let headerHeight = Double(columns.map(\.count).max() ?? 1) * Self.lineHeight + 12
        let width = Self.labelColumn + Double(columnLabels.count) * Self.cellWidth
        let height = headerHeight + Double(rowLabels.count) * Self.rowHeight + 2
        var drawing = SVGDrawing(
            id: EscapedText(id), width: width, height: height, title: EscapedText(title), description: EscapedText(description),
            fontSize: Self.fontSize)

        for (column, lines) in columns.enumerated() {
            let centre = Self.labelColumn + (Double(column) + 0.5) * Self.cellWidth
            for (index, line) in lines.enumerated() {
                drawing.text(
                    EscapedText(line), x: centre, y: 14 + Double(index) * Self.lineHeight, anchor: .middle, class: "chart-label",
                    fill: .colour(palette.text), bold: true)
            }
        }
        let largest = Double(max(1, counts.lazy.flatMap { $0 }.max() ?? 1))
        for (row, label) in rowLabels.enumerated() {
            let top = headerHeight + Double(row) * Self.rowHeight
            let middle = top + Self.rowHeight / 2
            drawing.line(x1: 0, y1: top, x2: width, y2: top, class: "chart-grid", stroke: .colour(palette.grid))
            let lines = ChartLabel.lines(label, width: Self.rowLabelWidth, lines: Self.labelLines)
            // Centred on the row: 5 px puts a 14 px line's middle on its baseline minus 5.
            let firstBaseline = middle - Double(lines.count - 1) * Self.lineHeight / 2 + 5
            for (index, line) in lines.enumerated() {
                drawing.text(
                    EscapedText(line), x: 0, y: firstBaseline + Double(index) * Self.lineHeight, class: "chart-label",
                    fill: .colour(palette.text), bold: true)
            }
            for (column, count) in counts[row].enumerated() {
                let centre = Self.labelColumn + (Double(column) + 0.5) * Self.cellWidth
                if count > 0 {
                    // Area, not radius, in proportion to the count.
                    let radius = max(Self.smallestRadius, Self.largestRadius * (Double(count) / largest).squareRoot())
                    drawing.circle(
                        cx: centre, cy: middle, r: radius, class: "chart-bubble", fill: .colour(palette.bubble),
                        stroke: .colour(palette.ink))
                    drawing.text(count, x: centre, y: middle + 5, anchor: .middle, class: "chart-number", fill: .colour(palette.text))
                } else {
                    drawing.text(0, x: centre, y: middle + 5, anchor: .middle, class: "chart-number chart-none", fill: .colour(palette.muted))
                }
            }
        }
        drawing.line(x1: 0, y1: height - 1, x2: width, y2: height - 1, class: "chart-grid", stroke: .colour(palette.grid))
        return SafeHTML.svg(drawing)
    }
}
