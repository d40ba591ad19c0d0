import Foundation
import Model

#if canImport(Glibc)
    import Glibc
#endif

/// A build's output being written into the staging folder, from any number of threads.
///
/// `put` writes a file at once (skipping it when the staging copy already holds the same bytes)
/// and remembers the first error instead of throwing, so renderers can hand files over from
/// their worker threads; `finish` reports that error, or removes what this build did not
/// write and swaps the folder into place. Until then the output is untouched.
/// `@unchecked Sendable`: its mutable state is read and written only under `lock`.
public final class OutputSession: @unchecked Sendable {
    let root: String
    /// The staging folder, open: every write is made relative to it (see `FileOps`).
    private let rootFD: Int32
    /// The staging folder was made new for this build: nothing in it can be stale.
    let startsEmpty: Bool
    private let kept: KeptNames
    private let swap: (_ written: Set<String>) throws(WriteError) -> Void
    private let lock = NSLock()
    private var written: Set<String> = []
    private var statistics = OutputWriter.Statistics()
    private var failure: WriteError?

    init(
        root: String, rootFD: Int32, startsEmpty: Bool, kept: KeptNames,
        swap: @escaping (_ written: Set<String>) throws(WriteError) -> Void
    ) {
        self.root = root
        self.rootFD = rootFD
        self.startsEmpty = startsEmpty
        self.kept = kept
        self.swap = swap
    }

    deinit { close(rootFD) }

    /// Writes one file into the staging folder, making its folders first. A path that would
    /// leave the staging folder (see `OutputPath`) is refused: the build fails and writes nothing.
    public func put(_ file: OutputFile) {
        do {
            let path = try OutputPath(file.path)
            let changed = try FileOps.put(file, at: path, in: rootFD, rootPath: root)
            lock.withLock {
                // A path put twice (a static/ file replacing a generated one) counts once.
                if written.insert(file.path).inserted {
                    if changed { statistics.written += 1 } else { statistics.unchanged += 1 }
                }
            }
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    /// The files put so far, by output path; the marker left out.
    public var paths: Set<String> { lock.withLock { written.subtracting([OutputWriter.marker]) } }

    /// Ends the output: the first write error, or the new output swapped into place.
    @discardableResult
    public func finish() throws(WriteError) -> OutputWriter.Statistics {
        if let failure = lock.withLock({ failure }) { throw failure }
        var statistics = lock.withLock { self.statistics }
        let written = lock.withLock { self.written }
        if !startsEmpty { statistics.removed = FileOps.removeFiles(in: rootFD, notIn: written, keeping: kept.contains) }
        try swap(written)
        return statistics
    }
}
