import Foundation
import Model
import Pipeline
@testable import Serve
import Testing
import TestSupport

/// Lines the server logged, for checking what it said.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ text: String) { lock.withLock { lines.append(text) } }
    var all: [String] { lock.withLock { lines } }
}

/// A fixture site served on a free port, stopped at the end of the test.
struct ServedSite {
    let site: FixtureSite
    let server: DevServer
    let port: UInt16
    let log: LogLines

    static let clock = BuildClock(asOf: FixtureSite.buildDay)

    static func start(
        _ files: [String: String] = [:], debounce: DispatchTimeInterval = .milliseconds(60), limits: RequestLimits = .standard
    ) async throws -> ServedSite {
        let site = try FixtureSite(copying: "valid-site", files)
        let log = LogLines()
        let server = DevServer(
            options: .init(folder: site.root, port: 0, clock: clock, debounce: debounce, limits: limits), log: { log.append($0) })
        let url = try await server.start()
        return ServedSite(site: site, server: server, port: UInt16(url.port!), log: log)
    }

    func get(_ target: String) async throws -> RawHTTPClient.Response { try await RawHTTPClient.get(port: port, target) }

    func events() async throws -> EventStreamClient {
        let client = try EventStreamClient(port: port)
        _ = try await client.next("hello")
        return client
    }
}

