import Foundation
import Markdown
import Testing
import TestSupport

/// Link and image destinations written in Markdown come out as valid URLs, and root-relative
/// ones resolve under the site's base path: in pages, the feed and reports alike.
@Suite struct LinkDestinationTests {
    /// What the Nu checker holds an `href` or `src` to: `%` only before two hex digits, one `#`
    /// at most, no spaces, controls or characters the URL standard leaves out.
    static func urlProblem(_ url: String) -> String? {
        let bytes = Array(url.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            let hex = { (b: UInt8) in (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102) }
            guard index + 2 < bytes.count, hex(bytes[index + 1]), hex(bytes[index + 2]) else { return "a % without two hex digits" }
        }
        if bytes.count(where: { $0 == UInt8(ascii: "#") }) > 1 { return "a second #" }
        if let bad = bytes.first(where: { $0 <= 0x20 || $0 >= 0x7F || Array("\"<>\\^`{|}".utf8).contains($0) }) {
            return "byte \(bad) is not allowed"
        }
        return nil
    }

    /// The `href` and `src` values of `html`, unescaped as a browser reads them.
    static func targets(_ html: String) -> [String] {
        HTMLScanner(html).tags.flatMap { tag in ["href", "src"].compactMap { tag.attribute($0) } }
    }

    @Test(arguments: [
        "[a shortcode]({{%ref%}})",
        "[a shortcode with spaces](<{{% ref \"about\" %}}>)",
        "[per cent](100%.pdf)",
        "[escaped](<a %zz b>)",
        "![photo](/images/50%-off.png)",
        "[two hashes](/page#one#two)",
        "<https://example.org/%>",
        "[ref]\n\n[ref]: /x%y",
        "[unicode](</café 50%>)",
    ])
    func everyDestinationIsAValidURL(markdown: String) {
        for links in [LinkDestinations.hostRoot, .site(basePath: "/insight/"), .report(baseURL: "https://org.example/insight/")] {
            let html = MarkdownRenderer(options: [.smart], links: links).html(markdown)
            let targets = Self.targets(html)
            #expect(!targets.isEmpty, "\(html)")
            for target in targets {
                #expect(Self.urlProblem(target) == nil, "\(target) in \(html): \(Self.urlProblem(target) ?? "")")
            }
        }
    }

    @Test func validEscapesAndOrdinaryURLsAreLeftAlone() {
        let renderer = MarkdownRenderer()
        #expect(renderer.html("[a](a%20b%2Fc)") == "<p><a href=\"a%20b%2Fc\">a</a></p>\n")
        #expect(renderer.html("[a](https://example.org/a?b=1&c=2#top)") == "<p><a href=\"https://example.org/a?b=1&amp;c=2#top\">a</a></p>\n")
        #expect(renderer.html("[a](<{{% ref %}}>)") == "<p><a href=\"%7B%7B%25%20ref%20%25%7D%7D\">a</a></p>\n")
    }

    /// The scheme the link audit and a report's rules go by: a link with one leaves the site
    /// (or, in a report, is judged by it); a path never has one, whatever `:` it holds later.
    @Test func aSchemeIsLettersDigitsAndPlusMinusDotBeforeTheFirstColon() {
        #expect(URLScheme.of("HTTPS://example.org/") == "https")
        #expect(URLScheme.of("mailto:a@example.org") == "mailto")
        #expect(URLScheme.of("C:\\Users\\me.png") == "c")
        #expect(URLScheme.of("svn+ssh.x-y://host") == "svn+ssh.x-y")
        for path in ["images/a:b.png", "/about/", "#top:x", "?q=a:b", "1http://x", ":x", "", "héllo:x", "../a.png"] {
            #expect(URLScheme.of(path) == nil, "\(path)")
            #expect(!URLScheme.isPresent(in: path), "\(path)")
        }
    }

