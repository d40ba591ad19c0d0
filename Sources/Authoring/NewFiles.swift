import Foundation

/// Writes the files `init` and `new` make, inside one site folder, never through a symbolic link
/// and never over a file unless asked.
///
/// Every folder on the way is checked with `lstat`: a link or a file where a folder should be is
/// refused, so a link planted in a site (`content -> /etc`) cannot send a write elsewhere. New
/// files are created with `O_EXCL | O_NOFOLLOW`, so a file that appeared since the check is not
/// overwritten; a replaced file is written beside its target and renamed over it, which replaces
/// a link itself rather than the file it points to.
public struct NewFiles {
    /// The site folder, absolute or relative to the working directory.
    public let root: String

    public init(root: String) { self.root = root }

    public enum Existing: Equatable {
        case none, file, other
    }

    /// What is at `path` (relative to the root), without following a final link.
    public func existing(_ path: String) -> Existing {
        var info = stat()
        guard lstat(absolute(path), &info) == 0 else { return .none }
        return (info.st_mode & S_IFMT) == S_IFREG ? .file : .other
    }

    /// Makes the folders holding `path`, refusing any that is not a real folder.
    public func makeFolders(for path: String) throws(AuthoringError) {
        try checkFolders(for: path, making: true)
    }

    /// Refuses, before anything is written, a path whose folders include a link or a file.
    public func checkFolders(for path: String, making: Bool = false) throws(AuthoringError) {
        var current = ""
        for component in path.split(separator: "/").dropLast() {
            current += current.isEmpty ? String(component) : "/" + component
            var info = stat()
            if lstat(absolute(current), &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw AuthoringError.unsafe("\(current) is not a folder (a file or a symbolic link); casebook writes only into real folders")
                }
            } else if !making {
                return
            } else if mkdir(absolute(current), 0o755) != 0 {
                throw AuthoringError.io("cannot create the folder \(current): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Creates `path`; fails if anything is there already.
    public func create(_ path: String, text: String) throws(AuthoringError) {
        try create(path, bytes: Array(text.utf8))
    }

    /// Creates `path` with `bytes`; fails if anything is there already.
    public func create(_ path: String, bytes: [UInt8]) throws(AuthoringError) {
        try makeFolders(for: path)
        let descriptor = open(absolute(path), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw AuthoringError.exists([path]) }
            throw AuthoringError.io("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// Writes `path` whether or not it exists, replacing a file (or a link) by rename.
    public func replace(_ path: String, text: String) throws(AuthoringError) {
        try replace(path, bytes: Array(text.utf8))
    }

    /// `replace(_:text:)` with bytes.
    public func replace(_ path: String, bytes: [UInt8]) throws(AuthoringError) {
        try makeFolders(for: path)
        guard existing(path) != .other || isLink(path) else {
            throw AuthoringError.unsafe("\(path) is a folder or a device, not a file; move it away first")
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = ".casebook-new-\(getpid())-\(UUID().uuidString)"
        let temporary = folder.isEmpty ? name : folder + "/" + name
        try create(temporary, bytes: bytes)
        let from = absolute(temporary)
        guard rename(from, absolute(path)) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(from)
            throw AuthoringError.io("cannot replace \(path): \(reason)")
        }
    }

    private func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(absolute(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private func writeAll(_ all: [UInt8], to descriptor: Int32, path: String) throws(AuthoringError) {
        var bytes = all[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw AuthoringError.io("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    public func absolute(_ path: String) -> String { root + "/" + path }
}
