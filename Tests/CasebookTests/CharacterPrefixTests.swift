import Foundation
import Markdown
import Testing

/// The search index cuts each body to its first 1,500 characters; the fast path for ASCII text
/// must cut exactly where `prefix` does, or an excerpt would end in half a character.
@Suite struct CharacterPrefixTests {
    @Test(arguments: [
        "", "plain ascii text", "cafe\u{301} au lait", "line one\r\nline two", "ab\r\ncd", "a\u{301}bc",
        "emoji 👩‍👩‍👧 family", "🇬🇧🇫🇷 flags", "naïve", "tab\tand\nnewline", "ends with e\u{301}",
        String(repeating: "x", count: 40) + "\u{301}",
    ])
    func cutsWherePrefixCuts(text: String) {
        for count in 0...(text.utf8.count + 2) {
            #expect(text.prefix(characters: count) == String(text.prefix(count)), "\(count) characters of \(text.debugDescription)")
        }
    }

    @Test func aCombiningMarkAfterTheCutStaysWithItsLetter() {
        // "e" + U+0301 is one character: cutting after four characters keeps the accent.
        #expect("cafe\u{301}s".prefix(characters: 4) == "cafe\u{301}")
        #expect("ab\r\ncd".prefix(characters: 3) == "ab\r\n")
    }

    @Test(arguments: [
        "# Title\n\nSome *text* here, with [a link](https://example.org).\n\n- one\n- two\n",
        "Café au lait is served.\n\nThe next paragraph says more.",
        "Words then spaces\n\n> quoted\n\n`code` and some more text after it to cut",
        String(repeating: "x", count: 30) + "\n\n" + String(repeating: "y", count: 30),
        "short",
    ])
    func aBodysTextIsCutAsTheWholeTextWouldBe(markdown: String) {
        // The walk over a body stops early once its start is certain; the excerpt must not change.
        let renderer = MarkdownRenderer(options: [.smart])
        for limit in [1, 4, 5, 6, 12, 17, 30, 31, 32, 60, 200] {
            let both = renderer.htmlAndPlainText(markdown, plainTextLimit: limit)
            #expect(both.plain == renderer.plainText(markdown).prefix(characters: limit), "\(limit) characters of \(markdown.debugDescription)")
            #expect(both.html == renderer.html(markdown))
        }
    }

    @Test(arguments: ["Plain *summary* with a [link](https://example.org).", "Two\n\nparagraphs", "", "<b>raw</b> & more"])
    func aShortTextsHTMLAndTextFromOneParseMatchTwoParses(markdown: String) {
        // Summaries and lessons are parsed once for their card HTML and their plain text.
        let renderer = MarkdownRenderer(options: [.smart])
        let both = renderer.inlineHTMLAndPlainText(markdown)
        #expect(both.html == renderer.inlineHTML(markdown))
        #expect(both.plain == renderer.plainText(markdown))
    }
}
