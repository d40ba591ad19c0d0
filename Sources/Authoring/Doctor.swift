import Foundation
import Load
import Markdown
import Model
import PDF
import Render

/// `casebook doctor`: what this casebook is made of and what it found on the machine and in the
/// site, for bug reports and for "why is my PDF/theme not what I expect".
public struct Doctor: Sendable, Encodable {
    public struct Engine: Sendable, Encodable {
        public var name: String
        public var found: Bool
        public var path: String?
        public var version: String?
        /// Tagged (accessible) PDF.
        public var taggedPDF: Bool?
        /// Page numbers in the report's contents (`target-counter()`).
        public var pageCounters: Bool?
        /// Why the program its environment variable names cannot be used; `report --pdf` then fails.
        public var problem: String?
        /// For an engine that does not tag: which one it is and how to get one that does.
        public var warning: String?
    }

    public struct SiteTheme: Sendable, Encodable {
        /// The site folder.
        public var folder: String
        /// `theme:` in casebook.yml, or `default`.
        public var theme: String
        /// `themes/<theme>/` when the site has it.
        public var overrides: String?
        /// Files under it that casebook does not use: templates the built-in theme no longer has
        /// and no template includes, files outside `templates/` and `assets/`, and copies that are
        /// the same as the built-in file.
        public var unused: [UnusedFile]
        /// Copies made by `casebook override` of a built-in file that has changed (or gone) since.
        public var outdated: [UnusedFile]
    }

    public struct UnusedFile: Sendable, Encodable, Equatable {
        /// Relative to the site folder.
        public var file: String
        public var reason: String
    }

    public var casebook: String
    public var libcmark: String
    public var pdfEngines: [Engine]
    /// nil when the folder holds no casebook.yml.
    public var site: SiteTheme?

    public var hasProblems: Bool {
        !(site?.unused.isEmpty ?? true) || !(site?.outdated.isEmpty ?? true) || pdfEngines.contains { $0.problem != nil }
    }

    public static func run(folder: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Doctor {
        let engines = PDFEngine.survey(environment: environment).map { kind, engine, problem in
            Engine(name: kind.rawValue, found: engine != nil, path: engine?.executable, version: engine?.version,
                   taggedPDF: engine?.writesTaggedPDF, pageCounters: engine?.writesPageCounters, problem: problem,
                   warning: engine?.untaggedWarning)
        }
        return Doctor(
            casebook: CasebookVersion.description, libcmark: CmarkVersion.string, pdfEngines: engines,
            site: siteTheme(folder: folder, builtIn: Theme.builtInFiles))
    }

    static func siteTheme(folder: String, builtIn: [String: [UInt8]]) -> SiteTheme? {
        guard FileManager.default.fileExists(atPath: folder + "/casebook.yml") else { return nil }
        let loaded = SiteLoader.load(from: folder)
        let name = loaded.config?.theme ?? "default"
        var report = SiteTheme(folder: folder, theme: name, overrides: nil, unused: [], outdated: [])
        // The name came from casebook.yml: only a plain folder name is looked at.
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), !name.contains("\0") else { return report }
        let relative = "themes/" + name
        guard isRealFolder(folder + "/" + relative) else { return report }
        report.overrides = relative
        let copies = ThemeOverrides.copies(overrideFolder: folder + "/" + relative, shownAs: relative, builtIn: builtIn)
        report.unused = (ThemeOverrides.unused(overrideFolder: folder + "/" + relative, builtIn: builtIn) + copies.unchanged)
            .sorted { $0.file < $1.file }
            .map { UnusedFile(file: relative + "/" + $0.file, reason: $0.reason) }
        report.outdated = copies.outdated.map { UnusedFile(file: relative + "/" + $0.file, reason: $0.reason) }
        return report
    }

    static func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The report for people.
    public var text: String {
        var lines = ["casebook \(casebook)", "libcmark \(libcmark)", "PDF engines (--engine auto takes the first found):"]
        for engine in pdfEngines {
            if let problem = engine.problem {
                lines.append("  \(engine.name): error: \(problem)")
                continue
            }
            guard engine.found, let path = engine.path, let version = engine.version else {
                lines.append("  \(engine.name): not found")
                continue
            }
            let tagged = engine.taggedPDF == true ? "tagged PDF" : "untagged PDF"
            let counters = engine.pageCounters == true ? "page numbers in the contents" : "no page numbers in the contents"
            lines.append("  \(engine.name) \(version) at \(path): \(tagged), \(counters)")
            if let warning = engine.warning { lines.append("    warning: \(warning)") }
        }
        if !pdfEngines.contains(where: \.found) {
            lines.append("  `report --pdf` needs one: scripts/install-deps.sh --pdf, or apt-get install weasyprint")
        }
        guard let site else {
            lines.append("Site: none here (no casebook.yml)")
            return lines.map { TerminalText.visible($0) + "\n" }.joined()
        }
        lines.append("Site: \(site.folder), theme \(site.theme)" + (site.overrides.map { ", overrides in \($0)/" } ?? ", no overrides"))
        for file in site.outdated + site.unused {
            lines.append("  \(file.file): warning: \(file.reason)")
        }
        return lines.map { TerminalText.visible($0) + "\n" }.joined()
    }
}
