import Foundation
import Model
import SystemSupport

/// Loads a site folder again and again, re-reading only the files that changed since last time.
///
/// For `casebook serve`. The first `load(changed: nil)` reads everything, as `SiteLoader.load`
/// does. Later calls pass the relative paths a file watcher saw change: only the folders whose
/// set of files may have changed are listed again, and only the changed files are parsed again,
/// so an edit to one case study costs one file's parse. The result is the same `LoadedSite`
/// (same order, same diagnostics) that `SiteLoader.load` would return for the folder.
///
/// Not thread-safe: one caller at a time (the dev server's build queue).
/// `@unchecked Sendable` only so the dev server's serial build queue can own it; never used concurrently.
public final class IncrementalLoader: @unchecked Sendable {
    public let root: String
    private let directory: SiteDirectory

    enum Kind: Sendable { case caseStudy, quote, page }

    /// What one content file gave.
    struct FileResult: Sendable {
        var caseStudy: CaseStudy?
        var quotes: [Quote] = []
        /// Ids of CSV rows without an `id`, made from row numbers: see `RowNumberReferences`.
        var rowNumberIDs: Set<String> = []
        var page: Page?
        var diagnostics: [Diagnostic] = []
    }

    private struct Listing {
        var files: [String]
        var diagnostics: [Diagnostic]
    }

    /// The content folders, in the order `SiteLoader` reads them.
    private static let folders: [(folder: String, extensions: Set<String>, kind: Kind)] = [
        ("content/case-studies", ["md", "markdown"], .caseStudy),
        ("content/quotes", QuoteFileFormat.extensions, .quote),
        ("content/pages", ["md", "markdown"], .page),
    ]
    private static let staticFolder = SiteDirectory.staticFolder

    private var config: (value: SiteConfig?, diagnostics: [Diagnostic])?
    private var listings: [String: Listing] = [:]
    private var results: [String: FileResult] = [:]
    /// The translation languages the kept results were read with: a file's name means another
    /// thing when `languages:` changes, so then every file is read again.
    private var languages: [String] = []
    /// The last site put together, with where each file's items are in it: an edit that keeps
    /// a file's number of items and leaves it without problems is patched in at those places,
    /// instead of putting thousands of kept results together again.
    private var assembled: Assembled?

    private struct Assembled {
        var site: LoadedSite
        /// The diagnostics before `RowNumberReferences`' check, which runs on every load.
        var diagnostics: [Diagnostic]
        var rowNumberIDs: Set<String>
        var places: [String: Place]
    }

    /// Where one file's items are in `Assembled.site`.
    private struct Place {
        var caseStudy: Int?
        var quotes: Range<Int>
        var page: Int?
    }

    /// False for a one-shot load (`SiteLoader`): nothing is kept for a next call.
    private let remembers: Bool

    /// The items the last `load` replaced in place, with those they replaced; nil when it put
    /// the site together again (a first load, a file added or removed, a problem, the settings).
    public private(set) var lastEdit: ItemEdit?

    public init(folder: String, remembers: Bool = true) {
        directory = SiteDirectory(root: folder)
        root = directory.root
        self.remembers = remembers
    }

