import Model

extension AggregatedSite {
    /// This aggregation with `caseStudies`, `quotes` and `pages` (validated, each keeping the
    /// placement of the item of its slug or id) in place of those items in every list; for
    /// `casebook serve`'s one-file edits. Which lists hold an item, in which order, and every
    /// count read only placement, so they stay as they are.
    ///
    /// Returns nil when an item changes its placement, or a quote given is one the audience may
    /// not see but the lists hold, or the other way round: which quotes are shown is decided
    /// only by `Aggregator.aggregate`.
    public func patched(caseStudies: [CaseStudy], quotes: [Quote], pages: [Page]) -> AggregatedSite? {
        // Only the whole site's aggregation lists every item it has (a report's selection does not).
        guard self.caseStudies.count == self.site.caseStudies.count, self.quotes.count == self.site.quotes.count else { return nil }
        var site = self
        let audience = selection.audience
        var newQuotes: [String: Quote] = [:]
        let shownIDs = quotes.count > 8 ? Dictionary(self.site.quotes.indices.map { (self.site.quotes[$0].id, $0) }, uniquingKeysWith: { a, _ in a }) : nil
        for quote in quotes {
            let shown = shownIDs.map { $0[quote.id] } ?? self.site.quotes.firstIndex { $0.id == quote.id }
            guard (shown != nil) == quote.consent.allows(audience) else { return nil }
            if let shown {
                guard self.site.quotes[shown].placement == quote.placement else { return nil }
                newQuotes[quote.id] = quote
            }
        }
        var newCaseStudies: [String: CaseStudy] = [:]
        for caseStudy in caseStudies {
            guard let old = self.caseStudy(caseStudy.slug) else { continue }
            guard old.placement == caseStudy.placement else { return nil }
            newCaseStudies[caseStudy.slug] = caseStudy
        }
        if !newQuotes.isEmpty {
            let find = Self.finder(newQuotes)
            func replace(_ list: inout [Quote]) {
                for index in list.indices { if let quote = find(list[index].id) { list[index] = quote } }
            }
            replace(&site.site.quotes)
            replace(&site.quotes)
            replace(&site.featured)
            for index in site.themes.indices { replace(&site.themes[index].quotes) }
            for index in site.programmes.indices { replace(&site.programmes[index].quotes) }
            for slug in site.quotesByCaseStudy.keys { replace(&site.quotesByCaseStudy[slug]!) }
        }
        if !newCaseStudies.isEmpty {
            let find = Self.finder(newCaseStudies)
            func replace(_ list: inout [CaseStudy]) {
                for index in list.indices { if let caseStudy = find(list[index].slug) { list[index] = caseStudy } }
            }
            replace(&site.site.caseStudies)
            replace(&site.caseStudies)
            for index in site.programmes.indices { replace(&site.programmes[index].caseStudies) }
            for t in site.themes.indices {
                replace(&site.themes[t].caseStudies)
                for l in site.themes[t].lessons.indices {
                    let evidence = site.themes[t].lessons[l]
                    guard let caseStudy = newCaseStudies[evidence.caseStudySlug] else { continue }
                    // The same place in `lessons:`, since the placement keeps every lesson's location.
                    guard let lesson = caseStudy.lessons.first(where: { $0.location == evidence.lesson.location }) else { return nil }
                    site.themes[t].lessons[l].lesson = lesson
                }
            }
        }
        for page in pages {
            guard let index = site.site.pages.firstIndex(where: { $0.slug == page.slug }) else { continue }
            guard site.site.pages[index].placement == page.placement else { return nil }
            site.site.pages[index] = page
        }
        return site
    }

    /// Looks up the items by id. Every item of every list is looked up, and an edit has a few:
    /// comparing ids is then cheaper than hashing each one.
    private static func finder<Item>(_ items: [String: Item]) -> (String) -> Item? {
        guard items.count <= 4 else { return { items[$0] } }
        let pairs = Array(items)
        return { id in pairs.first { $0.key == id }?.value }
    }
}
