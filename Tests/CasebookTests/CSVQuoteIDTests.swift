import Foundation
import Load
import Model
import Pipeline
import TestSupport
import Testing

/// A case study names CSV quotes by an id written in the file, never by a row number: sorting
/// the spreadsheet must not move a reference onto another person's words.
@Suite struct CSVQuoteIDTests {
    static let caseStudy = "content/case-studies/first-steps.md"
    static let summary = "summary: Young people joined the design group from the start.\n"

    /// The fixture's first case study, naming `ids` under `quotes:` (on line 7).
    static func referencing(_ ids: String) -> (file: String, old: String, new: String) {
        (caseStudy, summary, summary + "quotes: [\(ids)]\n")
    }

    static func site(csv: String, quotes ids: String) throws -> FixtureSite {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/survey.csv": csv])
        let edit = referencing(ids)
        try site.edit(edit.file, replacing: edit.old, with: edit.new)
        return site
    }

    static let header = "text,speaker,programme,themes,consent\n"
    static let rows = [
        "First words,Parent,talent-match,hard-work,public\n",
        "Second words,Project worker,talent-match,shared-benefits,public\n",
    ]

    @Test func referenceToARowNumberIsAnErrorAtTheReferenceSayingToAddAnIdColumn() throws {
        let site = try Self.site(csv: Self.header + Self.rows.joined(), quotes: "survey-2")
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(Self.caseStudy):7: error: csv-row-reference"])
        let message = try #require(diagnostics.first?.message)
        #expect(message.contains("content/quotes/survey.csv"), "names the spreadsheet: \(message)")
        #expect(message.contains("add an 'id' column"), "says how to fix it: \(message)")
        #expect(message.contains("line 3"), "names the row's line: \(message)")
    }

    /// In a file with an `id` column, a row left without one is still known only by its position.
    @Test func referenceToARowWithAnEmptyIdIsAnError() throws {
        let csv = "id,text,speaker,programme,themes,consent\n"
            + "first,First words,Parent,talent-match,hard-work,public\n"
            + ",Second words,Project worker,talent-match,shared-benefits,public\n"
        let site = try Self.site(csv: csv, quotes: "first, survey-2")
        #expect(site.check().diagnostics.summaries == ["\(Self.caseStudy):7: error: csv-row-reference"])
    }

    /// A row-number id nobody references is fine: existing sites without references keep building.
    @Test func unreferencedRowsWithoutIdsStillBuild() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/survey.csv": Self.header + Self.rows.joined()])
        let outcome = site.check()
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.site?.quotes.map(\.id).filter { $0.hasPrefix("survey-") } == ["survey-1", "survey-2"])
    }

    /// Writing the row-number id into an `id` column, as the error suggests, keeps the reference.
    @Test func theSuggestedFixBuilds() throws {
        let csv = "text,speaker,programme,themes,consent,id\n"
            + "First words,Parent,talent-match,hard-work,public,survey-1\n"
            + "Second words,Project worker,talent-match,shared-benefits,public,survey-2\n"
        let site = try Self.site(csv: csv, quotes: "survey-2")
        let outcome = site.check()
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
    }

    @Test func resortingRowsWithIdsChangesNothingInTheBuiltSite() throws {
        let header = "text,speaker,programme,themes,consent,id,date\n"
        let rows = [
            "First words,Parent,talent-match,hard-work,public,first,2025-06-01\n",
            "\"Second, longer words\",Project worker,talent-match,shared-benefits,public,second,2025-06-01\n",
            "Third words,Parent,a-better-start,shared-benefits,public,third,\n",
        ]
        func built(_ order: [Int]) throws -> [String: [UInt8]] {
            let site = try Self.site(csv: header + order.map { rows[$0] }.joined(), quotes: "second, third")
            let output = SiteBuilds.temporaryOutput()
            let outcome = SiteBuilds.build(site.root, into: output)
            try #require(outcome.succeeded, "\(outcome.diagnostics)")
            defer { try? FileManager.default.removeItem(atPath: output) }
            return try SiteFiles(folder: output).files
        }
        let sorted = try built([0, 1, 2])
        let resorted = try built([2, 0, 1])
        #expect(sorted.keys.sorted() == resorted.keys.sorted())
        let differing = sorted.keys.filter { sorted[$0] != resorted[$0] }.sorted()
        #expect(differing.isEmpty, "files that changed when the rows were re-sorted: \(differing)")
        let caseStudyPage = try #require(sorted.first { $0.key.hasPrefix("case-studies/first-steps") && $0.key.hasSuffix(".html") })
        #expect(String(decoding: caseStudyPage.value, as: UTF8.self).contains("Second, longer words"), "the referenced quote is shown")
    }
}
