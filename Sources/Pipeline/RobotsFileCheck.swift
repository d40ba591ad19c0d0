import Foundation
import Model

/// A `static/robots.txt` replaces the one casebook makes (`User-agent: *`, `Allow: /` and the
/// sitemap's address). That is how a site disallows crawlers, so it stays the author's file,
/// copied as it is; but without a `Sitemap:` line search engines no longer find `sitemap.xml`,
/// which is the one thing lost, so that case gets a warning saying which line to add.
enum RobotsFileCheck {
    static let path = "static/robots.txt"
    /// More than any real robots.txt; Google reads only the first 500 KiB.
    static let readLimit = 512 << 10

    static func diagnostics(_ site: ValidatedSite) -> [Diagnostic] {
        guard site.staticFiles.contains(path),
            let handle = FileHandle(forReadingAtPath: site.root + "/" + path),
            let data = try? handle.read(upToCount: readLimit)
        else { return [] }
        try? handle.close()
        let text = String(decoding: data, as: UTF8.self)
        let namesSitemap = text.split(whereSeparator: \.isNewline).contains {
            $0.drop(while: \.isWhitespace).lowercased().hasPrefix("sitemap:")
        }
        guard !namesSitemap else { return [] }
        return [
            .warning(
                "robots-without-sitemap",
                "static/robots.txt replaces the robots.txt casebook makes, and names no sitemap; add the line "
                    + "'Sitemap: \(site.config.baseURL)sitemap.xml' so search engines find every page",
                at: SourceLocation(file: path, line: 1, column: 1))
        ]
    }
}
