import Foundation
import Model
import Render
import Testing
import TestSupport

/// The default theme is compiled into the program (the EmbedDefaultTheme plugin), so it must be
/// exactly the files in Sources/Render/DefaultTheme: every template and every asset, byte for
/// byte, with nothing read from that folder at run time (scripts/release-smoke.sh runs a release
/// binary with the source tree hidden).
@Suite struct BuiltInThemeTests {
    static let folder = PackagePaths.root.appendingPathComponent("Sources/Render/DefaultTheme")

    /// Paths of the regular files under `sub`, relative to it, as the plugin embeds them (no dot files).
    static func files(under sub: String) throws -> [String] {
        let base = folder.appendingPathComponent(sub)
        let walk = try #require(FileManager.default.enumerator(atPath: base.path))
        var paths: [String] = []
        while let path = walk.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            paths.append(path)
        }
        return paths.sorted()
    }

    @Test func everyTemplateIsCompiledInAsWritten() throws {
        let site = try FixtureSite(copying: "valid-site")
        let theme = try Theme.load(siteRoot: site.root, name: nil)
        let templates = try Self.files(under: "templates")
        #expect(templates.count > 20, "the default theme's templates were found: \(templates)")
        var expected: [String: String] = [:]
        for path in templates where path.hasSuffix(".mustache") {
            expected[String(path.dropLast(".mustache".count))] =
                try String(contentsOf: Self.folder.appendingPathComponent("templates/" + path), encoding: .utf8)
        }
        #expect(theme.templateTexts == expected)
    }

    @Test func everyAssetIsPublishedByteForByte() throws {
        let site = try FixtureSite(copying: "valid-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        try #require(SiteBuilds.build(site.root, into: output).succeeded)
        let assets = try Self.files(under: "assets")
        #expect(assets.contains("site.css") && assets.contains("report.css"))
        let published = try FileManager.default.contentsOfDirectory(atPath: output + "/assets").sorted()
        #expect(published == assets, "the built-in assets and nothing else")
        for asset in assets {
            let source = try Data(contentsOf: Self.folder.appendingPathComponent("assets/" + asset))
            #expect(FileManager.default.contents(atPath: output + "/assets/" + asset) == source, "assets/\(asset)")
        }
    }
}
