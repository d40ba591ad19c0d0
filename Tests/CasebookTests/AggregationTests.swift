import Aggregate
import Model
import Pipeline
import Testing
import TestSupport

/// The evidence fixture's aggregates, counted by hand from its files (see its casebook.yml).
@Suite struct AggregationTests {
    let site: ValidatedSite

    init() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        site = try #require(fixture.check().site)
    }

    @Test func publicSiteSeesOnlyPublicQuotesNewestFirst() {
        let aggregated = Aggregator.aggregate(site, selection: .site)
        #expect(aggregated.quotes.map(\.id) == ["q2", "csv-public", "q1"])
        // The aggregation's copy of the site holds no other quote for a renderer to find.
        #expect(aggregated.site.quotes.map(\.id).sorted() == ["csv-public", "q1", "q2"])
        #expect(aggregated.featured.map(\.id) == ["q1"])
    }

    @Test func draftsAreLeftOutAndCaseStudiesAreNewestFirst() {
        let aggregated = Aggregator.aggregate(site, selection: .site)
        #expect(aggregated.caseStudies.map(\.slug) == ["cs-c", "cs-b", "cs-a"])
    }

    @Test func evidenceMatrixCountsEveryCell() throws {
        let matrix = Aggregator.aggregate(site, selection: .site).matrix
        #expect(matrix.themeIDs == ["t-alpha", "t-beta", "t-gamma"])
        #expect(matrix.programmeIDs == ["p-one", "p-two"])
        typealias Cell = EvidenceMatrix.Cell
        let expected: [String: [String: Cell]] = [
            "t-alpha": ["p-one": Cell(caseStudies: 1, lessons: 2, quotes: 1), "p-two": Cell(caseStudies: 1, lessons: 1, quotes: 1)],
            "t-beta": ["p-one": Cell(caseStudies: 2, lessons: 2, quotes: 1), "p-two": Cell(caseStudies: 0, lessons: 0, quotes: 1)],
            "t-gamma": ["p-one": Cell(caseStudies: 0, lessons: 0, quotes: 0), "p-two": Cell(caseStudies: 1, lessons: 1, quotes: 0)],
        ]
        for (theme, row) in expected {
            for (programme, cell) in row {
                #expect(matrix.cell(theme: theme, programme: programme) == cell, "\(theme) × \(programme)")
            }
        }
    }

    @Test func themesHoldTheirLessonsWithAttribution() {
        let themes = Aggregator.aggregate(site, selection: .site).themes
        #expect(themes.map(\.definition.id) == ["t-alpha", "t-beta", "t-gamma"])
        let alpha = themes[0]
        #expect(alpha.lessons.map(\.lesson.text) == ["Lesson C2 about alpha.", "Lesson A1 about alpha.", "Lesson A2 about alpha."])
        #expect(alpha.lessons.map(\.caseStudySlug) == ["cs-c", "cs-a", "cs-a"])
        #expect(alpha.quotes.map(\.id) == ["q2", "q1"])
        #expect(themes[1].lessons.map(\.caseStudySlug) == ["cs-b", "cs-a"])
    }

    @Test func programmesListTheirCaseStudiesQuotesAndThemes() {
        let programmes = Aggregator.aggregate(site, selection: .site).programmes
        #expect(programmes.map(\.id) == ["p-one", "p-two"])
        #expect(programmes[0].caseStudies.map(\.slug) == ["cs-b", "cs-a"])
        #expect(programmes[0].quotes.map(\.id) == ["csv-public", "q1"])
        #expect(programmes[0].themeIDs == ["t-alpha", "t-beta"])
        #expect(programmes[1].themeIDs == ["t-alpha", "t-beta", "t-gamma"])
    }

    @Test func internalReportSelectionAddsInternalQuotesWithinItsFilters() throws {
        let report = try #require(site.config.reports.first { $0.id == "internal-beta" })
        let aggregated = Aggregator.aggregate(site, selection: Selection(report: report))
        #expect(aggregated.caseStudies.map(\.slug) == ["cs-b", "cs-a"])
        #expect(aggregated.quotes.map(\.id) == ["csv-public", "q3"])
        #expect(aggregated.themes.map(\.definition.id) == ["t-beta"])
        #expect(aggregated.lessonCount == 2)
        #expect(aggregated.matrix.cells == [[EvidenceMatrix.Cell(caseStudies: 2, lessons: 2, quotes: 2)]])
        #expect(aggregated.site.quotes.map(\.id).sorted() == ["csv-internal", "csv-public", "q1", "q2", "q3"])
    }

    @Test func dateFilteredReportKeepsOnlyItsPeriod() throws {
        let report = try #require(site.config.reports.first { $0.id == "dated" })
        let aggregated = Aggregator.aggregate(site, selection: Selection(report: report))
        #expect(aggregated.caseStudies.map(\.slug) == ["cs-c", "cs-b"])
        #expect(aggregated.quotes.map(\.id) == ["q2", "csv-public"])
    }

    @Test func aggregationIsTheSameEveryTime() {
        let first = Aggregator.aggregate(site, selection: .site)
        let second = Aggregator.aggregate(site, selection: .site)
        #expect(first.matrix == second.matrix)
        #expect(first.quotes.map(\.id) == second.quotes.map(\.id))
    }
}
