import Foundation
import Model
import SystemSupport

/// Lists a site's content and static files without ever leaving the site folder.
///
/// Both go through `BoundedFolder`, the one rule for links: content files may link anywhere
/// inside the site folder; `static/` is published as it is, so its links may only point inside
/// `static/` itself (never at `content/`, `casebook.yml`, a theme or an output folder).
struct SiteDirectory {
    static let staticFolder = "static"

    private let content: BoundedFolder
    private let published: BoundedFolder

    init(root: String) {
        content = BoundedFolder(root: root)
        published = BoundedFolder(
            root: root, boundary: Self.staticFolder, reason: "files in static/ are published as they are")
    }

    /// The site folder, absolute and with symlinks resolved.
    var root: String { content.root }

    func absolute(_ relative: String) -> String { content.absolute(relative) }

    /// The path to read `casebook.yml` (or another file at the top) from; nil when it is missing
    /// or refused (a link out of the site), with the diagnostic saying which.
    func file(_ relative: String, diagnostics: inout [Diagnostic]) -> String? {
        content.file(relative, diagnostics: &diagnostics)
    }

    /// Files directly in `folder` whose names end in one of `extensions`, sorted by name.
    /// A symlink whose target is outside the site folder is refused with a diagnostic, not followed.
    func files(in folder: String, extensions: Set<String>, diagnostics: inout [Diagnostic]) -> [String] {
        content.files(in: folder, recursive: false, diagnostics: &diagnostics).filter { name in
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

    /// Every regular file under `static/`, recursively, relative to the site folder.
    func staticFiles(diagnostics: inout [Diagnostic]) -> [String] {
        published.files(in: Self.staticFolder, recursive: true, diagnostics: &diagnostics)
    }
}
