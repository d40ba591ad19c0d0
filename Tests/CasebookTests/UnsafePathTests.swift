import Foundation
import Load
import Model
import TestSupport
import Testing

/// Content must never reach outside the site folder: symlinks out are refused (not read), and
/// slugs, which become output paths, cannot hold path characters.
@Suite struct UnsafePathTests {
    static let secretQuote = """
        ---
        speaker: Someone private
        themes: [hard-work]
        consent: public
        ---
        A secret that lives outside the site.
        """

    @Test func symlinkedFileOutsideTheSiteIsRefusedNotFollowed() throws {
        let outside = try FixtureSite(["secret.md": Self.secretQuote])
        let site = try FixtureSite(copying: "valid-site")
        try site.symlink("content/quotes/leak.md", to: outside.path("secret.md"))
        let outcome = site.check()
        #expect(outcome.diagnostics.summaries == ["content/quotes/leak.md:0: error: symlink-outside-site"])
        #expect(outcome.diagnostics.first?.message.contains("refused") == true)
        let loaded = SiteLoader.load(from: site.root)
        #expect(!loaded.quotes.contains { $0.id == "leak" || $0.speaker == "Someone private" })
    }

    @Test func relativeSymlinkEscapingWithDotDotIsRefused() throws {
        let outside = try FixtureSite(["secret.md": Self.secretQuote])
        let site = try FixtureSite(copying: "valid-site")
        let hops = String(repeating: "../", count: 10)
        try site.symlink("content/case-studies/escape.md", to: hops + String(outside.path("secret.md").dropFirst()))
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["content/case-studies/escape.md:0: error: symlink-outside-site"])
    }

    @Test func symlinkedContentFolderOutsideTheSiteIsRefused() throws {
        let outside = try FixtureSite(["leak.md": Self.secretQuote])
        let site = try FixtureSite(copying: "valid-site")
        try site.remove("content/quotes")
        try site.symlink("content/quotes", to: outside.root)
        let outcome = site.check()
        let loaded = SiteLoader.load(from: site.root)
        #expect(!loaded.quotes.contains { $0.speaker == "Someone private" }, "a quote was read from outside the site")
        #expect(outcome.diagnostics.map(\.code).contains("symlink-outside-site"))
        #expect(outcome.diagnostics.first?.location.file == "content/quotes")
    }

    @Test func symlinkOutOfStaticIsRefused() throws {
        let outside = try FixtureSite(["id_rsa": "not a key"])
        let site = try FixtureSite(copying: "valid-site", ["static/logo.svg": "<svg/>"])
        try site.symlink("static/keys", to: outside.root)
        let outcome = site.check()
        #expect(outcome.diagnostics.summaries == ["static/keys:0: error: symlink-outside-site"])
        #expect(!SiteLoader.load(from: site.root).staticFiles.contains { $0.contains("id_rsa") })
    }

    @Test func symlinkInsideTheSiteIsFollowed() throws {
        let site = try FixtureSite(copying: "valid-site", ["drafts/q-shared.md": Self.secretQuote])
        try site.symlink("content/quotes/q-shared.md", to: "../../drafts/q-shared.md")
        let outcome = site.check()
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        #expect(outcome.site?.quotes.contains { $0.id == "q-shared" } == true)
    }

    @Test(arguments: ["../../etc/passwd", "a/b", "..", "/absolute", "with space", "Upper", "café", "a\\\\b", "dot.dot"])
    func slugWithPathCharactersIsRefused(slug: String) throws {
        let text = "---\ntitle: Escape\nslug: \"\(slug)\"\ndate: 2025-01-01\nsummary: Tries to leave the output folder.\n---\n"
        let site = try FixtureSite(copying: "valid-site", ["content/case-studies/escape.md": text])
        let outcome = site.check()
        #expect(outcome.diagnostics.summaries == ["content/case-studies/escape.md:3: error: invalid-slug"])
        #expect(outcome.diagnostics.first?.location.column == 7)
        #expect(outcome.site == nil)
    }

    @Test func quoteIdWithPathCharactersIsRefused() throws {
        let text = "---\nid: ../index\nspeaker: Parent\nconsent: public\n---\nHello.\n"
        let diagnostics = try FixtureSite(copying: "valid-site", ["content/quotes/q-x.md": text]).check().diagnostics
        #expect(diagnostics.summaries == ["content/quotes/q-x.md:2: error: invalid-slug"])
    }

    @Test func fileNameThatIsNotASlugSaysHowToRenameIt() throws {
        let text = "---\ntitle: Upper case name\ndate: 2025-01-01\nsummary: S.\n---\n"
        let diagnostics = try FixtureSite(copying: "valid-site", ["content/case-studies/My Story.md": text]).check().diagnostics
        #expect(diagnostics.summaries == ["content/case-studies/My Story.md:1: error: invalid-slug"])
        #expect(diagnostics.first?.message.contains("'my-story.md'") == true)
    }
}
