import Load
import Model
import Render
import Validate

/// `casebook check`: load and validate, write nothing.
public enum SiteCheck {
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var summary: ContentSummary?
        public var site: ValidatedSite?
    }

    public static func run(folder: String, clock: BuildClock, includeDrafts: Bool = false) -> Outcome {
        let loaded = SiteLoader.load(from: folder)
        let result = SiteValidator(consentDay: clock.consentDay(), includeDrafts: includeDrafts).validate(loaded)
        var diagnostics = result.diagnostics
        // The theme: rendered into nothing when the content allows, so unknown names are found too.
        if let site = result.site, !diagnostics.hasErrors {
            diagnostics += ThemeCheck.run(site, stamp: clock.stamp())
        } else if let config = loaded.config {
            diagnostics += ThemeCheck.compile(siteRoot: folder, theme: config.theme)
        }
        if let site = result.site {
            diagnostics += MarkdownAudit(site).diagnostics() + RobotsFileCheck.diagnostics(site) + site.missingTranslations()
        }
        return Outcome(diagnostics: diagnostics, summary: ContentSummary(loaded, validated: result.site), site: result.site)
    }
}

/// The counts `check` prints after its diagnostics.
public struct ContentSummary: Sendable, Equatable, Codable {
    public var caseStudies: Int
    public var drafts: Int
    public var quotes: Int
    public var quotesByConsent: [String: Int]
    public var programmes: Int
    public var themes: Int
    public var pages: Int

    init?(_ loaded: LoadedSite, validated: ValidatedSite?) {
        guard let config = loaded.config else { return nil }
        caseStudies = loaded.caseStudies.count { !$0.draft }
        drafts = loaded.caseStudies.count { $0.draft }
        let quotes = validated?.quotes ?? loaded.quotes
        self.quotes = quotes.count
        quotesByConsent = Dictionary(grouping: quotes, by: { $0.consent.rawValue }).mapValues(\.count)
        let programmeIDs = Set(loaded.caseStudies.compactMap { $0.programme?.value } + loaded.quotes.compactMap { $0.programme?.value })
        programmes = config.programmes?.count ?? programmeIDs.count
        themes = config.themes.count
        pages = loaded.pages.count
    }

    public var text: String {
        let consent = ["public", "internal", "withdrawn", "invalid"].compactMap { key in
            quotesByConsent[key].map { "\($0) \(key)" }
        }.joined(separator: ", ")
        let draftNote = drafts > 0 ? " (+\(TerminalText.count(drafts, "draft")))" : ""
        return "\(TerminalText.count(caseStudies, "case study", plural: "case studies"))\(draftNote), "
            + "\(TerminalText.count(quotes, "quote")) (\(consent.isEmpty ? "none" : consent)), "
            + "\(TerminalText.count(programmes, "programme")), \(TerminalText.count(themes, "theme")), \(TerminalText.count(pages, "page"))"
    }
}
