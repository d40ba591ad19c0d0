/// Items a one-file edit replaced in place, each with the item it replaced: what `casebook serve`
/// patches into what it kept from the last run, stage by stage, instead of validating,
/// aggregating and planning the whole site again.
///
/// Made by `IncrementalLoader` when an edit kept each changed file's number of items. A stage
/// patches only when every pair keeps its `placement`; otherwise it runs in full, as a build does.
public struct ItemEdit: Sendable {
    public var caseStudies: [(old: CaseStudy, new: CaseStudy)] = []
    public var quotes: [(old: Quote, new: Quote)] = []
    public var pages: [(old: Page, new: Page)] = []

    public init() {}

    /// No item changed: the edit was to a template, an asset or a static file.
    public var isEmpty: Bool { caseStudies.isEmpty && quotes.isEmpty && pages.isEmpty }

    /// Whether every item keeps its placement, so only what it shows itself changed.
    public var keepsPlacement: Bool {
        caseStudies.allSatisfy { $0.old.placement == $0.new.placement } && quotes.allSatisfy { $0.old.placement == $0.new.placement }
            && pages.allSatisfy { $0.old.placement == $0.new.placement }
    }
}

/// What other items, lists, counts, other pages and diagnostics depend on of a case study: its
/// identity, where it is listed and in which order, what links to it, and every field a check
/// reports on, with its line. An edit that keeps it changes only what the case study shows
/// itself: its page, its card and lessons where they are printed, its rows in the exports.
public struct CaseStudyPlacement: Equatable, Sendable {
    var slug: String, file: String, slugLocation: SourceLocation, title: String, draft: Bool, date: Day
    var programme: Located<String>?, themes: [Located<String>], quoteRefs: [Located<String>]
    /// Each lesson's theme, where it is and where it stands: a theme page lists lessons by theme.
    var lessons: [SourceLocation], lessonThemes: [Located<String>]
    var image: LeadImage?, bodyImages: [LeadImage]
    /// Which field still holds `casebook new`'s placeholder: validation reports it.
    var placeholder: String?
}

/// What other items, lists, counts and diagnostics depend on of a quote: everything but its
/// words and its speaker, which only the places that print it show.
public struct QuotePlacement: Equatable, Sendable {
    var id: String, location: SourceLocation, consent: Consent, consentLocation: SourceLocation, hasConsentRef: Bool
    var consentExpires: Day?, date: Day?, featured: Bool
    var programme: Located<String>?, caseStudy: Located<String>?, themes: [Located<String>]
    /// Which field still holds `casebook new`'s placeholder: validation reports it.
    var placeholder: String?
}

/// What every page's menu and the site's checks depend on of a free page.
public struct PagePlacement: Equatable, Sendable {
    var slug: String, file: String, title: String, weight: Int, draft: Bool
    /// Which field still holds `casebook new`'s placeholder: validation reports it.
    var placeholder: String?
}

extension CaseStudy {
    public var placement: CaseStudyPlacement {
        let f = fields.value
        return CaseStudyPlacement(
            slug: f.slug, file: f.file, slugLocation: f.slugLocation, title: f.title, draft: f.draft, date: f.date, programme: f.programme,
            themes: f.themes, quoteRefs: f.quoteRefs, lessons: f.lessons.map(\.location), lessonThemes: f.lessons.map(\.theme), image: f.image,
            bodyImages: f.bodyImages, placeholder: Placeholder.left(in: self)?.field)
    }
}

extension Quote {
    public var placement: QuotePlacement {
        let f = fields.value
        return QuotePlacement(
            id: f.id, location: f.location, consent: f.consent, consentLocation: f.consentLocation,
            hasConsentRef: !(f.consentRef ?? "").isEmpty, consentExpires: f.consentExpires, date: f.date, featured: f.featured,
            programme: f.programme, caseStudy: f.caseStudy, themes: f.themes, placeholder: Placeholder.left(in: self)?.field)
    }
}

extension Page {
    public var placement: PagePlacement {
        PagePlacement(slug: slug, file: file, title: title, weight: weight, draft: draft, placeholder: Placeholder.left(in: self)?.field)
    }
}
