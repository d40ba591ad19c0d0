import Foundation
import Model
import SystemSupport

#if canImport(Glibc)
    import Glibc
#endif

/// File system steps of the writer, with the fewest system calls that do the job.
///
/// Everything happens relative to the staging folder's descriptor, one name at a time, and
/// never through a symbolic link (`O_NOFOLLOW`, `openat`, `unlinkat`): the staging folder is
/// the previous build's output, reused, and a link found in it (planted there, or made by
/// someone editing the served site) would otherwise take a write or a delete outside it. A link
/// where the build wants a folder or a file is removed and replaced, never followed.
enum FileOps {
    static let folderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC

    /// Makes the staging folder (and the folders above it) unless it exists.
    static func makeDirectory(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError.system("cannot create the folder", path, errno)
        }
    }

    /// Opens the staging folder itself; a symbolic link there is refused.
    static func openRoot(_ path: String) throws(WriteError) -> Int32 {
        let fd = open(path, folderFlags)
        guard fd >= 0 else { throw WriteError.system("cannot open the folder", path, errno) }
        return fd
    }

    /// Opens the folder `name` of `parent`, making it when it is missing. A symbolic link of that
    /// name is removed first; a file of that name is an error.
    static func folder(_ name: String, in parent: Int32, shownAs path: String) throws(WriteError) -> Int32 {
        // Other threads make and open the same folders: "exists" is success, and a link another
        // thread removed is gone. Each round removes or makes one thing, so few rounds suffice.
        for _ in 0..<4 {
            let fd = openat(parent, name, folderFlags)
            if fd >= 0 { return fd }
            let code = errno
            switch code {
            case ENOENT:
                if mkdirat(parent, name, 0o755) != 0, errno != EEXIST { throw WriteError.system("cannot create the folder", path, errno) }
            case ELOOP, ENOTDIR:
                guard DirectoryEntries.kind(of: name, in: parent) == .symlink else {
                    throw WriteError.system("cannot create the folder", path, ENOTDIR)
                }
                if unlinkat(parent, name, 0) != 0, errno != ENOENT { throw WriteError.system("cannot remove the link", path, errno) }
            default:
                throw WriteError.system("cannot open the folder", path, code)
            }
        }
        throw WriteError.system("cannot create the folder", path, ELOOP)
    }

    /// Writes one file unless it already holds the same bytes. Returns whether it changed.
    ///
    /// Overwriting in place (`pwrite` + `ftruncate`) avoids the flush ext4 forces on `O_TRUNC`.
    static func put(_ file: OutputFile, at path: OutputPath, in root: Int32, rootPath: String) throws(WriteError) -> Bool {
        var folder = root
        defer { if folder != root { close(folder) } }
        var shown = rootPath
        for name in path.folders {
            shown += "/" + name
            let next = try Self.folder(name, in: folder, shownAs: shown)
            if folder != root { close(folder) }
            folder = next
        }
        let name = path.name, at = rootPath + "/" + path.description, target = folder
        switch file.contents {
        // The closures of `withUnsafeBytes` cannot throw a typed error: results carry it out.
        case .bytes(let bytes):
            return try bytes.withUnsafeBytes { buffer in
                Result { () throws(WriteError) in try put(buffer, named: name, in: target, shownAs: at) }
            }.get()
        case .text(var text):
            return try text.withUTF8 { buffer in
                Result { () throws(WriteError) in try put(UnsafeRawBufferPointer(buffer), named: name, in: target, shownAs: at) }
            }.get()
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                throw WriteError.system("cannot read", source, errno)
            }
            return try data.withUnsafeBytes { buffer in
                Result { () throws(WriteError) in try put(buffer, named: name, in: target, shownAs: at) }
            }.get()
        }
    }

    private static func put(
        _ bytes: UnsafeRawBufferPointer, named name: String, in folder: Int32, shownAs path: String
    ) throws(WriteError) -> Bool {
        let (fd, size) = try openFile(name, in: folder, shownAs: path)
        defer { close(fd) }
        if size == bytes.count, sameBytes(fd, bytes) { return false }
        var offset = 0
        while offset < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + offset, bytes.count - offset, off_t(offset))
            if n <= 0 { throw WriteError.system("cannot write", path, errno) }
            offset += n
        }
        // Only a longer old file needs cutting; a new one is empty.
        guard size <= bytes.count || ftruncate(fd, off_t(bytes.count)) == 0 else {
            throw WriteError.system("cannot write", path, errno)
        }
        return true
    }

    /// Opens the regular file `name` of `folder` for writing (made when missing), with its size.
    /// Anything else of that name is removed and a new file made in its place: a symbolic link,
    /// a FIFO, or a file with a second hard link elsewhere, which writing in place would reach.
    private static func openFile(_ name: String, in folder: Int32, shownAs path: String) throws(WriteError) -> (Int32, Int) {
        var flags = O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC
        for _ in 0..<4 {
            let fd = openat(folder, name, flags, 0o644)
            if fd >= 0 {
                var info = stat()
                guard fstat(fd, &info) == 0 else {
                    let code = errno
                    close(fd)
                    throw WriteError.system("cannot write", path, code)
                }
                if info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 { return (fd, Int(info.st_size)) }
                close(fd)
            } else if errno != ELOOP {
                throw WriteError.system("cannot write", path, errno)
            }
            if unlinkat(folder, name, 0) != 0, errno != ENOENT { throw WriteError.system("cannot remove", path, errno) }
            flags |= O_EXCL
        }
        throw WriteError.system("cannot write", path, EEXIST)
    }

    private static func sameBytes(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.isEmpty { return true }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        let n = existing.withUnsafeMutableBytes { pread(fd, $0.baseAddress, bytes.count, 0) }
        return n == bytes.count && existing.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// Hands `each` every regular file under the folder open as `root`, at its path in it, read
    /// without following a link: a link (or a FIFO, a device) found there is left out, so no copy
    /// reads through it to a file outside the folder. Top-level entries `skipped` names are left
    /// alone, not looked into.
    static func eachFile(
        in root: Int32, shownAs rootPath: String, skipping skipped: (String) -> Bool, _ each: (OutputFile) -> Void
    ) throws(WriteError) {
        func walk(_ folder: Int32, _ relative: String) throws(WriteError) {
            for (name, kind) in DirectoryEntries.list(in: folder) {
                if relative.isEmpty, skipped(name) { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch kind {
                case .folder:
                    let child = openat(folder, name, folderFlags)
                    guard child >= 0 else { throw WriteError.system("cannot open the folder", rootPath + "/" + path, errno) }
                    defer { close(child) }
                    try walk(child, path)
                case .file:
                    if let bytes = try read(name, in: folder, shownAs: rootPath + "/" + path) { each(OutputFile(path: path, bytes: bytes)) }
                case .symlink, .other:
                    continue
                }
            }
        }
        try walk(root, "")
    }

    /// The bytes of the regular file `name` of `folder`; nil when it is anything else by now.
    private static func read(_ name: String, in folder: Int32, shownAs path: String) throws(WriteError) -> [UInt8]? {
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { return nil }
            throw WriteError.system("cannot read", path, errno)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw WriteError.system("cannot read", path, errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + offset, $0.count - offset, off_t(offset)) }
            if n < 0 { throw WriteError.system("cannot read", path, errno) }
            if n == 0 { break }
            offset += n
        }
        return Array(bytes.prefix(offset))
    }

    /// Deletes the entry `name` of `folder`, with everything in it, never following a link.
    static func remove(_ name: String, in folder: Int32) {
        if DirectoryEntries.kind(of: name, in: folder) == .folder {
            let child = openat(folder, name, folderFlags)
            guard child >= 0 else { return }
            _ = removeFiles(in: child, notIn: [], keeping: { _ in false })
            close(child)
            unlinkat(folder, name, AT_REMOVEDIR)
        } else {
            unlinkat(folder, name, 0)
        }
    }

    /// Deletes the files (and links) under `root` that are not in `wanted`, and then the folders
    /// left empty; top-level entries `kept` names are left alone, not looked into. Links are
    /// removed as entries, never followed. Returns how many files went.
    static func removeFiles(in root: Int32, notIn wanted: Set<String>, keeping kept: (String) -> Bool) -> Int {
        var removed = 0
        func sweep(_ folder: Int32, _ relative: String) {
            for (name, kind) in DirectoryEntries.list(in: folder) {
                if relative.isEmpty, kept(name) { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                if kind == .folder {
                    let child = openat(folder, name, folderFlags)
                    guard child >= 0 else { continue }
                    sweep(child, path)
                    close(child)
                    unlinkat(folder, name, AT_REMOVEDIR)  // only an empty folder goes
                } else if !wanted.contains(path), unlinkat(folder, name, 0) == 0 {
                    removed += 1
                }
            }
        }
        sweep(root, "")
        return removed
    }
}
