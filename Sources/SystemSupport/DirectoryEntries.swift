import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder's entries through `readdir`, each with its kind from `d_type`: no `stat` per file,
/// which is what made listing tens of thousands of files slow (FileManager does one each).
public enum DirectoryEntries {
    public enum Kind: Sendable { case file, folder, symlink, other }

    /// The entries of `path` except `.` and `..`, in the file system's order; empty when it
    /// cannot be read. A kind the file system does not report is read with `lstat`.
    public static func list(_ path: String) -> [(name: String, kind: Kind)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        return entries(of: directory) { self.kind(atPath: path + "/" + $0, following: false) }
    }

    /// The entries of the folder open as `folder` (which stays open), as `list` gives them;
    /// a kind the file system does not report is read with `fstatat`, not following a link.
    public static func list(in folder: Int32) -> [(name: String, kind: Kind)] {
        // `closedir` closes the descriptor `fdopendir` was given: it gets a copy of the caller's.
        let copy = dup(folder)
        guard copy >= 0 else { return [] }
        guard let directory = fdopendir(copy) else {
            close(copy)
            return []
        }
        defer { closedir(directory) }
        rewinddir(directory)  // the copy shares its position with the caller's descriptor
        return entries(of: directory) { kind(of: $0, in: folder) }
    }

    /// What `name` in the open folder `folder` is, not following a link; nil when it is not there.
    public static func kind(of name: String, in folder: Int32) -> Kind? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return kind(of: info)
    }

    private static func entries(of directory: OpaquePointer, unreported: (String) -> Kind?) -> [(name: String, kind: Kind)] {
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            let kind: Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .symlink
            case Int32(DT_UNKNOWN): kind = unreported(name) ?? .other
            default: kind = .other
            }
            entries.append((name, kind))
        }
        return entries
    }

    /// What `path` is, through a final symbolic link or not; nil when it cannot be read.
    public static func kind(atPath path: String, following: Bool) -> Kind? {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        return kind(of: info)
    }

    private static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        default: return .other
        }
    }
}
