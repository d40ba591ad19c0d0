import Authoring
import Foundation
import Load
import Model
import SystemSupport

/// `casebook import`: a source's coded excerpts → one quote file each in `content/quotes/`.
///
/// Nothing is written until everything has been checked: the source, the mapping, the site's
/// ids, and every file in the way. Then each quote file is created, or replaced when it is one
/// import wrote before (its first comment says so) and its text changed. A file import did not
/// write is never replaced.
public enum ImportRun {
    public struct Options: Sendable {
        public var input: String
        public var mapping: String
        public var site: String
        public var from: SourceFormat?
        public var columns: [ImportField: String] = [:]
        public var consent: Consent?
        public var sheet: String?
        public var write = false

        public init(input: String, mapping: String, site: String) {
            self.input = input
            self.mapping = mapping
            self.site = site
        }
    }

    public struct Outcome: Sendable, Codable, Equatable {
        /// False on a dry run: the paths say what `--write` would do.
        public var written: Bool
        public var source: String
        public var format: SourceFormat
        /// Relative to the site folder, sorted.
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
        /// Files import wrote from this source whose excerpt the source no longer has.
        public var notInSource: [String] = []
        var skipped: [Skipped] = []
        public var skippedCount: Int { skipped.count }
    }

    public static func run(_ options: Options) throws(ImportError) -> Outcome {
        let site = try Site(folder: options.site)
        let mapping = try ImportMapping.read(path: options.mapping, shownAs: options.mapping)
        // Two consents that differ: which one the user meant would be a guess.
        if let flag = options.consent, let written = mapping.consent, flag != written.value {
            throw .usage("consent is given twice, and differently: --consent \(flag.rawValue) and consent: \(written.value.rawValue) at \(written.location); "
                + "there is no guessing which one is meant: keep one; nothing was written")
        }
        let table = try SourceTable.read(path: options.input, shownAs: options.input, sheet: options.sheet)
        let format = options.from ?? mapping.format ?? SourceFormat.detect(table) ?? .table
        let columns = try resolveColumns(table, format: format, mapped: mapping.columns.merging(options.columns) { $1 }, input: options.input)

        // Consent comes from one place, named by the user: there is no default.
        let consent = options.consent ?? mapping.consent?.value
        if let column = columns[.consent] {
            if options.consent != nil || mapping.consent != nil {
                throw .usage("consent is given twice: by the column '\(table.header[column])' and by \(options.consent != nil ? "--consent" : "consent: in \(options.mapping)"); keep one")
            }
        } else if consent == nil {
            throw .usage("\(options.input) has no consent column mapped, and no --consent was given; there is no default, so that nothing is "
                + "published by accident: map the column (--map consent=COLUMN) or pass --consent public|internal|withdrawn")
        }

        // A column that looks like consent and is not read would be overruled without a word:
        // `withdrawn` in it, imported under --consent public, would be published.
        let read = Set(columns.values)
        if let unread = table.header.indices.first(where: { !read.contains($0) && ConsentKeys.mayDecideConsent(table.header[$0]) }) {
            let name = table.header[unread]
            throw .usage("\(options.input) has a column '\(name)' that looks like consent, and it is not read: "
                + (columns[.consent] == nil ? "--consent or consent: would overrule it. " : "")
                + "Map it (--map consent=\(name), or consent_expires=\(name) for an expiry date), or remove it from the export if it is not "
                + "the excerpts' consent; nothing was written")
        }

        var diagnostics: [Diagnostic] = []
        var skipped: [Skipped] = []
        let excerpts = ExcerptReader(columns: columns, format: format).excerpts(table, diagnostics: &diagnostics, skipped: &skipped)
        let plan = ImportPlan(
            mapping: mapping, mappingFile: options.mapping, consent: columns[.consent] == nil ? consent : nil,
            themes: Set(site.config.themes.map(\.id)), programmes: site.config.programmes.map { Set($0.map(\.id)) },
            caseStudies: Set(site.loaded.caseStudies.map(\.slug)).union(site.loaded.unloadedCaseStudySlugs))
        let quotes = plan.quotes(excerpts, diagnostics: &diagnostics, skipped: &skipped)
        guard !diagnostics.hasErrors else { throw .content(diagnostics.sortedByLocation()) }

        var outcome = Outcome(written: options.write, source: mapping.source, format: format, skipped: skipped)
        let files = NewFiles(root: site.root)
        var conflicts: [String] = []
        var changes: [(path: String, text: String, new: Bool)] = []
        let owners = Dictionary(site.loaded.quotes.map { ($0.id, $0.location.file) }, uniquingKeysWith: { first, _ in first })
        for quote in quotes {
            let path = quote.path
            do { try files.checkFolders(for: path) } catch { throw .usage("\(error); nothing was written") }
            if let owner = owners[quote.id], owner != path {
                conflicts.append("the quote id '\(quote.id)' is taken by \(owner)")
                continue
            }
            let text = quote.fileText(source: mapping.source)
            switch files.existing(path) {
            case .none:
                outcome.created.append(path)
                changes.append((path, text, true))
            case .other:
                conflicts.append("\(path) is a link, a folder or a device, not a file import wrote")
            case .file:
                guard let current = Self.head(files.absolute(path), bytes: text.utf8.count + 1),
                      current.hasPrefix("---\n" + PlannedQuote.marker(source: mapping.source)) else {
                    conflicts.append("\(path) was not written by casebook import from '\(mapping.source)'")
                    continue
                }
                if current == text {
                    outcome.unchanged.append(path)
                } else {
                    outcome.updated.append(path)
                    changes.append((path, text, false))
                }
            }
        }
        guard conflicts.isEmpty else {
            throw .usage("import would replace files it did not write, so nothing was written:\n  "
                + conflicts.joined(separator: "\n  ")
                + "\nMove them away, or set another source: in \(options.mapping)")
        }
        let planned = Set(quotes.map(\.path))
        outcome.notInSource = site.importedFiles(source: mapping.source).filter { !planned.contains($0) }
        if options.write {
            for change in changes {
                do {
                    if change.new { try files.create(change.path, text: change.text) } else { try files.replace(change.path, text: change.text) }
                } catch {
                    throw .usage("\(error)")
                }
            }
        }
        return outcome
    }

