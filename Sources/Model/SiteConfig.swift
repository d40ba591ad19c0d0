/// `casebook.yml`: the site's settings and the vocabulary (themes, programmes) content refers to.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute, always ending in `/`.
    public var baseURL: String { didSet { basePath = BaseURL.path(of: baseURL) } }
    public var language: String { didSet { wording = Wording(language: language, overrides: strings) } }
    public var organisation: String?
    public var contactEmail: String?
    /// The look: a folder under `themes/`; nil for the built-in default.
    public var theme: String?
    /// Where `theme:` was set, for "no such theme" errors.
    public var themeLocation: SourceLocation?
    /// Markdown shown on the home page above the themes (optional).
    public var introduction: String?
    public var themes: [ThemeDefinition]
    /// nil when `programmes:` is absent: then any programme id is accepted, titled by its id.
    public var programmes: [ProgrammeDefinition]?
    public var reports: [ReportDefinition]
    public var requireConsentRef: Bool
    /// Top-level names or globs in the output folder that are the user's, not casebook's
    /// (`keep:`): builds never remove them and carry them into each new output.
    public var keep: [String] = SiteConfig.defaultKeep
    /// How `data/*.csv` is written (`csv:`): for Excel (with a byte-order mark) by default.
    public var csvFlavour: CSVFlavour = .excel
    /// The site's colours, font and logo (`brand:`); nil keeps the theme's own.
    public var brand: Brand?
    /// `markdown: { unsafe_html: true }`: raw HTML in Markdown is kept on the site's pages
    /// (never in reports). Off by default: raw HTML is left out, with a warning where it is.
    public var unsafeHTML = false
    /// Whether the site and its reports show the evidence charts (`charts:`, on by default).
    public var charts = true
    /// The site's own words in place of casebook's (`strings:`, key → text; see `Wording.Key`).
    public var strings: [String: String] = [:] { didSet { wording = Wording(language: language, overrides: strings) } }
    /// `languages:`: every language the site is written in, its own (`language:`) first; empty
    /// for a site in one language. Each other language is a translation under its own prefix.
    public var languages: [String] = []
    /// Set on a translation's settings (`translated(to:)`): the base URL of the site in its first
    /// language, where the files every language shares are (theme assets aside, which each has).
    public var filesBaseURL: String?
    /// `translations:`: the settings' own text in each other language, by language.
    public var translatedSettings: [String: TranslatedSettings] = [:]
    /// Without `keep:`: a `gh-pages` checkout's `.git`.
    public static let defaultKeep = [".git"]

    public init(
        title: String, baseURL: String, language: String = "en", organisation: String? = nil,
        contactEmail: String? = nil, theme: String? = nil, introduction: String? = nil,
        themes: [ThemeDefinition] = [], programmes: [ProgrammeDefinition]? = nil,
        reports: [ReportDefinition] = [], requireConsentRef: Bool = false
    ) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        basePath = BaseURL.path(of: baseURL)
        wording = Wording(language: language)
        self.organisation = organisation
        self.contactEmail = contactEmail
        self.theme = theme
        self.introduction = introduction
        self.themes = themes
        self.programmes = programmes
        self.reports = reports
        self.requireConsentRef = requireConsentRef
    }

    /// The path part of `base_url` (`/coproduction/`), which every site link starts with.
    /// Kept with `baseURL` (set again when it changes): pages read it for every link.
    public private(set) var basePath: String

    /// The path every language's shared files start from: `static/` files, images, reports.
    public var filesBasePath: String { BaseURL.path(of: filesBaseURL ?? baseURL) }

    /// The languages the site is translated into: all of `languages:` but its own.
    public var translationLanguages: [String] { Array(languages.dropFirst()) }

    /// Where a language's pages are, relative to the site root: "" for the site's own, `cy/` for a translation.
    public static func prefix(of language: String) -> String { language + "/" }

    /// The settings of the site in `language`: its pages under `cy/`, its words in that language,
    /// and what `translations:` gives in it (`strings:` is written in the site's own language,
    /// so it is replaced by the translation's own).
    public func translated(to language: String) -> SiteConfig {
        var config = self
        config.language = language
        config.baseURL = baseURL + Self.prefix(of: language)
        config.filesBaseURL = filesBaseURL ?? baseURL
        let settings = translatedSettings[language] ?? TranslatedSettings()
        config.strings = settings.strings
        config.title = settings.title ?? title
        config.introduction = settings.introduction ?? introduction
        config.organisation = settings.organisation ?? organisation
        for index in config.themes.indices {
            let id = config.themes[index].id
            config.themes[index].title = settings.themeTitles[id] ?? config.themes[index].title
            config.themes[index].description = settings.themeDescriptions[id] ?? config.themes[index].description
        }
        for index in (config.programmes ?? []).indices {
            config.programmes![index].title = settings.programmeTitles[config.programmes![index].id] ?? config.programmes![index].title
        }
        return config
    }

    /// casebook's own words in the site's language, with the site's `strings:` in their place.
    /// Kept with `language` and `strings` (made again when either changes): every card, quote
    /// and page reads it, and making it copies a table of every word.
    public private(set) var wording: Wording
}

/// A findings theme that lessons and quotes are grouped under.
public struct ThemeDefinition: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String?
    public var location: SourceLocation

    public init(id: String, title: String, description: String? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.location = location
    }
}

/// A funded programme that case studies and quotes belong to.
public struct ProgrammeDefinition: Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String?
    public var location: SourceLocation

    public init(id: String, title: String, description: String? = nil, location: SourceLocation) {
        self.id = id
        self.title = title
        self.description = description
        self.location = location
    }
}

/// Who a report is for, which decides the quotes it may hold.
public enum Audience: String, Sendable, Hashable, Codable {
    case `public`
    case `internal`
}

/// A printable evaluation report under `reports:`.
public struct ReportDefinition: Sendable {
    public var id: String
    public var title: String
    public var subtitle: String?
    public var audience: Audience
    public var themes: [Located<String>]?
    public var programmes: [Located<String>]?
    public var from: Day?
    public var to: Day?
    /// `a4` (default) or `letter`.
    public var paper: String
    /// The date on the cover (`date:`); nil: the build's date (`SOURCE_DATE_EPOCH`, `--as-of`).
    public var date: Day?
    /// Who wrote the report (`authors:`), on the cover and in the PDF's and DOCX's properties.
    public var authors: [String] = []
    /// An image on the cover (`logo:`), a path relative to `static/`, with its alt text (`logo_alt:`).
    public var logo: Located<String>?
    public var logoAlt: String?
    /// Whether this report shows the evidence charts; nil: as the site's `charts:` says.
    public var charts: Bool?
    public var location: SourceLocation

    public init(
        id: String, title: String, subtitle: String? = nil, audience: Audience = .public,
        themes: [Located<String>]? = nil, programmes: [Located<String>]? = nil,
        from: Day? = nil, to: Day? = nil, paper: String = "a4", location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.subtitle = subtitle
        self.audience = audience
        self.themes = themes
        self.programmes = programmes
        self.from = from
        self.to = to
        self.paper = paper
        self.location = location
    }
}

/// How the CSV exports are written. Both are RFC 4180 UTF-8 text with CRLF line ends.
public enum CSVFlavour: String, Sendable, CaseIterable {
    /// With a UTF-8 byte-order mark, so Excel reads accented names as UTF-8.
    case excel
    /// Without one, for tools that do not expect it.
    case plain
}
