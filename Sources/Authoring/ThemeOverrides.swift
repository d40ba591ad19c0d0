import Foundation

/// Files in a site's theme folder that casebook will not use, found by comparing it with the
/// built-in theme: a template the built-in theme no longer has (renamed or removed in an update,
/// so the copy changes nothing) unless another template includes it as a partial, and anything
/// outside `templates/` and `assets/`, which the theme loader never reads. Assets the built-in
/// theme lacks are the site's own (a logo) and are copied as they are, so they are not listed.
enum ThemeOverrides {
    /// `builtIn`: the built-in theme's files, path relative to the theme → bytes (`Theme.builtInFiles`).
    static func unused(overrideFolder: String, builtIn: [String: [UInt8]]) -> [(file: String, reason: String)] {
        let overrideFiles = files(under: overrideFolder)
        let builtInTemplates = Set(builtIn.keys.filter { $0.hasPrefix("templates/") })
        // Partials included by any template the theme ends up with (built-in or overridden).
        var included: Set<String> = []
        for file in Set(overrideFiles.filter { $0.hasPrefix("templates/") }).union(builtInTemplates) {
            let text = overrideFiles.contains(file)
                ? try? String(contentsOfFile: overrideFolder + "/" + file, encoding: .utf8)
                : builtIn[file].flatMap { String(bytes: $0, encoding: .utf8) }
            guard let text else { continue }
            for match in text.matches(of: /\{\{>\s*([^\s}]+)\s*\}\}/) { included.insert("templates/\(match.1).mustache") }
        }
        var unused: [(String, String)] = []
        for file in overrideFiles.sorted() {
            if file.hasPrefix("templates/") {
                guard file.hasSuffix(".mustache") else {
                    unused.append((file, "not a .mustache file; templates/ holds only templates"))
                    continue
                }
                if !builtInTemplates.contains(file) && !included.contains(file) {
                    unused.append((file, "the built-in theme has no \(file) (renamed or removed?) and no template includes it, so it changes nothing"))
                }
            } else if !file.hasPrefix("assets/") {
                unused.append((file, "outside templates/ and assets/, so the theme never reads it"))
            }
        }
        return unused
    }

    /// Copies of built-in files that no longer match them: copied (by `casebook override`, which
    /// stamps the copy) from a version of the built-in file that has changed since, or still
    /// the same as the built-in file, so that they change nothing. A copy made by hand that
    /// differs from the built-in file cannot be dated and is not listed.
    /// - Returns: `outdated` (the built-in file changed since the copy) and `unchanged` (the
    ///   copy changes nothing), each file relative to the override folder, with the reason.
    /// - Parameter shownAs: the override folder as messages name it (`themes/default`).
    static func copies(
        overrideFolder: String, shownAs: String, builtIn: [String: [UInt8]]
    ) -> (outdated: [(file: String, reason: String)], unchanged: [(file: String, reason: String)]) {
        var outdated: [(String, String)] = []
        var unchanged: [(String, String)] = []
        for file in files(under: overrideFolder) {
            guard let data = FileManager.default.contents(atPath: overrideFolder + "/" + file) else { continue }
            let bytes = [UInt8](data)
            if let text = String(bytes: bytes, encoding: .utf8), let (stamp, rest) = ThemeFileStamp.read(text) {
                guard let original = builtIn[stamp.path] else {
                    outdated.append((file, "copied from the built-in theme's \(stamp.path), which it no longer has (renamed or removed?)"))
                    continue
                }
                let current = ThemeFileStamp.fingerprint(original)
                if stamp.fingerprint != current {
                    outdated.append((
                        file,
                        "the built-in \(stamp.path) has changed since this copy was made: compare them "
                            + "(casebook override --print \(stamp.path) | diff - \(shownAs)/\(file)), bring in the changes you want, "
                            + "then change the fingerprint on its first line to fnv1a64:\(current)"
                    ))
                } else if Array(rest.utf8) == original {
                    unchanged.append((file, Self.sameAsBuiltIn))
                }
            } else if builtIn[file] == bytes {
                unchanged.append((file, Self.sameAsBuiltIn))
            }
        }
        return (outdated, unchanged)
    }

    static let sameAsBuiltIn = "the same as the built-in file, so it changes nothing; delete it to follow the built-in theme's updates"

    /// Regular files under `folder`, relative, without following links; hidden files skipped.
    static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: URL(fileURLWithPath: folder), includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
            options: [.skipsHiddenFiles])
        else { return [] }
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path + "/"
        var found: [String] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(base) { found.append(String(path.dropFirst(base.count))) }
        }
        return found.sorted()
    }
}
