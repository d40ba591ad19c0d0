import Aggregate
import Foundation
import Model

/// What `ContentFragments` made for each case study and quote, kept between builds by
/// `casebook serve`: after an edit, only the items whose source or context changed are rendered
/// again (their Markdown, their values, their partial), so a rebuild costs what the edit touched.
///
/// An entry is reused when its source (the `CaseStudy` or `Quote`, compared in full) and its
/// context (a quote's case-study title) are unchanged. What all items show from outside
/// themselves (theme and programme titles, the base path) is compared once per build: a change
/// there clears everything. A change to the theme keeps each item's Markdown and values: their
/// `RenderedOnce` print the partial with the theme of `themes`, and make it again when a page
/// prints it after the theme changed. Entries not used by the latest build are dropped.
/// `@unchecked Sendable`: every stored field is read and written only under `lock`.
public final class FragmentCache: @unchecked Sendable {
    struct CaseStudyEntry: Sendable {
        var source: CaseStudy
        var html: CaseStudyHTML
        var card: Values
        /// Each lesson's values for theme pages, in the order of `lessons:`.
        var lessons: [Values]
    }

    struct QuoteEntry: Sendable {
        var source: Quote
        var context: String
        var values: Values
    }

    private let lock = NSLock()
    private var caseStudies: [String: CaseStudyEntry] = [:]
    private var quotes: [String: QuoteEntry] = [:]
    private var siteContext: String?
    /// The theme every entry's partial is printed with; set by each build.
    private var themes: ThemeSlot?

    public init() {}

    /// Starts a build with `theme`: entries made for another site context are dropped. Returns
    /// the slot the build's items print their partials from.
    func start(siteContext: String, theme: Theme) -> ThemeSlot {
        lock.lock()
        defer { lock.unlock() }
        if self.siteContext != siteContext {
            caseStudies = [:]
            quotes = [:]
            self.siteContext = siteContext
        }
        if let themes {
            themes.theme = theme
            return themes
        }
        let themes = ThemeSlot(theme)
        self.themes = themes
        return themes
    }

    func caseStudy(_ source: CaseStudy) -> CaseStudyEntry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = caseStudies[source.slug], entry.source == source else { return nil }
        return entry
    }

    func quote(_ source: Quote, context: String) -> QuoteEntry? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = quotes[source.id], entry.context == context, entry.source == source else { return nil }
        return entry
    }

    /// Adds the entries this build made, and drops those of items the site no longer has.
    /// In place: rebuilding both dictionaries cost a third of a `casebook serve` rebuild's walk.
    func keep(made caseStudies: [CaseStudyEntry], _ quotes: [QuoteEntry], live: (caseStudies: [String], quotes: [String])) {
        lock.lock()
        defer { lock.unlock() }
        for entry in caseStudies { self.caseStudies[entry.source.slug] = entry }
        for entry in quotes { self.quotes[entry.source.id] = entry }
        // Every live item is in the cache now (reused or just made), so equal counts mean equal sets.
        if self.caseStudies.count != live.caseStudies.count {
            let kept = Set(live.caseStudies)
            self.caseStudies = self.caseStudies.filter { kept.contains($0.key) }
        }
        if self.quotes.count != live.quotes.count {
            let kept = Set(live.quotes)
            self.quotes = self.quotes.filter { kept.contains($0.key) }
        }
    }

    /// Everything outside an item that its values show: theme and programme titles, the base
    /// path, and casebook's words (`language:`, `strings:`: labels and month names).
    static func context(of site: AggregatedSite) -> String {
        (site.config.themes.map { $0.id + "=" + $0.title } + (site.config.programmes ?? []).map { $0.id + "=" + $0.title }
            + [site.config.basePath] + site.config.wording.all.map(\.text)).joined(separator: "\u{1F}")
    }
}

/// A case study's Markdown, converted: body, its plain text for search, summary and lessons.
struct CaseStudyHTML: Sendable {
    var body: SafeHTML
    var plain: String
    var summary: SafeHTML
    /// The summary as plain text (descriptions, feed, search index).
    var summaryPlain: String
    var lessons: [SafeHTML]
    /// Each lesson as plain text (the search index).
    var lessonsPlain: [String]
}
