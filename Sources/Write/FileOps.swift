import Foundation
import Model

#if canImport(Glibc)
    import Glibc
#endif

/// File system steps of the writer, with the fewest system calls that do the job.
enum FileOps {
    static func parentFolders(of path: String) -> [String] {
        var result: [String] = []
        var parts = path.split(separator: "/").dropLast()
        while !parts.isEmpty {
            result.append(parts.joined(separator: "/"))
            parts = parts.dropLast()
        }
        return result
    }

    static func makeDirectory(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError.system("cannot create the folder", path, errno)
        }
    }

    /// Writes one file unless it already holds the same bytes. Returns whether it changed.
    ///
    /// Overwriting in place (`pwrite` + `ftruncate`) avoids the flush ext4 forces on `O_TRUNC`.
    static func put(_ file: OutputFile, into root: String) throws(WriteError) -> Bool {
        let path = root + "/" + file.path
        switch file.contents {
        // The closures of `withUnsafeBytes` cannot throw a typed error: results carry it out.
        case .bytes(let bytes):
            return try bytes.withUnsafeBytes { buffer in Result { () throws(WriteError) in try put(buffer, at: path) } }.get()
        case .text(var text):
            return try text.withUTF8 { buffer in Result { () throws(WriteError) in try put(UnsafeRawBufferPointer(buffer), at: path) } }.get()
        case .copy(let source):
            guard let data = FileManager.default.contents(atPath: source) else {
                throw WriteError.system("cannot read", source, errno)
            }
            return try data.withUnsafeBytes { buffer in Result { () throws(WriteError) in try put(buffer, at: path) } }.get()
        }
    }

    private static func put(_ bytes: UnsafeRawBufferPointer, at path: String) throws(WriteError) -> Bool {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError.system("cannot write", path, errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw WriteError.system("cannot write", path, errno) }
        if Int(info.st_size) == bytes.count, sameBytes(fd, bytes) { return false }
        var offset = 0
        while offset < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + offset, bytes.count - offset, off_t(offset))
            if n <= 0 { throw WriteError.system("cannot write", path, errno) }
            offset += n
        }
        // Only a longer old file needs cutting; a new one is empty.
        guard Int(info.st_size) <= bytes.count || ftruncate(fd, off_t(bytes.count)) == 0 else {
            throw WriteError.system("cannot write", path, errno)
        }
        return true
    }

    private static func sameBytes(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.isEmpty { return true }
        var existing = [UInt8](repeating: 0, count: bytes.count)
        let n = existing.withUnsafeMutableBytes { pread(fd, $0.baseAddress, bytes.count, 0) }
        return n == bytes.count && existing.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// Deletes files (and then empty folders) left from an earlier build. Returns how many files.
    static func removeFiles(in root: String, notIn wanted: Set<String>) -> Int {
        var stale: [String] = []
        // Folders that can be empty now: found empty, or above a file that goes.
        var emptied = Set<String>()
        func walk(_ relative: String) {
            let entries = DirectoryEntries.list(relative.isEmpty ? root : root + "/" + relative)
            if entries.isEmpty, !relative.isEmpty { emptied.insert(relative) }
            for (name, kind) in entries {
                let path = relative.isEmpty ? name : relative + "/" + name
                if kind == .folder {
                    walk(path)
                } else if !wanted.contains(path) {
                    stale.append(path)
                }
            }
        }
        walk("")
        for relative in stale {
            unlink(root + "/" + relative)
            emptied.formUnion(parentFolders(of: relative))
        }
        for folder in Set(emptied.flatMap { [$0] + parentFolders(of: $0) }).sorted(by: >) {
            rmdir(root + "/" + folder)  // only empty ones go; deepest first, so parents can follow
        }
        return stale.count
    }
}
