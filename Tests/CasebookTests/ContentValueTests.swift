import Model
import Testing

/// Quotes and case studies share their fields between copies, but stay values: changing a copy
/// never changes the original (validation marks copies withdrawn, the serve cache compares them).
@Suite struct ContentValueTests {
    let location = SourceLocation(file: "content/quotes/q.md", line: 1, column: 1)

    @Test func changingACopiedQuoteLeavesTheOriginal() {
        let original = Quote(id: "q1", text: "It worked.", speaker: "Parent", consent: .public, location: location)
        var copy = original
        #expect(copy == original)
        copy.consent = .withdrawn
        copy.themes.append(Located("trust", at: location))
        #expect(original.consent == .public)
        #expect(original.themes.isEmpty)
        #expect(copy != original)
        // Equal fields in separate boxes are still equal.
        #expect(Quote(id: "q1", text: "It worked.", speaker: "Parent", consent: .public, location: location) == original)
    }

    @Test func changingACopiedCaseStudyLeavesTheOriginal() {
        let original = CaseStudy(slug: "a", file: "content/case-studies/a.md", title: "A", date: Day(iso: "2025-05-01")!, summary: "S")
        var copy = original
        copy.title = "B"
        copy.lessons.append(Lesson(theme: Located("trust", at: location), text: "T", location: location))
        #expect(original.title == "A")
        #expect(original.lessons.isEmpty)
        #expect(copy.title == "B")
        #expect(copy.lessons.count == 1)
    }
}
