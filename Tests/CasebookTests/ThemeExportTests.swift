import Foundation
import Render
import TestSupport
import Testing

/// `casebook theme export`: the built-in theme's files, copied into `themes/NAME/` as a starting
/// point; never over anything, never outside the site.
@Suite struct ThemeExportTests {
    @Test func copiesEveryBuiltInFileAndTheSiteBuildsWithIt() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["theme", "export", site.root])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("themes/custom/") && result.stdout.contains("theme: custom"), "\(result)")
        let expected = Theme.builtInFiles.filter { $0.key.hasPrefix("templates/") || $0.key.hasPrefix("assets/") }
        #expect(expected.count > 20)
        for (path, bytes) in expected {
            let written = try Data(contentsOf: URL(fileURLWithPath: site.path("themes/custom/" + path)))
            #expect([UInt8](written) == bytes, "\(path) is the built-in file")
        }
        // `doctor` finds nothing in the copy that does nothing.
        let doctor = try CasebookCLI.run(["doctor", site.root])
        #expect(doctor.status == 0, "\(doctor)")
        // The copy is a working theme: with it, the site builds.
        try site.edit("casebook.yml", replacing: "language: en-GB\n", with: "language: en-GB\ntheme: custom\n")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
    }

    @Test func theTemplateOptionNamesTheFolder() throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["theme", "export", site.root, "--template", "our-look", "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(outcome["folder"] as? String == "themes/our-look")
        #expect(FileManager.default.fileExists(atPath: site.path("themes/our-look/templates/layout.mustache")))
    }

    @Test func refusesToOverwriteAnExistingTheme() throws {
        let site = try FixtureSite(copying: "valid-site", ["themes/custom/templates/layout.mustache": "mine"])
        let result = try CasebookCLI.run(["theme", "export", site.root])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("themes/custom") && result.stderr.contains("nothing was written"), "\(result)")
        #expect(try site.read("themes/custom/templates/layout.mustache") == "mine")
        #expect(!FileManager.default.fileExists(atPath: site.path("themes/custom/assets")))
    }

    @Test(arguments: ["../outside", "default", "Our Look", "a/b"])
    func refusesANameThatIsNotAFolderUnderThemes(_ name: String) throws {
        let site = try FixtureSite(copying: "valid-site")
        let result = try CasebookCLI.run(["theme", "export", site.root, "--template", name])
        #expect(result.status == 2, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: site.path("themes")), "nothing was written")
        #expect(!FileManager.default.fileExists(atPath: site.path("outside")))
    }

    /// `themes` as a link out of the site would send every write elsewhere.
    @Test func neverWritesThroughALinkOutOfTheSite() throws {
        let elsewhere = try FixtureSite()
        let site = try FixtureSite(copying: "valid-site")
        try site.symlink("themes", to: elsewhere.root)
        let result = try CasebookCLI.run(["theme", "export", site.root])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("themes is not a folder"), "\(result)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.root).isEmpty)
    }
}
