import Aggregate
import Foundation
import Markdown
import Model
import Pipeline
import TestSupport
import Testing

/// Hostile sizes: every input gets its answer, an error at its file and line or a success, at once.
///
/// Each input here took many seconds before its bound existed (the number in each comment, on
/// a release build), so the suite slows down visibly if one of them comes back.
@Suite struct ExhaustionTests {
    static let caseStudy = "content/case-studies/big.md"

    static func caseStudyFile(frontMatter: String = "", body: String) -> String {
        "---\ntitle: Big\ndate: 2025-01-01\nsummary: A summary.\n\(frontMatter)---\n\(body)"
    }

    // MARK: Front matter

    @Test func sixtyThousandFrontMatterKeysAreCheckedForRepeatsInOnePass() throws {
        // 19 s when each key was compared with all those before it.
        let keys = (0..<60_000).map { "k\($0): x\n" }.joined()
        let site = try FixtureSite(copying: "valid-site", [Self.caseStudy: Self.caseStudyFile(frontMatter: keys + "k7: again\n", body: "Body.\n")])
        let diagnostics = site.check().diagnostics.about(Self.caseStudy)
        #expect(diagnostics.summaries == ["\(Self.caseStudy):12: error: duplicate-key"], "at k7, the first time it appears")
        #expect(diagnostics.first?.message == "the key 'k7' appears twice")
    }

    @Test func manyRepeatedKeysAreNamedAFewAtATime() throws {
        let keys = (0..<2_000).map { "k\($0): x\nk\($0): y\n" }.joined()
        let site = try FixtureSite(copying: "valid-site", [Self.caseStudy: Self.caseStudyFile(frontMatter: keys, body: "Body.\n")])
        let message = site.check().diagnostics.about(Self.caseStudy).first?.message ?? ""
        #expect(message == "the key 'k0', 'k1', 'k10', 'k100', 'k1000' (and 1995 more keys) appears twice")
    }

    // MARK: "Did you mean"

    @Test func twoHugeIdsThatDifferInOneLetterGetNoSuggestionAtOnce() {
        // 13 s to fill the 60,000 × 60,000 table.
        let word = String(repeating: "a", count: 60_000)
        let candidate = String(repeating: "a", count: 59_999) + "b"
        #expect(Suggestion.closest(to: word, in: [candidate]) == nil)
        #expect(Suggestion.closest(to: String(word.prefix(64)), in: [String(candidate.suffix(64))]) != nil, "64 characters still get one")
    }

    @Test func suggestionsStayWithinTheirDistance() {
        let suggester = Suggester(["theme-0001", "theme-0002", "hard-work"])
        #expect(suggester.closest(to: "theme-0003") == "theme-0001", "ties go to the earlier candidate")
        #expect(suggester.closest(to: "hard-wrok") == "hard-work")
        #expect(suggester.closest(to: "soft-play") == nil)
        #expect(suggester.closest(to: "") == nil)
    }

    @Test func tenThousandUnknownThemesAgainstFifteenHundredAreEachReported() throws {
        // 10,000 quotes naming 10,000 different unknown themes, against 1,500 themes: each search
        // lowercased and compared all 1,500 (tens of seconds).
        let themes = (0..<1_500).map { "  - id: theme-\($0)\n    title: Theme \($0)\n" }.joined()
        var rows = ["text,speaker,programme,themes,consent", "Said.,Ann,p,theem-7,public"]
        rows += (0..<10_000).map { "Said.,Ann,p,unknown-\($0 * 7919 % 100_000),public" }
        let site = try FixtureSite([
            "casebook.yml": "title: Many\nbase_url: https://example.org/\nthemes:\n\(themes)",
            "content/quotes/many.csv": rows.joined(separator: "\n") + "\n",
        ])
        let unknown = site.check().diagnostics.with(code: "unknown-theme")
        #expect(unknown.count == 10_001)
        #expect(unknown.first?.location.line == 2)
        #expect(unknown.first?.message.contains("did you mean 'theme-7'?") == true)
    }

    // MARK: Markdown

