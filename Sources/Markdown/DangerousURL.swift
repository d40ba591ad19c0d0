/// The URLs libcmark's safe mode empties (`_scan_dangerous_url` in cmark 0.30): `javascript:`,
/// `vbscript:`, `file:`, and `data:` except the four image types. The renderer applies the same
/// rule when a site keeps raw HTML (`.unsafe`), which would otherwise keep these links as well.
enum DangerousURL {
    static func isDangerous(_ url: String) -> Bool {
        let start = url.prefix(20).lowercased()
        if start.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { start.hasPrefix($0) }
        }
        return ["javascript:", "vbscript:", "file:"].contains { start.hasPrefix($0) }
    }
}
