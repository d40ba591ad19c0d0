import Model
import Testing

/// "Did you mean …?": typos in keys and ids must point at the right word, and only when close.
@Suite struct SuggestionTests {
    static let keys = ["title", "slug", "programme", "date", "themes", "summary", "draft", "lessons"]

    @Test(arguments: [
        ("themse", "themes"),
        ("theme", "themes"),
        ("tilte", "title"),
        ("programe", "programme"),
        ("Summary", "summary"),
        ("lesson", "lessons"),
    ])
    func suggestsTheClosestKey(typo: String, expected: String) {
        #expect(Suggestion.closest(to: typo, in: Self.keys) == expected)
    }

    @Test(arguments: ["colour", "organisation", "zzzzzz", "x"])
    func suggestsNothingWhenNothingIsClose(word: String) {
        #expect(Suggestion.closest(to: word, in: Self.keys) == nil)
        #expect(Suggestion.hint(for: word, in: Self.keys) == "")
    }

    @Test func hintReadsAsAParenthesis() {
        #expect(Suggestion.hint(for: "sharedbenefits", in: ["hard-work", "shared-benefits"]) == " (did you mean 'shared-benefits'?)")
    }

    @Test func prefersTheNearerOfTwoCandidates() {
        #expect(Suggestion.closest(to: "hard-wrk", in: ["hard-work", "hard-words"]) == "hard-work")
    }

    @Test func emptyCandidatesSuggestNothing() {
        #expect(Suggestion.closest(to: "themes", in: [String]()) == nil)
    }
}
