/// The colour pairs a brand makes in the built-in theme's site and report, for `check`'s
/// contrast test (WCAG 2.2 success criterion 1.4.3, level AA: 4.5:1 for text).
///
/// The theme's own colours here are the values `assets/site.css` and `assets/report.css` give
/// the custom properties a brand leaves alone (`BrandTests` holds them to it); the brand's
/// colours replace the ones it sets (`BrandStyles`).
public enum BrandContrast {
    /// Text against its background: AA for normal-size text.
    public static let minimum = 4.5

    public struct Pair: Sendable, Equatable {
        public var text: HexColour
        public var background: HexColour
        /// Where the pair is seen, said in the message: "links on the page background (site)".
        public var place: String
        /// The brand key whose value is in the pair, where it was set.
        public var location: SourceLocation

        public var ratio: Double { text.contrast(with: background) }
    }

    /// The site's page background, cards, page heads and tags (`--paper`, `--surface`, `--sand`,
    /// `--tag-bg`), the header's and footer's text (`--band-ink`, `--band-muted` light and dark,
    /// `--band-accent`) and the report's page.
    public static let paper = HexColour("#fbf8f3")!, surface = HexColour("#ffffff")!, sand = HexColour("#f3ebdd")!
    public static let tagBackground = HexColour("#e3efed")!
    public static let bandMuted = HexColour("#d7ebe8")!, bandMutedDark = HexColour("#cfe3e0")!, bandAccent = HexColour("#f6c28b")!
    public static let reportPage = HexColour("#ffffff")!

    public static func pairs(_ brand: Brand) -> [Pair] {
        var pairs: [Pair] = []
        if let primary = brand.primary {
            func add(_ text: HexColour, on background: HexColour, _ place: String) {
                pairs.append(Pair(text: text, background: background, place: place, location: primary.location))
            }
            let colour = primary.value
            add(colour, on: paper, "links on the page background (site)")
            add(colour, on: surface, "links on cards (site)")
            add(colour, on: sand, "links in page heads (site)")
            add(colour, on: tagBackground, "theme tags (site)")
            add(.white, on: colour, "header and footer text, button labels (site)")
            add(bandMuted, on: colour, "the footer's secondary text (site)")
            add(bandMutedDark, on: colour, "the footer's secondary text in dark mode (site)")
            add(bandAccent, on: colour, "the current menu item (site)")
            add(colour, on: reportPage, "headings and links (report)")
            add(.white, on: colour, "theme numbers (report)")
        }
        if let accent = brand.accent {
            for (background, place) in [(paper, "the page background"), (surface, "cards"), (sand, "page heads")] {
                pairs.append(Pair(text: accent.value, background: background, place: "accent text on \(place) (site)", location: accent.location))
            }
        }
        return pairs
    }

    /// One error for each brand colour with a pair below AA, at the colour's line: every such
    /// pair with its ratio, the worst first, and where each is seen. Every pair of the theme
    /// asks for a darker colour (text on a light background, or white on the colour).
    public static func check(_ brand: Brand, diagnostics: inout [Diagnostic]) {
        for (key, colour) in [("primary", brand.primary), ("accent", brand.accent)] {
            guard let colour else { continue }
            var failing: [(pair: Pair, places: [String])] = []
            for pair in pairs(brand) where pair.location == colour.location && pair.ratio < minimum {
                if let index = failing.firstIndex(where: { $0.pair.text == pair.text && $0.pair.background == pair.background }) {
                    failing[index].places.append(pair.place)
                } else {
                    failing.append((pair, [pair.place]))
                }
            }
            guard !failing.isEmpty else { continue }
            failing.sort { $0.pair.ratio < $1.pair.ratio }
            let listed = failing.map { "\($0.pair.text) on \($0.pair.background) is \(format($0.pair.ratio)):1 (\($0.places.joined(separator: "; ")))" }
            diagnostics.append(
                .error("low-contrast",
                       "'\(key)' \(colour.value) is below the 4.5:1 contrast WCAG 2.2 AA asks of text: "
                           + listed.joined(separator: ", ") + "; choose a darker colour",
                       at: colour.location))
        }
    }

    /// Two decimals, rounded down, so 4.499 is never shown as a passing 4.50.
    public static func format(_ ratio: Double) -> String {
        let hundredths = Int((ratio * 100).rounded(.down))
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
