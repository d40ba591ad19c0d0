import Foundation
import Model
import TestSupport
import Testing

/// The YAML mistakes Markdown authors make, each reported at the line to fix with a sentence
/// saying what to do (`YAMLAdvice`), not only libyaml's words.
@Suite struct YAMLAdviceTests {
    static let file = "content/case-studies/bad.md"

    /// The one diagnostic for a case study whose front matter is `frontMatter` (file line 2 on).
    func diagnostic(_ frontMatter: String) throws -> Diagnostic? {
        let site = try FixtureSite(copying: "valid-site", [Self.file: "---\n\(frontMatter)\n---\nBody.\n"])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        return diagnostics.first
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        let name: String
        let frontMatter: String
        /// The line of the file the author must change.
        let line: Int
        /// What the message must say.
        let advice: String
        var testDescription: String { name }
    }

    static let mistakes = [
        Mistake(
            name: "tab indenting a list", frontMatter: "title: T\ndate: 2025-01-01\nsummary: S\nthemes:\n\t- hard-work",
            line: 6, advice: "indented with a tab, and YAML indents with spaces only: replace the tab with spaces"),
        Mistake(
            name: "tab after spaces", frontMatter: "title: T\n  \tdate: 2025-01-01\nsummary: S",
            line: 3, advice: "replace the tab with spaces"),
        Mistake(
            name: "tab after a list dash", frontMatter: "title: T\ndate: 2025-01-01\nsummary: S\nthemes:\n  -\thard-work",
            line: 6, advice: "replace the tab with a space"),
        Mistake(
            name: "unquoted colon in a title", frontMatter: "title: Lessons: what we learned\ndate: 2025-01-01\nsummary: S",
            line: 2, advice: "YAML reads as the start of another key: put the value in quotes, as in title: \"Lessons: what we learned\""),
        Mistake(
            name: "missing space after a list dash", frontMatter: "title: T\ndate: 2025-01-01\nsummary: S\nthemes:\n  - hard-work\n  -resilience",
            line: 7, advice: "a list item needs a space after '-': write '- resilience'"),
        Mistake(
            name: "missing space after every list dash", frontMatter: "title: T\ndate: 2025-01-01\nsummary: S\nthemes:\n  -hard-work",
            line: 6, advice: "a list item needs a space after '-': write '- hard-work'"),
        Mistake(
            name: "unclosed double quote", frontMatter: "title: T\ndate: 2025-01-01\nsummary: \"never closed\nthemes: [hard-work]",
            line: 4, advice: "the quote (\") that opens here is never closed"),
        Mistake(
            name: "apostrophe inside single quotes", frontMatter: "title: 'It's ours'\ndate: 2025-01-01\nsummary: S",
            line: 2, advice: "an apostrophe inside '…' ends the text early: write it twice ('') or put the value in double quotes, as in title: \"It's ours\""),
        Mistake(
            name: "text after a closing quote", frontMatter: "title: \"Home\" and away\ndate: 2025-01-01\nsummary: S",
            line: 2, advice: "text follows the closing quote of 'title': put the whole value in single quotes, as in title: '\"Home\" and away'"),
        Mistake(
            name: "key indented more than the one above", frontMatter: "title: T\n  date: 2025-01-01\nsummary: S",
            line: 3, advice: "indented more than 'title:' on line 2"),
        Mistake(
            name: "key indented less than its group", frontMatter: "title: T\nauthor:\n  name: A\n role: B\ndate: 2025-01-01\nsummary: S",
            line: 5, advice: "matches none of the keys above it"),
        Mistake(
            name: "no space after a key's colon", frontMatter: "title:Two words\ndate: 2025-01-01\nsummary: S",
            line: 2, advice: "no space after the ':' of 'title'"),
        Mistake(
            name: "value starting with @", frontMatter: "title: T\ndate: 2025-01-01\nsummary: @handle on the web",
            line: 4, advice: "YAML does not let a value start with '@': put the value in quotes, as in summary: \"@handle on the web\""),
        Mistake(
            name: "unclosed flow list", frontMatter: "title: T\nthemes: [hard-work, resilience\ndate: 2025-01-01\nsummary: S",
            line: 3, advice: "the '[' that opens here is never closed"),
        Mistake(
            name: "body text before the closing fence", frontMatter: "title: T\ndate: 2025-01-01\nsummary: S\n\nThe body starts here.",
            line: 6, advice: "a line of only '---' above it"),
        Mistake(
            name: "key inside a list", frontMatter: "title: T\ndate: 2025-01-01\nsummary: S\nthemes:\n  - hard-work\n  programme: x",
            line: 7, advice: "is not one of its items: start it with '- '"),
    ]

    @Test(arguments: mistakes)
    func eachMistakeSaysWhatToDoAtTheLineToFix(_ mistake: Mistake) throws {
        let diagnostic = try #require(try diagnostic(mistake.frontMatter))
        #expect(diagnostic.location.file == Self.file)
        #expect(diagnostic.location.line == mistake.line, "\(diagnostic.description)")
        #expect(diagnostic.message.contains(mistake.advice), "\(diagnostic.message)")
    }

    /// casebook.yml's lists of entries, written `-id:` for `- id:`.
    @Test(arguments: [
        ("themes:\n  -id: hard-work\n   title: Hard work\n", 8),
        ("themes:\n  -id: hard-work\n  -id: resilience\n", 8),
        ("themes:\n  -id: hard-work\n", 8),
    ])
    func anEntryWithoutASpaceAfterItsDashInCasebookYml(_ themes: String, line: Int) throws {
        let config = try String(contentsOf: PackagePaths.fixtures.appendingPathComponent("valid-site/casebook.yml"), encoding: .utf8)
        let start = try #require(config.range(of: "themes:\n"))
        let end = try #require(config.range(of: "\n\n", range: start.upperBound..<config.endIndex))
        let site = try FixtureSite(copying: "valid-site", ["casebook.yml": config.replacingCharacters(in: start.lowerBound..<end.upperBound, with: themes + "\n")])
        let diagnostics = site.check().diagnostics
        let first = try #require(diagnostics.first { $0.location.file == "casebook.yml" }, "\(diagnostics)")
        #expect(first.location.line == line, "\(first.description)")
        #expect(first.message.contains("a list item needs a space after '-': write '- id"), "\(first.message)")
    }

    @Test func theParsersOwnWordsFollowTheAdvice() throws {
        let diagnostic = try #require(try diagnostic("title: Lessons: what we learned\ndate: 2025-01-01\nsummary: S"))
        #expect(diagnostic.code == "yaml-syntax")
        #expect(diagnostic.message.hasSuffix("(the YAML parser said: mapping values are not allowed in this context)"))
    }

    @Test func adviceAppliesToCasebookYmlToo() throws {
        let site = try FixtureSite(copying: "valid-site", ["casebook.yml": "title: Voices: a casebook\nbase_url: https://example.org/\n"])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["casebook.yml:1: error: yaml-syntax"])
        #expect(diagnostics.first?.message.contains("title: \"Voices: a casebook\"") == true, "\(diagnostics)")
    }
}