    @Test func rootRelativeDestinationsResolveUnderTheBasePath() {
        let renderer = MarkdownRenderer(links: .site(basePath: "/insight/"))
        #expect(renderer.html("[r](/reports/x.pdf)") == "<p><a href=\"/insight/reports/x.pdf\">r</a></p>\n")
        #expect(renderer.html("![a](/images/a.png)") == "<p><img src=\"/insight/images/a.png\" alt=\"a\" /></p>\n")
        #expect(renderer.inlineHTML("[r][x]\n\n[x]: /about/") == "<a href=\"/insight/about/\">r</a>")
        // Other hosts, relative links and links already under the base path are left alone.
        for url in ["//cdn.example/a.png", "https://example.org/", "images/a.png", "#top", "/insight/about/", "/insight", "mailto:a@example.org"] {
            #expect(Self.targets(renderer.html("[x](\(url))")) == [url], "\(url)")
        }
        // A site at the host's root is unchanged.
        #expect(MarkdownRenderer().html("[r](/reports/x.pdf)") == "<p><a href=\"/reports/x.pdf\">r</a></p>\n")
    }

    @Test func reportsMakeLinksAbsoluteAndImagesPathsInStatic() {
        let renderer = MarkdownRenderer(links: .report(baseURL: "https://org.example/insight/"))
        #expect(Self.targets(renderer.html("[r](/reports/x.pdf)")) == ["https://org.example/insight/reports/x.pdf"])
        #expect(Self.targets(renderer.html("[r](/insight/about/)")) == ["https://org.example/insight/about/"])
        #expect(Self.targets(renderer.html("![a](/images/a.png)")) == ["images/a.png"])
    }

    @Test func rawHTMLOptInStillEmptiesDangerousLinks() {
        let trusted = MarkdownRenderer(options: [.unsafe], emptiesDangerousLinks: true)
        #expect(trusted.html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
        #expect(trusted.html("<b>kept</b>").contains("<b>kept</b>"))
        #expect(trusted.html("![d](data:image/png;base64,AAAA)").contains("src=\"data:image/png;base64,AAAA\""))
    }

    /// The acceptance test of issue 19: a site under a sub-path whose Markdown (bodies,
    /// summaries, lessons, quotes, pages, the introduction) uses root-relative links and images.
    @Test func aSiteUnderASubPathPassesTheLinkCheck() throws {
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(PackagePaths.fixtures.appendingPathComponent("subpath-site").path, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics) \(outcome.failure ?? "")")
        let site = try SiteFiles(folder: output)
        var broken: [String] = []
        var checked = 0
        for page in site.htmlPages {
            for tag in HTMLScanner(site.text(page) ?? "").tags {
                for name in ["href", "src"] {
                    guard let target = tag.attribute(name) else { continue }
                    checked += 1
                    if let problem = LinkCheck.problem(target, from: page, in: site, basePath: "/insight/") {
                        broken.append("\(page):\(tag.line): \(target): \(problem)")
                    }
                }
            }
        }
        #expect(broken.isEmpty, "\(broken.count) broken links:\n\(broken.joined(separator: "\n"))")
        let body = try #require(site.text("case-studies/garden/index.html"))
        #expect(body.contains("src=\"/insight/images/garden.png\""))
        #expect(body.contains("href=\"/insight/reports/garden-write-up.pdf\""))
        // The feed's content is the page's, with the page's address to resolve against.
        let feed = try #require(site.text("feed.xml"))
        #expect(feed.contains("xml:base=\"https://org.example/insight/case-studies/garden/\""))
        #expect(feed.contains("src=&quot;/insight/images/garden.png&quot;"))
        // The report links back to the site by absolute URL.
        let report = try #require(site.text("reports/everything/index.html"))
        #expect(report.contains("href=\"https://org.example/insight/reports/garden-write-up.pdf\""))
        #expect(checked > 50)
        // The fixture has no contact_email: no page or report has an empty mailto: link.
        #expect(site.containing("href=\"mailto:\"").isEmpty)
    }
}
