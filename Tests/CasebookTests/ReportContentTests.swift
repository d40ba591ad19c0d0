import Foundation
import Model
import Pipeline
import Testing
import TestSupport

/// Reports as HTML and report.json, on the evidence fixture (counts worked out by hand).
@Suite struct ReportContentTests {
    let fixture: FixtureSite
    let output: String

    init() throws {
        fixture = try FixtureSite(copying: "evidence-site")
        output = SiteBuilds.temporaryOutput()
        let outcome = ReportBuild(options: .init(folder: fixture.root, output: output), clock: SiteBuilds.clock).run()
        try #require(outcome.succeeded, "\(outcome.diagnostics) \(outcome.failure ?? "")")
        #expect(outcome.reports == ["public-all", "internal-beta", "dated"])
    }

    func text(_ path: String) throws -> String { try String(contentsOfFile: output + "/" + path, encoding: .utf8) }

    func json(_ id: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(output)/\(id)/report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func publicReportsHoldNoInternalWithdrawnOrExpiredQuote() throws {
        for id in ["public-all", "dated"] {
            let html = try text("\(id)/index.html") + text("\(id)/report.json")
            for canary in SitePrivacyTests.canaries {
                #expect(!html.contains(canary), "\(canary) in \(id)")
            }
        }
        #expect(try text("public-all/index.html").contains("Quote one, public, about alpha."))
    }

    @Test func internalReportsHoldInternalQuotesButNeverWithdrawnOnes() throws {
        let html = try text("internal-beta/index.html")
        #expect(html.contains("CANARY-INTERNAL-7f3a"))
        for canary in ["CANARY-WITHDRAWN-91bc", "CANARY-EXPIRED-55d2", "CANARY-REF-1111", "CANARY-REF-0000", "CANARY-DRAFT-d4d4"] {
            #expect(!html.contains(canary), "\(canary) in the internal report")
        }
    }

    @Test func reportJSONMatchesTheHandCountedEvidence() throws {
        let all = try json("public-all")
        #expect(all["counts"] as? [String: Int] == ["case_studies": 3, "programmes": 2, "lessons": 6, "quotes": 3])
        let matrix = try #require(all["matrix"] as? [String: Any])
        #expect(matrix["themes"] as? [String] == ["t-alpha", "t-beta", "t-gamma"])
        #expect(matrix["programmes"] as? [String] == ["p-one", "p-two"])
        let cells = try #require(matrix["cells"] as? [[[String: Int]]])
        let triples = cells.map { row in row.map { [$0["case_studies"]!, $0["lessons"]!, $0["quotes"]!] } }
        #expect(triples == [
            [[1, 2, 1], [1, 1, 1]],
            [[2, 2, 1], [0, 0, 1]],
            [[0, 0, 0], [1, 1, 0]],
        ])
        #expect(all["quotes_withheld"] == nil, "how many quotes were left out is a trace of them")

