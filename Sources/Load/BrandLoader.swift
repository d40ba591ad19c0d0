import Model

/// Reads `brand:` in casebook.yml. Each value is printed into the site's and the report's
/// stylesheets, so each is checked strictly here: colours in hex, a font stack of plain names,
/// a logo that is an SVG or PNG file in `static/` (a path relative to it) with its alternative text.
enum BrandLoader {
    static let keys = ["primary", "accent", "font", "logo", "logo_alt"]

    static func brand(_ yaml: YAMLMapping, diagnostics: inout [Diagnostic]) -> Brand {
        yaml.warnUnknownKeys(known: keys, what: "brand", diagnostics: &diagnostics)
        var brand = Brand()
        brand.primary = colour("primary", in: yaml, diagnostics: &diagnostics)
        brand.accent = colour("accent", in: yaml, diagnostics: &diagnostics)
        if let font = yaml.string("font", diagnostics: &diagnostics) {
            if let stack = FontStack(font.value) {
                brand.font = Located(stack, at: font.location)
            } else {
                diagnostics.append(
                    .error("invalid-font",
                           "'font' must be font names separated by commas, each of letters, digits, spaces, '-', '_' or '.', "
                               + "quoted with \" or bare (like \"Source Sans 3\", Arial, sans-serif); found '\(font.value)'",
                           at: font.location))
            }
        }
        let alt = yaml.string("logo_alt", diagnostics: &diagnostics)
        if let logo = yaml.string("logo", diagnostics: &diagnostics) {
            let path = logo.value
            let lower = path.lowercased()
            // Relative to static/, as a report's logo is.
            if path.hasPrefix("/") || path.contains("\\") || path.contains(":")
                || path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
                || !(lower.hasSuffix(".svg") || lower.hasSuffix(".png"))
            {
                diagnostics.append(
                    .error("invalid-logo",
                           "'logo' must be an .svg or .png file in static/, named by a path relative to it (like images/logo.svg), "
                               + "found '\(path)'",
                           at: logo.location))
            } else if let alt {
                brand.logo = Brand.Logo(path: logo, alt: alt.value)
            } else {
                diagnostics.append(
                    .error("missing-logo-alt",
                           "'logo' needs 'logo_alt', the text a screen reader says for it (usually the organisation's name)",
                           at: logo.location))
            }
        } else if let alt {
            diagnostics.append(.warning("unused-logo-alt", "'logo_alt' is set but there is no 'logo'", at: alt.location))
        }
        return brand
    }

    private static func colour(_ key: String, in yaml: YAMLMapping, diagnostics: inout [Diagnostic]) -> Located<HexColour>? {
        // `primary: #0e4b48` is a YAML comment: the key is there with no value.
        if let node = yaml.node(key), node.isNull {
            diagnostics.append(
                .error("invalid-colour", "'\(key)' has no value: a '#' starts a YAML comment, so quote the colour (\(key): \"#0e4b48\")",
                       at: yaml.location(of: node)))
            return nil
        }
        guard let text = yaml.string(key, diagnostics: &diagnostics) else { return nil }
        guard let colour = HexColour(text.value) else {
            diagnostics.append(
                .error("invalid-colour", "'\(key)' must be a hex colour written #rrggbb or #rgb (like #0e4b48), found '\(text.value)' "
                    + "(quote it in YAML: \(key): \"#0e4b48\")", at: text.location))
            return nil
        }
        return Located(colour, at: text.location)
    }
}
