import Aggregate
import Foundation
import Model
import Synchronization

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
public final class FragmentCache: Sendable {
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
        /// The quote's text without markup, for the search index.
        var plain: String
    }

    private struct State {
        var caseStudies: [String: CaseStudyEntry] = [:]
        var quotes: [String: QuoteEntry] = [:]
        var siteContext: String?
        /// The theme every entry's partial is printed with; set by each build.
        var themes: ThemeSlot?
    }

    private let state = Mutex(State())

    public init() {}

    /// Starts a build with `theme`: entries made for another site context are dropped. Returns
    /// the slot the build's items print their partials from.
    func start(siteContext: String, theme: Theme) -> ThemeSlot {
        state.withLock { state in
            if state.siteContext != siteContext {
                state.caseStudies = [:]
                state.quotes = [:]
                state.siteContext = siteContext
            }
            if let themes = state.themes {
                themes.theme = theme
                return themes
            }
            let themes = ThemeSlot(theme)
            state.themes = themes
            return themes
        }
    }

    func caseStudy(_ source: CaseStudy) -> CaseStudyEntry? {
        state.withLock { state in
            guard let entry = state.caseStudies[source.slug], entry.source == source else { return nil }
            return entry
        }
    }

    func quote(_ source: Quote, context: String) -> QuoteEntry? {
        state.withLock { state in
            guard let entry = state.quotes[source.id], entry.context == context, entry.source == source else { return nil }
            return entry
        }
    }

    /// Adds the entries an edit made, whose items the site had already.
    func keep(made caseStudies: [CaseStudyEntry], _ quotes: [QuoteEntry]) {
        state.withLock { state in
            for entry in caseStudies { state.caseStudies[entry.source.slug] = entry }
            for entry in quotes { state.quotes[entry.source.id] = entry }
        }
    }

    /// Adds the entries this build made, and drops those of items the site no longer has.
    /// In place: rebuilding both dictionaries cost a third of a `casebook serve` rebuild's walk.
    func keep(made caseStudies: [CaseStudyEntry], _ quotes: [QuoteEntry], live: (caseStudies: [String], quotes: [String])) {
        state.withLock { state in
            for entry in caseStudies { state.caseStudies[entry.source.slug] = entry }
            for entry in quotes { state.quotes[entry.source.id] = entry }
            // Every live item is in the cache now (reused or just made), so equal counts mean equal sets.
            if state.caseStudies.count != live.caseStudies.count {
                let kept = Set(live.caseStudies)
                state.caseStudies = state.caseStudies.filter { kept.contains($0.key) }
            }
            if state.quotes.count != live.quotes.count {
                let kept = Set(live.quotes)
                state.quotes = state.quotes.filter { kept.contains($0.key) }
            }
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
