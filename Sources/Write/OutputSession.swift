import Foundation
import Model
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A build's output being written into the staging folder, from any number of threads.
///
/// `put` writes a file at once (skipping it when the staging copy already holds the same bytes)
/// and remembers the first error instead of throwing, so renderers can hand files over from
/// their worker threads; `finish` reports that error, or removes what this build did not
/// write and swaps the folder into place. Until then the output is untouched.
public final class OutputSession: Sendable {
    let root: String
    /// The staging folder, open: every write is made relative to it (see `FileOps`).
    private let rootFD: Int32
    /// The staging folder was made new for this build: nothing in it can be stale.
    let startsEmpty: Bool
    private let kept: KeptNames
    /// Puts what the new output takes from the old one as it is (`OutputWriter.partial`), before the sweep.
    private let carry: @Sendable (OutputSession) throws(WriteError) -> Void
    private let swap: @Sendable (_ written: Set<String>) throws(WriteError) -> Void
    private struct State {
        var written: Set<String> = []
        var statistics = OutputWriter.Statistics()
        var failure: WriteError?
    }
    private let state = Mutex(State())

    init(
        root: String, rootFD: Int32, startsEmpty: Bool, kept: KeptNames,
        carry: @escaping @Sendable (OutputSession) throws(WriteError) -> Void,
        swap: @escaping @Sendable (_ written: Set<String>) throws(WriteError) -> Void
    ) {
        self.root = root
        self.rootFD = rootFD
        self.startsEmpty = startsEmpty
        self.kept = kept
        self.carry = carry
        self.swap = swap
    }

    deinit { close(rootFD) }

    /// Writes one file into the staging folder, making its folders first. A path that would
    /// leave the staging folder (see `OutputPath`) is refused: the build fails and writes nothing.
    public func put(_ file: OutputFile) {
        do {
            let path = try OutputPath(file.path)
            let changed = try FileOps.put(file, at: path, in: rootFD, rootPath: root)
            state.withLock { state in
                // A path put twice (a static/ file replacing a generated one) counts once.
                if state.written.insert(file.path).inserted {
                    if changed { state.statistics.written += 1 } else { state.statistics.unchanged += 1 }
                }
            }
        } catch {
            state.withLock { state in if state.failure == nil { state.failure = error } }
        }
    }

    /// The files put so far, by output path; the marker left out.
    public var paths: Set<String> { state.withLock { $0.written.subtracting([OutputWriter.marker]) } }

    /// Ends the output: the first write error, or the new output swapped into place.
    @discardableResult
    public func finish() throws(WriteError) -> OutputWriter.Statistics {
        try carry(self)
        let (made, written, failure) = state.withLock { ($0.statistics, $0.written, $0.failure) }
        if let failure { throw failure }
        var statistics = made
        if !startsEmpty { statistics.removed = FileOps.removeFiles(in: rootFD, notIn: written, keeping: kept.contains) }
        try swap(written)
        return statistics
    }
}
