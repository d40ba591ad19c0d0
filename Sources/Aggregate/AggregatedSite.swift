import Model

/// The third stage's output: content grouped for pages and reports, with no HTML in it.
///
/// Every list is in a fixed order: themes and programmes as in `casebook.yml`, case studies
/// newest first then by slug, quotes newest first then by id. Only quotes that the selection's
/// audience may see are here at all, `site.quotes` included; themes and programmes only with
/// evidence the audience may see.
public struct AggregatedSite: Sendable {
    /// The validated site as the audience may see it (`ValidatedSite.visible(to:)`).
    public var site: ValidatedSite
    public var selection: Selection
    public var caseStudies: [CaseStudy]
    public var quotes: [Quote]
    public var themes: [ThemeEvidence]
    public var programmes: [ProgrammeEvidence]
    public var matrix: EvidenceMatrix
    public var featured: [Quote]
    /// Quotes naming a case study (or listed by it), by case-study slug.
    public var quotesByCaseStudy: [String: [Quote]]

    public var config: SiteConfig { site.config }
    public var lessonCount: Int { themes.reduce(0) { $0 + $1.lessons.count } }

    public func caseStudy(_ slug: String) -> CaseStudy? { caseStudyIndex[slug].map { caseStudies[$0] } }
    public func programmeTitle(_ id: String) -> String { site.programmeTitle(id) }
    public func themeTitle(_ id: String) -> String { site.themeTitle(id) }

    let caseStudyIndex: [String: Int]
}

/// A theme with its evidence: lessons from every case study, then supporting quotes.
public struct ThemeEvidence: Sendable {
    public var definition: ThemeDefinition
    public var lessons: [LessonEvidence]
    public var quotes: [Quote]
    public var caseStudies: [CaseStudy]
}

/// A lesson with the case study it comes from.
public struct LessonEvidence: Sendable {
    public var lesson: Lesson
    public var caseStudySlug: String
    public var caseStudyTitle: String
    public var programme: String?
}

/// A programme with its case studies, quotes and the themes they touch.
public struct ProgrammeEvidence: Sendable {
    public var id: String
    public var title: String
    public var description: String?
    public var caseStudies: [CaseStudy]
    public var quotes: [Quote]
    /// In `casebook.yml` order.
    public var themeIDs: [String]
}

/// Themes × programmes: how much evidence each cell holds.
public struct EvidenceMatrix: Sendable, Equatable {
    public struct Cell: Sendable, Equatable, Codable {
        public var caseStudies = 0
        public var lessons = 0
        public var quotes = 0

        public init(caseStudies: Int = 0, lessons: Int = 0, quotes: Int = 0) {
            self.caseStudies = caseStudies
            self.lessons = lessons
            self.quotes = quotes
        }

        public var isEmpty: Bool { caseStudies == 0 && lessons == 0 && quotes == 0 }
    }

    public var themeIDs: [String]
    public var programmeIDs: [String]
    /// `cells[theme][programme]`.
    public var cells: [[Cell]]

    public func cell(theme: String, programme: String) -> Cell? {
        guard let t = themeIDs.firstIndex(of: theme), let p = programmeIDs.firstIndex(of: programme) else { return nil }
        return cells[t][p]
    }
}
