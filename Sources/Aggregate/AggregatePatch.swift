import Model

extension AggregatedSite {
    /// This aggregation with each `new` item in place of its `old` one in every list; for
    /// `casebook serve`'s one-file edits, whose items keep their placement. Which lists hold an
    /// item, in which order, and every count read only placement, so they stay as they are.
    ///
    /// `old` is the item as this aggregation holds it: every list holds copies of one value, so
    /// it is found by identity (`Shared.identity`), without reading the thousands of other items.
    /// Returns nil when an item changes its placement, when an `old` quote the audience may see
    /// is not in the site's list exactly once, or when this is not the whole site's aggregation:
    /// which quotes are shown is decided only by `Aggregator.aggregate`.
    public func patched(
        caseStudies: [(old: CaseStudy, new: CaseStudy)], quotes: [(old: Quote, new: Quote)], pages: [(old: Page, new: Page)]
    ) -> AggregatedSite? {
        // Only the whole site's aggregation lists every item it has (a report's selection does not).
        guard self.caseStudies.count == self.site.caseStudies.count, self.quotes.count == self.site.quotes.count,
            caseStudies.allSatisfy({ $0.old.placement == $0.new.placement }), quotes.allSatisfy({ $0.old.placement == $0.new.placement }),
            pages.allSatisfy({ $0.old.placement == $0.new.placement })
        else { return nil }
        var site = self
        // Consent is placement: a quote the audience may not see was not in any list and is not put in one.
        let shown = quotes.filter { $0.old.consent.allows(selection.audience) }
        if !shown.isEmpty {
            let find = Self.finder(shown.map { ($0.old.fields.identity, $0.new) })
            func replace(_ list: inout [Quote]) -> Int {
                var replaced = 0
                for index in list.indices {
                    guard let quote = find(list[index].fields.identity) else { continue }
                    list[index] = quote
                    replaced += 1
                }
                return replaced
            }
            guard replace(&site.site.quotes) == shown.count else { return nil }
            _ = replace(&site.quotes)
            _ = replace(&site.featured)
            for index in site.themes.indices { _ = replace(&site.themes[index].quotes) }
            for index in site.programmes.indices { _ = replace(&site.programmes[index].quotes) }
            for slug in site.quotesByCaseStudy.keys { _ = replace(&site.quotesByCaseStudy[slug]!) }
        }
        if !caseStudies.isEmpty {
            let find = Self.finder(caseStudies.map { ($0.old.fields.identity, $0.new) })
            func replace(_ list: inout [CaseStudy]) {
                for index in list.indices { if let caseStudy = find(list[index].fields.identity) { list[index] = caseStudy } }
            }
            replace(&site.site.caseStudies)
            replace(&site.caseStudies)
            for index in site.programmes.indices { replace(&site.programmes[index].caseStudies) }
            let bySlug = Dictionary(caseStudies.map { ($0.new.slug, $0.new) }, uniquingKeysWith: { first, _ in first })
            for t in site.themes.indices {
                replace(&site.themes[t].caseStudies)
                for l in site.themes[t].lessons.indices {
                    let evidence = site.themes[t].lessons[l]
                    guard let caseStudy = bySlug[evidence.caseStudySlug] else { continue }
                    // The same place in `lessons:`, since the placement keeps every lesson's location.
                    guard let lesson = caseStudy.lessons.first(where: { $0.location == evidence.lesson.location }) else { return nil }
                    site.themes[t].lessons[l].lesson = lesson
                }
            }
        }
        for (_, page) in pages {
            // Not listed when it is a draft the site leaves out; a file is one page, whatever its slug.
            guard let index = site.site.pages.firstIndex(where: { $0.file == page.file }) else { continue }
            site.site.pages[index] = page
        }
        return site
    }

    /// Looks the new items up by their old one's identity. Every item of every list is looked
    /// up, and an edit has a few: comparing identities is then cheaper than hashing each one.
    private static func finder<Item>(_ items: [(ObjectIdentifier, Item)]) -> (ObjectIdentifier) -> Item? {
        guard items.count <= 4 else {
            let table = Dictionary(items, uniquingKeysWith: { first, _ in first })
            return { table[$0] }
        }
        return { identity in items.first { $0.0 == identity }?.1 }
    }
}
