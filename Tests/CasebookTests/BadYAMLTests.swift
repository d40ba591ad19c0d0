import Foundation
import Model
import TestSupport
import Testing

/// Front matter that is broken, hostile or mistyped: one diagnostic at the right line, and
/// loading always finishes (a bomb or a deep nest must not hang or crash the tool).
@Suite struct BadYAMLTests {
    static let file = "content/case-studies/bad.md"

    func check(_ frontMatter: String, body: String = "Body.\n") throws -> [Diagnostic] {
        let site = try FixtureSite(copying: "valid-site", [Self.file: "---\n\(frontMatter)\n---\n\(body)"])
        return site.check().diagnostics
    }

    @Test func frontMatterThatNeverClosesSaysHowToFixIt() throws {
        let site = try FixtureSite(copying: "valid-site", [
            Self.file: "---\ntitle: Open ended\ndate: 2025-01-01\nsummary: No closing fence.\n\nThe body starts here.\n"
        ])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):1: error: unclosed-front-matter"])
        #expect(diagnostics.first?.message.contains("'---'") == true)
    }

    /// Found by fuzzing: libyaml marks a key left open at the end of a file one line past its last,
    /// and an editor cannot jump to a line that does not exist.
    @Test func aKeyLeftOpenAtTheEndOfCasebookYmlIsReportedOnItsLastLine() throws {
        let site = try FixtureSite(copying: "valid-site", ["casebook.yml": "title: T\nbase_url: https://example.org/\nthemes"])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["casebook.yml:3: error: yaml-syntax"])
    }

    @Test func billionLaughsAliasBombIsRefusedAtTheFirstAlias() throws {
        var lines = ["a: &a [\(Array(repeating: "\"lol\"", count: 9).joined(separator: ", "))]"]
        for (previous, name) in zip("abcdefgh", "bcdefghi") {
            lines.append("\(name): &\(name) [\(Array(repeating: "*\(previous)", count: 9).joined(separator: ", "))]")
        }
        let diagnostics = try check(lines.joined(separator: "\n"))
        #expect(diagnostics.summaries == ["\(Self.file):3: error: yaml-alias"])
        #expect(diagnostics.first?.location.column == 8, "the column of '*a' on 'b: &b [*a, …'")
    }

    /// 10,000 levels of nesting in one form, and the file line that holds them.
    struct DeepNest: Sendable, CustomTestStringConvertible {
        let form: String
        let yaml: String
        let line: Int
        var testDescription: String { form }
    }

    static let deepNests = [
        DeepNest(form: "flow list", yaml: "themes: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), line: 3),
        DeepNest(form: "flow mapping", yaml: "lessons: " + String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000), line: 3),
        DeepNest(form: "block list", yaml: "themes:\n  " + String(repeating: "- ", count: 10_000) + "x", line: 4),
    ]

    @Test(arguments: deepNests)
    func tenThousandDeepNestingIsAnErrorAtItsLine(_ nest: DeepNest) throws {
        let diagnostics = try check("title: Deep\n\(nest.yaml)")
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.location.file == Self.file)
        #expect(diagnostics.first?.location.line == nest.line)
    }

    @Test(arguments: deepNests)
    func tenThousandDeepNestingSaysItIsTooDeep(_ nest: DeepNest) throws {
        let diagnostics = try check("title: Deep\n\(nest.yaml)")
        #expect(diagnostics.map(\.code) == ["yaml-too-deep"], "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.message.contains("levels deep") == true)
    }

    @Test func scalarWhereAListBelongsIsAnErrorWithTheFix() throws {
        let diagnostics = try check("title: One theme\ndate: 2025-01-01\nsummary: A summary.\nthemes: hard-work")
        #expect(diagnostics.summaries == ["\(Self.file):5: error: wrong-type"])
        #expect(diagnostics.first?.location.column == 9)
        #expect(diagnostics.first?.message.contains("[hard-work]") == true, "the message shows the list form")
    }

    @Test func listWhereTextBelongsIsAnError() throws {
        let diagnostics = try check("title: [a, b]\ndate: 2025-01-01\nsummary: A summary.")
        #expect(diagnostics.summaries == ["\(Self.file):2: error: wrong-type"])
    }

    @Test func tenMegabyteValueIsRefused() throws {
        let huge = String(repeating: "word ", count: 2_000_000)
        let diagnostics = try check("title: Huge\ndate: 2025-01-01\nsummary: \"\(huge)\"")
        #expect(diagnostics.summaries == ["\(Self.file):2: error: front-matter-too-large"])
        #expect(diagnostics.first?.message.contains("body") == true, "the message says where long text belongs")
    }

    @Test func unknownKeyWarnsWithASuggestion() throws {
        let diagnostics = try check("title: Typo\ndate: 2025-01-01\nsummary: A summary.\nthemse: [hard-work]")
        #expect(diagnostics.summaries == ["\(Self.file):5: warning: unknown-key"])
        #expect(diagnostics.first?.location.column == 1)
        #expect(diagnostics.first?.message.contains("did you mean 'themes'") == true)
    }

    @Test func yamlSyntaxErrorIsReportedAtItsLineInTheFile() throws {
        let diagnostics = try check("title: Fine\ndate: 2025-01-01\nsummary: \"never closed\nthemes: [hard-work]")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "yaml-syntax")
        #expect((4...5).contains(diagnostics.first?.location.line ?? 0), "\(diagnostics)")
    }

    @Test func duplicateKeyIsReported() throws {
        let diagnostics = try check("title: One\ntitle: Two\ndate: 2025-01-01\nsummary: A summary.")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "duplicate-key")
        #expect(diagnostics.first?.location.file == Self.file)
    }

    @Test func missingRequiredKeysAreAllReported() throws {
        let diagnostics = try check("programme: talent-match")
        #expect(diagnostics.with(code: "missing-key").count == 3, "title, date and summary: \(diagnostics)")
        #expect(diagnostics.allSatisfy { $0.location.line == 2 })
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() throws {
        let diagnostics = try check("- just\n- a list")
        #expect(diagnostics.summaries == ["\(Self.file):2: error: front-matter-not-mapping"])
    }
}
