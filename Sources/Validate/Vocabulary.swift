import Model

/// The ids `casebook.yml` defines, and the checks of references against them.
struct Vocabulary {
    let themeIDs: [String]
    /// nil when `programmes:` is absent: then any programme id is accepted.
    let programmeIDs: [String]?

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
        themeIDs = config.themes.map(\.id)
        programmeIDs = config.programmes?.map(\.id)
    }

    func checkThemes(_ themes: [Located<String>], diagnostics: inout [Diagnostic]) {
        for theme in themes where !themeIDs.contains(theme.value) {
            diagnostics.append(
                .error("unknown-theme",
                       "unknown theme '\(theme.value)'\(Suggestion.hint(for: theme.value, in: themeIDs)); themes are defined under 'themes:' in casebook.yml",
                       at: theme.location))
        }
    }

    func checkProgramme(_ programme: Located<String>?, diagnostics: inout [Diagnostic]) {
        guard let programme, let programmeIDs, !programmeIDs.contains(programme.value) else { return }
        diagnostics.append(
            .error("unknown-programme",
                   "unknown programme '\(programme.value)'\(Suggestion.hint(for: programme.value, in: programmeIDs)); programmes are defined under 'programmes:' in casebook.yml",
                   at: programme.location))
    }

    func checkReports(_ reports: [ReportDefinition], diagnostics: inout [Diagnostic]) {
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
