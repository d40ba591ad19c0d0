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
        // readdir gives each entry's type without a stat per file (FileManager's listing cost
        // about 8 times as much on 60,000 files; perf-notes.md).
        for (name, entryType) in Self.entries(of: absolute(folder)) {
            let relative = folder + "/" + name
            let path = absolute(relative)
            var type = entryType == Int32(DT_UNKNOWN) ? Self.type(atPath: path, following: false) : entryType
            if type == Int32(DT_LNK) {
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target == root || target.hasPrefix(root + "/") else {
                    diagnostics.append(
                        .error("symlink-outside-site",
                               "symbolic link points outside the site folder (to \(target)); refused, not followed",
                               at: SourceLocation(file: relative)))
                    continue
                }
                type = Self.type(atPath: target, following: true)
            }
            if type == Int32(DT_DIR) {
                if recursive { result += list(relative, recursive: true, diagnostics: &diagnostics) }
            } else if type == Int32(DT_REG) {
                result.append(relative)
            }
        }
        return result
    }

    /// The visible entries of a folder and their `d_type`, sorted by name; empty when unreadable.
    private static func entries(of path: String) -> [(name: String, type: Int32)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [(name: String, type: Int32)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            entries.append((name, Int32(entry.pointee.d_type)))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// The `d_type` equivalent of a path's mode; DT_UNKNOWN when it cannot be read.
    private static func type(atPath path: String, following: Bool) -> Int32 {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return Int32(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        case S_IFLNK: return Int32(DT_LNK)
        default: return Int32(DT_UNKNOWN)
        }
    }
}
