/// One case study: `content/case-studies/<slug>.md`.
///
/// Its fields live in one shared box, copied only when a copy is changed: a site passes each
/// item through many lists (by theme, programme, case study), and copying a dozen strings and
/// arrays per list entry was most of aggregation's time and memory.
public struct CaseStudy: Sendable, Equatable {
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
        /// Where `slug:` was set, or the file itself: what a duplicate-slug error points at.
        public var slugLocation: SourceLocation
    }

    /// Changed only while uniquely referenced (see `fields`), so sharing it across threads is safe.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// All fields at once; setting one copies the box first when another value shares it.
    public var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public var slug: String {
        get { box.fields.slug }
        set { fields.slug = newValue }
    }
    public var file: String {
        get { box.fields.file }
        set { fields.file = newValue }
    }
    public var title: String {
        get { box.fields.title }
        set { fields.title = newValue }
    }
    public var programme: Located<String>? {
        get { box.fields.programme }
        set { fields.programme = newValue }
    }
    public var organisation: String? {
        get { box.fields.organisation }
        set { fields.organisation = newValue }
    }
    public var region: String? {
        get { box.fields.region }
        set { fields.region = newValue }
    }
    public var date: Day {
        get { box.fields.date }
        set { fields.date = newValue }
    }
    public var themes: [Located<String>] {
        get { box.fields.themes }
        set { fields.themes = newValue }
    }
    public var summary: String {
        get { box.fields.summary }
        set { fields.summary = newValue }
    }
    public var draft: Bool {
        get { box.fields.draft }
        set { fields.draft = newValue }
    }
    public var lessons: [Lesson] {
        get { box.fields.lessons }
        set { fields.lessons = newValue }
    }
    /// Quote ids listed under `quotes:`, shown with the case study besides those naming it.
    public var quoteRefs: [Located<String>] {
        get { box.fields.quoteRefs }
        set { fields.quoteRefs = newValue }
    }
    /// The Markdown after the front matter.
    public var body: String {
        get { box.fields.body }
        set { fields.body = newValue }
    }
    /// Where `slug:` was set, or the file itself: what a duplicate-slug error points at.
    public var slugLocation: SourceLocation {
        get { box.fields.slugLocation }
        set { fields.slugLocation = newValue }
    }

    public init(
        slug: String, file: String, title: String, programme: Located<String>? = nil,
        organisation: String? = nil, region: String? = nil, date: Day, themes: [Located<String>] = [],
        summary: String, draft: Bool = false, lessons: [Lesson] = [], quoteRefs: [Located<String>] = [],
        body: String = "", slugLocation: SourceLocation? = nil
    ) {
        box = Box(
            Fields(
                slug: slug, file: file, title: title, programme: programme, organisation: organisation, region: region,
                date: date, themes: themes, summary: summary, draft: draft, lessons: lessons, quoteRefs: quoteRefs,
                body: body, slugLocation: slugLocation ?? SourceLocation(file: file, line: 1, column: 1)))
    }

    public static func == (a: CaseStudy, b: CaseStudy) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
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
/// Its fields live in one shared box, copied only when a copy is changed: a site passes each
/// item through many lists (by theme, programme, case study), and copying a dozen strings and
/// arrays per list entry was most of aggregation's time and memory.
public struct Quote: Sendable, Equatable {
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

    /// Changed only while uniquely referenced (see `fields`), so sharing it across threads is safe.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// All fields at once; setting one copies the box first when another value shares it.
    public var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public var id: String {
        get { box.fields.id }
        set { fields.id = newValue }
    }
    public var text: String {
        get { box.fields.text }
        set { fields.text = newValue }
    }
    public var speaker: String {
        get { box.fields.speaker }
        set { fields.speaker = newValue }
    }
    public var programme: Located<String>? {
        get { box.fields.programme }
        set { fields.programme = newValue }
    }
    public var caseStudy: Located<String>? {
        get { box.fields.caseStudy }
        set { fields.caseStudy = newValue }
    }
    public var themes: [Located<String>] {
        get { box.fields.themes }
        set { fields.themes = newValue }
    }
    public var consent: Consent {
        get { box.fields.consent }
        set { fields.consent = newValue }
    }
    /// Kept for `require_consent_ref`; never written to any output.
    public var consentRef: String? {
        get { box.fields.consentRef }
        set { fields.consentRef = newValue }
    }
    public var consentExpires: Day? {
        get { box.fields.consentExpires }
        set { fields.consentExpires = newValue }
    }
    public var date: Day? {
        get { box.fields.date }
        set { fields.date = newValue }
    }
    public var featured: Bool {
        get { box.fields.featured }
        set { fields.featured = newValue }
    }
    /// The file and line of the quote (a CSV row's line), for diagnostics.
    public var location: SourceLocation {
        get { box.fields.location }
        set { fields.location = newValue }
    }
    public var consentLocation: SourceLocation {
        get { box.fields.consentLocation }
        set { fields.consentLocation = newValue }
    }

    public init(
        id: String, text: String, speaker: String, programme: Located<String>? = nil,
        caseStudy: Located<String>? = nil, themes: [Located<String>] = [], consent: Consent,
        consentRef: String? = nil, consentExpires: Day? = nil, date: Day? = nil, featured: Bool = false,
        location: SourceLocation, consentLocation: SourceLocation? = nil
    ) {
        box = Box(
            Fields(
                id: id, text: text, speaker: speaker, programme: programme, caseStudy: caseStudy, themes: themes,
                consent: consent, consentRef: consentRef, consentExpires: consentExpires, date: date, featured: featured,
                location: location, consentLocation: consentLocation ?? location))
    }

    public static func == (a: Quote, b: Quote) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
}

/// A free page: `content/pages/<slug>.md` (about, methodology, feedback).
public struct Page: Sendable {
    public var slug: String
    public var file: String
    public var title: String
    public var description: String?
    /// Menu order: lower first, then title.
    public var weight: Int
    public var draft: Bool
    public var body: String

    public init(
        slug: String, file: String, title: String, description: String? = nil, weight: Int = 0,
        draft: Bool = false, body: String
    ) {
        self.slug = slug
        self.file = file
        self.title = title
        self.description = description
        self.weight = weight
        self.draft = draft
        self.body = body
    }
}
