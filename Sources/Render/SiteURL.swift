import Foundation

/// Where each page lives, relative to the site root, with no leading `/`. Templates put the
/// site's base path (`root`, from `base_url`) in front, so the site works under any sub-path.
/// Pages are folders with an `index.html`, so URLs end in `/` (as Hugo's pretty URLs).
enum SiteURL {
    static let home = ""
    static let caseStudies = "case-studies/"
    static let themes = "themes/"
    static let programmes = "programmes/"
    static let quotes = "quotes/"
    static let search = "search/"
    static let feed = "feed.xml"
    /// The site's `brand:` as CSS custom properties, when it sets any.
    static let brandStylesheet = "assets/brand.css"

    static func caseStudy(_ slug: String) -> String { "case-studies/\(slug)/" }
    static func theme(_ id: String) -> String { "themes/\(id)/" }
    static func programme(_ id: String) -> String { "programmes/\(id)/" }
    static func page(_ slug: String) -> String { "\(slug)/" }
    static func report(_ id: String) -> String { "reports/\(id)/" }
    static func quoteGroup(_ themeID: String) -> String { "quotes/#theme-\(themeID)" }

    /// A file's path in the site (`case-studies/garden/Beds in May.jpg`) as a URL path: every
    /// character but letters, digits, `-._~` and `/` percent-encoded, `%` included.
    static func encodedPath(_ path: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        allowed.formIntersection(.urlPathAllowed)
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    /// The output file of a page URL.
    static func file(for url: String) -> String { url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url }
}
