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
            let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: site.path("themes/custom/" + path))))
            let stamped = path.hasSuffix(".mustache") || path.hasSuffix(".css") || path.hasSuffix(".js")
            #expect(written.suffix(bytes.count) == bytes[...], "\(path) is the built-in file")
            #expect(stamped ? written.count > bytes.count && String(decoding: written, as: UTF8.self).hasPrefix(path.hasSuffix(".mustache") ? "{{! casebook default theme: \(path) fnv1a64:" : "/* casebook default theme: \(path) fnv1a64:") : written == bytes,
                    "\(path) starts with the stamp `casebook override` writes")
        }
        // `doctor` says which copies are still the built-in files, to edit or delete.
        try site.edit("casebook.yml", replacing: "language: en-GB\n", with: "language: en-GB\ntheme: custom\n")
        let doctor = try CasebookCLI.run(["doctor", site.root])
        #expect(doctor.status == 1 && doctor.stdout.contains("templates/layout.mustache"), "\(doctor)")
        try FileManager.default.removeItem(atPath: site.path("themes/custom/templates/layout.mustache"))
        #expect(!(try CasebookCLI.run(["doctor", site.root]).stdout.contains("templates/layout.mustache")))
        // The copy is a working theme: with it, the site builds.
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
