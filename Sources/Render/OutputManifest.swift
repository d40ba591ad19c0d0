import Synchronization

/// What a build makes: every output file, what produces it, and the inputs it depends on.
///
/// Made by the plan stage (`SiteRenderer.plan`, `OutputManifest.reports`) before anything is
/// rendered; rendering then makes exactly its entries. `casebook build` renders them all;
/// `casebook serve` compares the manifest with the last one and renders only the entries whose
/// inputs changed (`changes(since:changed:)`), so the rules of which output depends on what
/// live here once, next to the renderer that follows them.
public struct OutputManifest: Sendable {
    public struct Entry: Sendable, Equatable {
        /// Relative to the output folder (`OutputFile.path`).
        public var path: String
        public var producer: Producer
        /// In the order the output shows them, perhaps more than once: an array, not a set, because
        /// a rebuild compares every entry with its last version, and comparing arrays needs no
        /// hashing (a set of the inputs of a site of 1,000 case studies cost a rebuild 30 ms).
        public var inputs: [OutputInput]
    }

    /// What makes an output file.
    public enum Producer: Sendable, Equatable {
        /// A page: its kind (`home`, `case-study`, …) and the template it is rendered with.
        case page(kind: String, template: String)
        /// A generated file that no template makes: a data export, the feed, sitemap, search index, robots.txt.
        case export
        /// A theme asset: `source` is the site's override it is copied from, or "(built-in theme)".
        case asset(source: String)
        /// A file of `static/`, copied as it is; it replaces any generated file of its path.
        case staticFile(source: String)
        /// One part of a report.
        case report(id: String, part: ReportPart)

        /// Whether an open browser tab shows it: pages, assets and static files. The dev server
        /// renders the others (exports, indexes, reports) when they are first asked for.
        public var isShownInTabs: Bool {
            switch self {
            case .page, .asset, .staticFile: return true
            case .export, .report: return false
            }
        }
    }

    public enum ReportPart: String, Sendable {
        case html, json, pdf, docx
    }

    /// Entries by path, one per output file.
    public let entries: [String: Entry]
    /// The paths that depend on each input, made when first asked (`changes(since:changed:)`)
    /// and shared by the copies of this manifest that `casebook serve` reuses after an edit.
    private let byInput = InputIndex()

    /// Later entries replace earlier ones of the same path (a `static/` file replaces a generated one).
    public init(_ list: [Entry]) {
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(list.count)
        for entry in list { entries[entry.path] = entry }
        self.entries = entries
    }

    public var paths: Set<String> { Set(entries.keys) }

    public subscript(path: String) -> Entry? { entries[path] }

    /// What to render again and what to delete after `changed` inputs changed since `old`.
    ///
    /// An output is rendered again when it is new, when what produces it changed, when its list
    /// of inputs changed (a case study joined a theme, the menu moved, a template started using a
    /// partial), or when one of its inputs is in `changed`. An output of `old` that is no longer
    /// planned is removed.
    /// Makes the index of paths by input that `changes(since:changed:)` looks a reused manifest up
    /// in, if it is not made yet: `casebook serve` calls it while it waits for the first edit.
    public func prepareIndex() { byInput.prepare(entries) }

    public func changes(since old: OutputManifest, changed: Set<OutputInput>) -> (render: Set<String>, removed: Set<String>) {
        // The same manifest (reused by a patched plan): only the entries of the changed inputs.
        if old.byInput === byInput { return (byInput.paths(of: changed, in: entries), []) }
        // An edit changes a few inputs: looking each up by comparing is cheaper than hashing every
        // input of every entry; many changed inputs are looked up by hash.
        let few = changed.count <= 8 ? Array(changed) : nil
        func touched(_ inputs: [OutputInput]) -> Bool {
            if let few { return inputs.contains { input in few.contains(input) } }
            return inputs.contains(where: changed.contains)
        }
        var render = Set<String>()
        for (path, entry) in entries {
            if let before = old.entries[path], before == entry, !touched(entry.inputs) { continue }
            render.insert(path)
        }
        let removed = Set(old.entries.keys.filter { entries[$0] == nil })
        return (render, removed)
    }

