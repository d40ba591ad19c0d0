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
/// there, or to the theme, clears everything. Entries not used by the latest build are dropped.
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

    public init() {}

    /// Forgets everything: the templates changed.
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        caseStudies = [:]
        quotes = [:]
        siteContext = nil
    }

    /// Starts a build: entries made for another site context are dropped.
    func start(siteContext: String) {
        lock.lock()
        defer { lock.unlock() }
        if self.siteContext != siteContext {
            caseStudies = [:]
            quotes = [:]
            self.siteContext = siteContext
        }
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

    /// Keeps exactly the entries of the latest build.
    func keep(caseStudies: [CaseStudyEntry], quotes: [QuoteEntry]) {
        lock.lock()
        defer { lock.unlock() }
        self.caseStudies = Dictionary(caseStudies.map { ($0.source.slug, $0) }, uniquingKeysWith: { _, last in last })
        self.quotes = Dictionary(quotes.map { ($0.source.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Everything outside an item that its values show: theme and programme titles, the base path.
    static func context(of site: AggregatedSite) -> String {
        (site.config.themes.map { $0.id + "=" + $0.title } + (site.config.programmes ?? []).map { $0.id + "=" + $0.title }
            + [site.config.basePath]).joined(separator: "\u{1F}")
    }
}

/// A case study's Markdown, converted: body, its plain text for search, summary and lessons.
struct CaseStudyHTML: Sendable {
    var body: String
    var plain: String
    var summary: String
    var lessons: [String]
}
