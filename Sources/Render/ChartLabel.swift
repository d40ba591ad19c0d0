/// A chart's label broken into lines: SVG text does not wrap, and a chart is drawn without a
/// font to measure with, so lines are counted in characters (about 0.55 em each in a sans
/// serif). The whole label is always in the data table beside the chart.
enum ChartLabel {
    /// `text` in at most `lines` lines of at most `width` characters, broken at spaces; a word
    /// longer than a line is hyphenated where the line ends, and text that does not fit ends the
    /// last line with "…".
    static func lines(_ text: String, width: Int, lines maximum: Int) -> [String] {
        precondition(width > 1 && maximum > 0)
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        var words = text.split(whereSeparator: \.isWhitespace).makeIterator()
        var pending = words.next().map(String.init)
        while let word = pending {
            let count = word.count
            if currentCount == 0 {
                if count <= width {
                    current = word
                    currentCount = count
                    pending = words.next().map(String.init)
                } else {
                    // A word longer than a line: its first part and a hyphen fill the line, the rest goes on.
                    current = String(word.prefix(width - 1)) + "-"
                    currentCount = width
                    pending = String(word.dropFirst(width - 1))
                }
            } else if currentCount + 1 + count <= width {
                current += " " + word
                currentCount += 1 + count
                pending = words.next().map(String.init)
            } else {
                lines.append(current)
                current = ""
                currentCount = 0
                if lines.count == maximum { break }
            }
        }
        if currentCount > 0 && lines.count < maximum {
            lines.append(current)
        } else if pending != nil || currentCount > 0, let last = lines.popLast() {
            // More text than fits: the last line ends with an ellipsis, within the width.
            lines.append(String(last.prefix(width - 1)) + "…")
        }
        return lines
    }
}
