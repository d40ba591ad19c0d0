import Foundation
import Model

/// The second stage: checks that everything a site refers to exists and that consent holds.
///
/// Input: a `LoadedSite` and the day consent is judged on. Output: the diagnostics of loading and validation
/// together, in file order, and a `ValidatedSite` when there is no error. Drafts are dropped
/// unless `includeDrafts`; quotes whose consent has expired become `withdrawn`.
public struct SiteValidator {
    public var consentDay: ConsentDay
    public var includeDrafts: Bool

    /// Pages may not take these slugs: the site's own sections live there.
    public static let reservedSlugs: Set<String> = [
        "case-studies", "themes", "programmes", "quotes", "data", "reports", "search", "404", "feed", "index",
        "static", "assets",
    ]

    /// Free pages a site may have: every one is in the menu on every page, so the output grows
    /// with their square (3,000 pages took 92 s, 4.7 GB and 519 MB of HTML).
    static let maximumPages = 100

    public init(consentDay: ConsentDay, includeDrafts: Bool = false) {
        self.consentDay = consentDay
        self.includeDrafts = includeDrafts
    }

    public struct Result: Sendable {
        public var site: ValidatedSite?
        public var diagnostics: [Diagnostic]
    }

    public func validate(_ loaded: LoadedSite) -> Result {
        var diagnostics = loaded.diagnostics
        guard let config = loaded.config else {
            return Result(site: nil, diagnostics: diagnostics.sortedByLocation())
        }
        let vocabulary = Vocabulary(config: config, diagnostics: &diagnostics)
        if let theme = config.theme, theme != "default" {
            var isDirectory: ObjCBool = false
            let folder = loaded.root + "/themes/" + theme
            if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
                diagnostics.append(
                    .error("unknown-theme-folder",
                           "theme '\(theme)' not found: there is no folder themes/\(theme)/ (omit 'theme:' for the built-in default)",
                           at: config.themeLocation ?? SourceLocation(file: "casebook.yml")))
            }
        }
        vocabulary.checkReports(config.reports, diagnostics: &diagnostics)
        ReportLogo.check(config.reports, root: loaded.root, diagnostics: &diagnostics)
        if let brand = config.brand {
            BrandContrast.check(brand, diagnostics: &diagnostics)
            // The logo is published from static/, so it must be a file listed there (links out refused).
            if let logo = brand.logo, !loaded.staticFiles.contains("static/" + logo.path.value) {
                diagnostics.append(
                    .error("missing-logo", "'logo' names static/\(logo.path.value), which is not a file there", at: logo.path.location))
            }
        }
        let programmeCount = config.programmes?.count
            ?? Set(loaded.caseStudies.compactMap { $0.programme?.value } + loaded.quotes.compactMap { $0.programme?.value }).count
        vocabulary.checkMatrixSize(config: config, programmes: programmeCount, diagnostics: &diagnostics)

        let caseStudies = loaded.caseStudies.filter { includeDrafts || !$0.draft }
        let caseStudySlugs = uniqueIDs(
            caseStudies.map { ($0.slug, $0.slugLocation) }, kind: "case study slug", diagnostics: &diagnostics)
        let draftSlugs = Set(loaded.caseStudies.filter { !includeDrafts && $0.draft }.map(\.slug))
        let quoteIDs = uniqueIDs(loaded.quotes.map { ($0.id, $0.location) }, kind: "quote id", diagnostics: &diagnostics)
        // Made on the first unknown reference, once: sorted, so ties in "did you mean" are stable.
        var caseStudySuggester: Suggester?
        var quoteSuggester: Suggester?
        _ = uniqueIDs(loaded.pages.map { ($0.slug, SourceLocation(file: $0.file, line: 1, column: 1)) }, kind: "page slug", diagnostics: &diagnostics)

        for caseStudy in caseStudies {
            vocabulary.checkProgramme(caseStudy.programme, diagnostics: &diagnostics)
            vocabulary.checkThemes(caseStudy.themes, diagnostics: &diagnostics)
            for lesson in caseStudy.lessons {
                vocabulary.checkThemes([lesson.theme], diagnostics: &diagnostics)
            }
            if caseStudy.themes.count + caseStudy.lessons.count > Vocabulary.maximumThemesPerItem {
                vocabulary.checkThemeCount(caseStudy.themes + caseStudy.lessons.map { $0.theme }, what: "a case study", diagnostics: &diagnostics)
            }
            if !caseStudy.draft, let left = Placeholder.left(in: caseStudy) {
                diagnostics.append(Self.placeholder(left, of: "case study", at: caseStudy.slugLocation))
            }
        }

