import Foundation
import Load
import Markdown
import Model
import Render
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

    init(_ site: ValidatedSite) {
        self.site = site
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

    /// Every body's diagnostics, in file order, and by case study slug the images of its body
    /// that are files beside it, to publish with it.
    /// - Parameter prepared: the build's converted bodies, whose parse read each body's links
    ///   already; a body not among them (a page, or a check) is parsed here.
    func run(prepared: PreparedBodies? = nil) -> (diagnostics: [Diagnostic], bodyImages: [String: [LeadImage]]) {
        let bodies = site.caseStudies.map { (file: $0.file, line: $0.bodyLine, body: $0.body, url: "case-studies/\($0.slug)/", slug: Optional($0.slug)) }
            + site.pages.map { (file: $0.file, line: $0.bodyLine, body: $0.body, url: "\($0.slug)/", slug: String?.none) }
        let renderer = MarkdownRenderer()
        let results = bodies.parallelMap { body -> ([Diagnostic], [LeadImage]) in
            var images: [LeadImage] = []
            let references = prepared?.references(file: body.file, markdown: body.body) ?? renderer.references(in: body.body)
            let diagnostics = references.compactMap { reference in
                diagnostic(reference, on: body.url, caseStudy: body.slug, images: &images) {
                    SourceLocation(file: body.file, line: body.line + reference.line - 1, column: 1)
                }
            }
            return (diagnostics, images)
        }
        var bodyImages: [String: [LeadImage]] = [:]
        for (body, result) in zip(bodies, results) where !result.1.isEmpty {
            if let slug = body.slug { bodyImages[slug, default: []] += result.1 }
        }
        return (results.flatMap(\.0), bodyImages)
    }

    func diagnostics() -> [Diagnostic] { run().diagnostics }

    /// What to say about `reference`; `location` is made only when there is something to say.
    private func diagnostic(
        _ reference: MarkdownReference, on page: String, caseStudy: String?, images: inout [LeadImage], at location: () -> SourceLocation
    ) -> Diagnostic? {
        switch reference.kind {
        case .rawHTML:
            guard !site.config.unsafeHTML else { return nil }
            return .warning(
                "raw-html-dropped",
                "raw HTML here is left out of the page (casebook drops it for safety); write it as Markdown, or, if you trust "
                    + "every author, set 'markdown: { unsafe_html: true }' in casebook.yml", at: location())
        case .image:
            if !reference.hasText {
                return .warning(
                    "image-without-alt",
                    "image '\(reference.destination)' has no alt text, so screen-reader users are told nothing about it; "
                        + "describe it between the brackets: ![What the picture shows](\(reference.destination))", at: location())
            }
            // The theme's own files (assets/) are made by casebook, not read from static/.
            guard let path = sitePath(reference.destination, from: page), !staticFiles.contains(path), !path.hasPrefix("assets/") else {
                return nil
            }
            // A file beside the case study, named relative to its page, is published with it.
            if let slug = caseStudy, path.hasPrefix(page),
                let image = LeadImageReader.bodyImage(String(path.dropFirst(page.count)), slug: slug, root: site.root)
            {
                if !images.contains(where: { $0.path == image.path }) { images.append(image) }
                return nil
            }
            return .warning(
                "image-not-found",
                "image '\(reference.destination)' is not in the site: there is no static/\(path)"
                    + (caseStudy != nil && path.hasPrefix(page) ? " nor content/case-studies/\(path.dropFirst(page.count))" : "")
                    + "; put the file there or fix the path",
                at: location())
        case .link:
            guard let path = sitePath(reference.destination, from: page), let problem = missingTarget(path) else { return nil }
            return .warning("link-not-found", "link '\(reference.destination)' \(problem)", at: location())
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
