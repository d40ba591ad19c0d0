import CSV
import Foundation
import Pipeline
import TestSupport
import Testing

/// The flat exports analysts open in a spreadsheet, and the JSON exports' one naming convention
/// and documented schemas (docs/data.md, docs/schemas/).
@Suite struct DataExportTests {
    static let accented = "Zoë’s Café Trust"

    /// A case study with Markdown in its lessons and summary and an accented organisation.
    static func site(_ extra: [String: String] = [:]) throws -> FixtureSite {
        var files = extra
        files["content/case-studies/markdown-lessons.md"] = """
            ---
            title: Markdown in lessons
            programme: a-better-start
            organisation: \(accented)
            date: 2025-05-01
            themes: [shared-benefits]
            summary: A *short* summary.
            lessons:
              - theme: shared-benefits
                text: Parents valued **being asked**, see [the guide](https://example.org/guide).
            ---
            Body.
            """
        return try FixtureSite(copying: "valid-site", files)
    }

    static func build(_ site: FixtureSite) throws -> SiteFiles {
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        return try SiteFiles(folder: output)
    }

    static func rows(_ bytes: [UInt8]) throws -> [[String: String]] {
        // The byte-order mark is Excel's; a CSV reader sees the header after it.
        let text = String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes, as: UTF8.self)
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let header = try #require(reader.headerRow)
        var rows: [[String: String]] = []
        while let row = reader.next() { rows.append(Dictionary(uniqueKeysWithValues: zip(header, row))) }
        return rows
    }

    @Test func lessonsCSVHasOneRowPerLessonWithItsCaseStudyThemeAndProgramme() throws {
        let files = try Self.build(try Self.site())
        let rows = try Self.rows(try #require(files.files["data/lessons.csv"]))
        let lessonsJSON = try #require(files.files["data/lessons.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(lessonsJSON)) as? [[String: Any]])
        #expect(rows.count == json.count && rows.count == 3, "one row per lesson: \(rows.count)")
        let row = try #require(rows.first { $0["case_study"] == "markdown-lessons" })
        #expect(row["case_study_title"] == "Markdown in lessons")
        #expect(row["theme"] == "shared-benefits" && row["theme_title"] == "There are benefits for all involved")
        #expect(row["programme"] == "a-better-start" && row["programme_title"] == "A Better Start")
        #expect(row["text"] == "Parents valued being asked, see the guide.", "plain text, not Markdown")
        #expect(row["html"] == "Parents valued <strong>being asked</strong>, see <a href=\"https://example.org/guide\">the guide</a>.")
        #expect(row["case_study_url"] == "https://example.org/fixture/case-studies/markdown-lessons/")
        let record = try #require(json.first { $0["case_study"] as? String == "markdown-lessons" })
        #expect(record["text"] as? String == row["text"] && record["html"] as? String == row["html"])
    }

    @Test func caseStudiesCSVHasOneRowPerCaseStudyWithPlainAndHTMLSummaries() throws {
        let files = try Self.build(try Self.site())
        let rows = try Self.rows(try #require(files.files["data/case-studies.csv"]))
        #expect(rows.map { $0["slug"] ?? "" }.sorted() == ["first-steps", "markdown-lessons", "second-wind"])
        let row = try #require(rows.first { $0["slug"] == "markdown-lessons" })
        #expect(row["organisation"] == Self.accented)
        #expect(row["summary"] == "A short summary." && row["summary_html"] == "A <em>short</em> summary.")
        #expect(row["lesson_count"] == "1" && row["themes"] == "shared-benefits" && row["date"] == "2025-05-01")
        let caseStudiesJSON = try #require(files.files["data/case-studies.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(caseStudiesJSON)) as? [[String: Any]])
        let record = try #require(json.first { $0["slug"] as? String == "markdown-lessons" })
        let lesson = try #require((record["lessons"] as? [[String: Any]])?.first)
        #expect(lesson["text"] as? String == "Parents valued being asked, see the guide.")
        #expect((lesson["html"] as? String)?.contains("<strong>being asked</strong>") == true)
    }

    /// Excel reads a CSV without a byte-order mark in the system's code page (`Zoë` shows as
    /// `ZoÃ«`): every CSV export starts with one unless the site asks for `csv: plain`.
    @Test func csvExportsStartWithAByteOrderMarkUnlessPlainIsAskedFor() throws {
        let excel = try Self.build(try Self.site())
        let site = try Self.site()
        try site.edit("casebook.yml", replacing: "language: en-GB\n", with: "language: en-GB\ncsv: plain\n")
        let plain = try Self.build(site)
        for path in ["data/quotes.csv", "data/lessons.csv", "data/case-studies.csv"] {
            let withMark = try #require(excel.files[path]), without = try #require(plain.files[path])
            #expect(withMark.starts(with: [0xEF, 0xBB, 0xBF]), "\(path) has Excel's byte-order mark")
            #expect(!without.starts(with: [0xEF, 0xBB, 0xBF]), "\(path) with csv: plain")
            #expect(Array(withMark.dropFirst(3)) == without, "\(path): the same rows either way")
        }
        #expect(String(decoding: try #require(excel.files["data/case-studies.csv"]), as: UTF8.self).contains(Self.accented))
    }

    @Test func anUnknownCSVFlavourIsAnErrorAtItsLine() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("casebook.yml", replacing: "language: en-GB\n", with: "language: en-GB\ncsv: xlsx\n")
        let errors = site.check().diagnostics.with(code: "invalid-csv")
        #expect(errors.summaries == ["casebook.yml:4: error: invalid-csv"])
        #expect(errors.first?.message.contains("excel") == true)
    }

    /// Every JSON export and report.json, with keys in snake_case only: report.json's evidence
    /// matrix used to say `caseStudies` beside `case_studies`.
    @Test func everyJSONExportNamesItsKeysInSnakeCase() throws {
        let exports = try Self.exampleExports()
        var offending: Set<String> = []
        func walk(_ value: Any, in path: String) {
            if let object = value as? [String: Any] {
                for (key, inner) in object {
                    if key.wholeMatch(of: /[a-z][a-z0-9]*(_[a-z0-9]+)*/) == nil { offending.insert("\(path): \(key)") }
                    walk(inner, in: path)
                }
            } else if let array = value as? [Any] {
                for item in array { walk(item, in: path) }
            }
        }
        for (path, bytes) in exports { walk(try JSONSerialization.jsonObject(with: Data(bytes)), in: path) }
        #expect(exports.count == 6)
        #expect(offending.isEmpty, "\(offending.sorted())")
    }

    /// docs/data.md documents each export with a JSON Schema in docs/schemas/; the example
    /// site's exports must pass them (the schemas refuse keys they do not name).
    @Test func theExampleSitesExportsPassTheirSchemas() throws {
        let linter = try #require(WorkflowLinter.find(), WorkflowLinter.missing)
        let schemas = PackagePaths.root.appendingPathComponent("docs/schemas")
        let folder = TestScratch.path("exports")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var checked = 0
        for (path, bytes) in try Self.exampleExports() {
            let schema = path.hasSuffix("report.json") ? "report" : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let file = folder.appendingPathComponent(path.replacingOccurrences(of: "/", with: "-"))
            try Data(bytes).write(to: file)
            let result = try ProcessRunner.run(linter, ["--schemafile", schemas.appendingPathComponent("\(schema).schema.json").path, file.path])
            #expect(result.status == 0, "\(path) fails docs/schemas/\(schema).schema.json: \(result)")
            checked += 1
        }
        #expect(checked == 6)
        // And the check can fail: a renamed key is refused.
        let broken = folder.appendingPathComponent("broken.json")
        try Data(#"[{"id": "a", "text": "t", "speaker": "s", "attribution": "s", "themes": [], "featured": false, "caseStudy": "x"}]"#.utf8)
            .write(to: broken)
        let result = try ProcessRunner.run(linter, ["--schemafile", schemas.appendingPathComponent("quotes.schema.json").path, broken.path])
        #expect(result.status != 0, "\(result)")
    }

    /// The example site's JSON exports and a public report's report.json, by path.
    static func exampleExports() throws -> [(String, [UInt8])] {
        let (site, built) = try SiteBuilds.siteAndReports(SiteBuilds.exampleSite)
        var exports: [(String, [UInt8])] = []
        for path in ["data/quotes.json", "data/case-studies.json", "data/lessons.json", "search-index.json"] {
            exports.append((path, try #require(site.files[path], "\(path) missing")))
        }
        for path in built.files.keys.sorted() where path.hasSuffix("/report.json") { exports.append((path, built.files[path]!)) }
        return exports
    }
}
