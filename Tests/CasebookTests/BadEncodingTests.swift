import Foundation
import Model
import TestSupport
import Testing

/// Files that are not clean UTF-8 Markdown: each is reported at its file and line, loading goes
/// on, and the rest of the site still loads.
@Suite struct BadEncodingTests {
    static let file = "content/case-studies/bad.md"

    @Test func invalidUTF8IsReportedAtTheFirstBadByte() throws {
        let site = try FixtureSite(copying: "valid-site")
        // Latin-1 'é' (0xE9) as a spreadsheet export might write it.
        try site.write(Self.file, bytes: Array("---\ntitle: caf".utf8) + [0xE9] + Array(" culture\n---\n".utf8))
        let outcome = site.check()
        #expect(outcome.diagnostics.summaries == ["\(Self.file):2: error: invalid-utf8"])
        #expect(outcome.diagnostics.first?.location.column == 11)
        #expect(outcome.diagnostics.first?.message.contains("UTF-8") == true)
        #expect(outcome.summary?.caseStudies == 2, "the other case studies still load")
    }

    @Test func binaryFileNamedMarkdownIsRefused() throws {
        let site = try FixtureSite(copying: "valid-site")
        // The start of a PNG: its first NUL byte is on line 3.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        try site.write(Self.file, bytes: png + [UInt8](repeating: 0, count: 4096))
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):3: error: binary-file"])
        #expect(diagnostics.first?.message.contains("binary") == true)
    }

    @Test func emptyFileNeedsFrontMatter() throws {
        let site = try FixtureSite(copying: "valid-site", [Self.file: ""])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):1: error: missing-front-matter"])
        #expect(diagnostics.first?.message.contains("---") == true, "the message says what to add")
    }

    @Test func emptyQuoteFileNeedsFrontMatter() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/q-empty.md": ""])
        #expect(site.check().diagnostics.summaries == ["content/quotes/q-empty.md:1: error: missing-front-matter"])
    }

    /// A Windows editor's file: BOM, CRLF line ends, and spaces after the fences.
    @Test func bomCRLFAndTrailingSpacesAreAccepted() throws {
        let text = "\u{FEFF}---  \r\ntitle: Written on Windows\r\ndate: 2025-04-01\r\nsummary: Saved by Notepad.\r\n---\t \r\n\r\nBody line.\r\n"
        let site = try FixtureSite(copying: "valid-site", [Self.file: text])
        let outcome = site.check()
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let caseStudy = try #require(outcome.site?.caseStudies.first { $0.slug == "bad" })
        #expect(caseStudy.title == "Written on Windows")
        #expect(caseStudy.body == "\nBody line.\n", "CRLF becomes LF and the BOM is gone")
    }

    @Test func bomAndCRLFKeepLineNumbersRight() throws {
        let text = "\u{FEFF}---\r\ntitle: Written on Windows\r\nsummary: Saved by Notepad.\r\ndate: 2025-02-30\r\n---\r\n"
        let site = try FixtureSite(copying: "valid-site", [Self.file: text])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["\(Self.file):4: error: invalid-date"])
        #expect(diagnostics.first?.location.column == 7)
    }

    @Test func bomAndCRLFInCSVKeepRowLinesRight() throws {
        let csv = "\u{FEFF}text,speaker,programme,themes,consent\r\nFine.,Parent,talent-match,hard-work,public\r\nNot fine.,Parent,talent-match,hard-work,maybe\r\n"
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/windows.csv": csv])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["content/quotes/windows.csv:3: error: invalid-consent"])
    }

    /// Found by fuzzing: libyaml and the CSV reader take a lone CR (old Mac files) for a line end,
    /// so lines counted at LF alone named other lines than the ones they reported on.
    @Test func loneCarriageReturnsCountAsLineEndsEverywhere() throws {
        let quote = "---\rspeaker: Parent\rprogramme: talent-match\rconsent: maybe\r---\rText.\r"
        let csv = "text,speaker,programme,themes,consent\rFine.,Parent,talent-match,hard-work,public\rNot fine.,Parent,talent-match,hard-work,nope\r"
        let site = try FixtureSite(copying: "valid-site", ["content/quotes/mac.md": quote, "content/quotes/mac.csv": csv])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["content/quotes/mac.csv:3: error: invalid-consent", "content/quotes/mac.md:4: error: invalid-consent"])
    }

    /// `---` then `---`: no keys at all is not a YAML error; only the required keys are missing.
    @Test func emptyFrontMatterBlockIsNotASyntaxError() throws {
        let site = try FixtureSite(copying: "valid-site", ["content/pages/empty.md": "---\n---\nJust a body.\n"])
        let diagnostics = site.check().diagnostics
        #expect(diagnostics.summaries == ["content/pages/empty.md:2: error: missing-key"])
        #expect(diagnostics.first?.message.contains("'title'") == true)
    }

    @Test func emptyFrontMatterBlockWithSpacesAndCRLF() throws {
        let text = "---   \r\n--- \r\n# Heading\r\n"
        let site = try FixtureSite(copying: "valid-site", ["content/pages/notes.md": text])
        let loaded = site.check()
        #expect(loaded.diagnostics.with(code: "yaml-syntax").isEmpty)
        #expect(loaded.diagnostics.summaries == ["content/pages/notes.md:2: error: missing-key"])
    }
}
