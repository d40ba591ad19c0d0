import Foundation
import Load
import Model
import Validate

/// `casebook new case-study|quote|page "Title"`: one new file with its front matter filled in.
public enum NewContent {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case caseStudy = "case-study"
        case quote
        case page

        var folder: String {
            switch self {
            case .caseStudy: return "content/case-studies"
            case .quote: return "content/quotes"
            case .page: return "content/pages"
            }
        }
    }

    public struct Outcome: Sendable, Equatable, Codable {
        public var kind: Kind
        public var slug: String
        /// Relative to the site folder.
        public var path: String
    }

    /// Slugs made from titles stop at a word boundary near this length: they become file names and URLs.
    static let slugLength = 60

    /// Writes the new file into the site at `folder` (which holds casebook.yml) and says where.
    /// `slug` overrides the one made from the title.
    public static func run(
        kind: Kind, title: String, slug explicitSlug: String? = nil, folder: String, date: Day
    ) throws(AuthoringError) -> Outcome {
        let site = SiteLoader.load(from: folder)
        guard let config = site.config else {
            throw AuthoringError.invalid("casebook.yml could not be read; run `casebook check` to see why")
        }
        let title = title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw AuthoringError.invalid("the title is empty; write it in quotes: casebook new \(kind.rawValue) \"A title\"") }
        guard !title.unicodeScalars.contains(where: YAMLText.isControl) else {
            throw AuthoringError.invalid("the title holds a line break or a control character; write it on one line")
        }
        guard let slug = explicitSlug ?? suggestedSlug(for: title) else {
            throw AuthoringError.invalid(
                "the title has no letters a-z or digits to make a \(kind == .quote ? "quote id" : "slug") from; pass one: --slug my-\(kind.rawValue)")
        }
        guard Slug.isValid(slug) else {
            throw AuthoringError.invalid("'\(slug)' is not a valid slug: use lower-case a-z, 0-9 and '-' (try '\(Slug.suggest(from: slug))')")
        }
        let path = "\(kind.folder)/\(slug).md"
        if let owner = existingOwner(of: slug, kind: kind, in: site) {
            throw AuthoringError.invalid("the \(kind == .quote ? "quote id" : "slug") '\(slug)' is taken by \(owner); choose another title or pass --slug")
        }
        let text: String
        switch kind {
        case .caseStudy: text = NewContentTemplates.caseStudy(title: title, date: date, vocabulary: Vocabulary(config))
        case .quote:
            text = NewContentTemplates.quote(date: date, vocabulary: Vocabulary(config), requireConsentRef: config.requireConsentRef)
        case .page: text = NewContentTemplates.page(title: title)
        }
        try NewFiles(root: folder).create(path, text: text)
        return Outcome(kind: kind, slug: slug, path: path)
    }

    /// `Slug.make`, cut at the last `-` before `slugLength` characters; nil when the title has
    /// nothing to make a slug from.
    static func suggestedSlug(for title: String) -> String? {
        guard let full = Slug.make(from: title) else { return nil }
        guard full.count > slugLength else { return full }
        let cut = full.prefix(slugLength)
        return String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
    }

    /// What already uses `slug` for this kind of content, or nil: a loaded file, a file that did
    /// not load (it is still there), or for pages a section of the site itself.
    static func existingOwner(of slug: String, kind: Kind, in site: LoadedSite) -> String? {
        let file = "\(kind.folder)/\(slug).md"
        var info = stat()
        if lstat(site.root + "/" + file, &info) == 0 { return file }
        switch kind {
        case .caseStudy:
            return site.caseStudies.first { $0.slug == slug }.map(\.file)
        case .quote:
            return site.quotes.first { $0.id == slug }.map { $0.location.description }
        case .page:
            if SiteValidator.reservedSlugs.contains(slug) { return "the site's own /\(slug)/ section" }
            return site.pages.first { $0.slug == slug }.map(\.file)
        }
    }
}
