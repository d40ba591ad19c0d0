/// Everything read from a site folder: the first stage's output.
/// Content that could not be read at all is missing here and reported in `diagnostics`.
public struct LoadedSite: Sendable {
    /// The site folder, absolute.
    public var root: String
    /// nil when `casebook.yml` is missing or unreadable (an error is in `diagnostics`).
    public var config: SiteConfig?
    public var caseStudies: [CaseStudy]
    public var quotes: [Quote]
    public var pages: [Page]
    /// Files under `static/`, relative to the site folder.
    public var staticFiles: [String]
    public var diagnostics: [Diagnostic]
    /// Slugs (file names) of case studies that exist but could not be loaded: references to
    /// them are not reported again, since the file's own error says what is wrong.
    public var unloadedCaseStudySlugs: Set<String> = []
    /// Ids (file names) of Markdown quote files that exist but could not be loaded, likewise.
    public var unloadedQuoteIDs: Set<String> = []
    /// The translations into each other language of `languages:`, in its order.
    public var translations: [Translation] = []

    public init(
        root: String, config: SiteConfig?, caseStudies: [CaseStudy] = [], quotes: [Quote] = [],
        pages: [Page] = [], staticFiles: [String] = [], diagnostics: [Diagnostic] = []
    ) {
        self.root = root
        self.config = config
        self.caseStudies = caseStudies
        self.quotes = quotes
        self.pages = pages
        self.staticFiles = staticFiles
        self.diagnostics = diagnostics
    }
}

/// A site whose references all resolve, drafts dropped (unless asked for) and expired consent
/// turned into `withdrawn`. Only a site without errors becomes one.
public struct ValidatedSite: Sendable {
    public var root: String
    public var config: SiteConfig
    public var caseStudies: [CaseStudy]
    public var quotes: [Quote]
    public var pages: [Page]
    public var staticFiles: [String]
    /// The published items' translations (each with its original's consent), by language.
    public var translations: [Translation] = []

    public init(
        root: String, config: SiteConfig, caseStudies: [CaseStudy], quotes: [Quote], pages: [Page],
        staticFiles: [String]
    ) {
        self.root = root
        self.config = config
        self.caseStudies = caseStudies
        self.quotes = quotes
        self.pages = pages
        self.staticFiles = staticFiles
        programmeTitles = Dictionary((config.programmes ?? []).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        themeTitles = Dictionary(config.themes.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    /// Titles by id, looked up for every quote and card printed: a scan of the list cost
    /// quotes × programmes (or themes), minutes at 200,000 quotes and 20,000 themes.
    private let programmeTitles: [String: String]
    private let themeTitles: [String: String]

    public func programmeTitle(_ id: String) -> String { programmeTitles[id] ?? id }
    public func themeTitle(_ id: String) -> String { themeTitles[id] ?? id }
}
