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
        func compare<Item: Equatable>(
            _ before: [Item], _ after: [Item], key: (Item) -> String, file: (Item) -> String, identity: (Item) -> ObjectIdentifier?,
            input: (String) -> OutputInput
        ) {
            // After an edit patched into the last run the lists hold the same items in the same
            // places, most of them the very same values: those are passed over by identity,
            // without reading the thousands of items of other files.
            if before.count == after.count, let aligned = alignedChanges(before, after, key: key, identity: identity) {
                for index in aligned where inside(file(before[index])) || inside(file(after[index])) { changed.insert(input(key(after[index]))) }
                return
            }
            let after = Dictionary(after.filter { inside(file($0)) }.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            let before = Dictionary(before.filter { inside(file($0)) }.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            for (id, item) in before where after[id] != item { changed.insert(input(id)) }
            for id in after.keys where before[id] == nil { changed.insert(input(id)) }
        }
        compare(old.caseStudies, new.caseStudies, key: \.slug, file: \.file, identity: { $0.fields.identity }, input: OutputInput.caseStudy)
        compare(old.quotes, new.quotes, key: \.id, file: \.location.file, identity: { $0.fields.identity }, input: OutputInput.quote)
        compare(old.site.pages, new.site.pages, key: \.slug, file: \.file, identity: { _ in nil }, input: OutputInput.page)
        return changed
    }

    /// The places where two lists of the same items in the same order hold unequal items; nil
    /// when an item at some place is another one (another key), so the lists are not aligned.
    private static func alignedChanges<Item: Equatable>(
        _ before: [Item], _ after: [Item], key: (Item) -> String, identity: (Item) -> ObjectIdentifier?
    ) -> [Int]? {
        var changed: [Int] = []
        for index in before.indices {
            if let a = identity(before[index]), a == identity(after[index]) { continue }
            guard key(before[index]) == key(after[index]) else { return nil }
            if before[index] != after[index] { changed.append(index) }
        }
        return changed
    }

    /// A folder's change does not say which of its files changed.
    static func isFolder(_ path: String, root: String) -> Bool {
        if ["content", "static", "themes"].contains(path) { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
