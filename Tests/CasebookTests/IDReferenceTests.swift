import Foundation
import Model
import TestSupport
import Testing

/// Every id that content names becomes a path, a URL or an HTML attribute, so each is checked
/// against the slug grammar as it is read, with an error at its own line; none reaches the writer.
@Suite struct IDReferenceTests {
    static let withoutProgrammes = """
        title: No programmes declared
        base_url: https://example.org/
        themes:
          - id: hard-work
            title: Hard work
        """

    static func quote(programme: String, consent: String = "public") -> String {
        "---\nspeaker: Parent\nprogramme: '\(programme)'\nthemes: [hard-work]\nconsent: \(consent)\n---\nHello.\n"
    }

    /// Without `programmes:` any programme id makes a page, `programmes/<id>/`: a withdrawn
    /// quote's `../../../x` wrote outside the output folder.
    @Test(arguments: ["../../../x", "a/b", "/etc", "x\" onmouseover=\"alert(1)", "Talent Match", ".."])
    func programmeIdThatIsNotASlugIsAnErrorAtItsLine(programme: String) throws {
        let site = try FixtureSite([
            "casebook.yml": Self.withoutProgrammes,
            "content/quotes/q-a.md": Self.quote(programme: programme, consent: "withdrawn"),
        ])
        let outside = site.path("x")
        let output = site.path("out/a/b/_site")
        let outcome = SiteBuilds.build(site.root, into: output)
        #expect(outcome.diagnostics.summaries == ["content/quotes/q-a.md:3: error: invalid-id"])
        #expect(outcome.diagnostics.first?.location.column == 12)
        #expect(outcome.diagnostics.first?.message.contains("programme id") == true)
        #expect(!FileManager.default.fileExists(atPath: outside))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func everyKindOfReferenceIsChecked() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "content/quotes/q-bad.md": "---\nspeaker: Parent\ncase_study: ../first-steps\nthemes: [hard-work, ../x]\nconsent: public\n---\nHi.\n",
            "content/case-studies/bad.md": """
                ---
                title: Bad references
                date: 2025-01-01
                summary: S.
                programme: a/b
                themes: ["<b>"]
                lessons:
                  - theme: ../../x
                    text: T.
                quotes: [q-slow, "../q"]
                ---
                """,
            "content/quotes/rows.csv": "text,speaker,programme,themes,consent,case_study\n"
                + "Hi,Parent,../p,hard-work;../t,public,a b\n",
        ])
        try site.edit("casebook.yml", replacing: "themes: [hard-work, shared-benefits]",
                      with: "themes: [hard-work, '../x']\n    programmes: [talent-match, 'a\"b']")
        #expect(site.check().diagnostics.summaries == [
            "casebook.yml:23: error: invalid-id",
            "casebook.yml:24: error: invalid-id",
            "content/case-studies/bad.md:5: error: invalid-id",
            "content/case-studies/bad.md:6: error: invalid-id",
            "content/case-studies/bad.md:8: error: invalid-id",
            "content/case-studies/bad.md:10: error: invalid-id",
            "content/quotes/q-bad.md:3: error: invalid-id",
            "content/quotes/q-bad.md:4: error: invalid-id",
            "content/quotes/rows.csv:2: error: invalid-id",
            "content/quotes/rows.csv:2: error: invalid-id",
            "content/quotes/rows.csv:2: error: invalid-id",
        ])
    }

    /// A CSV quote's id is `<file name>-<row>`: a file name that is not a slug (here one that
    /// would have put markup into the quote's `id` attribute) is an error naming the file.
    @Test func csvFileNameThatIsNotASlugIsAnError() throws {
        let name = "q\"><img src=x onerror=alert(1)>.csv"
        let site = try FixtureSite(copying: "valid-site", [
            "content/quotes/\(name)": "text,speaker,programme,themes,consent\nHi,Parent,talent-match,hard-work,public\n",
        ])
        let outcome = site.check()
        #expect(outcome.diagnostics.summaries == ["content/quotes/\(name):1: error: invalid-slug"])
        #expect(outcome.diagnostics.first?.message.contains("rename it to 'q-img-src-x-onerror-alert-1.csv'") == true)
    }

    /// With an `id` column the file name is not needed; a row without an id is then the error.
    @Test func csvFileNameIsNeededOnlyForRowsWithoutAnId() throws {
        let site = try FixtureSite(copying: "valid-site", [
            "content/quotes/Survey 2024.csv": "text,speaker,programme,themes,consent,id\n"
                + "Hi,Parent,talent-match,hard-work,public,survey-a\n"
                + "Hello,Parent,talent-match,hard-work,public,\n",
        ])
        let outcome = site.check()
        #expect(outcome.diagnostics.summaries == ["content/quotes/Survey 2024.csv:3: error: invalid-slug"])
    }
}
