import Foundation
import Load
import Markdown
import Model
import Render
import Synchronization
import SystemSupport

/// What `check` and `build` say about the Markdown bodies of case studies and pages, each at its
/// file and line: an image whose file is not in `static/`, an image without alt text, a link to
/// a case study, page, theme or programme that does not exist, and raw HTML the site drops.
///
/// Links and images are resolved as the site resolves them (`LinkDestinations`): a
/// root-relative one from the site's root, a relative one from the page's address. All are
/// warnings; `--strict` makes them errors.
struct MarkdownAudit: Sendable {
    let site: ValidatedSite
    private let staticFiles: Set<String>
    /// Folders of `static/` (`images/`), which a link may name.
    private let staticFolders: Set<String>
    private let caseStudies: Set<String>
    private let pages: Set<String>
    private let themes: Set<String>
    private let programmes: Set<String>?

    /// Top-level names of the site that casebook makes.
    static let generated: Set<String> = [
        "case-studies", "themes", "programmes", "quotes", "search", "reports", "data", "assets", "feed.xml", "sitemap.xml",
        "robots.txt", "404.html", "search-index.json", "index.html",
    ]

    /// Each body's findings from earlier runs (`casebook serve`).
    private let kept: AuditedBodies?

    /// - Parameter kept: findings of earlier runs, reused for unchanged bodies while everything a
    ///   finding is judged against (`Context`) is unchanged.
    init(_ site: ValidatedSite, kept: AuditedBodies? = nil) {
        self.site = site
        self.kept = kept
        let files = site.staticFiles.map { String($0.dropFirst("static/".count)) }
        // Lead images beside case studies are published at their pages, as static/ files are.
        staticFiles = Set(files + site.caseStudies.compactMap { $0.image.flatMap { $0.isBesideCaseStudy ? $0.path : nil } })
        var folders = Set<String>()
        for file in files {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        staticFolders = folders
        caseStudies = Set(site.caseStudies.map(\.slug))
        pages = Set(site.pages.map(\.slug))
        themes = Set(site.config.themes.map(\.id))
        programmes = site.config.programmes.map { Set($0.map(\.id)) }
    }

    /// Everything besides a body that its findings depend on.
    struct Context: Equatable {
        var staticFiles, staticFolders, caseStudies, pages, themes: Set<String>
        var programmes: Set<String>?
        var basePath: String
        var unsafeHTML: Bool
    }

    /// What an audit found: each body's findings, case studies then pages in the site's order.
    struct Outcome: Sendable {
        fileprivate(set) var bodies: [AuditedBodies.Body]
        fileprivate(set) var findings: [AuditedBodies.Findings]

        /// Every body's diagnostics, in file order.
        var diagnostics: [Diagnostic] { findings.flatMap(\.diagnostics) }

        /// By case study slug, the images of its body that are files beside it, to publish with it.
        var bodyImages: [String: [LeadImage]] {
            var images: [String: [LeadImage]] = [:]
            for (body, result) in zip(bodies, findings) where !result.images.isEmpty {
                if let slug = body.slug { images[slug, default: []] += result.images }
            }
            return images
        }
    }

    /// Audits every body.
    /// - Parameter prepared: the build's converted bodies, whose parse read each body's links
    ///   already; a body not among them (a page, or a check) is parsed here.
    func run(prepared: PreparedBodies? = nil) -> Outcome {
        let bodies = site.caseStudies.map(Self.body) + site.pages.map(Self.body)
        let kept = self.kept
        kept?.start(Context(
            staticFiles: staticFiles, staticFolders: staticFolders, caseStudies: caseStudies, pages: pages, themes: themes,
            programmes: programmes, basePath: site.config.basePath, unsafeHTML: site.config.unsafeHTML))
        let results = bodies.parallelMap { body -> AuditedBodies.Findings in
            if let findings = kept?.findings(body) { return findings }
            let findings = judge(body, prepared: prepared)
            kept?.keep(findings, of: body)
            return findings
        }
        kept?.forget(allBut: Set(bodies.map(\.file)))
        return Outcome(bodies: bodies, findings: results)
    }

    /// `previous` (this audit's outcome before a `casebook serve` edit patched into the last run)
    /// with the edited bodies judged again. Such an edit changes nothing else a finding is
    /// judged against (`Context`): no item's placement, no file added or removed, no setting.
    func patch(_ previous: Outcome, caseStudies: [CaseStudy], pages: [Page]) -> Outcome? {
        var outcome = previous
        for body in caseStudies.map(Self.body) + pages.map(Self.body) {
            guard let index = outcome.bodies.firstIndex(where: { $0.file == body.file }) else { return nil }
            let findings = kept?.findings(body) ?? judge(body, prepared: nil)
            kept?.keep(findings, of: body)
            outcome.bodies[index] = body
            outcome.findings[index] = findings
        }
        return outcome
    }

    static func body(_ caseStudy: CaseStudy) -> AuditedBodies.Body {
        AuditedBodies.Body(file: caseStudy.file, line: caseStudy.bodyLine, text: caseStudy.body, url: "case-studies/\(caseStudy.slug)/", slug: caseStudy.slug)
    }

    static func body(_ page: Page) -> AuditedBodies.Body {
        AuditedBodies.Body(file: page.file, line: page.bodyLine, text: page.body, url: "\(page.slug)/", slug: nil)
    }

    /// One body's findings.
    private func judge(_ body: AuditedBodies.Body, prepared: PreparedBodies?) -> AuditedBodies.Findings {
        var images: [LeadImage] = []
        let references = prepared?.references(file: body.file, markdown: body.text) ?? MarkdownRenderer().references(in: body.text)
        let diagnostics = references.flatMap { reference in
            problems(with: reference, on: body.url, caseStudy: body.slug, images: &images) {
                SourceLocation(file: body.file, line: body.line + reference.line - 1, column: 1)
            }
        }
        return AuditedBodies.Findings(diagnostics: diagnostics, images: images)
    }

    func diagnostics() -> [Diagnostic] { run().diagnostics }

    /// What to say about `reference`; `location` is made only when there is something to say.
    private func problems(
        with reference: MarkdownReference, on page: String, caseStudy: String?, images: inout [LeadImage], at location: () -> SourceLocation
    ) -> [Diagnostic] {
        switch reference.kind {
        case .rawHTML:
            guard !site.config.unsafeHTML else { return [] }
            return [.warning(
                "raw-html-dropped",
                "raw HTML here is left out of the page (casebook drops it for safety); write it as Markdown, or, if you trust "
                    + "every author, set 'markdown: { unsafe_html: true }' in casebook.yml", at: location())]
        case .image:
            // Without alt text the image is still shown, so its file is still looked for (and published).
            let alt: [Diagnostic] = reference.hasText ? [] : [.warning(
                "image-without-alt",
                "image '\(reference.destination)' has no alt text, so screen-reader users are told nothing about it; "
                    + "describe it between the brackets: ![What the picture shows](\(reference.destination))", at: location())]
            // The theme's own files (assets/) are made by casebook, not read from static/.
            guard let path = sitePath(reference.destination, from: page), !staticFiles.contains(path), !path.hasPrefix("assets/") else {
                return alt
            }
            // A file beside the case study, named relative to its page, is published with it.
            if let slug = caseStudy, path.hasPrefix(page),
                let image = LeadImageReader.bodyImage(String(path.dropFirst(page.count)), slug: slug, root: site.root)
            {
                if !images.contains(where: { $0.path == image.path }) { images.append(image) }
                return alt
            }
            return alt + [.warning(
                "image-not-found",
                "image '\(reference.destination)' is not in the site: there is no static/\(path)"
                    + (caseStudy != nil && path.hasPrefix(page) ? " nor content/case-studies/\(path.dropFirst(page.count))" : "")
                    + "; put the file there or fix the path",
                at: location())]
        case .link:
            guard let path = sitePath(reference.destination, from: page), let problem = missingTarget(path) else { return [] }
            return [.warning("link-not-found", "link '\(reference.destination)' \(problem)", at: location())]
        }
    }

    /// The path in the site (no leading `/`, no query or fragment) that `destination` names from
    /// the page at `page`; nil for another site, a scheme (`mailto:`) or a fragment of the page.
    func sitePath(_ destination: String, from page: String) -> String? {
        // Most links go to other sites: they are told apart by their first bytes, before any
        // string is made. (A `#` or `?` before a `:` means the `:` is not a scheme's.)
        let bytes = destination.utf8
        let end = bytes.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? bytes.endIndex
        guard end != bytes.startIndex, bytes.first != UInt8(ascii: "\\"), !URLScheme.isPresent(in: destination) else { return nil }
        if bytes.first == UInt8(ascii: "/"), bytes.dropFirst().first == UInt8(ascii: "/") { return nil }
        let url = String(decoding: bytes[..<end], as: UTF8.self)
        let decoded = bytes[..<end].contains(UInt8(ascii: "%")) ? url.removingPercentEncoding ?? url : url
        let basePath = site.config.basePath
        var path: String
        if decoded.hasPrefix("/") {
            path = String(decoded.dropFirst())
            // Written with the base path already, as `LinkDestinations` allows.
            if basePath != "/", decoded.hasPrefix(basePath) || decoded + "/" == basePath { path = String(decoded.dropFirst(min(basePath.count, decoded.count))) }
        } else {
            path = page + decoded
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                // Above the site's root: not a file of the site, and not ours to judge.
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }

    /// Why a link to `path` would be broken; nil when it names something the site has.
    func missingTarget(_ path: String) -> String? {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        if trimmed.isEmpty || staticFiles.contains(trimmed) || staticFolders.contains(trimmed) || staticFiles.contains(trimmed + "/index.html") {
            return nil
        }
        let parts = trimmed.split(separator: "/").map(String.init)
        switch (parts.first, parts.count) {
        case ("case-studies", 2):
            return caseStudies.contains(parts[1]) ? nil
                : "names a case study '\(parts[1])' that is not published (a draft, or a typo?)\(Suggestion.hint(for: parts[1], in: caseStudies))"
        case ("themes", 2):
            return themes.contains(parts[1]) ? nil
                : "names a theme '\(parts[1])' that casebook.yml does not define\(Suggestion.hint(for: parts[1], in: themes))"
        case ("programmes", 2):
            guard let programmes else { return nil }
            return programmes.contains(parts[1]) ? nil
                : "names a programme '\(parts[1])' that casebook.yml does not define\(Suggestion.hint(for: parts[1], in: programmes))"
        case (let first?, 1):
            if pages.contains(first) || Self.generated.contains(first) { return nil }
            return "names a page '\(first)' that does not exist (no content/pages/\(first).md, nor static/\(first))"
                + Suggestion.hint(for: first, in: pages)
        default:
            return nil
        }
    }
}

/// Each body's findings as `MarkdownAudit` made them, by file, kept by `casebook serve` between
/// runs: an edit audits the edited body again, not every body of the site (resolving each link
/// of 1,000 case studies cost 300 M instructions). A finding is reused while its body, line and
/// address are the same and so is the `Context` it was judged against; `SitePipeline` also
/// forgets them all after a change to content/ other than its texts (a new image beside a case
/// study is found on disk, not in the context). An unchanged file's body is the same string as
/// last time, so comparing it is immediate.
final class AuditedBodies: Sendable {
    struct Body: Sendable, Equatable {
        var file: String
        var line: Int
        var text: String
        var url: String
        var slug: String?
    }

    struct Findings: Sendable {
        var diagnostics: [Diagnostic]
        var images: [LeadImage]
    }

    private struct State {
        var bodies: [String: (body: Body, findings: Findings)] = [:]
        var context: MarkdownAudit.Context?
    }

    private let state = Mutex(State())

    /// Forgets every finding.
    func forgetAll() { state.withLock { $0.bodies = [:] } }

    /// Starts a run: findings judged against another context are forgotten.
    func start(_ context: MarkdownAudit.Context) {
        state.withLock { state in
            if state.context != context { state.bodies = [:] }
            state.context = context
        }
    }

    func findings(_ body: Body) -> Findings? {
        state.withLock { state in state.bodies[body.file].flatMap { $0.body == body ? $0.findings : nil } }
    }

    func keep(_ findings: Findings, of body: Body) { state.withLock { $0.bodies[body.file] = (body, findings) } }

    /// Forgets the bodies of files the site no longer has.
    func forget(allBut files: Set<String>) {
        state.withLock { state in if state.bodies.count > files.count { state.bodies = state.bodies.filter { files.contains($0.key) } } }
    }
}
