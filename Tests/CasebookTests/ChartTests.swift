import Aggregate
import Foundation
import Model
import Pipeline
@testable import Render
import Testing
import TestSupport

/// A chart as a reader finds it in a page: the numbers and labels its SVG shows, its accessible
/// name and description, and the numbers of the table beside it.
struct PageChart {
    let svg: String
    let scanner: HTMLScanner
    /// The `<td>` numbers of the table captioned "<title>: the numbers", row by row.
    let table: [Int]?

    init(_ id: String, in html: String) throws {
        let start = try #require(html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" id=\"\(id)\""), "no chart \(id)")
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        svg = String(html[start.lowerBound..<end.upperBound])
        scanner = HTMLScanner(svg)
        let title = Self.texts(of: "title", in: svg).first ?? ""
        if let caption = html.range(of: "<caption>\(title): the numbers</caption>"),
            let tableEnd = html.range(of: "</table>", range: caption.upperBound..<html.endIndex)
        {
            table = Self.texts(of: "td", in: String(html[caption.upperBound..<tableEnd.lowerBound])).map { Int($0) ?? -1 }
        } else {
            table = nil
        }
    }

    /// The numbers written on the chart, in drawing order.
    var numbers: [Int] { Self.texts(of: "text", class: "chart-number", in: svg).map { Int($0) ?? -1 } }
    /// The labels written on the chart (legend, items), in drawing order.
    var labels: [String] { Self.texts(of: "text", class: "chart-label", in: svg) }
    var title: String? { Self.texts(of: "title", in: svg).first }
    var description: String? { Self.texts(of: "desc", in: svg).first }

    /// The text of each `<name>` element (with the class, when given), references decoded.
    static func texts(of name: String, class className: String? = nil, in markup: String) -> [String] {
        let classPattern = className.map { " class=\"\($0)[^\"]*\"" } ?? ""
        let regex = try! NSRegularExpression(pattern: "<\(name)\(classPattern)[^>]*>([^<]*)</\(name)>")
        return regex.matches(in: markup, range: NSRange(markup.startIndex..., in: markup)).map {
            HTMLScanner(String(markup[Range($0.range(at: 1), in: markup)!])).text
        }
    }
}

/// The charts on the evidence fixture, whose counts `AggregationTests` works out by hand.
@Suite struct ChartTests {
    static func build(_ fixture: FixtureSite) throws -> (site: SiteFiles, reports: SiteFiles) {
        return try SiteBuilds.siteAndReports(fixture.root)
    }

