import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// `base_url` and `--base-url` go before every link, stylesheet and script: one rule
/// (`BaseURL`) accepts only a plain absolute http(s) address, for both.
@Suite struct BaseURLTests {
    static let refused = [
        "https://example.org/\"><script>alert(1)</script>",
        "//evil.example/",
        "/relative/",
        "javascript:alert(1)",
        "https://user:secret@example.org/",
        "https://example.org//evil.example/",
        "https://example.org/a b/",
        "https://example.org/a\tb/",
        "https://example.org/<x>/",
        "https://example.org/it's/",
        "https://example.org/?q=1",
        "https://example.org/#top",
        "https://example.org\\@evil.example/",
        "https:///path/",
        "https://exa mple.org/",
        "https://example.org:80a/",
        "https://example.org/\u{202E}gpj/",
        "ftp://example.org/",
    ]

    @Test(arguments: refused)
    func refusedValues(value: String) {
        guard case .failure = BaseURL.checked(value) else {
            Issue.record("accepted \(value)")
            return
        }
    }

    @Test(arguments: [
        ("https://example.org", "https://example.org/"),
        ("https://example.org/coproduction/", "https://example.org/coproduction/"),
        ("http://127.0.0.1:8000/", "http://127.0.0.1:8000/"),
        ("http://[::1]:8000/", "http://[::1]:8000/"),
        ("https://example.org/a&b/café", "https://example.org/a&b/café/"),
    ])
    func acceptedValues(value: String, expected: String) throws {
        #expect(try BaseURL.checked(value).get() == expected)
    }

    @Test func badBaseURLInTheConfigIsAnErrorAtItsLine() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("casebook.yml", replacing: "base_url: https://example.org/fixture/",
                      with: "base_url: 'https://example.org/\"><script>alert(1)</script>'")
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["casebook.yml:2: error: invalid-base-url"])
        #expect(diagnostics.first?.message.contains("may not contain '\"'") == true)

        try site.edit("casebook.yml", replacing: "base_url: 'https://example.org/\"><script>alert(1)</script>'",
                      with: "base_url: //cdn.evil.example/")
        #expect(site.check().diagnostics.summaries == ["casebook.yml:2: error: invalid-base-url"])
    }

    @Test func badBaseURLFlagIsAUsageError() throws {
        let site = try FixtureSite(copying: "valid-site")
        let output = SiteBuilds.temporaryOutput()
        let result = try CasebookCLI.run(["build", site.root, "--output", output, "--base-url", "//evil.example/"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("--base-url must start with https:// or http://"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: output))

        let outcome = SiteBuild(options: .init(folder: site.root, output: output, baseURL: "https://x.org/\"><b>"), clock: SiteBuilds.clock).run()
        #expect(outcome.failure?.contains("--base-url may not contain") == true)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A valid address may still hold `&`: it is escaped wherever it is printed.
    @Test func theBaseURLIsEscapedInPages() throws {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("casebook.yml", replacing: "base_url: https://example.org/fixture/", with: "base_url: https://example.org/a&b/")
        let output = SiteBuilds.temporaryOutput()
        let outcome = SiteBuilds.build(site.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let files = try SiteFiles(folder: output)
        let home = try #require(files.text("index.html"))
        #expect(home.contains("href=\"/a&amp;b/assets/site.css\""))
        #expect(home.contains("href=\"https://example.org/a&amp;b/\""))
        for page in files.htmlPages {
            #expect(!(files.text(page) ?? "").contains("/a&b/"), "\(page)")
        }
    }
}
