import Model

/// `brand:` as CSS custom properties: `assets/brand.css` for the site, linked after the theme's
/// stylesheet, and a rule appended to the report's inlined stylesheet. The values were checked
/// when read (`HexColour`, `FontStack`), so they print as they are; `check` holds their
/// contrast to WCAG AA (`BrandContrast`).
enum BrandStyles {
    /// Whether the brand changes any style (a logo alone does not).
    static func hasStyles(_ brand: Brand?) -> Bool {
        guard let brand else { return false }
        return brand.primary != nil || brand.accent != nil || brand.font != nil
    }

    /// The site's properties: the primary colour is the header and footer band in light and
    /// dark mode, and links and tags in light mode only, as the accent is: the theme's dark mode
    /// keeps its own light-on-dark link colours, which a brand colour chosen for a light page
    /// would not read on. `not all and (…)` is the form every browser with custom properties reads.
    static func siteCSS(_ brand: Brand) -> String {
        var light: [String] = [], always: [String] = []
        if let primary = brand.primary?.value {
            always.append("--band: \(primary);")
            light += [
                "--link: \(primary);", "--link-hover: \(darker(primary));", "--tag-ink: \(primary);",
            ]
        }
        if let accent = brand.accent?.value { light += ["--accent: \(accent);", "--focus: \(accent);"] }
        if let font = brand.font?.value { always.append("--font-sans: \(font);") }
        var css = "/* brand: from casebook.yml */\n"
        if !always.isEmpty { css += ":root {\n" + always.map { "  \($0)\n" }.joined() + "}\n" }
        if !light.isEmpty {
            css += "@media not all and (prefers-color-scheme: dark) {\n  :root {\n" + light.map { "    \($0)\n" }.joined() + "  }\n}\n"
        }
        return css
    }

    /// 70 % of the colour and 30 % black, for hover: darker, so its contrast on light
    /// backgrounds only grows. Worked out here rather than with CSS `color-mix()`, which older
    /// browsers and validators do not know.
    static func darker(_ colour: HexColour) -> HexColour {
        func scale(_ channel: UInt8) -> UInt8 { UInt8((Double(channel) * 0.7).rounded()) }
        return HexColour(red: scale(colour.red), green: scale(colour.green), blue: scale(colour.blue))
    }

    /// The report's properties: the primary colour replaces its accent (headings, rules, links).
    static func reportCSS(_ brand: Brand) -> String {
        var lines: [String] = []
        if let primary = brand.primary?.value { lines.append("--accent: \(primary);") }
        if let font = brand.font?.value { lines.append("--sans: \(font);") }
        guard !lines.isEmpty else { return "" }
        return "\n/* brand: from casebook.yml */\n:root { " + lines.joined(separator: " ") + " }\n"
    }
}
