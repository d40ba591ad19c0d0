import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Watches a site's sources with inotify and reports which relative paths changed.
///
/// Watches the site folder itself (for `casebook.yml`, which editors often replace rather than
/// rewrite, and for `content/`, `themes/` and `static/` appearing), and every folder under
/// `content/`, `themes/` and `static/`, adding watches as folders appear. Events are read on a
/// background thread that sleeps in `poll(2)`; nothing polls the file system. Editors' scratch
/// files (`.name.swp`, `name~`, `4913`, `#name#`) are ignored. When the kernel's queue overflows, the
/// report is nil: anything may have changed.
///
/// `@unchecked Sendable`: after `start`, the watch state belongs to the watching thread alone;
/// the one value another thread touches, the stop pipe's write end, is behind a `Mutex`.
final class FileWatcher: @unchecked Sendable {
    typealias Handler = @Sendable (Set<String>?) -> Void

    static let watched: Set<String> = ["casebook.yml", "content", "themes", "static"]

    let root: String
    private let handler: Handler
    private var fd: Int32 = -1
    /// The stop pipe: the watching thread owns the read end, `stop()` the write end.
    private var stopRead: Int32 = -1
    /// Behind a `Mutex`: `stop()` may run on any thread, and twice (by the server, then `deinit`).
    private let stopWrite = Mutex<Int32>(-1)
    /// Watch descriptor → folder, relative to the root ("" for the root).
    private var folders: [Int32: String] = [:]
    private var thread: Thread?

    init(root: String, handler: @escaping Handler) {
        self.root = root
        self.handler = handler
    }

    deinit { stop() }

    func start() throws {
        #if os(Linux)
            fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard fd >= 0 else { throw ServeError.watch("inotify_init1 failed: \(String(cString: strerror(errno)))") }
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { throw ServeError.watch("pipe failed: \(String(cString: strerror(errno)))") }
            stopRead = ends[0]
            stopWrite.withLock { $0 = ends[1] }
            add("")
            for name in Self.watched.sorted() where name != "casebook.yml" { addRecursively(name) }
            let thread = Thread { [self] in run() }
            thread.name = "casebook-watch"
            self.thread = thread
            thread.start()
        #else
            throw ServeError.watch("file watching needs Linux (inotify)")
        #endif
    }

    func stop() {
        let end = stopWrite.withLock { end -> Int32 in
            defer { end = -1 }
            return end
        }
        guard end >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(end, &byte, 1)
        // The watching thread sees the byte and closes the rest; the write end is this method's.
        close(end)
    }

    #if os(Linux)
        private static let mask: UInt32 =
            UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
            | UInt32(IN_DELETE_SELF | IN_MOVE_SELF)

        private func add(_ folder: String) {
            let path = folder.isEmpty ? root : root + "/" + folder
            let wd = inotify_add_watch(fd, path, Self.mask)
            if wd >= 0 { folders[wd] = folder }
        }

        /// Watches a folder and every folder under it (symbolic links are not followed).
        private func addRecursively(_ folder: String) {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + folder, isDirectory: &isDirectory), isDirectory.boolValue,
                (try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + folder)) == nil
            else { return }
            add(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? [] where !name.hasPrefix(".") {
                addRecursively(folder + "/" + name)
            }
        }

        private func run() {
            let bufferSize = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 8)
            defer {
                buffer.deallocate()
                close(fd)
                close(stopRead)
            }
            var polls = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0)]
            while true {
                polls[0].revents = 0
                polls[1].revents = 0
                let ready = poll(&polls, 2, -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if polls[1].revents != 0 { return }
                var changed = Set<String>()
                var overflow = false
                while true {
                    let count = read(fd, buffer, bufferSize)
                    if count <= 0 { break }
                    overflow = parse(buffer, count: count, into: &changed) || overflow
                }
                if overflow {
                    handler(nil)
                } else if !changed.isEmpty {
                    handler(changed)
                }
            }
        }

        /// Reads a block of `inotify_event`s; returns true when the queue overflowed.
        private func parse(_ buffer: UnsafeMutableRawPointer, count: Int, into changed: inout Set<String>) -> Bool {
            var overflow = false
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let wd = buffer.load(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                var name = ""
                if length > 0 {
                    let start = buffer.advanced(by: offset + header).assumingMemoryBound(to: CChar.self)
                    name = String(cString: start)
                }
                offset += header + length

                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    overflow = true
                    continue
                }
                if mask & UInt32(IN_IGNORED) != 0 {
                    folders[wd] = nil
                    continue
                }
                guard let folder = folders[wd] else { continue }
                if name.isEmpty {
                    // The folder itself went away or moved.
                    if !folder.isEmpty { changed.insert(folder) }
                    continue
                }
                guard !Self.isScratch(name) else { continue }
                if folder.isEmpty && !Self.watched.contains(name) { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                changed.insert(path)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    addRecursively(path)
                    // Files may have been written before the new watch was in place.
                    changed.formUnion(files(under: path))
                }
            }
            return overflow
        }

        private func files(under folder: String) -> [String] {
            guard let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder) else { return [] }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String { found.append(folder + "/" + relative) }
            return found
        }
    #endif

    /// Editors' temporary and backup files: saving through them must not rebuild twice.
    static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913"
            // `sed -i` writes through `sedXXXXXX`.
            || (name.count == 9 && name.hasPrefix("sed") && !name.contains("."))
    }
}
