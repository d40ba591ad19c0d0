import Foundation
import TestSupport

/// A copy of `Tests/Fixtures/valid-site` with one defect of each kind, and where each must be
/// reported. Shared by the `check` command's tests of exit status and of output formats.
enum DefectSite {
    struct Defect {
        let file: String
        let line: Int
        let severity: String
        let code: String
    }

    /// In the order `check` prints them: by file, then line.
    static let expected: [Defect] = [
        Defect(file: "casebook.yml", line: 23, severity: "error", code: "unknown-theme"),
        Defect(file: "content/case-studies/first-steps.md", line: 5, severity: "error", code: "unknown-theme"),
        Defect(file: "content/case-studies/second-wind.md", line: 3, severity: "error", code: "unknown-programme"),
        Defect(file: "content/case-studies/unclosed.md", line: 1, severity: "error", code: "unclosed-front-matter"),
        Defect(file: "content/pages/about.md", line: 4, severity: "error", code: "wrong-type"),
        Defect(file: "content/quotes/q-dated.md", line: 5, severity: "error", code: "invalid-date"),
        Defect(file: "content/quotes/q-orphan.md", line: 4, severity: "error", code: "unknown-case-study"),
        Defect(file: "content/quotes/q-slow.md", line: 6, severity: "warning", code: "unknown-key"),
        Defect(file: "content/quotes/q-valued.md", line: 6, severity: "error", code: "invalid-consent"),
        Defect(file: "content/quotes/survey.csv", line: 3, severity: "error", code: "missing-consent"),
    ]

    static func make() throws -> FixtureSite {
        let site = try FixtureSite(copying: "valid-site", [
            "content/case-studies/unclosed.md": "---\ntitle: Never closed\ndate: 2025-01-01\n\nBody.\n",
            "content/quotes/q-dated.md": "---\nspeaker: Parent\nthemes: [hard-work]\nconsent: public\ndate: 2025-02-30\n---\nHi.\n",
            "content/quotes/q-orphan.md": "---\nspeaker: Parent\nthemes: [hard-work]\ncase_study: first-step\nconsent: public\n---\nHi.\n",
        ])
        try site.edit("casebook.yml", replacing: "themes: [hard-work, shared-benefits]", with: "themes: [hard-work, shared-benefit]")
        try site.edit("content/case-studies/first-steps.md", replacing: "themes: [hard-work, shared-benefits]",
                      with: "themes: [hard-work, sharedbenefits]")
        try site.edit("content/case-studies/second-wind.md", replacing: "programme: a-better-start", with: "programme: a-beter-start")
        try site.edit("content/pages/about.md", replacing: "weight: 1", with: "weight: first")
        try site.edit("content/quotes/q-slow.md", replacing: "consent: internal", with: "consent: internal\nfeaturd: true")
        try site.edit("content/quotes/q-valued.md", replacing: "consent: public", with: "consent: pubic")
        try site.edit("content/quotes/survey.csv", replacing: ",public,,2025-06-02", with: ",,,2025-06-02")
        return site
    }

    /// A copy of the valid site whose only problem is a warning (an unknown key).
    static func warningOnly() throws -> FixtureSite {
        let site = try FixtureSite(copying: "valid-site")
        try site.edit("content/quotes/q-slow.md", replacing: "consent: internal", with: "consent: internal\nfeaturd: true")
        return site
    }
}
