import CSystem
import Foundation
import Model

#if canImport(Glibc)
    import Glibc
#endif

/// The last stage: puts a complete output folder in place, atomically.
///
/// Input: every file of the output. The files are written into a staging folder beside the
/// output (the previous build's copy, reused: unchanged files are not rewritten), which is then
/// swapped with the output in one `renameat2(RENAME_EXCHANGE)`. A build that fails or is killed
/// at any point leaves the previous output whole. A folder casebook did not make is never
/// overwritten: the marker file `.casebook-output` says which folders are casebook's.
public struct OutputWriter: Sendable {
    public let output: String
    static let marker = ".casebook-output"

    public init(output: String) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL.path
    }

    var staging: String {
        let url = URL(fileURLWithPath: output)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".casebook-stage").path
    }

    public struct Statistics: Sendable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    /// Writes `files` as the new output. Throws, leaving the old output untouched, on any I/O error.
    @discardableResult
    public func write(_ files: [OutputFile]) throws(WriteError) -> Statistics {
        let session = try begin()
        _ = files.parallelMap { session.put($0) }
        return try session.finish()
    }

    /// Starts a new output in the staging folder: files are put into it as they are made (so a
    /// build need not hold its whole site in memory), and `finish` swaps it into place.
    public func begin() throws(WriteError) -> OutputSession {
        try checkOwnership(output)
        let reused = FileManager.default.fileExists(atPath: staging)
        if reused { try checkOwnership(staging) }
        try FileOps.makeDirectory(staging)
        let session = OutputSession(root: staging, startsEmpty: !reused) { () throws(WriteError) in try swapIntoPlace() }
        // The marker goes in first: a build that fails halfway leaves a staging folder that is
        // still recognisably casebook's, so the next build may reuse it.
        session.put(OutputFile(path: Self.marker, text: "This folder is written by casebook; it is replaced on every build.\n"))
        return session
    }

    private func swapIntoPlace() throws(WriteError) {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output) {
            guard rename(staging, output) == 0 else { throw WriteError.system("cannot move the new output into place", output, errno) }
            return
        }
        if casebook_exchange_paths(staging, output) == 0 { return }
        // Without an atomic exchange (other kernels, some file systems): two renames.
        let old = staging + ".old"
        try? fm.removeItem(atPath: old)
        guard rename(output, old) == 0 else { throw WriteError.system("cannot move the old output aside", output, errno) }
        guard rename(staging, output) == 0 else {
            _ = rename(old, output)
            throw WriteError.system("cannot move the new output into place", output, errno)
        }
        _ = rename(old, staging)
    }

    /// A folder may be replaced only if it is missing, empty, or carries casebook's marker.
    private func checkOwnership(_ folder: String) throws(WriteError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw WriteError.notOurs(folder, "it is a file") }
        let contents = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
        if contents.isEmpty || contents.contains(Self.marker) { return }
        throw WriteError.notOurs(folder, "it holds files casebook did not write")
    }
}

/// Why the output could not be written.
public enum WriteError: Error, CustomStringConvertible, Sendable {
    case system(String, String, Int32)
    case notOurs(String, String)

    public var description: String {
        switch self {
        case .system(let what, let path, let code):
            return "\(what): \(path): \(String(cString: strerror(code)))"
        case .notOurs(let path, let why):
            return "refusing to replace \(path): \(why). Remove it or choose another --output folder"
        }
    }
}