    /// Paths by input, made once per manifest: an edit's few changed inputs are then looked up
    /// instead of compared with each of a large site's hundreds of thousands of inputs.
    private final class InputIndex: Sendable {
        private let made = Mutex<[OutputInput: [String]]?>(nil)

        func paths(of inputs: Set<OutputInput>, in entries: [String: Entry]) -> Set<String> {
            made.withLock { made in
                let index = made ?? Self.index(entries)
                made = index
                var paths = Set<String>()
                for input in inputs { paths.formUnion(index[input] ?? []) }
                return paths
            }
        }

        func prepare(_ entries: [String: Entry]) {
            made.withLock { made in if made == nil { made = Self.index(entries) } }
        }

        private static func index(_ entries: [String: Entry]) -> [OutputInput: [String]] {
            var index: [OutputInput: [String]] = [:]
            for (path, entry) in entries {
                for input in entry.inputs {
                    // An entry may list an input more than once, always together: kept once.
                    Self.append(path, to: &index[input, default: []])
                }
            }
            return index
        }

        private static func append(_ path: String, to paths: inout [String]) {
            if paths.last != path { paths.append(path) }
        }
    }

    /// The entries of `casebook report` (prefix "") or of the public reports in a website
    /// (prefix "reports/"): each report's HTML, `report.json` and, when asked, its PDF and DOCX.
    public static func reports(_ ids: [String], prefix: String, pdf: Bool, docx: Bool = false, theme: Theme) -> [Entry] {
        // A report shows every item its selection lets through, images from static/, the
        // site's settings, and its templates with the report stylesheet inlined.
        let inputs: [OutputInput] = [.config, .content, .staticFolder, .asset("assets/report.css")]
            + theme.uses("report").sorted().map(OutputInput.template)
        return ids.flatMap { id in
            let parts: [ReportPart] = [.html, .json] + (pdf ? [.pdf] : []) + (docx ? [.docx] : [])
            return parts.map { Entry(path: reportPath(id, part: $0, prefix: prefix), producer: .report(id: id, part: $0), inputs: inputs) }
        }
    }

    /// Where a report's part is written.
    public static func reportPath(_ id: String, part: ReportPart, prefix: String) -> String {
        switch part {
        case .html: return "\(prefix)\(id)/index.html"
        case .json: return "\(prefix)\(id)/report.json"
        case .pdf: return "\(prefix)\(id)/\(id).pdf"
        case .docx: return "\(prefix)\(id)/\(id).docx"
        }
    }
}

/// One thing an output depends on. Content is tracked by item, not by file, so an edit to one
/// row of a CSV quote file renders again the pages that list that quote and no others.
public enum OutputInput: Hashable, Sendable {
    /// `casebook.yml`: titles, themes, programmes, menu reports, base URL… Every output reads it.
    case config
    /// Everything under `content/`: lists, counts, exports.
    case content
    /// One case study (its file), by slug.
    case caseStudy(String)
    /// One quote (a Markdown file or a row of a CSV file), by id.
    case quote(String)
    /// One free page (its file), by slug.
    case page(String)
    /// What a quote shows of its case study: (slug, title). A title edit changes this input
    /// itself, so the entries that list the quote change; a summary edit does not.
    case caseStudyTitle(String, String)
    /// The menu every page shows (the free pages' titles, weights and slugs), as a fingerprint.
    case menu(String)
    /// A template or partial by name, the built-in one or the site's override of it.
    case template(String)
    /// A theme asset, by output path (`assets/site.css`).
    case asset(String)
    /// A file copied as it is, by its path in the site folder: `static/logo.png`, or a lead image
    /// beside a case study, `content/case-studies/garden.jpg`.
    case staticFile(String)
    /// The files of `static/`, which reports take images from.
    case staticFolder
    /// The languages that have a page (`en,cy`), on a site in several: its language switch and
    /// `hreflang` links show them.
    case translations(String)
}