    /// - Parameter changed: relative paths that changed (created, modified or deleted) since the
    ///   last call; nil when anything may have changed (the first load, a lost watch).
    public func load(changed: Set<String>?) -> LoadedSite {
        // The brand logo's size is read with the settings, so a new logo file rereads them.
        let logo = config?.value?.brand?.logo.map { "static/" + $0.path.value }
        lastEdit = nil
        var relisted = false
        if changed == nil || config == nil || changed!.contains(ConfigLoader.file) || logo.map(changed!.contains) == true {
            config = loadConfig()
            relisted = true
        }
        let languages = config?.value?.translationLanguages ?? []
        if languages != self.languages {
            results = [:]
            self.languages = languages
        }
        for (folder, extensions, _) in Self.folders where needsListing(folder, recursive: false, changed: changed) {
            var diagnostics: [Diagnostic] = []
            let files = directory.files(in: folder, extensions: extensions, diagnostics: &diagnostics)
            listings[folder] = Listing(files: files, diagnostics: diagnostics)
            relisted = true
        }
        if needsListing(Self.staticFolder, recursive: true, changed: changed) {
            var diagnostics: [Diagnostic] = []
            let files = directory.staticFiles(diagnostics: &diagnostics)
            listings[Self.staticFolder] = Listing(files: files, diagnostics: diagnostics)
            relisted = true
        }
        if remembers, !relisted, let changed, let patched = patch(changed) { return patched }

        var work: [(String, Kind)] = []
        var listed = 0
        for (folder, _, kind) in Self.folders {
            listed += listings[folder]?.files.count ?? 0
            for path in listings[folder]?.files ?? [] {
                if changed == nil || results[path] == nil || changed!.contains(path) { work.append((path, kind)) }
            }
        }
        let root = self.root
        // A CSV file holds thousands of quotes: started last, it would be read by one core alone.
        let loaded = work.parallelMap(costliestFirst: { path, kind in
            kind == .quote && QuoteFileFormat(path: path) == .spreadsheetText ? 1_000 : 1
        }) { path, kind in
            Self.loadFile(root: root, path: path, kind: kind, language: Translation.language(ofFile: path, among: languages))
        }
        if remembers {
            for ((path, _), result) in zip(work, loaded) { results[path] = result }
            // Every listed file has a result now: more results than files means some were removed.
            if results.count > listed {
                let present = Set(Self.folders.flatMap { listings[$0.folder]?.files ?? [] })
                for path in results.keys where !present.contains(path) { results[path] = nil }
            }
        }
        // Every listed file in listing order: just loaded (all of them on a full load), or kept.
        let files: [(path: String, kind: Kind, result: FileResult)] =
            changed == nil
            ? zip(work, loaded).map { ($0.0, $0.1, $1) }
            : Self.folders.flatMap { folder, _, kind in
                (listings[folder]?.files ?? []).compactMap { path in results[path].map { (path, kind, $0) } }
            }

        var diagnostics = config?.diagnostics ?? []
        for (folder, _, _) in Self.folders { diagnostics += listings[folder]?.diagnostics ?? [] }
        diagnostics += listings[Self.staticFolder]?.diagnostics ?? []
        var site = LoadedSite(root: root, config: config?.value, staticFiles: listings[Self.staticFolder]?.files ?? [])
        var rowNumberIDs: Set<String> = []
        site.translations = languages.map { Translation(language: $0) }
        var places: [String: Place] = [:]
        if remembers { places.reserveCapacity(files.count) }
        for (path, kind, result) in files {
            diagnostics += result.diagnostics
            if let language = Translation.language(ofFile: path, among: languages), let index = languages.firstIndex(of: language) {
                site.translations[index].caseStudies += result.caseStudy.map { [$0] } ?? []
                site.translations[index].quotes += result.quotes
                site.translations[index].pages += result.page.map { [$0] } ?? []
                continue
            }
            var place = Place(quotes: site.quotes.count..<(site.quotes.count + result.quotes.count))
            if let caseStudy = result.caseStudy {
                place.caseStudy = site.caseStudies.count
                site.caseStudies.append(caseStudy)
            } else if kind == .caseStudy {
                // Its own error says what is wrong; references to it are not reported again.
                site.unloadedCaseStudySlugs.insert(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
            }
            if kind == .quote, result.quotes.isEmpty, QuoteFileFormat(path: path) == .markdown {
                site.unloadedQuoteIDs.insert(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
            }
            site.quotes += result.quotes
            rowNumberIDs.formUnion(result.rowNumberIDs)
            if let page = result.page {
                place.page = site.pages.count
                site.pages.append(page)
            }
            if remembers { places[path] = place }
        }
        if remembers { assembled = Assembled(site: site, diagnostics: diagnostics, rowNumberIDs: rowNumberIDs, places: places) }
        RowNumberReferences.check(site.caseStudies, quotes: site.quotes, rowNumberIDs: rowNumberIDs, diagnostics: &diagnostics)
        site.diagnostics = diagnostics
        return site
    }

    /// The last site with the changed files' new items in their places, when no folder was
    /// listed again and each changed file had and has no problem and as many items as before;
    /// nil otherwise (the caller puts the site together from every file's result).
    private func patch(_ changed: Set<String>) -> LoadedSite? {
        // Read here one by one: many changed files (a checkout) are read on all cores by the caller.
        guard var assembled, changed.count <= 16 else { return nil }
        self.assembled = nil
        var updates: [(Place, FileResult)] = []
        for path in changed {
            guard let place = assembled.places[path] else {
                // Not a content file (a template, static/, another folder's file): nothing to patch.
                if Self.folders.contains(where: { path.hasPrefix($0.folder + "/") }) { return nil }
                continue
            }
            // Places are kept for originals only, so a translation's edit is never patched here.
            guard let kind = Self.folders.first(where: { path.hasPrefix($0.folder + "/") })?.kind, let old = results[path],
                Translation.language(ofFile: path, among: languages) == nil
            else { return nil }
            let new = Self.loadFile(root: root, path: path, kind: kind, language: nil)
            results[path] = new
            guard old.diagnostics.isEmpty, new.diagnostics.isEmpty, (old.caseStudy == nil) == (new.caseStudy == nil),
                old.quotes.count == new.quotes.count, (old.page == nil) == (new.page == nil), old.rowNumberIDs == new.rowNumberIDs
            else { return nil }
            updates.append((place, new))
        }
        var edit = ItemEdit()
        for (place, result) in updates {
            if let index = place.caseStudy, let caseStudy = result.caseStudy {
                edit.caseStudies.append((assembled.site.caseStudies[index], caseStudy))
                assembled.site.caseStudies[index] = caseStudy
            }
            if let index = place.page, let page = result.page {
                edit.pages.append((assembled.site.pages[index], page))
                assembled.site.pages[index] = page
            }
            for (index, quote) in zip(place.quotes, result.quotes) {
                edit.quotes.append((assembled.site.quotes[index], quote))
                assembled.site.quotes[index] = quote
            }
        }
        lastEdit = edit
        var site = assembled.site
        var diagnostics = assembled.diagnostics
        RowNumberReferences.check(site.caseStudies, quotes: site.quotes, rowNumberIDs: assembled.rowNumberIDs, diagnostics: &diagnostics)
        site.diagnostics = diagnostics
        self.assembled = assembled
        return site
    }

    /// A folder is listed again when a path in it appeared or disappeared, or the folder itself
    /// (or one above it) changed; an edit to a file already listed needs no listing.
    private func needsListing(_ folder: String, recursive: Bool, changed: Set<String>?) -> Bool {
        guard let changed, let listing = listings[folder] else { return true }
        // Made only for a path inside the folder: most edits are to files of one folder.
        var known: Set<String>?
        for path in changed {
            if path == folder || folder.hasPrefix(path + "/") { return true }
            let parent = (path as NSString).deletingLastPathComponent
            let inside = recursive ? path.hasPrefix(folder + "/") : parent == folder
            guard inside else { continue }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory.absolute(path), isDirectory: &isDirectory)
            if known == nil { known = Set(listing.files) }
            if exists != known!.contains(path) || isDirectory.boolValue { return true }
            if let type = try? FileManager.default.attributesOfItem(atPath: directory.absolute(path))[.type] as? FileAttributeType,
                type == .typeSymbolicLink
            {
                return true
            }
        }
        return false
    }

    private func loadConfig() -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let path = directory.file(ConfigLoader.file, diagnostics: &diagnostics) else {
            if !diagnostics.hasErrors {
                diagnostics.append(
                    .error("missing-config", "no casebook.yml in \(directory.root); is this a casebook site folder?",
                           at: SourceLocation(file: ConfigLoader.file)))
            }
            return (nil, diagnostics)
        }
        switch SourceFile.read(absolutePath: path, relativePath: ConfigLoader.file) {
        case .success(let source):
            var config = ConfigLoader.load(source, diagnostics: &diagnostics)
            if let logo = config?.brand?.logo {
                // Read through static/'s bounds; a file that is not there is validation's error.
                var ignored: [Diagnostic] = []
                let folder = BoundedFolder(root: root, boundary: "static", reason: "files in static/ are published as they are")
                config?.brand?.logo?.size = folder.file("static/" + logo.path.value, diagnostics: &ignored).flatMap(LogoSize.of(file:))
            }
            return (config, diagnostics)
        case .failure(let problem): return (nil, [problem])
        }
    }

