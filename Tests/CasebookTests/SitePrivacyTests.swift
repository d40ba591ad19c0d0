import Foundation
import Model
import Pipeline
import Testing
import TestSupport

/// Default deny: nothing but public consent reaches the site, and content cannot inject script.
@Suite struct SitePrivacyTests {
    /// Texts of quotes that must never be published (internal, withdrawn, expired consent), of a
    /// draft, and consent record ids, which are never written anywhere.
    static let canaries = [
        "CANARY-INTERNAL-7f3a", "CANARY-WITHDRAWN-91bc", "CANARY-EXPIRED-55d2", "CANARY-INTERNAL-CSV-c0de",
        "CANARY-REF-1111", "CANARY-REF-0000", "CANARY-DRAFT-d4d4",
    ]

    @Test func canariesAppearInNoFileOfTheSite() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(fixture.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let site = try SiteFiles(folder: output)
        #expect(site.files.count > 20)
        for canary in Self.canaries {
            #expect(site.containing(canary).isEmpty, "\(canary) leaked into \(site.containing(canary))")
        }
        // The public quotes are there, so the test would see a leak if there were one.
        #expect(!site.containing("Quote one, public, about alpha.").isEmpty)
        #expect(!site.containing("CSV public quote, about beta.").isEmpty)
    }

    /// A public quote naming a draft case study is published without it: the draft's slug, which
    /// names work not yet published, was written into the quote exports.
    @Test func aDraftNamedByAPublicQuoteLeavesNoTrace() throws {
        let fixture = try FixtureSite(copying: "valid-site", [
            "content/case-studies/secret-plans-d4d4.md": """
                ---
                title: Unpublished study
                programme: talent-match
                date: 2025-05-01
                themes: [hard-work]
                summary: Not yet.
                draft: true
                ---
                Body.
                """,
            "content/quotes/about-the-draft.md": """
                ---
                speaker: Parent
                programme: talent-match
                case_study: secret-plans-d4d4
                themes: [hard-work]
                consent: public
                ---
                A public quote about a study still in draft.
                """,
        ])
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(fixture.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let site = try SiteFiles(folder: output)
        #expect(!site.containing("A public quote about a study still in draft.").isEmpty)
        #expect(site.containing("secret-plans-d4d4").isEmpty, "\(site.containing("secret-plans-d4d4"))")
    }

    static let payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"

    @Test func scriptPayloadsInContentComeOutInert() throws {
        let p = Self.payload
        let fixture = try FixtureSite([
            "casebook.yml": """
                title: "Site \(p)"
                base_url: https://example.org/
                organisation: "Org \(p)"
                themes:
                  - id: t
                    title: "Theme \(p)"
                    description: "Described [link](javascript:alert(3)) \(p)"
                programmes:
                  - id: p
                    title: "Programme \(p)"
                """,
            "content/case-studies/x.md": """
                ---
                title: "Title \(p)"
                programme: p
                date: 2025-01-01
                themes: [t]
                summary: "Summary \(p) [click](javascript:alert(4))"
                region: "Region \(p)"
                lessons:
                  - theme: t
                    text: "Lesson \(p) <a href=\\"javascript:alert(5)\\">x</a>"
                ---
                Body \(p)

                <div onclick="alert(6)">raw</div>

                [link](javascript:alert(7)) ![img](javascript:alert(8))
                """,
            "content/quotes/q.md": """
                ---
                speaker: "Speaker \(p)"
                programme: p
                themes: [t]
                case_study: x
                consent: public
                featured: true
                ---
                Quote \(p) [x](javascript:alert(9))
                """,
            "content/pages/about.md": "---\ntitle: \"Page \(p)\"\n---\nPage body \(p)\n",
        ])
        let output = SiteBuilds.temporaryOutput()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = SiteBuilds.build(fixture.root, into: output)
        try #require(outcome.succeeded, "\(outcome.diagnostics)")
        let site = try SiteFiles(folder: output)
        var pagesWithPayloadText = 0
        for page in site.htmlPages {
            let scanner = HTMLScanner(site.text(page) ?? "")
            for tag in scanner.tags {
                for attribute in tag.attributes {
                    #expect(!attribute.name.hasPrefix("on"), "\(page): \(tag)")
                    if ["href", "src", "action", "formaction", "srcset"].contains(attribute.name) {
                        let value = attribute.value.trimmingCharacters(in: .whitespaces).lowercased()
                        #expect(!value.hasPrefix("javascript:") && !value.hasPrefix("data:text"), "\(page): \(tag)")
                    }
                }
                if tag.name == "script" {
                    #expect(tag.attribute("src")?.hasSuffix(".js") == true, "\(page): inline or foreign script \(tag)")
                }
                #expect(tag.name != "img" || tag.attribute("src") != "x", "\(page): payload image became an element")
            }
            if scanner.text.contains("<script>alert(1)</script>") { pagesWithPayloadText += 1 }
        }
        // The payloads are shown as text, so the test sees them (not silently dropped content).
        #expect(pagesWithPayloadText > 5)
    }
}
