import Markdown
@testable import Model
@testable import Render
@testable import SystemSupport
import Testing

/// The build's scheduling changes when work runs, never what comes out.
@Suite struct BuildSchedulingTests {
    @Test func costliestFirstKeepsResultsInInputOrder() {
        let input = Array(0..<500)
        // Costs that reverse the input in places and tie in others.
        let output = input.parallelMap(costliestFirst: { $0 % 7 }) { "item \($0)" }
        #expect(output == input.map { "item \($0)" })
    }

    @Test func theScheduleTakesTheCostliestFirstAndTiesInInputOrder() {
        #expect(Array<Int>.costliestFirstOrder([1, 5, 1, 9, 5]) == [3, 1, 4, 0, 2])
        #expect(Array<Int>.costliestFirstOrder([]) == [])
    }

    @Test func aBodyEditedAfterItWasPreparedIsConvertedAgain() {
        let markdown = MarkdownRenderer(options: [.smart])
        let original = CaseStudy(
            slug: "a", file: "content/case-studies/a.md", title: "A", date: Day(iso: "2025-01-01")!, summary: "S",
            body: "First *version*.")
        let prepared = PreparedBodies([original], markdown: markdown)
        #expect(prepared.body(of: original)?.html.text == "<p>First <em>version</em>.</p>\n")
        var edited = original
        edited.body = "Second version."
        #expect(prepared.body(of: edited) == nil)
    }
}
