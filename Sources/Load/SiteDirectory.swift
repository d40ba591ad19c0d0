import Foundation
import Model

/// Lists a site's content files without ever leaving the site folder.
struct SiteDirectory {
    /// The site folder, absolute and with symlinks resolved.
    let root: String

    init(root: String) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
    }

    func absolute(_ relative: String) -> String { root + "/" + relative }

    /// Files directly in `folder` whose names end in one of `extensions`, sorted by name.
    /// A symlink whose target is outside the site folder is refused with a diagnostic, not followed.
    func files(in folder: String, extensions: Set<String>, diagnostics: inout [Diagnostic]) -> [String] {
        list(folder, recursive: false, diagnostics: &diagnostics).filter { name in
            extensions.contains(Self.pathExtension(of: name))
        }
    }

    /// The lower-cased text after the last `.` of the last path component ("" when none, or
    /// when the name starts with it), as `NSString.pathExtension` gives it, without bridging.
    static func pathExtension(of path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8[path.utf8.index(after: $0)...] } ?? path.utf8[...]
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(Substring(name[name.index(after: dot)...])).lowercased()
    }

    /// Every regular file under `folder`, recursively (for `static/`), relative to the site folder.
    func allFiles(under folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        list(folder, recursive: true, diagnostics: &diagnostics)
    }

    private func list(_ folder: String, recursive: Bool, diagnostics: inout [Diagnostic]) -> [String] {
        // The folder itself may be a link (content/quotes → elsewhere): refuse it like a file.
        let resolved = URL(fileURLWithPath: absolute(folder)).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else {
            diagnostics.append(
                .error("symlink-outside-site",
                       "symbolic link points outside the site folder (to \(resolved)); refused, not followed",
                       at: SourceLocation(file: folder)))
            return []
        }
        var result: [String] = []
        let entries = DirectoryEntries.list(absolute(folder)).filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
        for (name, entryKind) in entries {
            let relative = folder + "/" + name
            let path = absolute(relative)
            var kind: DirectoryEntries.Kind? = entryKind
            if kind == .symlink {
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target == root || target.hasPrefix(root + "/") else {
                    diagnostics.append(
                        .error("symlink-outside-site",
                               "symbolic link points outside the site folder (to \(target)); refused, not followed",
                               at: SourceLocation(file: relative)))
                    continue
                }
                kind = DirectoryEntries.kind(atPath: target, following: true)
            }
            if kind == .folder {
                if recursive { result += list(relative, recursive: true, diagnostics: &diagnostics) }
            } else if kind == .file {
                result.append(relative)
            }
        }
        return result
    }
}
