/// One case study: `content/case-studies/<slug>.md`.
///
/// Its fields sit in a `Shared` box, so copying it into many lists is cheap.
public struct CaseStudy: SharedFields, Sendable, Equatable {
    public struct Fields: Sendable, Equatable {
        public var slug: String
        public var file: String
        public var title: String
        public var programme: Located<String>?
        public var organisation: String?
        public var region: String?
        public var date: Day
        public var themes: [Located<String>]
        public var summary: String
        public var draft: Bool
        public var lessons: [Lesson]
        /// Quote ids listed under `quotes:`, shown with the case study besides those naming it.
        public var quoteRefs: [Located<String>]
        /// The Markdown after the front matter.
        public var body: String
        /// The line of the file the body starts on, for diagnostics about its Markdown.
        public var bodyLine: Int
        /// `image:` and `image_alt:`: shown on the page, the card and in social metadata.
        public var image: LeadImage?
        /// Images of the body that are files beside the case study, published at its page (found
        /// after validation, by `MarkdownAudit`).
        public var bodyImages: [LeadImage] = []
        /// Where `slug:` was set, or the file itself: what a duplicate-slug error points at.
        public var slugLocation: SourceLocation
    }

    public var fields: Shared<Fields>

    public init(
        slug: String, file: String, title: String, programme: Located<String>? = nil,
        organisation: String? = nil, region: String? = nil, date: Day, themes: [Located<String>] = [],
        summary: String, draft: Bool = false, lessons: [Lesson] = [], quoteRefs: [Located<String>] = [],
        body: String = "", bodyLine: Int = 1, image: LeadImage? = nil, slugLocation: SourceLocation? = nil
    ) {
        fields = Shared(
            Fields(
                slug: slug, file: file, title: title, programme: programme, organisation: organisation, region: region,
                date: date, themes: themes, summary: summary, draft: draft, lessons: lessons, quoteRefs: quoteRefs,
                body: body, bodyLine: bodyLine, image: image, slugLocation: slugLocation ?? SourceLocation(file: file, line: 1, column: 1)))
    }
}

/// A case study's lead image (`image:` with `image_alt:`), checked and measured when loaded.
public struct LeadImage: Sendable, Equatable {
    /// The file, relative to the site folder: `content/case-studies/garden.jpg` (published with
    /// the case study) or `static/images/garden.jpg` (published with static/).
    public var source: String
    /// Where it is in the site, without a leading `/`: `case-studies/garden/garden.jpg`.
    public var path: String
    public var alt: String
    /// In pixels, from the file's header; nil when it does not say.
    public var width: Int?
    public var height: Int?

    public init(source: String, path: String, alt: String, width: Int?, height: Int?) {
        self.source = source
        self.path = path
        self.alt = alt
        self.width = width
        self.height = height
    }

    /// Whether the file comes from beside the case study (and is published at its page).
    public var isBesideCaseStudy: Bool { source.hasPrefix("content/") }
}

/// A lesson learned, stated in a case study under one theme.
public struct Lesson: Sendable, Equatable {
    public var theme: Located<String>
    /// Inline Markdown.
    public var text: String
    public var location: SourceLocation

    public init(theme: Located<String>, text: String, location: SourceLocation) {
        self.theme = theme
        self.text = text
        self.location = location
    }
}

/// What the speaker agreed to. Anything but `public` keeps a quote off the site.
public enum Consent: String, Sendable, Hashable, Codable {
    case `public`
    case `internal`
    case withdrawn
    /// Missing or unrecognised: an error, and the quote is published nowhere.
    case invalid

    /// Default deny: may this quote appear in output for this audience?
    public func allows(_ audience: Audience) -> Bool {
        switch (self, audience) {
        case (.public, _): return true
        case (.internal, .internal): return true
        default: return false
        }
    }
}

/// A quote from someone involved: a `.md` file or a row of a `.csv` file.
///
/// Its fields sit in a `Shared` box, so copying it into many lists is cheap.
public struct Quote: SharedFields, Sendable, Equatable {
    public struct Fields: Sendable, Equatable {
        public var id: String
        public var text: String
        public var speaker: String
        public var programme: Located<String>?
        public var caseStudy: Located<String>?
        public var themes: [Located<String>]
        public var consent: Consent
        /// Kept for `require_consent_ref`; never written to any output.
        public var consentRef: String?
        public var consentExpires: Day?
        public var date: Day?
        public var featured: Bool
        /// The file and line of the quote (a CSV row's line), for diagnostics.
        public var location: SourceLocation
        public var consentLocation: SourceLocation
    }

    public var fields: Shared<Fields>

    public init(
        id: String, text: String, speaker: String, programme: Located<String>? = nil,
        caseStudy: Located<String>? = nil, themes: [Located<String>] = [], consent: Consent,
        consentRef: String? = nil, consentExpires: Day? = nil, date: Day? = nil, featured: Bool = false,
        location: SourceLocation, consentLocation: SourceLocation? = nil
    ) {
        fields = Shared(
            Fields(
                id: id, text: text, speaker: speaker, programme: programme, caseStudy: caseStudy, themes: themes,
                consent: consent, consentRef: consentRef, consentExpires: consentExpires, date: date, featured: featured,
                location: location, consentLocation: consentLocation ?? location))
    }
}

/// A free page: `content/pages/<slug>.md` (about, methodology, feedback).
public struct Page: Sendable, Equatable {
    public var slug: String
    public var file: String
    public var title: String
    public var description: String?
    /// Menu order: lower first, then title.
    public var weight: Int
    public var draft: Bool
    public var body: String
    /// The line of the file the body starts on, for diagnostics about its Markdown.
    public var bodyLine: Int

    public init(
        slug: String, file: String, title: String, description: String? = nil, weight: Int = 0,
        draft: Bool = false, body: String, bodyLine: Int = 1
    ) {
        self.bodyLine = bodyLine
        self.slug = slug
        self.file = file
        self.title = title
        self.description = description
        self.weight = weight
        self.draft = draft
        self.body = body
    }
}
