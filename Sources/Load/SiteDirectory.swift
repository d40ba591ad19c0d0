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
            extensions.contains((name as NSString).pathExtension.lowercased())
        }
    }

    /// Every regular file under `folder`, recursively (for `static/`), relative to the site folder.
    func allFiles(under folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        list(folder, recursive: true, diagnostics: &diagnostics)
    }

    private func list(_ folder: String, recursive: Bool, diagnostics: inout [Diagnostic]) -> [String] {
        let fm = FileManager.default
        // The folder itself may be a link (content/quotes → elsewhere): refuse it like a file.
        let resolved = URL(fileURLWithPath: absolute(folder)).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root + "/") else {
            diagnostics.append(
                .error("symlink-outside-site",
                       "symbolic link points outside the site folder (to \(resolved)); refused, not followed",
                       at: SourceLocation(file: folder)))
            return []
        }
        guard let names = try? fm.contentsOfDirectory(atPath: absolute(folder)) else { return [] }
        var result: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let relative = folder + "/" + name
            let path = absolute(relative)
            guard let attributes = try? fm.attributesOfItem(atPath: path) else { continue }
            var type = attributes[.type] as? FileAttributeType
            if type == .typeSymbolicLink {
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target == root || target.hasPrefix(root + "/") else {
                    diagnostics.append(
                        .error("symlink-outside-site",
                               "symbolic link points outside the site folder (to \(target)); refused, not followed",
                               at: SourceLocation(file: relative)))
                    continue
                }
                type = (try? fm.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
            }
            if type == .typeDirectory {
                if recursive { result += list(relative, recursive: true, diagnostics: &diagnostics) }
            } else if type == .typeRegular {
                result.append(relative)
            }
        }
        return result
    }
}