    /// One content file, read and parsed as `SiteLoader.load` does.
    /// - Parameter language: the language of a translation (`garden.cy.md`); nil for an original.
    static func loadFile(root: String, path: String, kind: Kind, language: String?) -> FileResult {
        var result = FileResult()
        let quoteFormat = kind == .quote ? QuoteFileFormat(path: path) : nil
        if quoteFormat == .workbook {
            result.diagnostics = [QuoteFileFormat.workbookError(path)]
            return result
        }
        if language != nil, quoteFormat == .spreadsheetText {
            result.diagnostics = [
                .error("translated-spreadsheet",
                       "quotes in a spreadsheet are not translated by file yet: write each translated quote as content/quotes/<id>.\(language!).md",
                       at: SourceLocation(file: path, line: 1, column: 1))
            ]
            return result
        }
        let source: SourceFile
        switch SourceFile.read(absolutePath: root + "/" + path, relativePath: path) {
        case .success(let file): source = file
        case .failure(let problem):
            result.diagnostics = [problem]
            return result
        }
        switch kind {
        case .caseStudy: result.caseStudy = CaseStudyLoader.load(source, root: root, language: language, diagnostics: &result.diagnostics)
        case .page: result.page = PageLoader.load(source, language: language, diagnostics: &result.diagnostics)
        case .quote:
            if quoteFormat == .spreadsheetText {
                let loaded = QuoteCSVLoader.load(source, diagnostics: &result.diagnostics)
                result.quotes = loaded.quotes
                result.rowNumberIDs = loaded.rowNumberIDs
            } else {
                result.quotes = QuoteLoader.load(source, language: language, diagnostics: &result.diagnostics).map { [$0] } ?? []
            }
        }
        return result
    }
}