    static func aggregate(_ fixture: FixtureSite, _ selection: Selection = .site) throws -> AggregatedSite {
        Aggregator.aggregate(try #require(fixture.check().site), selection: selection)
    }

    @Test func theSiteChartsShowTheAggregatedCountsAndTheirTablesTheSame() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let site = try Self.aggregate(fixture)
        let built = try Self.build(fixture)
        let themesPage = try #require(built.site.text("themes/index.html"))

        let byTheme = try PageChart("chart-themes", in: themesPage)
        let themeCounts = site.themes.flatMap { [$0.quotes.count, $0.caseStudies.count] }
        #expect(themeCounts == [2, 2, 2, 2, 0, 1], "the hand count of the fixture")
        #expect(byTheme.numbers == themeCounts)
        #expect(byTheme.table == themeCounts)
        #expect(byTheme.labels == ["Quotes", "Case studies", "Alpha theme", "Beta theme", "Gamma theme"])

        let matrix = try PageChart("chart-matrix", in: themesPage)
        let cellTotals = site.matrix.cells.flatMap { $0.map { $0.caseStudies + $0.lessons + $0.quotes } }
        #expect(cellTotals == [4, 3, 5, 1, 0, 2])
        #expect(matrix.numbers == cellTotals)
        #expect(matrix.labels == ["Programme", "One", "Programme", "Two", "Alpha theme", "Beta theme", "Gamma theme"])
        // Its numbers are in the evidence matrix table under it, one count per kind.
        #expect(matrix.table == nil)
        #expect(themesPage.contains("<caption id=\"matrix-caption\">"))

        let byProgramme = try PageChart("chart-programmes", in: try #require(built.site.text("programmes/index.html")))
        let programmeCounts = site.programmes.flatMap { [$0.quotes.count, $0.caseStudies.count] }
        #expect(byProgramme.numbers == programmeCounts)
        #expect(byProgramme.table == programmeCounts)
    }

    @Test func theReportChartsCountWhatTheReportsAudienceMaySee() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let built = try Self.build(fixture)
        for id in ["public-all", "internal-beta"] {
            let definition = try #require(fixture.check().site?.config.reports.first { $0.id == id })
            let site = try Self.aggregate(fixture, Selection(report: definition))
            let html = try #require(built.reports.text("\(id)/index.html"))
            #expect(try PageChart("chart-themes", in: html).numbers == site.themes.flatMap { [$0.quotes.count, $0.caseStudies.count] })
            let byProgramme = try PageChart("chart-programmes", in: html)
            #expect(byProgramme.numbers == site.programmes.flatMap { [$0.quotes.count, $0.caseStudies.count] })
            #expect(byProgramme.table == byProgramme.numbers)
            #expect(
                try PageChart("chart-matrix", in: html).numbers == site.matrix.cells.flatMap { $0.map { $0.caseStudies + $0.lessons + $0.quotes } })
        }
        // The internal report counts its internal quote: Beta theme in Programme One has two.
        let internalReport = try #require(built.reports.text("internal-beta/index.html"))
        #expect(try PageChart("chart-themes", in: internalReport).numbers == [2, 2])
    }

    /// Each chart is an image named by its title and described by its description, which a
    /// screen reader reads; the table beside it holds the same numbers for everyone else.
    @Test func everyChartHasAnAccessibleNameAndDescription() throws {
        let built = try Self.build(try FixtureSite(copying: "evidence-site"))
        let pages = [
            ("themes/index.html", built.site, ["chart-themes", "chart-matrix"]),
            ("programmes/index.html", built.site, ["chart-programmes"]),
            ("public-all/index.html", built.reports, ["chart-themes", "chart-programmes", "chart-matrix"]),
        ]
        for (path, files, ids) in pages {
            let html = try #require(files.text(path))
            let page = HTMLScanner(html)
            let allIDs = page.tags.compactMap { $0.attribute("id") }
            #expect(Set(allIDs).count == allIDs.count, "ids are unique in \(path)")
            for id in ids {
                let chart = try PageChart(id, in: html)
                let svg = try #require(chart.scanner.tags(named: "svg").first)
                #expect(svg.attribute("role") == "img")
                #expect(svg.attribute("aria-labelledby") == "\(id)-title")
                #expect(svg.attribute("aria-describedby") == "\(id)-desc")
                #expect(chart.scanner.tags(named: "title").first?.attribute("id") == "\(id)-title")
                #expect(chart.scanner.tags(named: "desc").first?.attribute("id") == "\(id)-desc")
                let title = try #require(chart.title)
                #expect(!title.isEmpty && (chart.description?.count ?? 0) > 40, "\(id) in \(path)")
                // The same title is visible above the chart (and so in a PDF's text).
                #expect(html.contains("<figcaption class=\"chart-title\" id=\"\(id)-caption\">\(title)</figcaption>"))
            }
        }
    }

    /// Text in a chart goes through the same escaping as every template value.
    @Test func contentInAChartIsEscaped() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        try fixture.edit("casebook.yml", replacing: "title: Alpha theme", with: #"title: "Alpha <b>&amp;</b> \"more\" 'it'""#)
        let built = try Self.build(fixture)
        for html in [built.site.text("themes/index.html"), built.reports.text("public-all/index.html")] {
            let chart = try PageChart("chart-themes", in: try #require(html))
            #expect(chart.svg.contains(">Alpha &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;more&quot; &#39;it&#39;</text>"))
            #expect(chart.scanner.tags(named: "b").isEmpty)
            #expect(chart.labels.contains("Alpha <b>&amp;</b> \"more\" 'it'"))
        }
    }

    @Test func chartsFalseLeavesThemOutOfTheSiteAndReportsUnlessAReportAsksForThem() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        try fixture.edit("casebook.yml", replacing: "contact_email: fixture@example.org", with: "contact_email: fixture@example.org\ncharts: false")
        try fixture.edit("casebook.yml", replacing: "    subtitle: Public\n", with: "    subtitle: Public\n    charts: yes\n")
        #expect(!fixture.check().diagnostics.contains { $0.message.contains("charts") }, "charts: takes yes and no")
        let built = try Self.build(fixture)
        for path in built.site.htmlPages where !path.hasPrefix("reports/") {
            #expect(!(built.site.text(path) ?? "").contains("class=\"chart-svg\""), "a chart in \(path)")
        }
        #expect(built.site.text("themes/index.html")?.contains("<caption id=\"matrix-caption\">") == true, "the matrix table stays")
        #expect(!(built.reports.text("dated/index.html") ?? "class=\"chart-svg\"").contains("class=\"chart-svg\""))
        #expect(try PageChart("chart-matrix", in: try #require(built.reports.text("public-all/index.html"))).numbers.count == 6)
        #expect(built.site.text("reports/public-all/index.html") == built.reports.text("public-all/index.html"))
    }

    /// A site of `themes` themes and `programmes` programmes, one case study in each programme
    /// under every theme, with one report.
    static func grid(themes: Int, programmes: Int) throws -> FixtureSite {
        var config = "title: Crowded\nbase_url: https://example.org/\nthemes:\n"
        for t in 1...themes { config += "  - id: t\(t)\n    title: Theme \(t)\n" }
        config += "programmes:\n"
        var files: [String: String] = [:]
        let themeList = (1...themes).map { "t\($0)" }.joined(separator: ", ")
        for p in 1...programmes {
            config += "  - id: p\(p)\n    title: Programme \(p)\n"
            files["content/case-studies/c\(p).md"] = "---\ntitle: Case \(p)\nprogramme: p\(p)\ndate: 2025-01-01\nthemes: [\(themeList)]\nsummary: S.\n---\nBody.\n"
        }
        files["casebook.yml"] = config + "reports:\n  - id: all\n    title: All\n"
        return try FixtureSite(files)
    }

    /// Too many programmes for the matrix's columns: programmes become its rows, if the themes fit.
    @Test func aMatrixWithManyProgrammesHasThemAsItsRows() throws {
        let built = try Self.build(try Self.grid(themes: 2, programmes: 9))
        let themesPage = try #require(built.site.text("themes/index.html"))
        let matrix = try PageChart("chart-matrix", in: themesPage)
        #expect(matrix.title == "Evidence matrix: programmes by theme")
        #expect(matrix.labels.prefix(4) == ["Theme 1", "Theme 2", "Programme 1", "Programme 2"])
        #expect(matrix.numbers == Array(repeating: 1, count: 18))
        #expect(try PageChart("chart-matrix", in: try #require(built.reports.text("all/index.html"))).numbers.count == 18)
    }

    @Test func aChartTooCrowdedToReadIsLeftOutAndTheTablesStay() throws {
        let built = try Self.build(try Self.grid(themes: 9, programmes: 9))
        let themesPage = try #require(built.site.text("themes/index.html"))
        #expect(!themesPage.contains("id=\"chart-matrix\""))
        #expect(themesPage.contains("<caption id=\"matrix-caption\">"))
        #expect(try PageChart("chart-themes", in: themesPage).numbers.count == 18, "the bar charts have room")
        #expect(try PageChart("chart-programmes", in: try #require(built.site.text("programmes/index.html"))).numbers.count == 18)
        let report = try #require(built.reports.text("all/index.html"))
        #expect(!report.contains("id=\"chart-matrix\"") && report.contains("id=\"chart-programmes\""))
        #expect(report.contains("<table class=\"evidence\">"))
    }

    @Test func twoBuildsDrawTheSameBytes() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let first = try Self.build(fixture), second = try Self.build(fixture)
        for path in ["themes/index.html", "programmes/index.html"] {
            #expect(first.site.files[path] != nil && first.site.files[path] == second.site.files[path], "\(path)")
        }
        #expect(first.reports.files["public-all/index.html"] == second.reports.files["public-all/index.html"])
    }

    @Test(arguments: [
        (0.0, "0"), (1.0, "1"), (12.5, "12.5"), (0.04, "0"), (-0.04, "0"), (0.05, "0.1"), (-2.25, "-2.3"), (1234.56, "1234.6"),
        (Double.nan, "0"), (1e300, "1000000000000"),
    ])
    func coordinatesArePrintedTheSameWayEverywhere(value: Double, printed: String) {
        #expect(SVGDrawing.number(value) == printed)
    }

    @Test func labelsBreakAtSpacesAndEndWithAnEllipsisWhenTheyDoNotFit() {
        #expect(ChartLabel.lines("Co-production is hard work, but worth it", width: 21, lines: 3) == ["Co-production is hard", "work, but worth it"])
        #expect(ChartLabel.lines("Short", width: 10, lines: 2) == ["Short"])
        #expect(ChartLabel.lines("", width: 10, lines: 2) == [])
        #expect(ChartLabel.lines("Relationships", width: 10, lines: 3) == ["Relations-", "hips"])
        #expect(ChartLabel.lines("Supercalifragilistic", width: 8, lines: 2) == ["Superca-", "lifragi…"])
        #expect(ChartLabel.lines("one two three four five", width: 9, lines: 2) == ["one two", "three…"])
        // However long the title, the label is a few short lines.
        let long = String(repeating: "word ", count: 200_000)
        let lines = ChartLabel.lines(long, width: 21, lines: 3)
        #expect(lines.count == 3 && lines.allSatisfy { $0.count <= 21 } && lines.last?.hasSuffix("…") == true)
    }
}