        let internalReport = try json("internal-beta")
        #expect(internalReport["counts"] as? [String: Int] == ["case_studies": 2, "programmes": 1, "lessons": 2, "quotes": 2])
        let dated = try json("dated")
        #expect(dated["counts"] as? [String: Int] == ["case_studies": 2, "programmes": 2, "lessons": 3, "quotes": 2])
    }

    @Test func reportHoldsEveryPartInOrder() throws {
        let html = try text("public-all/index.html")
        let parts = ["class=\"cover\"", "id=\"contents-heading\"", "id=\"summary\"", "id=\"theme-t-alpha\"", "id=\"theme-t-beta\"",
                     "id=\"theme-t-gamma\"", "id=\"evidence-matrix\"", "id=\"appendix\"", "id=\"about\"", "id=\"feedback\""]
        let positions = try parts.map { part in try #require(html.range(of: part), "missing \(part)").lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.contains("mailto:fixture@example.org"))
        // Self-contained: styles inline, nothing fetched.
        let scanner = HTMLScanner(html)
        #expect(scanner.tags(named: "link").allSatisfy { $0.attribute("rel") != "stylesheet" })
        #expect(scanner.tags(named: "script").isEmpty)
        #expect(scanner.tags(named: "img").isEmpty)
    }

    /// A report shows quotes under their themes only: a public quote with no themes (as `casebook
    /// new quote` leaves one) is in no part of it, so it is in no count either. The site lists it.
    @Test func aQuoteWithNoThemesIsNeitherShownNorCounted() throws {
        let site = try FixtureSite(copying: "evidence-site")
        try site.write("content/quotes/no-themes.md", """
            ---
            speaker: Parent
            programme: p-two
            themes: []
            consent: public
            date: 2025-06-01
            ---
            Quote with no themes, about mornings.
            """)
        let reports = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: reports) }
        try #require(ReportBuild(options: .init(folder: site.root, output: reports, only: ["public-all"]), clock: SiteBuilds.clock).run().succeeded)
        let html = try String(contentsOfFile: reports + "/public-all/index.html", encoding: .utf8)
        #expect(!html.contains("about mornings"))
        #expect(html.contains("with 3 quotes from the people involved"), "the theme-less quote counted")
        let data = try Data(contentsOf: URL(fileURLWithPath: reports + "/public-all/report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((report["counts"] as? [String: Int])?["quotes"] == 3)
        let shown = try #require(report["themes"] as? [[String: Any]]).flatMap { ($0["quotes"] as? [[String: Any]]) ?? [] }
        #expect(Set(shown.compactMap { $0["id"] as? String }).count == 3)
        let matrix = try #require((report["matrix"] as? [String: Any])?["cells"] as? [[[String: Int]]])
        #expect(matrix.joined().map { $0["quotes"]! }.reduce(0, +) == 4, "q2 is under two themes; the theme-less quote in no cell")

        let website = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: website) }
        try #require(SiteBuilds.build(site.root, into: website).succeeded)
        #expect(try String(contentsOfFile: website + "/quotes/index.html", encoding: .utf8).contains("about mornings"))
    }

    /// The fixture's case studies have no organisation or region, and `internal-beta` no subtitle.
    @Test func optionalFieldsLeftEmptyPrintNoLabel() throws {
        let html = try text("public-all/index.html")
        #expect(!html.contains("<dd></dd>"), "a label with nothing after it")
        #expect(!html.contains("<dt>Organisation</dt>"))
        #expect(!html.contains("<dt>Region</dt>"))
        #expect(html.contains("<dt>Programme</dt><dd>Programme Two</dd>"))

        let untitled = try text("internal-beta/index.html")
        #expect(untitled.contains("<title>Beta for the board</title>"))
        #expect(!untitled.contains("cover-subtitle\"></p>"))
        #expect(!untitled.contains("<meta name=\"description\""))
    }

    @Test func aboutPartSaysWhichConsentItIncludesButCountsNothingLeftOut() throws {
        let text = HTMLScanner(try text("public-all/index.html")).text
        #expect(text.contains("Public: public quotes only"))
        #expect(!text.contains("left out"), "a count of the quotes left out is a trace of them")
        #expect(!text.contains("withdrawn"))
    }

    @Test func onlyBuildsTheNamedReportAndUnknownIDsAreRefused() throws {
        let only = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: only) }
        let outcome = ReportBuild(options: .init(folder: fixture.root, output: only, only: ["dated"]), clock: SiteBuilds.clock).run()
        #expect(outcome.reports == ["dated"])
        #expect(!FileManager.default.fileExists(atPath: only + "/public-all"))
        let unknown = ReportBuild(options: .init(folder: fixture.root, output: only, only: ["datd"]), clock: SiteBuilds.clock).run()
        #expect(unknown.failure?.contains("did you mean 'dated'") == true)
    }

    /// `--only` rebuilds the named report and leaves the others in the output as they were.
    @Test func onlyKeepsTheOtherReportsAsTheyWere() throws {
        let before = try ["public-all/index.html", "public-all/report.json", "internal-beta/index.html"].map { ($0, try text($0)) }
        try "made by an earlier --pdf run".write(toFile: output + "/internal-beta/internal-beta.pdf", atomically: true, encoding: .utf8)
        let secret = fixture.path("secret.txt")
        try "CANARY-LINKED-e3e3".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: output + "/public-all/linked.txt", withDestinationPath: secret)
        try fixture.edit("casebook.yml", replacing: "title: The year 2025", with: "title: The year 2025, again")

        let outcome = ReportBuild(options: .init(folder: fixture.root, output: output, only: ["dated"]), clock: SiteBuilds.clock).run()
        try #require(outcome.succeeded, "\(outcome.failure ?? "")")
        #expect(try text("dated/index.html").contains("The year 2025, again"))
        for (path, contents) in before { #expect(try text(path) == contents, "\(path) changed") }
        #expect(try text("internal-beta/internal-beta.pdf") == "made by an earlier --pdf run")
        // A link in the old output is not read through: its target's words are nowhere in the new one.
        #expect(!FileManager.default.fileExists(atPath: output + "/public-all/linked.txt"))
        let copied = FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String } ?? []
        for path in copied where !path.hasSuffix("/") {
            #expect((try? text(path))?.contains("CANARY-LINKED-e3e3") != true, "\(path) holds the link's target")
        }

        // A full run still replaces the whole output.
        try #require(ReportBuild(options: .init(folder: fixture.root, output: output), clock: SiteBuilds.clock).run().succeeded)
        #expect(!FileManager.default.fileExists(atPath: output + "/internal-beta/internal-beta.pdf"))
    }

    /// An output folder that is a link to somewhere else: `--only` reads and writes nothing
    /// through it, and treats it as a full run does.
    @Test func onlyNeverReadsOrWritesThroughALinkedOutput() throws {
        let elsewhere = fixture.path("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "CANARY-ELSEWHERE-5d1c".write(toFile: elsewhere + "/note.txt", atomically: true, encoding: .utf8)
        let linked = fixture.path("linked-reports")
        try FileManager.default.createSymbolicLink(atPath: linked, withDestinationPath: elsewhere)
        let only = ReportBuild.Options(folder: fixture.root, output: linked, only: ["dated"])
        // Holding files casebook did not write, it is refused, as a full run refuses it.
        let refused = ReportBuild(options: only, clock: SiteBuilds.clock).run()
        #expect(!refused.succeeded && refused.failure?.contains("refusing to replace") == true, "\(refused.failure ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == ["note.txt"], "nothing is written through the link")
        // Empty, the link is replaced by the output, and its target is left alone.
        try FileManager.default.removeItem(atPath: elsewhere + "/note.txt")
        let outcome = ReportBuild(options: only, clock: SiteBuilds.clock).run()
        try #require(outcome.succeeded, "\(outcome.failure ?? "")")
        #expect(FileManager.default.fileExists(atPath: linked + "/dated/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty, "nothing is written through the link")
    }

    @Test func theSiteGetsPublicReportsOnly() throws {
        let site = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try #require(SiteBuilds.build(fixture.root, into: site).succeeded)
        #expect(FileManager.default.fileExists(atPath: site + "/reports/public-all/index.html"))
        #expect(FileManager.default.fileExists(atPath: site + "/reports/dated/report.json"))
        #expect(!FileManager.default.fileExists(atPath: site + "/reports/internal-beta"))
    }
}
