import Foundation
import TestSupport
import Testing

/// `casebook override` copies a built-in theme file with a stamp of its version, and `casebook
/// doctor` says when the built-in file has changed since (or the copy changes nothing).
@Suite struct OverrideCommandTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    static let quote = "templates/partials/quote.mustache"

    struct Report: Decodable {
        struct Note: Decodable { let file: String, reason: String }
        struct Site: Decodable { let unused: [Note], outdated: [Note] }
        let site: Site?
    }

    func doctor(_ site: FixtureSite) throws -> (ProcessResult, Report) {
        let result = try CasebookCLI.run(["doctor", "--format", "json", site.root])
        return (result, try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)))
    }

    func builtIn(_ path: String) throws -> String {
        try String(contentsOf: PackagePaths.root.appendingPathComponent("Sources/Render/DefaultTheme/" + path), encoding: .utf8)
    }

    @Test func copiesTheBuiltInFileUnderTheSitesThemeWithAStamp() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("casebook.yml", replacing: "title: Fixture site", with: "title: Fixture site\ntheme: mine")
        let result = try CasebookCLI.run(["override", Self.quote], in: site.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "themes/mine/\(Self.quote)\n")
        let copy = try site.read("themes/mine/\(Self.quote)")
        let stamp = try #require(copy.range(of: #"^\{\{! casebook default theme: \S+ fnv1a64:[0-9a-f]{16} \}\}"#, options: .regularExpression))
        #expect(copy[stamp].contains(Self.quote))
        #expect(copy[stamp.upperBound...] == Substring(try builtIn(Self.quote)), "the built-in file follows the stamp on its first line")
    }

    @Test func aSiteWhoseTemplatesAreAllStampedCopiesBuildsTheSamePages() throws {
        let plain = try FixtureSite(copying: "valid-site")
        let copied = try FixtureSite(copying: "valid-site")
        let templates = try CasebookCLI.run(["override"], in: copied.url).stdout  // lists the files
        #expect(templates.contains("templates/home.mustache\n"), "\(templates)")
        for path in templates.split(separator: "\n") where path.hasSuffix(".mustache") {
            let result = try CasebookCLI.run(["override", String(path)], in: copied.url)
            #expect(result.status == 0, "\(result)")
        }
        for site in [plain, copied] {
            let build = try CasebookCLI.run(["build", site.root])
            #expect(build.status == 0, "\(build)")
        }
        let pages = try FileManager.default.subpathsOfDirectory(atPath: plain.root + "/_site").filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.count > 10)
        for page in pages {
            let a = FileManager.default.contents(atPath: plain.root + "/_site/" + page)
            let b = FileManager.default.contents(atPath: copied.root + "/_site/" + page)
            #expect(a == b, "\(page) differs once its templates carry the stamp")
        }
    }

    @Test func jsonSaysWhereTheCopyIsAndWhetherItIsStamped() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["override", "--format", "json", "assets/site.css", site.root])
        #expect(result.status == 0, "\(result)")
        struct Outcome: Decodable { let path: String, stamped: Bool }
        let outcome = try JSONDecoder().decode(Outcome.self, from: Data(result.stdout.utf8))
        #expect(outcome.path == site.root + "/themes/default/assets/site.css" && outcome.stamped, "\(result.stdout)")
        #expect(FileManager.default.fileExists(atPath: site.path("themes/default/assets/site.css")))
    }

    @Test func anExistingCopyIsKeptUnlessForced() throws {
        let site = try FixtureSite(copying: "valid-site", ["themes/default/\(Self.quote)": "mine"])
        let refused = try CasebookCLI.run(["override", Self.quote], in: site.url)
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("--force"), "\(refused)")
        #expect(try site.read("themes/default/\(Self.quote)") == "mine")
        let forced = try CasebookCLI.run(["override", "--force", Self.quote], in: site.url)
        #expect(forced.status == 0, "\(forced)")
        #expect(try site.read("themes/default/\(Self.quote)").hasSuffix(try builtIn(Self.quote)))
    }

    @Test func anUnknownFileIsAUsageErrorWithASuggestion() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["override", "templates/partials/quotes.mustache"], in: site.url)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("did you mean '\(Self.quote)'"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/themes"))
    }

    @Test func printWritesTheBuiltInFileAndNothingElse() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["override", "--print", "assets/site.css"], in: site.url)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == (try builtIn("assets/site.css")))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/themes"))
    }

    @Test func doctorSaysAFreshCopyChangesNothing() throws {
        let site = try FixtureSite(copying: "valid-site")
        _ = try CasebookCLI.run(["override", Self.quote], in: site.url)
        try site.write("themes/default/assets/site.css", try builtIn("assets/site.css"))  // copied by hand
        let (result, report) = try doctor(site)
        #expect(result.status == 1, "\(result)")
        #expect(report.site?.unused.map(\.file) == ["themes/default/assets/site.css", "themes/default/\(Self.quote)"])
        #expect(report.site?.unused.allSatisfy { $0.reason.contains("the same as the built-in file") } == true)
        #expect(report.site?.outdated.isEmpty == true)
    }

    @Test func doctorIsQuietAboutAnEditedCopyOfTheCurrentVersion() throws {
        let site = try FixtureSite(copying: "valid-site")
        _ = try CasebookCLI.run(["override", Self.quote], in: site.url)
        try site.edit("themes/default/\(Self.quote)", replacing: "<figcaption>", with: "<figcaption class=\"mine\">")
        let (result, report) = try doctor(site)
        #expect(result.status == 0, "\(result)")
        #expect(report.site?.unused.isEmpty == true && report.site?.outdated.isEmpty == true)
    }

    @Test func doctorSaysWhenTheBuiltInFileChangedSinceTheCopy() throws {
        let site = try FixtureSite(copying: "valid-site")
        _ = try CasebookCLI.run(["override", Self.quote], in: site.url)
        let copy = try site.read("themes/default/\(Self.quote)")
        let fingerprint = try #require(copy.range(of: #"fnv1a64:[0-9a-f]{16}"#, options: .regularExpression))
        let current = copy[fingerprint].dropFirst("fnv1a64:".count)
        // A copy of an earlier version: its stamp holds that version's fingerprint.
        try site.write(
            "themes/default/\(Self.quote)",
            copy.replacingOccurrences(of: "fnv1a64:\(current)", with: "fnv1a64:0123456789abcdef") + "<!-- mine -->\n")
        let (result, report) = try doctor(site)
        #expect(result.status == 1, "\(result)")
        #expect(report.site?.outdated.map(\.file) == ["themes/default/\(Self.quote)"])
        let reason = try #require(report.site?.outdated.first?.reason)
        #expect(reason.contains("has changed since this copy was made"), "\(reason)")
        #expect(reason.contains("casebook override --print \(Self.quote) | diff - themes/default/\(Self.quote)"), "\(reason)")
        #expect(reason.contains("fnv1a64:\(current)"), "the fingerprint to write once the copy is brought up to date: \(reason)")
        let text = try CasebookCLI.run(["doctor", site.root])
        #expect(text.stdout.contains("themes/default/\(Self.quote): warning: the built-in \(Self.quote) has changed"), "\(text)")
    }

    @Test func doctorSaysWhenTheBuiltInFileIsGone() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "themes/default/templates/partials/banner.mustache": "{{! casebook default theme: templates/partials/banner.mustache fnv1a64:0123456789abcdef }}<p>banner</p>\n",
            "themes/default/templates/layout.mustache": "{{> partials/banner}}",
        ])
        let (result, report) = try doctor(site)
        #expect(result.status == 1, "\(result)")
        #expect(report.site?.outdated.first?.reason.contains("which it no longer has") == true, "\(report.site?.outdated.map(\.reason) ?? [])")
    }
}