    /// Each field's column position: the tool's own columns, then the mapping file's, then
    /// `--map`'s. A named column the header lacks is refused, naming the header's columns.
    static func resolveColumns(
        _ table: SourceTable, format: SourceFormat, mapped: [ImportField: String], input: String
    ) throws(ImportError) -> [ImportField: Int] {
        var result: [ImportField: Int] = [:]
        for (field, column) in format.presetColumns(table).merging(mapped, uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            guard let index = table.column(column) else {
                let names = table.header.filter { !$0.isEmpty }.prefix(30).map { "'\($0)'" }.joined(separator: ", ")
                throw .usage("the column '\(column)' (for \(field.rawValue)) is not in \(input); its columns are \(names)")
            }
            result[field] = index
        }
        guard result[.text] != nil else {
            throw .usage("no column gives the excerpts' text: name it with --map text=COLUMN (or --from taguette|qualcoder for their exports)")
        }
        if format == .table, result[.codes] == nil, result[.themes] == nil {
            throw .usage("no column gives the excerpts' codes or themes: name one with --map codes=COLUMN (codes mapped in the mapping file) or --map themes=COLUMN (theme ids)")
        }
        return result
    }

    /// Up to `bytes` bytes of a regular file, not following a link; nil when unreadable.
    static func head(_ path: String, bytes: Int) -> String? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: bytes)
        var filled = 0
        while filled < bytes {
            let count = buffer[filled...].withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return String(decoding: buffer[..<filled], as: UTF8.self)
    }

    /// The site as import needs it.
    struct Site {
        let root: String
        let loaded: LoadedSite
        let config: SiteConfig

        init(folder: String) throws(ImportError) {
            loaded = SiteLoader.load(from: folder)
            guard let config = loaded.config else {
                throw .usage("casebook.yml could not be read; run `casebook check` to see why")
            }
            self.config = config
            root = folder
        }

        /// The files in content/quotes/ that import wrote from `source`.
        func importedFiles(source: String) -> [String] {
            var ignored: [Diagnostic] = []
            let marker = "---\n" + PlannedQuote.marker(source: source)
            return BoundedFolder(root: root).files(in: "content/quotes", recursive: false, diagnostics: &ignored)
                .filter { $0.hasSuffix(".md") }
                .filter { ImportRun.head(root + "/" + $0, bytes: marker.utf8.count)?.hasPrefix(marker) == true }
                .sorted()
        }
    }
}