    @Test func imageOpenersByTheHundredThousandAreAnErrorAtTheirLine() throws {
        // 68 s inside libcmark 0.30.2 for `![[]()` through a 600 KB body.
        let body = "A first paragraph.\n\n" + String(repeating: "![[]()", count: 100_000) + "\n"
        let site = try FixtureSite(copying: "valid-site", [Self.caseStudy: Self.caseStudyFile(body: body)])
        let diagnostics = site.check().diagnostics.about(Self.caseStudy)
        #expect(diagnostics.summaries == ["\(Self.caseStudy):8: error: markdown-too-many-images"])
        #expect(diagnostics.first?.message.contains("put blank lines between them") == true)
    }

    @Test func aParagraphOfImagesOverManyLinesIsAnErrorAtItsFirstLine() throws {
        let body = "Intro.\n\n" + String(repeating: "![a picture](a.png)\n", count: 600)
        let site = try FixtureSite(copying: "valid-site", [Self.caseStudy: Self.caseStudyFile(body: body)])
        #expect(site.check().diagnostics.about(Self.caseStudy).summaries == ["\(Self.caseStudy):8: error: markdown-too-many-images"])
    }

    @Test func imageOpenersSeparatedByBlankLinesAreFine() throws {
        let body = String(repeating: "![a picture](/a.png)\n\n", count: 2_000)
        let site = try FixtureSite(copying: "valid-site", [Self.caseStudy: Self.caseStudyFile(body: body)])
        try site.write("static/a.png", "")
        #expect(site.check().diagnostics.about(Self.caseStudy).isEmpty)
    }

    @Test func imageOpenersWrittenAsYAMLEscapesAreCountedToo() throws {
        // `\x21` is `!` in a double-quoted YAML string: the decoded summary is what cmark would read.
        let summary = "lessons:\n  - theme: hard-work\n    text: \"" + String(repeating: "\\x21[[]()", count: 600) + "\"\n"
        let site = try FixtureSite(copying: "valid-site", [Self.caseStudy: Self.caseStudyFile(frontMatter: summary, body: "Body.\n")])
        let diagnostics = site.check().diagnostics.about(Self.caseStudy).filter { $0.severity == .error }
        #expect(diagnostics.summaries == ["\(Self.caseStudy):7: error: markdown-too-many-images"])
    }

    @Test func aBodyOverOneMebibyteIsAnErrorNamingTheFile() throws {
        let body = String(repeating: "Words and more words.\n", count: (MarkdownLimits.maximumBytes / 22) + 10)
        let site = try FixtureSite(copying: "valid-site", [Self.caseStudy: Self.caseStudyFile(body: body)])
        let diagnostics = site.check().diagnostics.about(Self.caseStudy)
        #expect(diagnostics.summaries == ["\(Self.caseStudy):6: error: markdown-too-large"])
    }

    @Test func theRendererNeutralisesWhatLoadingWouldRefuse() {
        let html = MarkdownRenderer().html(String(repeating: "![[]()", count: 100_000))
        #expect(html.hasPrefix("<p>![<a href=\"\"></a>"))
        #expect(!html.contains("<img"))
    }

    // MARK: The evidence matrix