@Suite(.serialized) struct DevServerTests {
    @Test func servesPagesWithTheReloadScriptAndContentTypes() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }

        let home = try await served.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("casebook-live-reload"))
        #expect(!home.text.contains("<div id=\"casebook-error-overlay\""))

        let expected: [String: String] = [
            "/assets/site.css": "text/css; charset=utf-8", "/feed.xml": "application/atom+xml; charset=utf-8",
            "/sitemap.xml": "application/xml; charset=utf-8", "/search-index.json": "application/json",
            "/data/quotes.csv": "text/csv; charset=utf-8", "/data/quotes.json": "application/json",
            "/robots.txt": "text/plain; charset=utf-8",
        ]
        for (target, type) in expected.sorted(by: { $0.key < $1.key }) {
            let response = try await served.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response.headers["content-type"] == type, "\(target)")
            #expect(!response.text.contains("casebook-live-reload"), "\(target): only HTML gets the script")
        }

        let missing = try await served.get("/no-such-page/")
        #expect(missing.status == 404)
        #expect(missing.text.contains("casebook-live-reload"))
        let folder = try await served.get("/case-studies")
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/case-studies/")
        let listing = try await served.get("/assets/")
        #expect(listing.status == 404, "no directory listings")
        let head = try await RawHTTPClient.get(port: served.port, "/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
    }

    @Test func servesWhatABuildWritesExceptTheReloadScript() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        try await expectSameAsFullBuild(served)
    }

    @Test func traversalAttemptsAre404() async throws {
        let served = try await ServedSite.start(["static/inside.txt": "fine"])
        defer { Task { await served.server.stop() } }
        let outside = TestScratch.path("casebook-secret", suffix: ".txt")
        try Data("top secret".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try served.site.symlink("static/leak.txt", to: outside.path)

        #expect(try await served.get("/inside.txt").status == 200)
        let attempts = [
            "/../casebook.yml", "/assets/../../casebook.yml", "/%2e%2e/casebook.yml", "/%2E%2E/%2E%2E/etc/passwd",
            "/assets/..%2f..%2fcasebook.yml", "/assets%2fsite.css", "/..%5ccasebook.yml", "//etc/passwd",
            "/%252e%252e/casebook.yml", "/./index.html", "/assets/.%2e/casebook.yml", "/etc/passwd", "/index.html%00.css",
            "/leak.txt", "http://example.org/etc/passwd", "/..\\casebook.yml", "/%c0%ae%c0%ae/casebook.yml",
            "/..;/casebook.yml", "/.%00./casebook.yml", "/%2F%2E%2E/casebook.yml", "/%0d%0aSet-Cookie:%20a=b",
            "/assets/%2e%2e%5c%2e%2e%5ccasebook.yml", "/..%c0%afcasebook.yml",
        ]
        for target in attempts {
            let response = try await served.get(target)
            #expect(response.status == 404, "\(target) → \(response.status)")
            #expect(!response.text.contains("top secret") && !response.text.contains("base_url"), "\(target)")
            #expect(response.headers["set-cookie"] == nil, "\(target)")
        }
    }

    @Test func anEditRebuildsThePageAndReloadsTabs() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        let tab = try await served.events()

        try served.site.edit(
            "content/case-studies/first-steps.md", replacing: "title: First steps in co-production",
            with: "title: Very first steps in co-production")
        _ = try await tab.next("reload")

        let page = try await served.get("/case-studies/first-steps/")
        #expect(page.text.contains("Very first steps in co-production"))
        let themes = try await served.get("/themes/hard-work/")
        #expect(themes.text.contains("Very first steps in co-production"))
        #expect(served.log.all.contains { $0.hasPrefix("Rebuilt ") && $0.contains("content/case-studies/first-steps.md") })
        _ = try await tab.next("updated")
        try await expectSameAsFullBuild(served)

        // A new case study, then its removal.
        try served.site.write(
            "content/case-studies/third.md",
            "---\ntitle: A third story\ndate: 2025-05-01\nprogramme: a-better-start\nthemes: [hard-work]\nsummary: New.\n---\nBody.\n")
        _ = try await tab.next("reload")
        #expect(try await served.get("/case-studies/third/").status == 200)
        _ = try await tab.next("updated")
        try await expectSameAsFullBuild(served)
        try served.site.remove("content/case-studies/third.md")
        _ = try await tab.next("reload")
        #expect(try await served.get("/case-studies/third/").status == 404)
        _ = try await tab.next("updated")
        try await expectSameAsFullBuild(served)
    }

    /// Quotes show their case study's title, so only a title change re-renders the pages that
    /// list those quotes (the quotes page, the home page's featured quotes); a summary edit does not.
    @Test func quotePagesAreRenderedAgainOnlyWhenTheirCaseStudysTitleChanges() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        let tab = try await served.events()
        func rebuilt() -> [String] { served.log.all.filter { $0.hasPrefix("Rebuilt ") } }

        try served.site.edit(
            "content/case-studies/first-steps.md", replacing: "summary: Young people joined the design group from the start.",
            with: "summary: Young people joined the design group on day one.")
        _ = try await tab.next("reload")
        let summaryEdit = try #require(rebuilt().last)
        #expect(try await served.get("/case-studies/").text.contains("on day one"))
        _ = try await tab.next("updated")
        try await expectSameAsFullBuild(served)

        try served.site.edit(
            "content/case-studies/first-steps.md", replacing: "title: First steps in co-production",
            with: "title: Early steps in co-production")
        _ = try await tab.next("reload")
        let titleEdit = try #require(rebuilt().last)
        #expect(try await served.get("/quotes/").text.contains("Early steps in co-production"), "a quote's 'From …' link")
        _ = try await tab.next("updated")
        try await expectSameAsFullBuild(served)

        func pages(_ line: String) -> Int { Int(line.split(separator: " ")[1]) ?? 0 }
        #expect(pages(summaryEdit) < pages(titleEdit), "\(summaryEdit) / \(titleEdit)")
    }

    @Test func aBrokenFileShowsAnOverlayUntilFixed() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        let tab = try await served.events()
        let good = try served.site.read("content/case-studies/first-steps.md")

        try served.site.write("content/case-studies/first-steps.md", good.replacingOccurrences(of: "date: 2025-03-01", with: "date: [broken"))
        let problems = try await tab.next("problems")
        #expect(problems.data.contains("content/case-studies/first-steps.md"))
        #expect(served.log.all.contains { $0.contains("first-steps.md") && $0.contains("error") })

        let page = try await served.get("/case-studies/first-steps/")
        #expect(page.status == 200, "the last good site stays served")
        #expect(page.text.contains("<div id=\"casebook-error-overlay\""))
        #expect(page.text.contains("First steps in co-production"))
        #expect(page.text.contains("content/case-studies/first-steps.md"))

        try served.site.write("content/case-studies/first-steps.md", good.replacingOccurrences(of: "First steps", with: "Fixed steps"))
        _ = try await tab.next("reload")
        let fixed = try await served.get("/case-studies/first-steps/")
        #expect(!fixed.text.contains("<div id=\"casebook-error-overlay\""))
        #expect(fixed.text.contains("Fixed steps in co-production"))
        _ = try await tab.next("updated")
        try await expectSameAsFullBuild(served)
    }

    @Test func aTemplateChangeRerendersThePagesThatUseIt() async throws {
        let builtIn = try String(
            contentsOf: PackagePaths.root.appendingPathComponent("Sources/Render/DefaultTheme/templates/case-study.mustache"), encoding: .utf8)
        let served = try await ServedSite.start(["themes/default/templates/case-study.mustache": builtIn])
        defer { Task { await served.server.stop() } }
        let tab = try await served.events()
        try served.site.write("themes/default/templates/case-study.mustache", builtIn + "<!-- edited template -->\n")
        _ = try await tab.next("reload")
        #expect(try await served.get("/case-studies/first-steps/").text.contains("edited template"))
        #expect(!(try await served.get("/").text.contains("edited template")))
        #expect(served.log.all.contains { $0.hasPrefix("Rebuilt 2 pages") })
    }

    /// Partials printed outside the page templates (items, header, footer): adding a site's
    /// override of one while serving used to print "Nothing to rebuild" and leave the preview stale.
    @Test func aPartialOverrideAddedWhileServingIsShown() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        let tab = try await served.events()
        for partial in ["partials/site-footer", "partials/quote", "partials/case-study-card", "partials/site-header"] {
            let builtIn = try String(
                contentsOf: PackagePaths.root.appendingPathComponent("Sources/Render/DefaultTheme/templates/\(partial).mustache"), encoding: .utf8)
            try served.site.write("themes/default/templates/\(partial).mustache", builtIn + "<!-- override of \(partial) -->")
            _ = try await tab.next("reload")
            #expect(try await served.get("/").text.contains("override of \(partial)"), "\(partial)")
            _ = try await tab.next("updated")
        }
        #expect(!served.log.all.contains { $0.hasPrefix("Nothing to rebuild") })
        try await expectSameAsFullBuild(served)
    }

    @Test func aBusyPortIsReported() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        let second = DevServer(options: .init(folder: served.site.root, port: served.port, clock: ServedSite.clock), log: { _ in })
        do {
            _ = try await second.start()
            Issue.record("a second server started on a busy port")
            await second.stop()
        } catch {
            #expect("\(error)".contains("already in use") && "\(error)".contains("--port"), "\(error)")
        }
    }

    /// Every file `casebook build` writes is served with the same bytes (pages plus the script).
    func expectSameAsFullBuild(_ served: ServedSite) async throws {
        let output = TestScratch.path("casebook-serve-full")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = SiteBuild(
            options: .init(folder: served.site.root, output: output.path, baseURL: "http://127.0.0.1:\(served.port)/"),
            clock: ServedSite.clock)
        let outcome = build.run()
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        var count = 0
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: output.path + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue || relative == ".casebook-output" { continue }
            count += 1
            let written = try [UInt8](Data(contentsOf: output.appendingPathComponent(relative)))
            let response = try await served.get("/" + relative)
            var body = response.text
            if relative.hasSuffix(".html"), let script = body.range(of: "<script id=\"casebook-live-reload\">") {
                let end = body.range(of: "</script>", range: script.upperBound..<body.endIndex)!
                body.removeSubrange(script.lowerBound..<end.upperBound)
                #expect(body == String(decoding: written, as: UTF8.self), "\(relative) differs from the build")
            } else {
                #expect(response.body == written, "\(relative) differs from the build")
            }
        }
        #expect(count > 10)
    }
}

@Suite struct ServeUnitTests {
    @Test func aBurstOfChangesIsHandedOnOnce() async throws {
        let (stream, continuation) = AsyncStream<Set<String>?>.makeStream()
        let debouncer = Debouncer(quiet: .milliseconds(80)) { continuation.yield($0) }
        for name in ["a", "b", "a", "c"] { debouncer.add([name]) }
        var iterator = stream.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first == ["a", "b", "c"])
        debouncer.add(["d"])
        #expect(await iterator.next() == ["d"])
    }

    /// A diagnostic quotes what the user wrote (a value, a file name); the overlay shows it as text.
    @Test func theErrorOverlayEscapesWhatItQuotes() {
        let problem = Diagnostic.error(
            "bad-value", "'<script>alert(1)</script>' & \"x\" is not a theme",
            at: SourceLocation(file: "content/quotes/<b>.md", line: 3, column: 1))
        let overlay = ReloadSnippet.overlay([problem])
        #expect(!overlay.contains("<script>"))
        #expect(!overlay.contains("<b>"))
        #expect(overlay.contains("&#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39; &amp; &quot;x&quot;"))
        #expect(overlay.contains("content/quotes/&lt;b&gt;.md:3"))
    }
}
