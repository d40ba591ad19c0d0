import Foundation
import TestSupport
import Testing

/// `casebook doctor`, run as a user runs it.
@Suite struct DoctorCommandTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    struct Report: Decodable {
        struct Engine: Decodable { let name: String, found: Bool, path: String?, version: String?, taggedPdf: Bool?, pageCounters: Bool? }
        struct Unused: Decodable { let file: String, reason: String }
        struct Site: Decodable { let theme: String, overrides: String?, unused: [Unused] }
        let casebook: String
        let libcmark: String
        let pdfEngines: [Engine]
        let site: Site?
    }

    static func run(_ folder: FixtureSite, _ extra: [String] = []) throws -> (ProcessResult, Report) {
        let result = try CasebookCLI.run(["doctor", "--format", "json", folder.root] + extra)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (result, try decoder.decode(Report.self, from: Data(result.stdout.utf8)))
    }

    @Test func reportsVersionsAndEnginesOutsideASite() throws {
        let folder = try FixtureSite()
        let (result, report) = try Self.run(folder)
        #expect(result.status == 0, "\(result)")
        #expect(report.site == nil)
        let version = try CasebookCLI.run(["--version"])
        #expect(report.casebook == version.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        // The libcmark casebook links is the one the cmark command (same package) reports.
        if let cmark = PackagePaths.onPath("cmark") {
            let words = try ProcessRunner.run(cmark, ["--version"]).stdout.split(separator: " ")
            #expect(words.count > 1 && report.libcmark == String(words[1]), "\(words)")
        } else {
            #expect(report.libcmark.split(separator: ".").count == 3, "\(report.libcmark)")
        }
        #expect(report.pdfEngines.map(\.name) == ["weasyprint", "chromium"], "in the order --engine auto tries them")
    }

    @Test func saysWhatEachEngineFoundCanDo() throws {
        let folder = try FixtureSite()
        let (_, report) = try Self.run(folder)
        let weasyprint = try #require(report.pdfEngines.first { $0.name == "weasyprint" })
        try #require(weasyprint.found, "WeasyPrint is needed here (scripts/install-deps.sh --pdf)")
        let major = Int(weasyprint.version?.split(separator: ".").first ?? "") ?? 0
        #expect(weasyprint.taggedPdf == (major >= 66))
        #expect(weasyprint.pageCounters == true)
        for engine in report.pdfEngines where !engine.found {
            #expect(engine.path == nil && engine.version == nil && engine.taggedPdf == nil)
        }
    }

    @Test func anEngineNamedByTheEnvironmentThatIsMissingIsAnError() throws {
        let folder = try FixtureSite()
        let result = try CasebookCLI.run(
            ["doctor", folder.root], environment: ["CASEBOOK_CHROMIUM": "/nonexistent/chromium", "PATH": "/nonexistent"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("chromium: error: CASEBOOK_CHROMIUM is set to /nonexistent/chromium"), "\(result)")
        #expect(result.stdout.contains("weasyprint: not found"))
        #expect(result.stdout.contains("`report --pdf` needs one"), "\(result)")
    }

    @Test func listsThemeFilesThatDoNothing() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "themes/default/templates/layout.mustache": "{{> partials/banner}}{{{content}}}",
            "themes/default/templates/partials/banner.mustache": "<p>banner</p>",
            "themes/default/templates/old-header.mustache": "<header>old</header>",
            "themes/default/site.css": "body {}",
            "themes/default/assets/logo.svg": "<svg/>",
        ])
        let (result, report) = try Self.run(site)
        #expect(result.status == 1, "unused theme files fail the run: \(result)")
        #expect(report.site?.overrides == "themes/default")
        #expect(report.site?.unused.map(\.file) == ["themes/default/site.css", "themes/default/templates/old-header.mustache"])
        let text = try CasebookCLI.run(["doctor", site.root])
        #expect(text.stdout.contains("themes/default/templates/old-header.mustache: warning: the built-in theme has no templates/old-header.mustache"), "\(text)")
    }

    @Test func aSiteWithoutOverridesIsFine() throws {
        let site = try FixtureSite(copying: "valid-site")
        let (result, report) = try Self.run(site)
        #expect(result.status == 0, "\(result)")
        #expect(report.site?.theme == "default")
        #expect(report.site?.overrides == nil)
    }

    @Test func aThemeNameThatIsAPathIsNotFollowed() throws {
        let outside = try FixtureSite(["templates/stray.mustache": "x"])
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("casebook.yml", replacing: "title: Fixture site", with: "title: Fixture site\ntheme: ../../\(URL(fileURLWithPath: outside.root).lastPathComponent)")
        let (_, report) = try Self.run(site)
        #expect(report.site?.overrides == nil)
        #expect(report.site?.unused.isEmpty == true)
    }

    @Test func badFormatIsAUsageError() throws {
        let result = try CasebookCLI.run(["doctor", "--format", "yaml"])
        #expect(result.status == 2, "\(result)")
    }
}