    @Test func fifteenHundredThemesByFifteenHundredProgrammesIsRefusedBeforeRendering() throws {
        // 27 s and 1.5 GB for a 244 MB themes page.
        let themes = (0..<1_500).map { "  - id: t\($0)\n    title: T\($0)\n" }.joined()
        let programmes = (0..<1_500).map { "  - id: p\($0)\n    title: P\($0)\n" }.joined()
        let site = try FixtureSite([
            "casebook.yml": "title: Wide\nbase_url: https://example.org/\nthemes:\n\(themes)programmes:\n\(programmes)"
        ])
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.diagnostics.summaries == ["casebook.yml:4: error: matrix-too-large"])
        #expect(outcome.diagnostics.first?.message.contains("1500 themes and 1500 programmes") == true)
        #expect(!FileManager.default.fileExists(atPath: output + "/themes/index.html"))
    }

    @Test func aMatrixAtTheLimitIsAccepted() throws {
        let themes = (0..<100).map { "  - id: t\($0)\n    title: T\($0)\n" }.joined()
        let programmes = (0..<200).map { "  - id: p\($0)\n    title: P\($0)\n" }.joined()
        let site = try FixtureSite([
            "casebook.yml": "title: Wide\nbase_url: https://example.org/\nthemes:\n\(themes)programmes:\n\(programmes)"
        ])
        #expect(site.check().diagnostics.with(code: "matrix-too-large").isEmpty)
    }

    // MARK: Long lists

    @Test func aCaseStudyListingTwentyThousandQuotesIsGroupedInOnePass() {
        // Each reference scanned the case study's list so far: 2·10⁸ comparisons.
        let here = SourceLocation(file: "content/quotes/many.csv", line: 2)
        let quotes = (0..<20_000).map { Quote(id: "q\($0)", text: "Said.", speaker: "Ann", consent: .public, location: here) }
        let caseStudy = CaseStudy(
            slug: "cs", file: "content/case-studies/cs.md", title: "CS", date: Day(year: 2025, month: 1, day: 1)!, summary: "S",
            quoteRefs: (quotes.map(\.id) + ["q7"]).map { Located($0, at: here) })
        let site = ValidatedSite(
            root: "/nowhere", config: SiteConfig(title: "T", baseURL: "https://example.org/"), caseStudies: [caseStudy],
            quotes: quotes, pages: [], staticFiles: [])
        let listed = Aggregator.aggregate(site).quotesByCaseStudy["cs"] ?? []
        #expect(listed.count == 20_000, "each quote once, q7 too")
    }

    @Test func aCSVThemesCellOfAHundredThousandEntriesIsReadInOnePass() throws {
        // The cell was trimmed again for every theme in it: 10⁵ trims of a megabyte.
        let csv = "text,speaker,programme,themes,consent\nSaid.,Ann,talent-match,\(String(repeating: "hard-work;", count: 100_000)),public\n"
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/long.csv": csv])
        #expect(site.check().diagnostics.about("content/quotes/long.csv").isEmpty)
    }

    @Test func aHeaderOfTwoHundredThousandColumnsGetsAFewWarningsAndEachRowIsReadAtOnce() throws {
        // Every field of every row searched the header for its column (2,000 rows × 6 absent
        // columns × 200,000), and each unknown column was its own warning. The rows are short,
        // so each is now one field-count error, found by counting its fields once.
        let header = "text,speaker,programme,themes,consent," + (1...200_000).map { "x\($0)" }.joined(separator: ",")
        let rows = Array(repeating: "Said.,Ann,talent-match,hard-work,public", count: 2_000)
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/wide.csv": ([header] + rows).joined(separator: "\n") + "\n"])
        let diagnostics = site.check().diagnostics.about("content/quotes/wide.csv")
        let unknown = diagnostics.with(code: "unknown-column")
        #expect(unknown.count == 21, "20 by name and one counting the rest")
        #expect(unknown.last?.message == "and 199980 more unknown columns from here on; they are ignored")
        #expect(unknown.last?.location.column == 26)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2_000 && errors.allSatisfy { $0.code == "csv-field-count" }, "one error a row")
        #expect(errors.last?.location.line == 2_001)
    }

    @Test func aQuoteWithMoreThanAHundredThemesIsAnErrorAtTheOneTooMany() throws {
        // A quote is printed on each of its themes' pages and prints its themes: 20,000 themes
        // made 2.7 GB of pages.
        let themes = (0..<150).map { "  - id: t\($0)\n    title: T\($0)\n" }.joined()
        let list = (0..<150).map { "  - t\($0)\n" }.joined()
        let site = try FixtureSite([
            "casebook.yml": "title: Wide\nbase_url: https://example.org/\nthemes:\n\(themes)",
            "content/quotes/wide.md": "---\nspeaker: Ann\nconsent: public\nthemes:\n\(list)---\nSaid.\n",
        ])
        let diagnostics = site.check().diagnostics.filter { $0.severity == .error }
        #expect(diagnostics.summaries == ["content/quotes/wide.md:105: error: too-many-themes"])
    }

    @Test func moreThanAHundredReportsIsAnErrorAtTheOneTooMany() throws {
        // Each report gathers and prints the whole site again: 2,000 reports of this small site
        // took 4 s in a release build, and the cost grows with the content.
        let reports = (0..<2_000).map { "  - id: r\($0)\n    title: R\($0)\n    audience: public\n" }.joined()
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("casebook.yml", replacing: "reports:\n", with: "reports:\n\(reports)")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.summaries == ["casebook.yml:320: error: too-many-reports"])
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func moreThanAHundredPagesIsAnErrorAtTheOneTooMany() throws {
        // Each page is in the menu of every page: 3,000 pages took 92 s and 4.7 GB in a release
        // build, 600 (here) about 4 s.
        var files: [String: String] = [:]
        for n in 0..<600 { files["content/pages/p\(String(n + 10_000)).md"] = "---\ntitle: Page \(n)\n---\nHello.\n" }
        let site = try FixtureSite(copying: "valid-site", files)
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.diagnostics.filter { $0.severity == .error }.summaries == ["content/pages/p10099.md:1: error: too-many-pages"])
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    // MARK: Themes

    @Test(arguments: [
        ["partials/site-footer": "<p>{{> partials/site-footer}}</p>\n"],
        ["partials/site-footer": "<p>{{> partials/meta}}</p>\n", "partials/meta": "{{> partials/site-footer}}\n"],
    ])
    func aPartialThatIncludesItselfIsAnErrorNotAStackOverflow(_ templates: [String: String]) throws {
        // Mustache followed the loop until the stack overflowed (signal 11).
        var files = Dictionary(uniqueKeysWithValues: templates.map { ("themes/loop/templates/\($0.key).mustache", $0.value) })
        files["casebook.yml"] = "title: Loop\nbase_url: https://example.org/\ntheme: loop\n"
        let site = try FixtureSite(files)
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let errors = SiteBuilds.build(site.root, into: output).diagnostics.filter { $0.severity == .error }
        #expect(errors.summaries == ["themes/loop/templates/partials/site-footer.mustache:1: error: template-cycle"])
        #expect(errors.first?.message.contains("in a loop (partials/") == true)
    }

    // MARK: Printing

    @Test func diagnosticsBeyondTheShownLimitAreCountedOnOneLine() {
        let diagnostics = (0..<10_000).map {
            Diagnostic.error("empty-quote", "the quote's text is missing", at: SourceLocation(file: "content/quotes/q\($0).md", line: 3))
        }
        let lines = DiagnosticFormat.text.render(diagnostics).split(separator: "\n")
        #expect(lines.count == DiagnosticFormat.shownLimit + 1)
        #expect(lines.last?.hasPrefix("… and 9500 more (9500 errors, 0 warnings) not shown") == true)
    }

    @Test func aHugeValueInAMessageIsCut() {
        let diagnostic = Diagnostic.error("unknown-theme", "unknown theme '\(String(repeating: "x", count: 100_000))'", at: SourceLocation(file: "a.md", line: 1))
        let text = DiagnosticFormat.text.render([diagnostic])
        #expect(text.count < DiagnosticFormat.messageLimit + 200)
        #expect(text.hasSuffix("… (cut; --format json prints it whole)\n"))
        #expect(DiagnosticFormat.json.render([diagnostic]).contains(String(repeating: "x", count: 100_000)))
    }

    // MARK: Output

    /// Root ignores permissions, so an output folder "under" a regular file is the unwritable case.
    @Test(.enabled(if: CasebookCLI.isBuilt, "the casebook executable is not built"))
    func anUnwritableOutputIsAClearErrorWithExitStatusTwo() throws {
        let fixture = try FixtureSite(copying: "valid-site", ["plain-file": "not a folder\n"])
        let underAFile = try CasebookCLI.run(["build", fixture.root, "--output", fixture.path("plain-file/site")])
        #expect(underAFile.status == 2, "\(underAFile)")
        #expect(underAFile.stderrLines.last == "error: cannot create the folder: \(fixture.path("plain-file/.site.casebook-stage")): Not a directory")
        let aFile = try CasebookCLI.run(["build", fixture.root, "--output", fixture.path("plain-file")])
        #expect(aFile.status == 2, "\(aFile)")
        #expect(aFile.stderrLines.last?.hasPrefix("error: refusing to replace \(fixture.path("plain-file")): it is a file") == true)
        #expect(try fixture.read("plain-file") == "not a folder\n")
    }
}

/// Input that used to stop the tool outright.
@Suite struct RepeatedIDTests {
    @Test func aReportNamingAThemeTwiceBuilds() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("casebook.yml", replacing: "themes: [hard-work, shared-benefits]", with: "themes: [hard-work, hard-work]")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = ReportBuild(options: .init(folder: site.root, output: output, pdf: false), clock: SiteBuilds.clock).run()
        #expect(outcome.failure == nil)
        #expect(FileManager.default.fileExists(atPath: output + "/lessons-learned/index.html"))
    }
}
