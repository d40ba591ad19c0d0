import Aggregate
import Model
import Testing
import TestSupport

/// `AggregatedSite.patched`, which `casebook serve` uses for an edit that keeps every item's
/// placement: it must give what aggregating the edited site gives, in every list, and never let
/// a quote the audience may not see into any of them.
@Suite struct AggregatePatchTests {
    let site: ValidatedSite

    init() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        site = try #require(fixture.check().site)
    }

    @Test func editingWhatAnItemShowsGivesWhatAggregatingGives() throws {
        let before = Aggregator.aggregate(site, selection: .site)
        for index in site.quotes.indices {
            var edited = site
            edited.quotes[index].text += " (edited)"
            edited.quotes[index].speaker += " (edited)"
            try expectPatchedEqualsFresh(before, edited, quotes: [(site.quotes[index], edited.quotes[index])], what: "quote \(site.quotes[index].id)")
        }
        for index in site.caseStudies.indices {
            var edited = site
            edited.caseStudies[index].summary += " (edited)"
            edited.caseStudies[index].body += "\n\nMore."
            edited.caseStudies[index].organisation = "Edited organisation"
            for lesson in edited.caseStudies[index].lessons.indices { edited.caseStudies[index].lessons[lesson].text += " (edited)" }
            try expectPatchedEqualsFresh(
                before, edited, caseStudies: [(site.caseStudies[index], edited.caseStudies[index])], what: "case study \(site.caseStudies[index].slug)")
        }
        var edited = site
        edited.pages[0].body += "\n\nMore."
        try expectPatchedEqualsFresh(before, edited, pages: [(site.pages[0], edited.pages[0])], what: "page")
    }

    @Test func aQuoteTheAudienceMayNotSeeStaysOut() throws {
        let before = Aggregator.aggregate(site, selection: .site)
        for index in site.quotes.indices where site.quotes[index].consent != .public {
            var quote = site.quotes[index]
            quote.text = "CANARY-PATCHED-TEXT"
            let patched = try #require(before.patched(caseStudies: [], quotes: [(site.quotes[index], quote)], pages: []))
            #expect(!fingerprint(patched).joined().contains("CANARY-PATCHED-TEXT"), "\(quote.id) reached the site")
        }
    }

    @Test func aChangeOfPlacementIsNotPatched() {
        let before = Aggregator.aggregate(site, selection: .site)
        let publicQuote = site.quotes.first { $0.consent == .public }!
        var withdrawn = publicQuote
        withdrawn.consent = .withdrawn
        #expect(before.patched(caseStudies: [], quotes: [(publicQuote, withdrawn)], pages: []) == nil, "consent withdrawn")
        let internalQuote = site.quotes.first { $0.consent == .internal }!
        var given = internalQuote
        given.consent = .public
        #expect(before.patched(caseStudies: [], quotes: [(internalQuote, given)], pages: []) == nil, "consent given")
        var moved = publicQuote
        moved.themes = []
        #expect(before.patched(caseStudies: [], quotes: [(publicQuote, moved)], pages: []) == nil, "themes")
        var retitled = before.caseStudies[0]
        retitled.title += " (edited)"
        #expect(before.patched(caseStudies: [(before.caseStudies[0], retitled)], quotes: [], pages: []) == nil, "title")
        var redated = before.caseStudies[0]
        redated.date = Day(year: 1999, month: 1, day: 1)!
        #expect(before.patched(caseStudies: [(before.caseStudies[0], redated)], quotes: [], pages: []) == nil, "date")
        // A quote the lists do not hold as given (not the aggregation's own copy) is not patched.
        var copy = publicQuote
        copy.speaker += ""
        var reworded = copy
        reworded.text += " (edited)"
        #expect(before.patched(caseStudies: [], quotes: [(copy, reworded)], pages: []) == nil, "a copy of the quote")
    }

    private func expectPatchedEqualsFresh(
        _ before: AggregatedSite, _ edited: ValidatedSite, caseStudies: [(old: CaseStudy, new: CaseStudy)] = [],
        quotes: [(old: Quote, new: Quote)] = [], pages: [(old: Page, new: Page)] = [], what: String
    ) throws {
        let patched = try #require(before.patched(caseStudies: caseStudies, quotes: quotes, pages: pages), "\(what): not patched")
        #expect(fingerprint(patched) == fingerprint(Aggregator.aggregate(edited, selection: .site)), "\(what)")
    }

    /// Every list of an aggregation, with the words of each item in it.
    private func fingerprint(_ site: AggregatedSite) -> [String] {
        func quote(_ quote: Quote) -> String { "\(quote.id): \(quote.text) / \(quote.speaker)" }
        func caseStudy(_ caseStudy: CaseStudy) -> String {
            "\(caseStudy.slug): \(caseStudy.summary) / \(caseStudy.body) / \(caseStudy.organisation ?? "") / "
                + caseStudy.lessons.map(\.text).joined(separator: " | ")
        }
        var lines = site.site.quotes.map { "site quote " + quote($0) } + site.quotes.map { "quote " + quote($0) }
        lines += site.featured.map { "featured " + quote($0) }
        lines += site.site.caseStudies.map { "site case study " + caseStudy($0) } + site.caseStudies.map { "case study " + caseStudy($0) }
        lines += site.site.pages.map { "page \($0.slug): \($0.body)" }
        for theme in site.themes {
            lines += theme.quotes.map { "theme \(theme.definition.id) " + quote($0) }
            lines += theme.caseStudies.map { "theme \(theme.definition.id) " + caseStudy($0) }
            lines += theme.lessons.map { "theme \(theme.definition.id) lesson \($0.caseStudySlug) \($0.caseStudyTitle): \($0.lesson.text)" }
        }
        for programme in site.programmes {
            lines += programme.quotes.map { "programme \(programme.id) " + quote($0) }
            lines += programme.caseStudies.map { "programme \(programme.id) " + caseStudy($0) }
        }
        for (slug, quotes) in site.quotesByCaseStudy.sorted(by: { $0.key < $1.key }) { lines += quotes.map { "by \(slug) " + quote($0) } }
        lines.append("matrix \(site.matrix)")
        return lines
    }
}
