import Foundation
import Markdown
import Model
import SystemSupport
import TestSupport
import Testing

/// One example of the CommonMark 0.30 specification, as extracted into `spec.json`.
struct SpecExample: Sendable, Decodable, CustomTestStringConvertible {
    let example: Int
    let section: String
    let markdown: String
    /// Expected output in unsafe mode (raw HTML kept).
    let html: String

    var testDescription: String { "example \(example) (\(section))" }
}

/// The spec's examples, and `cmark`'s rendering of each, computed once for all test cases.
enum SpecCorpus {
    static let url = PackagePaths.sharedCorpora.appendingPathComponent("commonmark-0.30/spec.json")
    static var isPresent: Bool { FileManager.default.fileExists(atPath: url.path) }
    static var skipReason: Comment {
        "CommonMark spec corpus not found at \(url.path); skipped here, and a failure when CI=true"
    }

    static let examples: [SpecExample] = {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return (try? JSONDecoder().decode([SpecExample].self, from: data)) ?? []
    }()

    /// The `cmark` command (Debian package `cmark`, built on the same libcmark).
    static let cmark = PackagePaths.onPath("cmark")

    /// `cmark`'s output for every example, keyed by example number; spawned across all cores.
    static let cmarkSafe = render(extraArguments: [])
    static let cmarkUnsafe = render(extraArguments: ["--unsafe"])

    private static func render(extraArguments: [String]) -> [Int: Result<String, RenderFailure>] {
        guard let cmark else { return [:] }
        let outputs = examples.parallelMap { example -> Result<String, RenderFailure> in
            do {
                let result = try ProcessRunner.run(cmark, extraArguments, stdin: example.markdown)
                guard result.status == 0 else { return .failure(RenderFailure(reason: "\(result)")) }
                return .success(result.stdout)
            } catch {
                return .failure(RenderFailure(reason: "cannot run cmark: \(error)"))
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(examples.map(\.example), outputs))
    }

    struct RenderFailure: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}

/// casebook renders Markdown exactly as the reference `cmark` does, in both safe and unsafe mode,
/// and unsafe mode passes the CommonMark 0.30 spec itself.
@Suite(.enabled(if: SpecCorpus.isPresent || PackagePaths.isCI, SpecCorpus.skipReason))
struct CommonMarkSpecTests {
    @Test func corpusHoldsAllExamplesOfTheSpec() throws {
        #expect(SpecCorpus.isPresent, "spec.json missing at \(SpecCorpus.url.path)")
        #expect(SpecCorpus.examples.count == 652)
        #expect(SpecCorpus.examples.map(\.example) == Array(1...652))
    }

    @Test func cmarkCommandIsInstalled() throws {
        let cmark = try #require(SpecCorpus.cmark, "install the Debian package 'cmark' (the command-line program)")
        let version = try ProcessRunner.run(cmark, ["--version"])
        #expect(version.stdout.hasPrefix("cmark 0.30"), "cmark should be the 0.30 series like libcmark: \(version.stdout)")
    }

    @Test(arguments: SpecCorpus.examples)
    func safeModeMatchesCmark(_ example: SpecExample) throws {
        let expected = try #require(SpecCorpus.cmarkSafe[example.example]).get()
        let actual = MarkdownRenderer(options: []).html(example.markdown)
        #expect(actual == expected, "input: \(example.markdown.debugDescription)")
    }

    @Test(arguments: SpecCorpus.examples)
    func unsafeModeMatchesCmarkAndTheSpec(_ example: SpecExample) throws {
        let expected = try #require(SpecCorpus.cmarkUnsafe[example.example]).get()
        let actual = MarkdownRenderer(options: .unsafe).html(example.markdown)
        #expect(actual == expected, "input: \(example.markdown.debugDescription)")
        #expect(actual == example.html, "the CommonMark 0.30 spec expects this output")
    }

    /// cmark's memory is an arena per thread (`CmarkArena`): rendering on all cores at once, and
    /// a document far larger than one arena chunk, must give exactly what cmark gives.
    @Test func renderingOnAllCoresAndLargeDocumentsMatchCmark() throws {
        let renderer = MarkdownRenderer(options: .unsafe)
        let oneAtATime = SpecCorpus.examples.map { renderer.html($0.markdown) }
        let allAtOnce = SpecCorpus.examples.parallelMap { renderer.html($0.markdown) }
        #expect(allAtOnce == oneAtATime)

        let cmark = try #require(SpecCorpus.cmark)
        let large = String(repeating: SpecCorpus.examples.map(\.markdown).joined(separator: "\n\n"), count: 40)
        #expect(large.utf8.count > 512 << 10)
        let expected = try ProcessRunner.run(cmark, ["--unsafe"], stdin: large).stdout
        #expect(renderer.html(large) == expected)
        #expect(renderer.htmlAndPlainText(large, plainTextLimit: 100).html == expected)
    }

    @Test func defaultOptionsAreSafeMode() {
        let example = "<div onclick=\"steal()\">x</div>\n"
        #expect(MarkdownRenderer().html(example) == MarkdownRenderer(options: []).html(example))
        #expect(MarkdownOptions.default.isEmpty)
    }

    /// Example 170: a `<script>` block is dropped in safe mode and kept in unsafe mode.
    @Test func safeModeOmitsTheScriptBlockOfExample170() throws {
        let example = try #require(SpecCorpus.examples.first { $0.example == 170 })
        #expect(example.markdown.hasPrefix("<script"))
        let safe = MarkdownRenderer(options: []).html(example.markdown)
        #expect(safe == "<!-- raw HTML omitted -->\n<p>okay</p>\n")
        #expect(MarkdownRenderer(options: .unsafe).html(example.markdown).contains("<script type=\"text/javascript\">"))
    }

    /// Example 148: a raw `<table>` around Markdown; only the Markdown survives in safe mode.
    @Test func safeModeOmitsTheRawTableOfExample148() throws {
        let example = try #require(SpecCorpus.examples.first { $0.example == 148 })
        let safe = MarkdownRenderer(options: []).html(example.markdown)
        #expect(!safe.contains("<table"))
        #expect(!safe.contains("<td"))
        #expect(safe.contains("<!-- raw HTML omitted -->"))
        #expect(safe.contains("<em>world</em>"))
    }

    /// No example in the sections on raw HTML keeps a tag of its own in safe mode.
    @Test func safeModeKeepsNoRawTagFromTheHTMLSections() {
        let htmlSections = SpecCorpus.examples.filter { $0.section == "HTML blocks" || $0.section == "Raw HTML" }
        #expect(htmlSections.count > 60)
        for example in htmlSections {
            let safe = MarkdownRenderer(options: []).html(example.markdown)
            for tag in ["<script", "<table", "<div", "<style", "<textarea", "<a href=\"foo\"", "onclick", "<!-- foo"] {
                #expect(!safe.contains(tag), "example \(example.example) kept '\(tag)' in safe mode: \(safe)")
            }
        }
    }
}