        var quotes: [Quote] = []
        quotes.reserveCapacity(loaded.quotes.count)
        for var quote in loaded.quotes {
            vocabulary.checkProgramme(quote.programme, diagnostics: &diagnostics)
            vocabulary.checkThemes(quote.themes, diagnostics: &diagnostics)
            if quote.themes.count > Vocabulary.maximumThemesPerItem {
                vocabulary.checkThemeCount(quote.themes, what: "a quote", diagnostics: &diagnostics)
            }
            if let reference = quote.caseStudy, !caseStudySlugs.contains(reference.value),
                !loaded.unloadedCaseStudySlugs.contains(reference.value)
            {
                if draftSlugs.contains(reference.value) {
                    diagnostics.append(
                        .warning("draft-case-study", "case study '\(reference.value)' is a draft; the quote is listed without it", at: reference.location))
                    // Without it in every output too: a draft's slug names work not yet published.
                    quote.caseStudy = nil
                } else {
                    let suggester = caseStudySuggester ?? Suggester(caseStudySlugs.sorted())
                    caseStudySuggester = suggester
                    diagnostics.append(
                        .error("unknown-case-study", "unknown case study '\(reference.value)'\(suggester.hint(for: reference.value))",
                               at: reference.location))
                }
            }
            ConsentRules(today: consentDay, requireReference: config.requireConsentRef).apply(to: &quote, diagnostics: &diagnostics)
            // An internal quote is published too, in internal reports; a withdrawn one nowhere.
            if quote.consent != .withdrawn, let left = Placeholder.left(in: quote) {
                diagnostics.append(Self.placeholder(left, of: "quote", at: quote.location))
            }
            quotes.append(quote)
        }
        // Only withdrawn ones are asked about: a set of them, not a table of every quote. With
        // repeated ids (an error already), the first quote of an id decides, as everywhere.
        var withdrawn = Set<String>()
        if quoteIDs.count == quotes.count {
            for quote in quotes where quote.consent == .withdrawn { withdrawn.insert(quote.id) }
        } else {
            var seen = Set<String>()
            for quote in quotes where seen.insert(quote.id).inserted && quote.consent == .withdrawn { withdrawn.insert(quote.id) }
        }
        for caseStudy in caseStudies {
            for reference in caseStudy.quoteRefs where !loaded.unloadedQuoteIDs.contains(reference.value) {
                guard quoteIDs.contains(reference.value) else {
                    let suggester = quoteSuggester ?? Suggester(quoteIDs.sorted())
                    quoteSuggester = suggester
                    diagnostics.append(
                        .error("unknown-quote", "unknown quote '\(reference.value)'\(suggester.hint(for: reference.value))",
                               at: reference.location))
                    continue
                }
                if withdrawn.contains(reference.value) {
                    diagnostics.append(
                        .warning("withdrawn-quote", "quote '\(reference.value)' is withdrawn and will not be shown", at: reference.location))
                }
            }
        }

        var pages: [Page] = []
        for page in loaded.pages where includeDrafts || !page.draft {
            if Self.reservedSlugs.contains(page.slug) {
                diagnostics.append(
                    .error("reserved-slug", "the page slug '\(page.slug)' is used by the site itself; rename the file or set 'slug:'",
                           at: SourceLocation(file: page.file, line: 1, column: 1)))
            }
            if !page.draft, let left = Placeholder.left(in: page) {
                diagnostics.append(Self.placeholder(left, of: "page", at: SourceLocation(file: page.file, line: 1, column: 1)))
            }
            pages.append(page)
        }
        if pages.count > Self.maximumPages {
            let page = pages[Self.maximumPages]
            diagnostics.append(
                .error("too-many-pages",
                       "content/pages/ holds \(pages.count) pages; at most \(Self.maximumPages) are supported, because each one is "
                           + "in the menu of every page: make long lists of things case studies or quotes",
                       at: SourceLocation(file: page.file, line: 1, column: 1)))
        }

        for page in pages where config.translationLanguages.contains(page.slug) {
            diagnostics.append(
                .error("reserved-slug", "the page slug '\(page.slug)' is the folder of the site's '\(page.slug)' pages; rename the file or set 'slug:'",
                       at: SourceLocation(file: page.file, line: 1, column: 1)))
        }
        let translationCheck = TranslationCheck(
            vocabulary: vocabulary, validator: self, loaded: loaded, caseStudies: caseStudies, quotes: quotes, pages: pages)
        let translations = loaded.translations.map { translationCheck.check($0, diagnostics: &diagnostics) }

