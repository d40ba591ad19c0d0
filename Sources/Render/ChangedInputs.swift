import Aggregate
import Foundation
import Model

/// Which `OutputInput`s a set of changed source files changed, for `casebook serve`.
///
/// nil means "cannot tell", and the caller renders everything: `casebook.yml` (it may change
/// anything, the theme included), a folder (its files are not named), and any path outside what
/// the site reads. Content is compared item by item, old against new, so a file saved unchanged
/// changes nothing, and a CSV file with one row edited changes only what really changed.
public enum ChangedInputs {
    public static func of(_ paths: Set<String>, old: AggregatedSite, new: AggregatedSite) -> Set<OutputInput>? {
        let themeFolder = "themes/" + (new.config.theme ?? "default") + "/"
        var inputs = Set<OutputInput>()
        for path in paths.sorted() {
            if isFolder(path, root: new.site.root) { return nil }
            if path.hasPrefix("content/"), Translation.language(ofFile: path, among: new.config.translationLanguages) != nil {
                // A translation changes its language's pages and which pages the others link:
                // not attributed item by item.
                return nil
            } else if path.hasPrefix("content/") {
                // A lead image beside a case study is copied as a static file is.
                inputs.insert(.staticFile(path))
                // Outputs show items only: a file saved unchanged, or one the site does not read,
                // changes nothing; any item added, removed or edited changes the lists and counts.
                let changed = items(in: path, old: old, new: new, isFile: FileManager.default.fileExists(atPath: new.site.root + "/" + path))
                if !changed.isEmpty { inputs.insert(.content) }
                inputs.formUnion(changed)
            } else if path.hasPrefix("static/") {
                inputs.formUnion([.staticFile(path), .staticFolder])
            } else if path.hasPrefix(themeFolder) {
                let inside = path.dropFirst(themeFolder.count)
                if inside.hasPrefix("templates/"), inside.hasSuffix(".mustache") {
                    inputs.insert(.template(String(inside.dropFirst("templates/".count).dropLast(".mustache".count))))
                } else if inside.hasPrefix("assets/") {
                    inputs.insert(.asset(String(inside)))
                } else if inside == "templates" || inside == "assets" || inside.hasPrefix("templates/") {
                    return nil  // a folder of templates, perhaps deleted
                }
                // Theme.load reads nothing else of the theme's folder.
            } else if path.hasPrefix("themes/"), path.split(separator: "/").count > 2 {
                // Another theme's file: the site does not use it.
            } else {
                return nil
            }
        }
        return inputs
    }

    /// The items of one content file (or of a deleted folder's files) that differ between the
    /// two sites: added, removed or edited.
    /// - Parameter isFile: `path` is a file now, so no item is in a folder of that name: then
    ///   each item's file is compared, not searched for a prefix (this runs on every edit).
    static func items(in path: String, old: AggregatedSite, new: AggregatedSite, isFile: Bool = false) -> Set<OutputInput> {
        let folder = path + "/"
        func inside(_ file: String) -> Bool { file == path || (!isFile && file.hasPrefix(folder)) }
        var changed = Set<OutputInput>()
        func compare<Item: Equatable>(_ before: [Item], _ after: [Item], key: (Item) -> String, input: (String) -> OutputInput) {
            let after = Dictionary(after.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            let before = Dictionary(before.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for (id, item) in before where after[id] != item { changed.insert(input(id)) }
            for id in after.keys where before[id] == nil { changed.insert(input(id)) }
        }
        compare(old.caseStudies.filter { inside($0.file) }, new.caseStudies.filter { inside($0.file) }, key: \.slug, input: OutputInput.caseStudy)
        compare(old.quotes.filter { inside($0.location.file) }, new.quotes.filter { inside($0.location.file) }, key: \.id, input: OutputInput.quote)
        compare(old.site.pages.filter { inside($0.file) }, new.site.pages.filter { inside($0.file) }, key: \.slug, input: OutputInput.page)
        return changed
    }

    /// A folder's change does not say which of its files changed.
    static func isFolder(_ path: String, root: String) -> Bool {
        if ["content", "static", "themes"].contains(path) { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
