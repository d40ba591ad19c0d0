import Model

/// What goes into an aggregation: the audience decides which quotes may appear, the filters
/// which themes, programmes and dates. The site is the public audience with no filters.
public struct Selection: Sendable {
    public var audience: Audience
    /// nil: all, in `casebook.yml` order.
    public var themeIDs: [String]? { didSet { themeSet = themeIDs.map(Set.init) } }
    public var programmeIDs: [String]? { didSet { programmeSet = programmeIDs.map(Set.init) } }
    /// The same ids as sets: every quote and case study is tested against them.
    private var themeSet: Set<String>?
    private var programmeSet: Set<String>?
    public var from: Day?
    public var to: Day?
    /// Whether a quote must have one of the selected themes (every theme, without a filter): a
    /// report shows quotes only under their themes, so one under none of them is left out of
    /// it whole, and no count, chart or report.json entry has a quote the report does not show.
    /// The site lists such a quote on the quotes page, so it counts there.
    public var quotesNeedATheme = false

    public init(audience: Audience, themeIDs: [String]? = nil, programmeIDs: [String]? = nil, from: Day? = nil, to: Day? = nil) {
        self.audience = audience
        self.themeIDs = themeIDs
        self.programmeIDs = programmeIDs
        themeSet = themeIDs.map(Set.init)
        programmeSet = programmeIDs.map(Set.init)
        self.from = from
        self.to = to
    }

    /// The public website: public quotes only, everything else included.
    public static let site = Selection(audience: .public)

    public init(report: ReportDefinition) {
        self.init(
            audience: report.audience, themeIDs: report.themes?.map(\.value),
            programmeIDs: report.programmes?.map(\.value), from: report.from, to: report.to)
        quotesNeedATheme = true
    }

    func includes(day: Day?) -> Bool {
        guard let day else { return true }
        if let from, day < from { return false }
        if let to, day > to { return false }
        return true
    }

    func includes(programme: String?) -> Bool {
        guard let programmeSet else { return true }
        guard let programme else { return false }
        return programmeSet.contains(programme)
    }

    func includes(anyTheme themes: some Sequence<String>) -> Bool {
        guard let themeSet else { return true }
        return themes.contains { themeSet.contains($0) }
    }
}
