import Foundation
import Model
import TestSupport
import Testing
import ZIPFoundation

/// `casebook import`, run as an evaluator runs it, on exports written here in the shapes
/// Taguette, QualCoder and Excel write them.
@Suite struct ImportCommandTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    /// Taguette's highlights export: one row per highlight and tag, HTML-free text.
    static let taguette = """
        id,document,tag,content
        7,Interview 1 (parent).docx,barriers.time,"It took far longer than anyone planned, ""honestly""."
        7,Interview 1 (parent).docx,benefits,"It took far longer than anyone planned, ""honestly""."
        12,Interview 1 (parent).docx,benefits,"I chair the forum now.
        I never thought I would."
        15,Interview 2 (worker).docx,memo,A note to self about the room booking
        16,Interview 2 (worker).docx,benefits,"We stopped guessing what families wanted."

        """

    static let taguetteMapping = """
        source: interviews
        codes:
          barriers.time: hard-work
          benefits: [shared-benefits]
          memo: skip
        documents:
          "Interview 1 (parent).docx":
            speaker: Parent
            programme: a-better-start
            case_study: first-steps
          "Interview 2 (worker).docx":
            speaker: Project worker
            programme: talent-match

        """

    @Test func taguetteHighlightsBecomeQuotesUnderTheirThemesAndProgrammesOnceEach() throws {
        let site = try FixtureSite(copying: "valid-site", ["highlights.csv": Self.taguette])
        // The mapping file to start from lists every code and document, and the site's ids.
        let initial = try CasebookCLI.run(["import", "highlights.csv", "--init-mapping", "--mapping", "import/interviews.yml"], in: site.url)
        #expect(initial.status == 2, "the import folder does not exist yet: \(initial)")
        try FileManager.default.createDirectory(atPath: site.path("import"), withIntermediateDirectories: true)
        let started = try CasebookCLI.run(["import", "highlights.csv", "--init-mapping", "--mapping", "import/interviews.yml"], in: site.url)
        #expect(started.status == 0, "\(started)")
        let template = try site.read("import/interviews.yml")
        for line in ["source: highlights", "format: taguette", "\"barriers.time\": \"\"    # 1 excerpt", "\"benefits\": \"\"    # 3 excerpts",
                     "\"Interview 2 (worker).docx\":    # 2 excerpts", "#   hard-work: Co-production is hard work, but worth it",
                     "#   a-better-start: A Better Start", "#   first-steps"] {
            #expect(template.contains(line), "\(line) in \(template)")
        }
        // Left as written, nothing is mapped: each code is reported, nothing is written.
        let unmapped = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "import/interviews.yml", "--consent", "internal", "--write"], in: site.url)
        #expect(unmapped.status == 1, "\(unmapped)")
        #expect(unmapped.stderr.contains("highlights.csv:2: error: the code 'barriers.time' (1 excerpt) has no theme in import/interviews.yml"), "\(unmapped)")
        #expect(unmapped.stderr.contains("the code 'memo' (1 excerpt)"), "\(unmapped)")
        #expect(try quoteFiles(site).isEmpty)

        try site.write("import/interviews.yml", Self.taguetteMapping)
        let dryRun = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "import/interviews.yml", "--consent", "internal"], in: site.url)
        #expect(dryRun.status == 0, "\(dryRun)")
        #expect(dryRun.stdout.contains("created   content/quotes/interviews-7.md\n"), "\(dryRun)")
        #expect(dryRun.stdout.contains("3 would be created, 0 would be updated, 0 unchanged, 1 skipped"), "\(dryRun)")
        #expect(try quoteFiles(site).isEmpty, "a dry run writes nothing")

        let written = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "import/interviews.yml", "--consent", "internal", "--write"], in: site.url)
        #expect(written.status == 0, "\(written)")
        #expect(try quoteFiles(site) == ["interviews-12.md", "interviews-16.md", "interviews-7.md"])
        let check = try CasebookCLI.run(["check", "--strict"], in: site.url)
        #expect(check.status == 0, "check accepts the imported quotes: \(check)")
        let loaded = try #require(site.check().site)
        let seven = try #require(loaded.quotes.first { $0.id == "interviews-7" })
        #expect(seven.themes.map(\.value) == ["hard-work", "shared-benefits"])
        #expect(seven.programme?.value == "a-better-start")
        #expect(seven.caseStudy?.value == "first-steps")
        #expect(seven.speaker == "Parent")
        #expect(seven.consent == .internal)
        #expect(seven.text == "It took far longer than anyone planned, \"honestly\".")
        let sixteen = try #require(loaded.quotes.first { $0.id == "interviews-16" })
        #expect(sixteen.programme?.value == "talent-match" && sixteen.speaker == "Project worker" && sixteen.caseStudy == nil)

        // A second run changes nothing; a changed excerpt is updated in place.
        let before = try site.read("content/quotes/interviews-12.md")
        let again = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "import/interviews.yml", "--consent", "internal", "--write"], in: site.url)
        #expect(again.stdout.hasSuffix("0 created, 0 updated, 3 unchanged, 1 skipped (source 'interviews', taguette)\n"), "\(again)")
        #expect(try site.read("content/quotes/interviews-12.md") == before)
        try site.edit("highlights.csv", replacing: "I chair the forum now.", with: "I chair the parents' forum now.")
        let edited = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "import/interviews.yml", "--consent", "internal", "--write"], in: site.url)
        #expect(edited.stdout.contains("updated   content/quotes/interviews-12.md\n"), "\(edited)")
        #expect(edited.stdout.contains("0 created, 1 updated, 2 unchanged"), "\(edited)")
        #expect(try site.read("content/quotes/interviews-12.md").contains("I chair the parents' forum now.\nI never thought I would.\n"))
        #expect(try quoteFiles(site).count == 3)
        // An excerpt gone from the source is named; its file is left for the user to delete.
        try site.edit("highlights.csv", replacing: "16,Interview 2 (worker).docx,benefits,\"We stopped guessing what families wanted.\"\n", with: "")
        let gone = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "import/interviews.yml", "--consent", "internal", "--write"], in: site.url)
        #expect(gone.stdout.contains("not in source content/quotes/interviews-16.md"), "\(gone)")
        #expect(try quoteFiles(site).count == 3)

        // Internal quotes stay off the site.
        let build = try CasebookCLI.run(["build", "--quiet"], in: site.url)
        #expect(build.status == 0, "\(build)")
        let published = try SiteFiles(folder: site.path("_site"))
        #expect(published.containing("parents' forum").isEmpty && published.containing("interviews-12").isEmpty, "internal imported quotes are not published")
    }

    @Test func aQualCoderReportWithAConsentVariableMergesOneTextCodedTwice() throws {
        // QualCoder writes a byte-order mark and quotes every cell; image codings are listed too.
        let report = "\u{FEFF}" + """
            "File","Coder","Coded","Id","Codename","Coded_Memo","Category","FileVar_Consent"
            "focus-group.txt","colin","Nobody asked us before.","ctid:31","Voice","","Power","public"
            "focus-group.txt","colin","Nobody asked us before.","ctid:29","Effort","","","public"
            "focus-group.txt","colin","The budget was ours to spend.","ctid:40","Voice","","Power","withdrawn"
            "focus-group.txt","colin","image","imid:3","Voice","","",""

            """
        let site = try FixtureSite(copying: "valid-site", [
            "coding.csv": report,
            "mapping.yml": """
                source: focus-group
                columns:
                  consent: FileVar_Consent
                codes:
                  Voice: shared-benefits
                  Effort: hard-work
                documents:
                  focus-group.txt:
                    speaker: Young person
                    programme: talent-match

                """,
        ])
        let result = try CasebookCLI.run(["import", "coding.csv", "--mapping", "mapping.yml", "--write"], in: site.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("skipped   coding.csv:5: not text (imid coding)"), "\(result)")
        #expect(try quoteFiles(site) == ["focus-group-29.md", "focus-group-40.md"])
        let loaded = try #require(site.check().site)
        let merged = try #require(loaded.quotes.first { $0.id == "focus-group-29" })
        #expect(Set(merged.themes.map(\.value)) == ["shared-benefits", "hard-work"])
        #expect(merged.consent == .public)
        #expect(loaded.quotes.first { $0.id == "focus-group-40" }?.consent == .withdrawn)
        #expect(try CasebookCLI.run(["check", "--strict"], in: site.url).status == 0)
    }

    /// A consent column the import does not read would be overruled by `--consent`: an excerpt
    /// whose source says `withdrawn` would be published. So every column that looks like consent
    /// (or its expiry) is read or the import is refused.
    @Test func aConsentColumnLeftUnreadIsNotOverruledByConsent() throws {
        let report = """
            "File","Coder","Coded","Id","Codename","FileVar_Consent","CaseVar_Consent_Expires"
            "focus-group.txt","colin","Nobody asked us before.","ctid:31","Voice","public","2030-01-01"
            "focus-group.txt","colin","The budget was ours to spend.","ctid:40","Voice","withdrawn","2030-01-01"

            """
        let mapping = """
            source: focus-group
            codes:
              Voice: shared-benefits
            documents:
              focus-group.txt:
                speaker: Young person

            """
        let site = try FixtureSite(copying: "valid-site", ["coding.csv": report, "mapping.yml": mapping])
        let overruled = try CasebookCLI.run(["import", "coding.csv", "--mapping", "mapping.yml", "--consent", "public", "--write"], in: site.url)
        #expect(overruled.status == 2, "\(overruled)")
        #expect(overruled.stderr.contains("coding.csv has a column 'FileVar_Consent' that looks like consent, and it is not read"), "\(overruled)")
        #expect(try quoteFiles(site).isEmpty, "nothing is written")
        // With the consent column read, its expiry is still a column left unread.
        let expiry = try CasebookCLI.run(["import", "coding.csv", "--mapping", "mapping.yml", "--map", "consent=FileVar_Consent", "--write"], in: site.url)
        #expect(expiry.status == 2 && expiry.stderr.contains("a column 'CaseVar_Consent_Expires' that looks like consent"), "\(expiry)")
        let both = try CasebookCLI.run(
            ["import", "coding.csv", "--mapping", "mapping.yml", "--map", "consent=FileVar_Consent,consent_expires=CaseVar_Consent_Expires", "--write"],
            in: site.url)
        #expect(both.status == 0, "\(both)")
        #expect(try #require(site.check().site).quotes.first { $0.id == "focus-group-40" }?.consent == .withdrawn)
    }

    @Test func anXLSXSheetIsChosenByNameAndItsTextNumbersAndDatesRead() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "mapping.yml": """
                source: survey
                codes:
                  Time: hard-work
                  Gains: shared-benefits

                """,
        ])
        try Workbook.write(to: site.path("coding.xlsx"), sheets: [
            ("Notes", [[.inline("nothing to see")]]),
            ("Coding", [
                [.shared("Ref"), .shared("Excerpt"), .shared("Codes"), .shared("Role"), .inline("Consent"), .shared("Date")],
                [.number("101"), .rich(["It was ", "slow"]), .shared("Time;Gains"), .shared("Parent"), .inline("public"), .number("45809")],
                [.number("102"), .inline("Worth every hour."), .shared("Gains"), .shared("Volunteer"), .inline("internal"), .shared("2025-06-02")],
            ]),
        ])
        let arguments = ["import", "coding.xlsx", "--sheet", "Coding", "--mapping", "mapping.yml",
                         "--map", "id=Ref,text=Excerpt,codes=Codes", "--map", "speaker=Role,consent=Consent,date=Date"]
        let result = try CasebookCLI.run(arguments + ["--write", "--format", "json"], in: site.url)
        #expect(result.status == 0, "\(result)")
        struct Outcome: Decodable { let written: Bool, source: String, format: String, created: [String], updated: [String], unchanged: [String] }
        let outcome = try JSONDecoder().decode(Outcome.self, from: Data(result.stdout.utf8))
        #expect(outcome.written && outcome.source == "survey" && outcome.format == "table")
        #expect(outcome.created == ["content/quotes/survey-101.md", "content/quotes/survey-102.md"])
        let loaded = try #require(site.check().site)
        let first = try #require(loaded.quotes.first { $0.id == "survey-101" })
        #expect(first.text == "It was slow")
        #expect(first.themes.map(\.value) == ["hard-work", "shared-benefits"])
        #expect(first.date == Day(year: 2025, month: 6, day: 1), "Excel's day number 45809 is 2025-06-01")
        #expect(loaded.quotes.first { $0.id == "survey-102" }?.date == Day(year: 2025, month: 6, day: 2))
        #expect(try CasebookCLI.run(["check", "--strict"], in: site.url).status == 0)
        let again = try CasebookCLI.run(arguments + ["--format", "json"], in: site.url)
        let second = try JSONDecoder().decode(Outcome.self, from: Data(again.stdout.utf8))
        #expect(!second.written && second.created.isEmpty && second.updated.isEmpty && second.unchanged.count == 2)

        let missing = try CasebookCLI.run(["import", "coding.xlsx", "--sheet", "Codes", "--mapping", "mapping.yml"], in: site.url)
        #expect(missing.status == 2 && missing.stderr.contains("has no sheet 'Codes'; its sheets: 'Notes', 'Coding'"), "\(missing)")
    }

    /// A row is held up to its last cell: rows of one cell at column ALL (the 1,000th) would cost
    /// a thousand cells each, 1.6 GB within the rows and columns limits, from a tiny workbook.
    @Test func aSheetWhoseRowsReachAFarColumnIsRefusedBeforeItFillsTheMemory() throws {
        let site = try FixtureSite(copying: "valid-site", ["mapping.yml": Self.taguetteMapping])
        let rows: [[Workbook.Cell]] = [[.inline("id"), .inline("content")]] + (1...6_000).map { [.at(column: "ALL", .number("\($0)"))] }
        try Workbook.write(to: site.path("far.xlsx"), sheets: [("Coding", rows)])
        let result = try CasebookCLI.run(["import", "far.xlsx", "--mapping", "mapping.yml", "--consent", "internal", "--write"], in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("the sheet 'Coding' of far.xlsx reaches 5001 rows of up to 1000 columns (row 5001), more than the 5000000 cells casebook import reads from one sheet"), "\(result)")
        #expect(try quoteFiles(site).isEmpty)
    }

    /// Consent from the flag and from the mapping file, when they differ, is not settled by
    /// which one wins: the user says which one is meant.
    @Test func twoConsentsThatDifferAreRefusedAndTwoThatAgreeAreRead() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "highlights.csv": Self.taguette, "mapping.yml": Self.taguetteMapping + "consent: internal\n",
        ])
        let differ = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "mapping.yml", "--consent", "public", "--write"], in: site.url)
        #expect(differ.status == 2, "\(differ)")
        #expect(differ.stderr.contains("consent is given twice, and differently: --consent public and consent: internal at mapping.yml:"), "\(differ)")
        #expect(try quoteFiles(site).isEmpty)
        let agree = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "mapping.yml", "--consent", "internal", "--write"], in: site.url)
        #expect(agree.status == 0, "\(agree)")
        #expect(try quoteFiles(site) == ["interviews-12.md", "interviews-16.md", "interviews-7.md"])
        #expect(try #require(site.check().site).quotes.first { $0.id == "interviews-7" }?.consent == .internal)
    }

    @Test func withoutAConsentColumnOrConsentNothingIsImported() throws {
        let site = try FixtureSite(copying: "valid-site", ["highlights.csv": Self.taguette, "mapping.yml": Self.taguetteMapping])
        let result = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "mapping.yml", "--write"], in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("no consent column mapped, and no --consent was given; there is no default"), "\(result)")
        #expect(try quoteFiles(site).isEmpty)
        // An empty cell in a consent column is no consent either.
        try site.write("table.csv", "Excerpt,Codes,Consent,Role\nSlow going.,memo;barriers.time,,Parent\n")
        let blank = try CasebookCLI.run(["import", "table.csv", "--mapping", "mapping.yml", "--map", "text=Excerpt,codes=Codes,consent=Consent,speaker=Role", "--write"], in: site.url)
        #expect(blank.status == 1 && blank.stderr.contains("table.csv:2: error: this excerpt's consent cell is empty"), "\(blank)")
        #expect(try quoteFiles(site).isEmpty)
    }

    @Test func refusalsWriteNothing() throws {
        let site = try FixtureSite(copying: "valid-site", ["highlights.csv": Self.taguette, "mapping.yml": Self.taguetteMapping])
        func run(_ extra: [String], input: String = "highlights.csv") throws -> ProcessResult {
            try CasebookCLI.run(["import", input, "--mapping", "mapping.yml", "--consent", "public", "--write"] + extra, in: site.url)
        }
        let column = try run(["--map", "speaker=Role"])
        #expect(column.status == 2 && column.stderr.contains("the column 'Role' (for speaker) is not in highlights.csv; its columns are 'id', 'document', 'tag', 'content'"), "\(column)")
        let field = try run(["--map", "voice=content"])
        #expect(field.status == 2 && field.stderr.contains("unknown field 'voice'"), "\(field)")

        try site.write("bad.xlsx", "id,document\n1,2\n")
        let notAWorkbook = try run([], input: "bad.xlsx")
        #expect(notAWorkbook.status == 2 && notAWorkbook.stderr.contains("bad.xlsx is not an .xlsx workbook"), "\(notAWorkbook)")
        try site.write("binary.csv", bytes: [0x69, 0x64, 0x0A, 0xFF, 0xFE, 0x00, 0x01])
        let binary = try run([], input: "binary.csv")
        #expect(binary.status == 2 && binary.stderr.contains("binary.csv is not UTF-8 text"), "\(binary)")

        // A sheet that unpacks to 1,000 times its packed size is refused before it is read whole.
        let bomb = site.path("bomb.xlsx")
        let archive = try Archive(url: URL(fileURLWithPath: bomb), accessMode: .create)
        let zeros = Data(count: 8 << 20)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(zeros.count), compressionMethod: .deflate) { position, size in
            zeros.subdata(in: Int(position)..<Int(position) + size)
        }
        let refused = try run([], input: "bomb.xlsx")
        #expect(refused.status == 2 && refused.stderr.contains("refused, as a zip bomb would be"), "\(refused)")

        // XML entity definitions (a "billion laughs") are refused before any is expanded.
        let laughs = site.path("laughs.xlsx")
        let entities = Data(#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><workbook>&lol2;</workbook>"#.utf8)
        let laughing = try Archive(url: URL(fileURLWithPath: laughs), accessMode: .create)
        try laughing.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(entities.count)) { position, size in
            entities.subdata(in: Int(position)..<Int(position) + size)
        }
        let doctype = try run([], input: "laughs.xlsx")
        #expect(doctype.status == 2 && doctype.stderr.contains("declares a DOCTYPE, which Excel never writes; refused"), "\(doctype)")

        // content/quotes is a link out of the site: nothing is written there.
        let outside = TestScratch.path("import-outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let quotes = try FixtureSite(copying: "valid-site", ["highlights.csv": Self.taguette, "mapping.yml": Self.taguetteMapping])
        try FileManager.default.removeItem(atPath: quotes.path("content/quotes"))
        try quotes.symlink("content/quotes", to: outside.path)
        let linked = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "mapping.yml", "--consent", "public", "--write"], in: quotes.url)
        #expect(linked.status == 2 && linked.stderr.contains("content/quotes is not a folder"), "\(linked)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)

        // A hand-written file where a quote would go is never replaced.
        try site.write("content/quotes/interviews-7.md", "---\nspeaker: Parent\nthemes: [hard-work]\nconsent: public\n---\nMine.\n")
        let handWritten = try run([])
        #expect(handWritten.status == 2 && handWritten.stderr.contains("content/quotes/interviews-7.md was not written by casebook import from 'interviews'"), "\(handWritten)")
        #expect(try site.read("content/quotes/interviews-7.md").hasSuffix("Mine.\n"))
        #expect(try quoteFiles(site) == ["interviews-7.md"])
    }

    /// A highlight id makes a quote id, and so a file name: one too long for a quote id (200
    /// characters) or for the file system (255 bytes) is an error at its row, and nothing is
    /// written, not the quotes before it either.
    @Test(arguments: [200, 300])
    func anIdTooLongForAQuoteIsAnErrorAtItsRowAndNothingIsWritten(length: Int) throws {
        let long = String(repeating: "a", count: length)
        let site = try FixtureSite(copying: "valid-site", [
            "highlights.csv": Self.taguette + "\(long),Interview 2 (worker).docx,benefits,A long-named highlight.\n",
            "mapping.yml": Self.taguetteMapping,
        ])
        let result = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "mapping.yml", "--consent", "public", "--write"], in: site.url)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("highlights.csv:8: error: this excerpt's id makes the quote id 'interviews-aaaa"), "\(result)")
        #expect(try quoteFiles(site).isEmpty, "nothing is written")
        #expect(try CasebookCLI.run(["check"], in: site.url).status == 0)
    }

    @Test func problemsAreListedAsJSONWithTheirLines() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "highlights.csv": Self.taguette,
            "mapping.yml": Self.taguetteMapping.replacingOccurrences(of: "memo: skip", with: "memo: mem-theme"),
        ])
        let result = try CasebookCLI.run(["import", "highlights.csv", "--mapping", "mapping.yml", "--consent", "public", "--format", "json"], in: site.url)
        #expect(result.status == 1, "\(result)")
        struct Problems: Decodable {
            struct Problem: Decodable { let file: String, line: Int, code: String, message: String }
            let problems: [Problem]
        }
        let problems = try JSONDecoder().decode(Problems.self, from: Data(result.stdout.utf8)).problems
        #expect(problems.map(\.code) == ["unknown-theme"])
        #expect(problems.first?.file == "mapping.yml" && problems.first?.line == 5, "\(problems)")
    }

    private func quoteFiles(_ site: FixtureSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.path("content/quotes")).filter { $0.hasPrefix("interviews-") || $0.hasPrefix("focus-group-") || $0.hasPrefix("survey-") }.sorted()
    }
}

