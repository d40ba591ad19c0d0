import Foundation
import Model
import Pipeline
import TestSupport
import Testing

/// Diagnostics echo values and file names from content. A control character in them must reach
/// the terminal as something to read (`\u{1B}`), never as something the terminal acts on: an
/// escape sequence (clear the screen, retitle the window), a CR that overwrites the line, a line
/// break that forges a diagnostic, or a bidi override that reorders what is shown.
@Suite struct TerminalEscapeTests {
    init() throws {
        try #require(CasebookCLI.isBuilt, "casebook is not built at \(PackagePaths.casebook.path)")
    }

    /// The characters no output for people may carry: ESC, CR, BEL, C1's CSI, RLO.
    static let forbidden: [Unicode.Scalar] = ["\u{1B}", "\r", "\u{07}", "\u{9B}", "\u{202E}"]

    /// Quotes whose file name and values hold escape sequences, CR, line breaks and a bidi override
    /// (written with YAML's double-quoted escapes: `\e` is ESC, `\a` BEL, `\r` CR, `\n` a line break).
    static func site() throws -> FixtureSite {
        try FixtureSite(copying: "valid-site", [
            "content/quotes/evil\u{1B}[2J\rname.md": """
                ---
                speaker: Parent
                consent: "\\e[32mpublic\\nfake.md:1:1: warning: forged"
                ---
                Text.
                """,
            "content/quotes/values.md": """
                ---
                speaker: Parent
                programme: "\\e]0;owned\\a\\e[31mtalent-match\\rcasebook.yml:1:1: error: forged"
                themes: ["\\u202Ehard-work", "\\x9B31m"]
                consent: public
                ---
                Text.
                """,
        ])
    }

    func expectNothingForbidden(_ text: String, _ what: String) {
        for scalar in Self.forbidden {
            #expect(!text.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) reached \(what)")
        }
    }

    @Test func textDiagnosticsShowControlCharactersAsEscapes() throws {
        let site = try Self.site()
        let result = try CasebookCLI.run(["check", site.root])
        #expect(result.status == 1, "\(result)")
        expectNothingForbidden(result.stdout, "stdout")
        expectNothingForbidden(result.stderr, "stderr")
        // One line per diagnostic, each starting at its file: none forged by a value's line break.
        let diagnostics = site.check().diagnostics
        #expect(result.stdoutLines.count == diagnostics.count, "\(result.stdout)")
        for line in result.stdoutLines {
            #expect(line.hasPrefix("content/quotes/evil\\u{1B}[2J\\u{D}name.md:") || line.hasPrefix("content/quotes/values.md:"), "\(line)")
        }
        #expect(result.stdout.contains("\\u{1B}]0;owned\\u{7}\\u{1B}[31mtalent-match\\u{D}casebook.yml"))
        #expect(result.stdout.contains("\\u{202E}hard-work"))
        #expect(result.stdout.contains("\\u{9B}31m"))
        #expect(result.stdout.contains("public\\u{A}fake.md"))
    }

    @Test func githubAnnotationsCarryNoControlCharacters() throws {
        let site = try Self.site()
        let result = try CasebookCLI.run(["check", "--format", "github", site.root])
        #expect(result.status == 1, "\(result)")
        expectNothingForbidden(result.stdout, "the annotations")
        #expect(result.stdoutLines.count == site.check().diagnostics.count)
        #expect(result.stdoutLines.allSatisfy { $0.hasPrefix("::") }, "\(result.stdout)")
        // GitHub's own escaping of line breaks is kept: %0A shows as a break in the annotation.
        #expect(result.stdout.contains("public%0Afake.md"))
    }

    @Test func buildSummaryAndFailureCarryNoControlCharacters() throws {
        let site = try Self.site()
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let result = try CasebookCLI.run(["build", site.root, "--output", output])
        #expect(result.status == 1, "\(result)")
        expectNothingForbidden(result.stderr, "the build's stderr")
        #expect(result.stderr.contains("evil\\u{1B}[2J\\u{D}name.md"))
    }

    @Test func visibleTextEscapesControlsAndKeepsEverythingElse() {
        #expect(TerminalText.visible("a\u{1B}[31mb\rc\nd\u{7F}e\u{85}f\u{2066}g\u{2028}") == "a\\u{1B}[31mb\\u{D}c\\u{A}d\\u{7F}e\\u{85}f\\u{2066}g\\u{2028}")
        #expect(TerminalText.visible("tab\there, café, 引用, 👋🏽") == "tab\there, café, 引用, 👋🏽")
        #expect(TerminalText.visible("one\ntwo\r", keeping: ["\n"]) == "one\ntwo\\u{D}")
    }
}
