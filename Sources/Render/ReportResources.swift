import Foundation
import Markdown
import Model
import Synchronization

/// What a report's content may make the PDF engine load: images from the site's `static/`
/// folder (a relative path such as `images/chart.png`) and `data:` images; remote images only
/// when the build allows the network. Anything else is left out, with a warning at the item.
///
/// The PDF engine renders a report from a temporary folder and would read any `file:` URL or
/// absolute path (`![x](/home/me/.ssh/id_rsa.png)`) and fetch any `http:` image: a content
/// file could pull a local file into a PDF, and building a report would reach the network. The
/// engine itself is confined too (`PDFEngine`); this is the layer that holds for every engine
/// and says which line to fix. Links are not loaded by the engine, so web links stay; a link to
/// a local file (`file:`, an absolute path) means nothing in a PDF and is made plain text.
///
/// Works on the HTML libcmark prints in safe mode: raw HTML is never passed through, so every
/// `<img src="` and `<a href="` in it is cmark's own, with its URL escaped for the attribute.
struct ReportResources: Sendable {
    var allowNetwork: Bool

    /// Collects warnings from the values of one report (made in closures, so a reference).
    final class Log: Sendable {
        private let collected = Mutex<[Diagnostic]>([])
        var diagnostics: [Diagnostic] { collected.withLock { $0 } }
        func add(_ diagnostic: Diagnostic) { collected.withLock { $0.append(diagnostic) } }
    }

    private static let image = "<img src=\"", link = "<a href=\""

    /// `html` with every image or link that may not be loaded left out; a warning per one, at `location`.
    func clean(_ html: String, at location: SourceLocation, log: Log) -> String {
        guard html.utf8.firstRange(of: Self.image.utf8) != nil || html.utf8.firstRange(of: Self.link.utf8) != nil else { return html }
        var result = ""
        var rest = html[...]
        while true {
            let image = rest.firstRange(of: Self.image), link = rest.firstRange(of: Self.link)
            guard let start = [image, link].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }),
                let quote = rest[start.upperBound...].firstIndex(of: "\"")
            else { break }
            result += rest[..<start.lowerBound]
            let url = Self.attributeText(rest[start.upperBound..<quote])
            if start == image {
                // cmark closes an image with " />"; `>` inside attributes is escaped, so the first one ends it.
                guard let end = rest[quote...].firstRange(of: "/>")?.upperBound else { break }
                if let problem = imageProblem(url) {
                    log.add(.warning("report-image-removed", "image '\(url)' left out of the report: \(problem)", at: location))
                    result += Self.altText(in: rest[quote..<end])
                } else {
                    result += rest[start.lowerBound..<end]
                }
                rest = rest[end...]
            } else {
                if let problem = linkProblem(url) {
                    log.add(.warning("report-link-removed", "link to '\(url)' made plain text in the report: \(problem)", at: location))
                    result += "<a"
                } else {
                    result += rest[start.lowerBound...quote]
                }
                rest = rest[rest.index(after: quote)...]
            }
        }
        result += rest
        return result
    }

    /// Why an image may not be loaded; nil when it may.
    func imageProblem(_ url: String) -> String? {
        if url.isEmpty {
            return "its URL was removed as unsafe (file:, javascript: and the like); "
                + "use a path relative to static/, such as images/chart.png"
        }
        switch URLScheme.of(url) {
        case "data": return nil
        case "http", "https":
            return allowNetwork
                ? nil
                : "a report build fetches nothing from the network unless --allow-network is given; "
                    + "copy the image into static/ and use its path there, such as images/chart.png"
        case .some: return "only images from the site's static/ folder (such as images/chart.png) or data: URLs are allowed"
        case nil: return Self.pathProblem(url)
        }
    }

    /// Why a link must not stay a link; nil when it may.
    func linkProblem(_ url: String) -> String? {
        let scheme = URLScheme.of(url)
        if scheme == "file" { return "a link to a local file means nothing to the reader of a report" }
        if scheme == nil, url.hasPrefix("/") || url.hasPrefix("\\") {
            return "an absolute path is a file on this computer, not a page the reader can open"
        }
        return nil
    }

    /// Why a relative path would leave `static/`; nil when it stays inside.
    static func pathProblem(_ url: String) -> String? {
        guard let path = url.removingPercentEncoding else { return "its path is not valid percent-encoding" }
        if path.hasPrefix("/") || path.hasPrefix("\\") {
            return "an absolute path reads a file outside the site; use a path relative to static/, such as images/chart.png"
        }
        let segments = path.split(whereSeparator: { $0 == "/" || $0 == "\\" || $0 == "?" || $0 == "#" })
        if segments.contains("..") { return "'..' leaves the site's static/ folder, where a report's images come from" }
        return nil
    }

    /// An attribute value as cmark escaped it, back as text (`&amp;` → `&`), for checking and messages.
    static func attributeText(_ value: Substring) -> String {
        String(value).replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The `alt` text of an image tag, still escaped, so it stays safe as element text.
    static func altText(in tag: Substring) -> String {
        guard let start = tag.firstRange(of: "alt=\"")?.upperBound, let end = tag[start...].firstIndex(of: "\"") else { return "" }
        return String(tag[start..<end])
    }
}
