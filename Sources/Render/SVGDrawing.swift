/// An SVG image for inlining in HTML, built only from typed parts: text is `EscapedText`,
/// numbers are printed by `SVGDrawing.number`, and element, attribute, class and colour names
/// are casebook's own (`StaticString`). So content reaches the markup only escaped, and
/// `SafeHTML.svg` can print the drawing as it is.
///
/// The image is an accessible image: `role="img"`, named by its `<title>` and described by its
/// `<desc>` (`aria-labelledby`, `aria-describedby`), with ids made from the drawing's id.
struct SVGDrawing {
    /// The markup so far, without the closing `</svg>` (`SafeHTML.svg` adds it).
    private(set) var markup: String
    /// The drawing's element id, unique in the page: pattern and title ids start with it.
    let id: EscapedText

    enum Anchor: String {
        case start, middle, end
    }

    /// How a shape is filled: a colour of casebook's own, or a pattern this drawing defines.
    enum Paint {
        case colour(StaticString)
        case pattern(EscapedText)
        case none

        var attribute: String {
            switch self {
            case .colour(let name): name.description
            case .pattern(let id): "url(#\(id.text))"
            case .none: "none"
            }
        }
    }

    /// - Parameters:
    ///   - width, height: the drawing's size in CSS pixels; the `viewBox` is the same, so it
    ///     scales with CSS (`max-width: 100%; height: auto`) without changing its proportions.
    init(id: EscapedText, width: Double, height: Double, title: EscapedText, description: EscapedText, fontSize: Int) {
        self.id = id
        let (w, h) = (Self.number(width), Self.number(height))
        markup = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" id=\"\(id.text)\""
        markup += " viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\""
        markup += " aria-labelledby=\"\(id.text)-title\" aria-describedby=\"\(id.text)-desc\""
        markup += " font-family=\"sans-serif\" font-size=\"\(fontSize)\">\n"
        markup += "<title id=\"\(id.text)-title\">\(title.text)</title>\n"
        markup += "<desc id=\"\(id.text)-desc\">\(description.text)</desc>\n"
    }

    /// Defines diagonal stripes of `colour` on `ground` (for a series that must read apart from
    /// a solid one in greyscale) and returns the paint that uses them.
    mutating func stripes(_ name: StaticString, colour: StaticString, ground: StaticString, class className: StaticString) -> Paint {
        let patternID = EscapedText("\(id.text)-\(name)")
        markup += "<defs><pattern id=\"\(patternID.text)\" class=\"\(className)\" patternUnits=\"userSpaceOnUse\""
        markup += " width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
        markup += "<rect class=\"\(className)-ground\" width=\"6\" height=\"6\" fill=\"\(ground)\"/>"
        markup += "<rect class=\"\(className)-stripe\" width=\"3\" height=\"6\" fill=\"\(colour)\"/></pattern></defs>\n"
        return .pattern(patternID)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, class className: StaticString, fill: Paint, stroke: Paint = .none) {
        open("rect", className, [("x", x), ("y", y), ("width", width), ("height", height)])
        paint(fill: fill, stroke: stroke)
        markup += "/>\n"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, class className: StaticString, fill: Paint, stroke: Paint = .none) {
        open("circle", className, [("cx", cx), ("cy", cy), ("r", r)])
        paint(fill: fill, stroke: stroke)
        markup += "/>\n"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, class className: StaticString, stroke: Paint) {
        open("line", className, [("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)])
        paint(fill: nil, stroke: stroke)
        markup += "/>\n"
    }

    /// One line of text; `y` is its baseline.
    mutating func text(
        _ text: EscapedText, x: Double, y: Double, anchor: Anchor = .start, class className: StaticString, fill: Paint,
        bold: Bool = false
    ) {
        open("text", className, [("x", x), ("y", y)])
        if anchor != .start { markup += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { markup += " font-weight=\"bold\"" }
        paint(fill: fill, stroke: .none)
        markup += ">\(text.text)</text>\n"
    }

    /// A count as a label: digits only, whatever the locale.
    mutating func text(_ count: Int, x: Double, y: Double, anchor: Anchor = .start, class className: StaticString, fill: Paint) {
        text(EscapedText(String(count)), x: x, y: y, anchor: anchor, class: className, fill: fill)
    }

    /// An element's start tag up to its paint: name, class and numeric attributes.
    private mutating func open(_ name: StaticString, _ className: StaticString, _ numbers: [(StaticString, Double)]) {
        markup += "<\(name) class=\"\(className)\""
        for (attribute, value) in numbers { markup += " \(attribute)=\"\(Self.number(value))\"" }
    }

    private mutating func paint(fill: Paint?, stroke: Paint) {
        if let fill { markup += " fill=\"\(fill.attribute)\"" }
        if case .none = stroke { return }
        markup += " stroke=\"\(stroke.attribute)\""
    }

    /// A coordinate as printed: rounded to tenths, without exponent, locale or "-0", so the same
    /// drawing prints the same bytes everywhere.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        // Layouts stay far inside this; the bound only keeps the conversion to Int total.
        let tenths = Int((min(max(value, -1e12), 1e12) * 10).rounded())
        let magnitude = tenths.magnitude, sign = tenths < 0 ? "-" : ""
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
