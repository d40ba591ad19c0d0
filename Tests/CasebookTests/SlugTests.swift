import Model
import Testing

/// Slugs become output paths, so anything that could leave the output folder must be refused.
@Suite struct SlugTests {
    @Test(arguments: ["a", "young-people", "q-2025-01", "2025", "a-b-c-1"])
    func acceptsLowerCaseDigitsAndHyphens(slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: [
        "", "-lead", "trail-", "Upper", "with space", "a/b", "../escape", "..", ".", "a.b", "a_b",
        "café", "a\\b", "a\u{0}b", "%2e%2e", "tab\there",
    ])
    func refusesPathAndNonASCIICharacters(slug: String) {
        #expect(!Slug.isValid(slug), "'\(slug)' must not be a valid slug")
    }

    @Test func refusesOverlongSlugs() {
        #expect(Slug.isValid(String(repeating: "a", count: 200)))
        #expect(!Slug.isValid(String(repeating: "a", count: 201)))
    }

    @Test(arguments: [
        ("Hello World!", "hello-world"),
        ("../../etc/passwd", "etc-passwd"),
        ("Young People_2025", "young-people-2025"),
        ("--a--", "a"),
        ("..", "page"),
        ("", "page"),
        ("Café – Year One", "cafe-year-one"),
        ("Llŷr's Ysgol Gymraeg", "llyr-s-ysgol-gymraeg"),
    ])
    func suggestsAValidSlug(text: String, expected: String) {
        let suggestion = Slug.suggest(from: text)
        #expect(suggestion == expected)
        #expect(Slug.isValid(suggestion))
    }
}