        diagnostics = diagnostics.sortedByLocation()
        guard !diagnostics.hasErrors else { return Result(site: nil, diagnostics: diagnostics) }
        var site = ValidatedSite(
            root: loaded.root, config: config, caseStudies: caseStudies, quotes: quotes, pages: pages,
            staticFiles: loaded.staticFiles)
        site.translations = translations
        return Result(site: site, diagnostics: diagnostics)
    }

    /// `previous` (this validator's result for the site before `edit`) with the edit's items in
    /// place of those they replace; nil unless every item keeps its placement, on a site in one
    /// language. Every check reads only placement (`CaseStudyPlacement`, `QuotePlacement`), so
    /// the diagnostics are the ones `previous` has, and so is what validation makes of each item:
    /// whether a draft is left out, a draft case study's name dropped, expired consent withdrawn.
    /// Also returns where the new items are in the site's lists.
    /// - Precondition: `previous` was made on the same `consentDay`.
    public func patch(_ previous: Result, with edit: ItemEdit) -> (result: Result, places: ItemPlaces)? {
        guard edit.keepsPlacement, var site = previous.site, site.config.translationLanguages.isEmpty else { return nil }
        var places = ItemPlaces()
        for (old, new) in edit.caseStudies where includeDrafts || !new.draft {
            guard let index = Self.place(of: old, in: site.caseStudies, key: \.slug) else { return nil }
            site.caseStudies[index] = new
            places.caseStudies.append(index)
        }
        let quoteIndex = edit.quotes.count > 8 ? Dictionary(site.quotes.indices.map { (site.quotes[$0].id, $0) }, uniquingKeysWith: { a, _ in a }) : nil
        for (old, new) in edit.quotes {
            guard let index = quoteIndex?[new.id] ?? Self.place(of: old, in: site.quotes, key: \.id) else { return nil }
            // Set only when validation changed them, so the list keeps the loaded value itself.
            var quote = new
            let validated = site.quotes[index]
            if quote.caseStudy != validated.caseStudy { quote.caseStudy = validated.caseStudy }
            if quote.consent != validated.consent { quote.consent = validated.consent }
            site.quotes[index] = quote
            places.quotes.append(index)
        }
        for (_, new) in edit.pages where includeDrafts || !new.draft {
            guard let index = site.pages.firstIndex(where: { $0.file == new.file }) else { return nil }
            site.pages[index] = new
            places.pages.append(index)
        }
        return (Result(site: site, diagnostics: previous.diagnostics), places)
    }

    /// A field still holding the text `casebook new` wrote for the author to replace.
    static func placeholder(_ left: (field: String, text: String), of kind: String, at location: SourceLocation) -> Diagnostic {
        let fix = kind == "quote"
            ? (left.field == "speaker" ? "write the speaker's role (\"Parent\", \"Youth panel member\")" : "write the words the speaker said")
            : "write it, or keep the \(kind) a draft until then (draft: true)"
        let verb = left.field == "words" ? "are" : "is"
        return .error("placeholder-text", "the \(kind)'s \(left.field) \(verb) still the placeholder 'casebook new' wrote ('\(left.text)'): \(fix)", at: location)
    }

    /// Where `item` (as loaded) is in a validated list: found by identity, since validation keeps
    /// the loaded values it does not change (a list of thousands is searched without reading
    /// each item), else by its key.
    private static func place<Item: SharedFields>(of item: Item, in list: [Item], key: (Item) -> String) -> Int? {
        let identity = item.fields.identity
        return list.firstIndex { $0.fields.identity == identity } ?? list.firstIndex { key($0) == key(item) }
    }

    /// Positions in a `ValidatedSite`'s lists of case studies, quotes and pages.
    public struct ItemPlaces: Sendable {
        public var caseStudies: [Int] = []
        public var quotes: [Int] = []
        public var pages: [Int] = []
    }

    /// The set of ids, with an error at each repeat that points back at the first.
    func uniqueIDs(_ items: [(String, SourceLocation)], kind: String, diagnostics: inout [Diagnostic]) -> Set<String> {
        // Ids seldom repeat: a set answers first, and only a repeat pays for the table of locations.
        var ids = Set<String>(minimumCapacity: items.count)
        var repeats = false
        for (id, _) in items where !ids.insert(id).inserted {
            repeats = true
            break
        }
        if !repeats { return ids }
        var seen: [String: SourceLocation] = [:]
        for (id, location) in items {
            if let first = seen[id] {
                diagnostics.append(.error("duplicate-id", "duplicate \(kind) '\(id)'; it is also used by \(first)", at: location))
            } else {
                seen[id] = location
            }
        }
        return Set(seen.keys)
    }
}
