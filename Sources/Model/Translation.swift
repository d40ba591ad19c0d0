/// The content of a site in one of its other languages (`languages:` in casebook.yml): the
/// files named `<slug>.<language>.md` beside the originals, each keeping its original's slug or id.
///
/// A translated quote never sets its own consent: validation gives it its original's, so a
/// quote is public in every language or in none.
public struct Translation: Sendable {
    public var language: String
    public var caseStudies: [CaseStudy] = []
    public var quotes: [Quote] = []
    public var pages: [Page] = []

    public init(language: String, caseStudies: [CaseStudy] = [], quotes: [Quote] = [], pages: [Page] = []) {
        self.language = language
        self.caseStudies = caseStudies
        self.quotes = quotes
        self.pages = pages
    }

    /// The language a content file is a translation into, from its name (`garden.cy.md` is
    /// Welsh when `cy` is among `languages`); nil for an original.
    public static func language(ofFile path: String, among languages: [String]) -> String? {
        guard !languages.isEmpty else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parts = name.split(separator: ".")
        guard parts.count >= 3 else { return nil }
        let language = String(parts[parts.count - 2])
        return languages.contains(language) ? language : nil
    }

    /// An original's file name with a language: `garden.md` → `garden.cy.md`.
    public static func translatedName(of path: String, language: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + language }
        return String(path[..<dot]) + "." + language + String(path[dot...])
    }

    /// A translation's file name without its language: `garden.cy.md` → `garden.md`.
    public static func originalName(of path: String, language: String) -> String {
        let suffix = "." + language
        guard let dot = path.lastIndex(of: "."), path[..<dot].hasSuffix(suffix) else { return path }
        return String(path[..<path.index(dot, offsetBy: -suffix.count)]) + String(path[dot...])
    }
}

extension ValidatedSite {
    /// The site in one of its other languages: the translated items only (as a Hugo site in
    /// that language), with its settings under the language's prefix.
    public func inLanguage(_ translation: Translation) -> ValidatedSite {
        var site = ValidatedSite(
            root: root, config: config.translated(to: translation.language), caseStudies: translation.caseStudies,
            quotes: translation.quotes, pages: translation.pages, staticFiles: staticFiles)
        site.translations = []
        return site
    }
}

/// `translations:` in casebook.yml: what the settings say, in one other language. Anything not
/// given stays as the site's own language has it.
public struct TranslatedSettings: Sendable {
    public var title: String?
    public var introduction: String?
    public var organisation: String?
    /// The findings' themes' titles and descriptions, and the programmes' titles, by id.
    public var themeTitles: [String: String] = [:]
    public var themeDescriptions: [String: String] = [:]
    public var programmeTitles: [String: String] = [:]
    /// casebook's own words in this language, as `strings:` gives them for the site's own.
    public var strings: [String: String] = [:]

    public init() {}
}
