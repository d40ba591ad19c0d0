import Foundation
import Model

#if canImport(Glibc)
    import Glibc
#endif

/// Lists files under a folder without following a symbolic link out of a boundary folder.
///
/// The one rule for every tree casebook reads from disk: content (bounded by the site folder),
/// `static/` (bounded by itself) and a theme (bounded by `themes/<name>/`). A link, to a file or
/// to a folder, is followed only when its target, fully resolved, lies inside the boundary; a
/// folder being listed must itself resolve inside it (so `static/` may not be a link to
/// `content/`). A linked folder is also refused when it is, or contains, a folder already being
/// listed: `static/up -> ..`, `static/self -> .` and longer loops cannot recurse or list the site
/// into its own output. Only links cost a `realpath`; plain entries keep `readdir`'s kind.
public struct BoundedFolder: Sendable {
    /// What paths are relative to, absolute with symlinks resolved: the site folder (or the
    /// built-in theme's folder). Diagnostics name files relative to it.
    public let root: String
    /// Relative to `root`; "" for `root` itself. Links must resolve inside it.
    public let boundary: String
    /// Why the boundary is narrower than the site, said after "a link there may only point inside …".
    let reason: String

    /// Bounded by the site folder itself (content files may link anywhere inside the site).
    public init(root: String) {
        self.init(root: root, boundary: "", reason: "")
    }

    /// - Parameters:
    ///   - root: the site folder (made absolute and resolved here).
    ///   - boundary: the folder under `root` that links must stay in, such as `static`.
    ///   - reason: why, for the refusal message: "files in static/ are published as they are".
    public init(root: String, boundary: String, reason: String) {
        let absolute = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = Self.realPath(absolute) ?? absolute
        self.boundary = boundary
        self.reason = reason
    }

    public func absolute(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    /// The absolute boundary folder, as it would be with no link on the way.
    var boundaryPath: String { absolute(boundary) }

    /// `path` with every symbolic link resolved (`realpath(3)`); nil when it does not exist,
    /// is a broken link or a loop of links.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` is `folder` or inside it (both absolute and resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// The regular files under `folder` (relative to `root`), sorted by name within each folder,
    /// skipping names that start with `.`; sub-folders too when `recursive`. Each refused link is
    /// an error diagnostic naming it; a broken link is a warning.
    public func files(in folder: String, recursive: Bool, diagnostics: inout [Diagnostic]) -> [String] {
        let path = absolute(folder)
        guard let resolved = Self.realPath(path) else {
            // A missing folder is simply empty (content/pages is optional); a broken link is not.
            if DirectoryEntries.kind(atPath: path, following: false) == .symlink { refuseBroken(folder, &diagnostics) }
            return []
        }
        guard check(folder, resolved: resolved, &diagnostics) else { return [] }
        var result: [String] = []
        list(folder, real: resolved, listing: [resolved], recursive: recursive, into: &result, &diagnostics)
        return result
    }

    /// The absolute path to read for one file (such as `casebook.yml`), or the diagnostic that
    /// refuses it; nil with no diagnostic when there is no such file.
    public func file(_ relative: String, diagnostics: inout [Diagnostic]) -> String? {
        let path = absolute(relative)
        guard let resolved = Self.realPath(path) else {
            if DirectoryEntries.kind(atPath: path, following: false) == .symlink { refuseBroken(relative, &diagnostics) }
            return nil
        }
        return check(relative, resolved: resolved, &diagnostics) ? path : nil
    }

    /// - Parameter listing: the resolved folders being listed, from the first down to this one.
    private func list(
        _ folder: String, real: String, listing: [String], recursive: Bool, into result: inout [String], _ diagnostics: inout [Diagnostic]
    ) {
        let entries = DirectoryEntries.list(absolute(folder)).filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
        for (name, entryKind) in entries {
            let relative = folder + "/" + name
            var kind: DirectoryEntries.Kind? = entryKind
            var target = real + "/" + name
            if kind == .symlink {
                guard let resolved = Self.realPath(absolute(relative)) else {
                    refuseBroken(relative, &diagnostics)
                    continue
                }
                guard check(relative, resolved: resolved, &diagnostics) else { continue }
                kind = DirectoryEntries.kind(atPath: resolved, following: false)
                if kind == .folder, recursive, let inner = listing.first(where: { Self.isInside($0, resolved) }) {
                    diagnostics.append(
                        .error("symlink-loop",
                               "symbolic link points at a folder that holds it (\(shown(resolved)) holds \(shown(inner))); "
                                   + "following it would list the same files again and again, so it is refused",
                               at: SourceLocation(file: relative)))
                    continue
                }
                target = resolved
            }
            if kind == .folder {
                if recursive {
                    list(relative, real: target, listing: listing + [target], recursive: true, into: &result, &diagnostics)
                }
            } else if kind == .file {
                result.append(relative)
            }
        }
    }

    /// Whether `resolved` (where `relative` leads) is inside the boundary; a diagnostic when not.
    private func check(_ relative: String, resolved: String, _ diagnostics: inout [Diagnostic]) -> Bool {
        if Self.isInside(resolved, boundaryPath) { return true }
        if !Self.isInside(resolved, root) {
            diagnostics.append(
                .error("symlink-outside-site",
                       "symbolic link points outside the site folder (to \(resolved)); refused, not followed",
                       at: SourceLocation(file: relative)))
        } else {
            diagnostics.append(
                .error("symlink-outside-folder",
                       "symbolic link points outside \(boundary)/ (to \(shown(resolved))); refused, not followed: "
                           + "\(reason), so a link there may only point inside \(boundary)/ (copy the file in instead)",
                       at: SourceLocation(file: relative)))
        }
        return false
    }

    private func refuseBroken(_ relative: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(
            .warning("broken-symlink", "symbolic link leads to no file (or to a loop of links); skipped",
                     at: SourceLocation(file: relative)))
    }

    /// A resolved path as diagnostics print it: relative to the site folder when inside it.
    private func shown(_ resolved: String) -> String {
        if resolved == root { return "the site folder" }
        return Self.isInside(resolved, root) ? String(resolved.dropFirst(root.count + 1)) : resolved
    }
}