/// The smallest .xlsx Excel reads: a workbook, its relations, shared strings and sheets.
enum Workbook {
    enum Cell {
        case shared(String), rich([String]), inline(String), number(String)
        /// A cell at the named column (`ALL`), rather than at its place in the row.
        indirect case at(column: String, Cell)
    }

    static func write(to path: String, sheets: [(name: String, rows: [[Cell]])]) throws {
        var shared: [String] = []
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        func index(_ item: String) -> Int {
            shared.append(item)
            return shared.count - 1
        }
        var parts: [(String, String)] = []
        for (number, sheet) in sheets.enumerated() {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            for (r, row) in sheet.rows.enumerated() {
                xml += #"<row r="\#(r + 1)">"#
                for (c, placed) in row.enumerated() {
                    var reference = String(UnicodeScalar(UInt8(65 + c))) + "\(r + 1)"
                    var cell = placed
                    if case .at(let column, let inner) = placed {
                        reference = column + "\(r + 1)"
                        cell = inner
                    }
                    switch cell {
                    case .shared(let text): xml += #"<c r="\#(reference)" t="s"><v>\#(index("<t>\(escaped(text))</t>"))</v></c>"#
                    case .rich(let runs):
                        let item = runs.map { #"<r><rPr><b/></rPr><t xml:space="preserve">\#(escaped($0))</t></r>"# }.joined()
                        xml += #"<c r="\#(reference)" t="s"><v>\#(index(item))</v></c>"#
                    case .inline(let text): xml += #"<c r="\#(reference)" t="inlineStr"><is><t>\#(escaped(text))</t></is></c>"#
                    case .number(let digits): xml += #"<c r="\#(reference)"><v>\#(digits)</v></c>"#
                    case .at: preconditionFailure("a cell is placed once")
                    }
                }
                xml += "</row>"
            }
            parts.append(("xl/worksheets/sheet\(number + 1).xml", xml + "</sheetData></worksheet>"))
        }
        let sheetList = sheets.enumerated().map { #"<sheet name="\#($1.name)" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
        parts.append(("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\#(sheetList)</sheets></workbook>"#))
        let relations = sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
        parts.append(("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relations)</Relationships>"#))
        parts.append(("xl/sharedStrings.xml", #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\#(shared.map { "<si>\($0)</si>" }.joined())</sst>"#))
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
