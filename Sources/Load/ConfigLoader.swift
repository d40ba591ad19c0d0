import Model

/// Reads `casebook.yml` into a `SiteConfig`, reporting every problem with its line.
enum ConfigLoader {
    static let file = "casebook.yml"
    static let knownKeys = [
        "title", "base_url", "language", "organisation", "contact_email", "theme", "introduction",
        "themes", "programmes", "reports", "require_consent_ref", "description", "keep", "csv", "brand",
        "charts", "markdown", "strings",
    ]

    static func load(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> SiteConfig? {
        guard let yaml = YAMLMapping.parse(source.text, file: source.path, firstLine: 1, diagnostics: &diagnostics) else {
            return nil
        }
        let what = "casebook.yml"
        yaml.warnUnknownKeys(known: knownKeys, what: what, diagnostics: &diagnostics)
        let title = yaml.string("title", required: true, what: what, diagnostics: &diagnostics)
        var baseURL: String?
        if let given = yaml.string("base_url", required: true, what: what, diagnostics: &diagnostics) {
            switch BaseURL.checked(given.value) {
            case .success(let checked): baseURL = checked
            case .failure(let problem):
                diagnostics.append(.error("invalid-base-url", "'base_url' \(problem.reason); \(BaseURL.example)", at: given.location))
            }
        }
        let themes = (yaml.mappings("themes", diagnostics: &diagnostics) ?? []).compactMap {
            definition($0, kind: "theme", diagnostics: &diagnostics).map {
                ThemeDefinition(id: $0.id, title: $0.title, description: $0.description, location: $0.location)
            }
        }
        if yaml.node("themes") == nil {
            diagnostics.append(
                .warning("no-themes", "casebook.yml defines no 'themes:'; lessons and quotes cannot be grouped", at: yaml.location))
        }
        let programmes = yaml.mappings("programmes", diagnostics: &diagnostics)?.compactMap {
            definition($0, kind: "programme", diagnostics: &diagnostics).map {
                ProgrammeDefinition(id: $0.id, title: $0.title, description: $0.description, location: $0.location)
            }
        }
        let reports = (yaml.mappings("reports", diagnostics: &diagnostics) ?? []).compactMap {
            report($0, diagnostics: &diagnostics)
        }
        var theme = yaml.string("theme", diagnostics: &diagnostics)
        // The theme names a folder under themes/: a path (`../..`, `/etc`) would make it any folder.
        if let name = theme, !Slug.isValid(name.value) {
            diagnostics.append(
                .error("invalid-theme-name",
                       "'theme' names a folder under themes/ and may use only a-z, 0-9 and '-', found '\(name.value)' "
                           + "(try '\(Slug.suggest(from: name.value))', or omit 'theme:' for the built-in default)",
                       at: name.location))
            theme = nil
        }
        let introduction = yaml.string("introduction", diagnostics: &diagnostics) ?? yaml.string("description", diagnostics: &diagnostics)
        MarkdownCheck.check(introduction, diagnostics: &diagnostics)
        let language = yaml.string("language", diagnostics: &diagnostics)
        if let language, !Wording.hasTable(for: language.value) {
            diagnostics.append(
                .warning("no-translation",
                         "casebook has no words of its own in language '\(language.value)' (it has \(Wording.languages.joined(separator: ", "))); "
                             + "headings, menu and dates stay in English unless 'strings:' gives them",
                         at: language.location))
        }
        var config = SiteConfig(
            title: title?.value ?? "Untitled",
            baseURL: baseURL ?? "http://localhost/",
            language: language?.value ?? "en",
            organisation: yaml.string("organisation", diagnostics: &diagnostics)?.value,
            contactEmail: yaml.string("contact_email", diagnostics: &diagnostics)?.value,
            theme: theme?.value,
            introduction: introduction?.value,
            themes: themes, programmes: programmes, reports: reports,
            requireConsentRef: yaml.bool("require_consent_ref", diagnostics: &diagnostics) ?? false)
        config.themeLocation = theme?.location
        config.charts = yaml.bool("charts", diagnostics: &diagnostics) ?? true
        if let keep = yaml.stringList("keep", diagnostics: &diagnostics) {
            config.keep = keep.compactMap { keptName($0, diagnostics: &diagnostics) }
        }
        if let csv = yaml.string("csv", diagnostics: &diagnostics) {
            if let flavour = CSVFlavour(rawValue: csv.value) {
                config.csvFlavour = flavour
            } else {
                diagnostics.append(
                    .error("invalid-csv", "'csv' must be excel (with a byte-order mark, the default) or plain, found '\(csv.value)'",
                           at: csv.location))
            }
        }
        if let node = yaml.node("brand"), !node.isNull {
            if let pairs = node.mapping {
                config.brand = BrandLoader.brand(
                    YAMLMapping(pairs, file: yaml.file, lineOffset: yaml.lineOffset, location: yaml.location(of: node)),
                    diagnostics: &diagnostics)
            } else {
                diagnostics.append(
                    .error("wrong-type", "'brand' should hold 'key: value' lines (primary, accent, font, logo, logo_alt), found \(node.described)",
                           at: yaml.location(of: node)))
            }
        }
        if let markdown = yaml.mapping("markdown", diagnostics: &diagnostics) {
            markdown.warnUnknownKeys(known: ["unsafe_html"], what: "'markdown'", diagnostics: &diagnostics)
            config.unsafeHTML = markdown.bool("unsafe_html", diagnostics: &diagnostics) ?? false
        }
        if let strings = yaml.mapping("strings", diagnostics: &diagnostics) {
            let keys = Wording.Key.allCases.map(\.rawValue)
            strings.warnUnknownKeys(known: keys, what: "'strings'", diagnostics: &diagnostics)
            var texts: [String: String] = [:]
            for key in keys {
                if let text = strings.string(key, diagnostics: &diagnostics) { texts[key] = text.value }
            }
            // Set once: each change of `strings` makes the site's wording again.
            config.strings = texts
        }
        return config
    }

    /// An entry of `keep:`: one top-level name of the output folder, or a glob of them, that
    /// cannot match everything (a folder holding only kept files counts as casebook's to replace).
    private static func keptName(_ entry: Located<String>, diagnostics: inout [Diagnostic]) -> String? {
        let name = entry.value
        var problem: String?
        if name.contains("/") || name.contains("\0") {
            problem = "names one entry at the top of the output folder, so it may not contain '/'"
        } else if name == "." || name == ".." {
            problem = "may not be '.' or '..'"
        } else if name.allSatisfy({ $0 == "*" || $0 == "?" }) {
            problem = "would match everything in the output folder"
        }
        guard let problem else { return name }
        diagnostics.append(
            .error("invalid-keep", "'keep' entry '\(name)' \(problem); write names like .git, CNAME or .nojekyll", at: entry.location))
        return nil
    }

    private struct Definition {
        var id: String, title: String, description: String?, location: SourceLocation
    }

    /// A theme or programme entry: `id`, `title`, optional `description`.
    private static func definition(_ entry: YAMLMapping, kind: String, diagnostics: inout [Diagnostic]) -> Definition? {
        let what = "a \(kind) entry"
        entry.warnUnknownKeys(known: ["id", "title", "description"], what: what, diagnostics: &diagnostics)
        guard let id = entry.string("id", required: true, what: what, diagnostics: &diagnostics) else { return nil }
        if !Slug.isValid(id.value) {
            diagnostics.append(
                .error("invalid-id", "\(kind) id '\(id.value)' may use only a-z, 0-9 and '-' (try '\(Slug.suggest(from: id.value))')",
                       at: id.location))
        }
        let title = entry.string("title", required: true, what: what, diagnostics: &diagnostics)
        let description = entry.string("description", diagnostics: &diagnostics)
        MarkdownCheck.check(description, diagnostics: &diagnostics)
        return Definition(id: id.value, title: title?.value ?? id.value, description: description?.value, location: id.location)
    }

    private static func report(_ entry: YAMLMapping, diagnostics: inout [Diagnostic]) -> ReportDefinition? {
        let what = "a report entry"
        entry.warnUnknownKeys(
            known: ["id", "title", "subtitle", "audience", "themes", "programmes", "from", "to", "paper", "date", "authors", "logo", "logo_alt", "charts"],
            what: what, diagnostics: &diagnostics)
        guard let id = entry.string("id", required: true, what: what, diagnostics: &diagnostics) else { return nil }
        if !Slug.isValid(id.value) {
            diagnostics.append(.error("invalid-id", "report id '\(id.value)' may use only a-z, 0-9 and '-'", at: id.location))
        }
        let title = entry.string("title", required: true, what: what, diagnostics: &diagnostics)
        var audience = Audience.public
        if let value = entry.string("audience", diagnostics: &diagnostics) {
            if let parsed = Audience(rawValue: value.value) {
                audience = parsed
            } else {
                diagnostics.append(.error("invalid-audience", "'audience' must be public or internal, found '\(value.value)'", at: value.location))
            }
        }
        var paper = "a4"
        if let value = entry.string("paper", diagnostics: &diagnostics) {
            if ["a4", "letter"].contains(value.value.lowercased()) {
                paper = value.value.lowercased()
            } else {
                diagnostics.append(.error("invalid-paper", "'paper' must be a4 or letter, found '\(value.value)'", at: value.location))
            }
        }
        let from = entry.day("from", diagnostics: &diagnostics)
        let to = entry.day("to", diagnostics: &diagnostics)
        if let from, let to, to.value < from.value {
            diagnostics.append(.error("invalid-date-range", "'to' (\(to.value)) is before 'from' (\(from.value))", at: to.location))
        }
        var report = ReportDefinition(
            id: id.value, title: title?.value ?? id.value,
            subtitle: entry.string("subtitle", diagnostics: &diagnostics)?.value, audience: audience,
            themes: IDReference.checked(entry.stringList("themes", diagnostics: &diagnostics), kind: "theme", diagnostics: &diagnostics),
            programmes: IDReference.checked(
                entry.stringList("programmes", diagnostics: &diagnostics), kind: "programme", diagnostics: &diagnostics),
            from: from?.value, to: to?.value, paper: paper, location: id.location)
        report.date = entry.day("date", diagnostics: &diagnostics)?.value
        report.authors = (entry.stringList("authors", diagnostics: &diagnostics) ?? []).map(\.value)
        report.logo = entry.string("logo", diagnostics: &diagnostics)
        report.logoAlt = entry.string("logo_alt", diagnostics: &diagnostics)?.value
        if let logo = report.logo, report.logoAlt?.isEmpty ?? true {
            diagnostics.append(
                .error("missing-key", "'logo_alt' is required with 'logo': the words a screen reader says for the logo", at: logo.location))
        }
        report.charts = entry.bool("charts", diagnostics: &diagnostics)
        return report
    }
}
