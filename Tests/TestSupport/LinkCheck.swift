import Foundation

/// Resolves a link found in a built page against the built files, as a browser would offline.
public enum LinkCheck {
    /// nil when the link works; otherwise what is wrong.
    /// `basePath` is the path part of the site's `base_url` (`/coproduction/`): links start with it.
    public static func problem(_ target: String, from page: String, in site: SiteFiles, basePath: String = "/") -> String? {
        if target.isEmpty { return "empty link" }
        if target.hasPrefix("mailto:") || target.contains("://") || target.hasPrefix("data:") { return nil }
        var path = target, fragment: String?
        if let hash = target.firstIndex(of: "#") {
            path = String(target[..<hash])
            fragment = String(target[target.index(after: hash)...])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        var file: String
        if path.isEmpty {
            file = page
        } else if path.hasPrefix("/") {
            guard path.hasPrefix(basePath) else { return "outside the site's base path \(basePath)" }
            let relative = String(path.dropFirst(basePath.count))
            file = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
            if site.files[file] == nil, site.files[file + "/index.html"] != nil { file += "/index.html" }
        } else {
            let base = (page as NSString).deletingLastPathComponent
            file = normalise(base.isEmpty ? path : base + "/" + path)
            if path.hasSuffix("/") || file.isEmpty || site.files[file] == nil && site.files[file + "/index.html"] != nil {
                file = file.isEmpty ? "index.html" : (file.hasSuffix("/") ? file : file + "/") + "index.html"
            }
        }
        file = file.replacingOccurrences(of: "//", with: "/")
        if file.hasPrefix("/") { file.removeFirst() }
        guard let bytes = site.files[file] else { return "no file \(file)" }
        guard let fragment, !fragment.isEmpty else { return nil }
        let ids = HTMLScanner(String(decoding: bytes, as: UTF8.self)).tags.compactMap { $0.attribute("id") }
        return ids.contains(fragment) ? nil : "no id '\(fragment)' in \(file)"
    }

    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
