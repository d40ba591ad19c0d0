import Foundation
import Model

/// A build's output being written into the staging folder, from any number of threads.
///
/// `put` writes a file at once (skipping it when the staging copy already holds the same bytes)
/// and remembers the first error instead of throwing, so renderers can hand files over from
/// their worker threads; `finish` reports that error, or removes what this build did not
/// write and swaps the folder into place. Until then the output is untouched.
public final class OutputSession: @unchecked Sendable {
    let root: String
    /// The staging folder was made new for this build: nothing in it can be stale.
    let startsEmpty: Bool
    private let swap: () throws(WriteError) -> Void
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var written: Set<String> = []
    private var statistics = OutputWriter.Statistics()
    private var failure: WriteError?

    init(root: String, startsEmpty: Bool, swap: @escaping () throws(WriteError) -> Void) {
        self.root = root
        self.startsEmpty = startsEmpty
        self.swap = swap
    }

    /// Writes one file into the staging folder, making its folders first.
    public func put(_ file: OutputFile) {
        do {
            try makeParents(of: file.path)
            let changed = try FileOps.put(file, into: root)
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

    /// Two threads may make the same folder at once: `makeDirectory` takes "exists" as success.
    private func makeParents(of path: String) throws(WriteError) {
        let parents = FileOps.parentFolders(of: path)  // deepest first
        guard let deepest = parents.first, !lock.withLock({ folders.contains(deepest) }) else { return }
        for folder in parents.reversed() where !lock.withLock({ folders.contains(folder) }) {
            try FileOps.makeDirectory(root + "/" + folder)
            lock.withLock { _ = folders.insert(folder) }
        }
    }

    /// Ends the output: the first write error, or the new output swapped into place.
    @discardableResult
    public func finish() throws(WriteError) -> OutputWriter.Statistics {
        if let failure = lock.withLock({ failure }) { throw failure }
        var statistics = lock.withLock { self.statistics }
        if !startsEmpty { statistics.removed = FileOps.removeFiles(in: root, notIn: lock.withLock { written }) }
        try swap()
        return statistics
    }
}
