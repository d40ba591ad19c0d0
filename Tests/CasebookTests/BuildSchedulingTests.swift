import Foundation
import Markdown
import Model
@testable import Render
import Testing

/// The build's scheduling changes when work runs, never what comes out.
@Suite struct BuildSchedulingTests {
    @Test func costliestFirstKeepsResultsInInputOrder() {
        let input = Array(0..<500)
        let started = StartOrder()
        // Costs that reverse the input in places and tie in others.
        let output = input.parallelMap(costliestFirst: { $0 % 7 }) { value -> String in
            started.note(value)
            return "item \(value)"
        }
        #expect(output == input.map { "item \($0)" })
        // Every element ran exactly once, and the costliest were started before the cheapest.
        let order = started.values
        #expect(order.sorted() == input)
        let firstCheap = order.firstIndex { $0 % 7 == 0 }!
        let lastCostly = order.lastIndex { $0 % 7 == 6 }!
        #expect(lastCostly < firstCheap)
    }

    @Test func aBodyEditedAfterItWasPreparedIsConvertedAgain() {
        let markdown = MarkdownRenderer(options: [.smart])
        let original = CaseStudy(
            slug: "a", file: "content/case-studies/a.md", title: "A", date: Day(iso: "2025-01-01")!, summary: "S",
            body: "First *version*.")
        let prepared = PreparedBodies([original], markdown: markdown)
        #expect(prepared.body(of: original)?.html == "<p>First <em>version</em>.</p>\n")
        var edited = original
        edited.body = "Second version."
        #expect(prepared.body(of: edited) == nil)
    }
}

/// The order in which a concurrent map started its elements.
private final class StartOrder: @unchecked Sendable {
    private let lock = NSLock()
    private var started: [Int] = []

    func note(_ value: Int) { lock.withLock { started.append(value) } }
    var values: [Int] { lock.withLock { started } }
}
