import Foundation
import Model

/// The first stage: reads a site folder into a `LoadedSite`.
///
/// Input: a folder holding `casebook.yml` and `content/`. Output: every file that could be read,
/// typed, with source positions kept; each problem becomes a diagnostic and loading goes on, so a
/// single run reports them all. Files are read and parsed on all cores; order stays by file name.
public enum SiteLoader {
    public static func load(from folder: String) -> LoadedSite {
        let directory = SiteDirectory(root: folder)
        var diagnostics: [Diagnostic] = []

        var config: SiteConfig?
        let configPath = directory.absolute(ConfigLoader.file)
        if FileManager.default.fileExists(atPath: configPath) {
            switch SourceFile.read(absolutePath: configPath, relativePath: ConfigLoader.file) {
            case .success(let source): config = ConfigLoader.load(source, diagnostics: &diagnostics)
            case .failure(let problem): diagnostics.append(problem)
            }
        } else {
            diagnostics.append(
                .error("missing-config", "no casebook.yml in \(directory.root); is this a casebook site folder?",
                       at: SourceLocation(file: ConfigLoader.file)))
        }

        let caseStudyFiles = directory.files(in: "content/case-studies", extensions: ["md", "markdown"], diagnostics: &diagnostics)
        let quoteFiles = directory.files(in: "content/quotes", extensions: ["md", "markdown", "csv"], diagnostics: &diagnostics)
        let pageFiles = directory.files(in: "content/pages", extensions: ["md", "markdown"], diagnostics: &diagnostics)
        let staticFiles = directory.allFiles(under: "static", diagnostics: &diagnostics)

        enum Item: Sendable {
            case caseStudy(CaseStudy?)
            case quotes([Quote])
            case page(Page?)
        }
        enum Kind: Sendable { case caseStudy, quote, page }
        let work: [(String, Kind)] =
            caseStudyFiles.map { ($0, .caseStudy) } + quoteFiles.map { ($0, .quote) } + pageFiles.map { ($0, .page) }
        let root = directory.root
        let results = work.parallelMap { (path, kind) -> (Item, [Diagnostic]) in
            var found: [Diagnostic] = []
            let source: SourceFile
            switch SourceFile.read(absolutePath: root + "/" + path, relativePath: path) {
            case .success(let file): source = file
            case .failure(let problem):
                return (kind == .quote ? .quotes([]) : kind == .page ? .page(nil) : .caseStudy(nil), [problem])
            }
            switch kind {
            case .caseStudy: return (.caseStudy(CaseStudyLoader.load(source, diagnostics: &found)), found)
            case .page: return (.page(PageLoader.load(source, diagnostics: &found)), found)
            case .quote:
                if path.lowercased().hasSuffix(".csv") {
                    return (.quotes(QuoteCSVLoader.load(source, diagnostics: &found)), found)
                }
                return (.quotes(QuoteLoader.load(source, diagnostics: &found).map { [$0] } ?? []), found)
            }
        }

        var site = LoadedSite(root: directory.root, config: config, staticFiles: staticFiles)
        for ((path, _), (item, found)) in zip(work, results) {
            diagnostics += found
            switch item {
            case .caseStudy(let caseStudy):
                if let caseStudy {
                    site.caseStudies.append(caseStudy)
                } else {
                    site.unloadedCaseStudySlugs.insert(((path as NSString).lastPathComponent as NSString).deletingPathExtension)
                }
            case .quotes(let quotes): site.quotes += quotes
            case .page(let page): page.map { site.pages.append($0) }
            }
        }
        site.diagnostics = diagnostics
        return site
    }
}
