import Markdown
import Testing

/// Content is untrusted: the default renderer must not let a case study run script in a reader's
/// browser, and `--unsafe` must be the only way to get raw HTML through.
@Suite struct MarkdownSafetyTests {
    let safe = MarkdownRenderer(options: [])
    let unsafe = MarkdownRenderer(options: .unsafe)

    @Test(arguments: [
        "[click](javascript:alert(1))",
        "[click](JavaScript:alert(1))",
        "[click](vbscript:msgbox(1))",
        "[click](file:///etc/passwd)",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        "![pic](javascript:alert(1))",
        "[ref]\n\n[ref]: javascript:alert(1)",
    ])
    func safeModeEmptiesDangerousLinkTargets(markdown: String) {
        let html = safe.html(markdown)
        let lowered = html.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:", "data:text/html"] {
            #expect(!lowered.contains("=\"\(scheme)"), "no attribute may point at \(scheme): \(html)")
        }
        #expect(html.contains("href=\"\"") || html.contains("src=\"\""), "the link stays, with an empty target: \(html)")
    }

    @Test func unsafeModeKeepsLinkTargets() {
        #expect(unsafe.html("[click](javascript:alert(1))") == "<p><a href=\"javascript:alert(1)\">click</a></p>\n")
    }

    @Test func safeModeKeepsOrdinaryAndImageDataLinks() {
        #expect(safe.html("[site](https://example.org/a?b=1&c=2)") == "<p><a href=\"https://example.org/a?b=1&amp;c=2\">site</a></p>\n")
        #expect(safe.html("![dot](data:image/png;base64,AAAA)").contains("src=\"data:image/png;base64,AAAA\""))
        #expect(safe.html("[mail](mailto:insight@example.org)").contains("href=\"mailto:insight@example.org\""))
    }

    @Test func safeModeReplacesRawHTMLWithAComment() {
        #expect(safe.html("<script>alert(1)</script>\n") == "<!-- raw HTML omitted -->\n")
        #expect(safe.html("Hi <img src=x onerror=alert(1)> there") == "<p>Hi <!-- raw HTML omitted --> there</p>\n")
        #expect(safe.html("<iframe src=\"https://evil.example\"></iframe>\n") == "<!-- raw HTML omitted -->\n")
    }

    @Test func unsafeModeKeepsRawHTML() {
        #expect(unsafe.html("<div class=\"note\">kept</div>\n") == "<div class=\"note\">kept</div>\n")
    }

    @Test func textIsEscaped() {
        #expect(safe.html("Fish & chips <3 \"quoted\"") == "<p>Fish &amp; chips &lt;3 &quot;quoted&quot;</p>\n")
    }

    @Test func inlineHTMLDropsTheLoneParagraph() {
        #expect(safe.inlineHTML("a **peer network**") == "a <strong>peer network</strong>")
        // Several paragraphs stay inline too (printed inside a <p>): joined by a line break.
        #expect(safe.inlineHTML("one\n\ntwo") == "one<br />\ntwo")
        #expect(safe.inlineHTML("<b>x</b> y") == "<!-- raw HTML omitted -->x<!-- raw HTML omitted --> y")
    }

    @Test func plainTextHasNoMarkup() {
        #expect(safe.plainText("# Title\n\nSome *emphasis* and `code`.\n\n- one\n- two") == "Title Some emphasis and code. one two")
        #expect(safe.plainText("<b>raw</b> text") == "raw text")
    }
}
