import Model

/// The ids `casebook.yml` defines, and the checks of references against them.
struct Vocabulary {
    let themeIDs: Set<String>
    /// nil when `programmes:` is absent: then any programme id is accepted.
    let programmeIDs: Set<String>?
    /// "Did you mean" for each list, in the order casebook.yml defines it.
    private let themeSuggester: Suggester
    private let programmeSuggester: Suggester

    init(config: SiteConfig, diagnostics: inout [Diagnostic]) {
        var seen: [String: SourceLocation] = [:]
        for theme in config.themes {
            if let first = seen[theme.id] {
                diagnostics.append(.error("duplicate-id", "duplicate theme id '\(theme.id)'; it is also defined at \(first)", at: theme.location))
            }
            seen[theme.id] = theme.location
        }
        seen = [:]
        for programme in config.programmes ?? [] {
            if let first = seen[programme.id] {
                diagnostics.append(
                    .error("duplicate-id", "duplicate programme id '\(programme.id)'; it is also defined at \(first)", at: programme.location))
            }
            seen[programme.id] = programme.location
        }
        themeList = config.themes.map(\.id)
        programmeList = config.programmes?.map(\.id)
        themeIDs = Set(themeList)
        programmeIDs = programmeList.map(Set.init)
        themeSuggester = Suggester(config.themes.map(\.id))
        programmeSuggester = Suggester(config.programmes?.map(\.id) ?? [])
    }

    /// The ids in `casebook.yml` order, scanned instead of hashed when there are few (each item's
    /// themes and programme are checked: hashing them was a fifth of a rebuild's validation).
    private let themeList: [String]
    private let programmeList: [String]?

    private func isTheme(_ id: String) -> Bool { themeList.count <= 16 ? themeList.contains(id) : themeIDs.contains(id) }

    private func isProgramme(_ id: String) -> Bool {
        guard let programmeList, let programmeIDs else { return true }
        return programmeList.count <= 16 ? programmeList.contains(id) : programmeIDs.contains(id)
    }

    func checkThemes(_ themes: [Located<String>], diagnostics: inout [Diagnostic]) {
        for theme in themes where !isTheme(theme.value) {
            diagnostics.append(
                .error("unknown-theme",
                       "unknown theme '\(theme.value)'\(themeSuggester.hint(for: theme.value)); themes are defined under 'themes:' in casebook.yml",
                       at: theme.location))
        }
    }

    func checkProgramme(_ programme: Located<String>?, diagnostics: inout [Diagnostic]) {
        guard let programme, !isProgramme(programme.value) else { return }
        diagnostics.append(
            .error("unknown-programme",
                   "unknown programme '\(programme.value)'\(programmeSuggester.hint(for: programme.value)); programmes are defined under 'programmes:' in casebook.yml",
                   at: programme.location))
    }

    /// Themes × programmes, the cells of the evidence matrix, that a site may have: the matrix is
    /// a table on the themes page and in every report, and 1,500 × 1,500 made a 244 MB page
    /// (27 s, 1.5 GB). Long lists of either alone are fine; their product is what is capped.
    static let maximumMatrixCells = 20_000

    /// An error when the matrix would be larger than `maximumMatrixCells`. `programmes` is the
    /// number declared, or when none are, the number of programme ids the content uses.
    func checkMatrixSize(config: SiteConfig, programmes: Int, diagnostics: inout [Diagnostic]) {
        let cells = themeIDs.count * programmes
        guard cells > Self.maximumMatrixCells else { return }
        let counted = config.programmes == nil ? "programme ids used by the content" : "programmes"
        diagnostics.append(
            .error("matrix-too-large",
                   "\(themeIDs.count) themes and \(programmes) \(counted) make an evidence matrix of \(cells) cells; "
                       + "at most \(Self.maximumMatrixCells) are supported (such as 100 themes × 200 programmes): "
                       + "merge related themes or group programmes",
                   at: config.themes.first?.location ?? SourceLocation(file: "casebook.yml", line: 1, column: 1)))
    }

    /// Distinct themes one quote or case study (its lessons' themes included) may have. An item
    /// is printed on each of its themes' pages, and prints its themes: the output grows with the
    /// square of this (a quote with 20,000 themes made 2.7 GB of pages).
    static let maximumThemesPerItem = 100

    /// An error at the theme that goes past `maximumThemesPerItem`.
    func checkThemeCount(_ themes: [Located<String>], what: String, diagnostics: inout [Diagnostic]) {
        var seen: Set<String> = []
        for theme in themes where seen.insert(theme.value).inserted && seen.count > Self.maximumThemesPerItem {
            diagnostics.append(
                .error("too-many-themes",
                       "\(what) has more than \(Self.maximumThemesPerItem) different themes; keep the few it is most about",
                       at: theme.location))
            return
        }
    }

    /// Reports one site may define: each gathers and prints the whole site again, so their
    /// number multiplies the cost of everything else (2,000 reports of a 6-file site took 4 s).
    static let maximumReports = 100

    func checkReports(_ reports: [ReportDefinition], diagnostics: inout [Diagnostic]) {
        if reports.count > Self.maximumReports {
            diagnostics.append(
                .error("too-many-reports",
                       "casebook.yml defines \(reports.count) reports; at most \(Self.maximumReports) are supported: "
                           + "keep the ones you publish, or use one report with filters",
                       at: reports[Self.maximumReports].location))
        }
        var seen: Set<String> = []
        for report in reports {
            if !seen.insert(report.id).inserted {
                diagnostics.append(.error("duplicate-id", "duplicate report id '\(report.id)'", at: report.location))
            }
            checkThemes(report.themes ?? [], diagnostics: &diagnostics)
            for programme in report.programmes ?? [] { checkProgramme(programme, diagnostics: &diagnostics) }
        }
    }
}
