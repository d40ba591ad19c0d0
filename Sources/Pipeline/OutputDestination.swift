import Foundation
import Model
import Synchronization
import Write

/// Where the pipeline's files go: the one thing `casebook build` and `casebook serve` do differently
/// after planning. `put` is called from several threads at once.
public protocol OutputDestination: AnyObject, Sendable {
    /// Before the first file, once the site is valid; throws (a description) to stop the build.
    func begin(_ site: ValidatedSite) throws
    func put(_ file: OutputFile)
    /// After the last file: the files take effect.
    func finish() throws
}

/// A problem with the output itself (its place, its folder), said in a sentence.
struct OutputProblem: Error, CustomStringConvertible {
    var description: String
}

/// An output folder on disk, swapped in whole by `OutputWriter` when the build finishes.
public final class DiskOutput: OutputDestination {
    public let folder: String
    public let kind: OutputKind
    /// Replace only the top-level entries written, keeping the old output's others (`OutputWriter.partial`).
    public let partial: Bool
    private let session = Mutex<OutputSession?>(nil)
    private let finished = Mutex<OutputWriter.Statistics?>(nil)

    public init(folder: String, kind: OutputKind, partial: Bool = false) {
        self.folder = folder
        self.kind = kind
        self.partial = partial
    }

    public func begin(_ site: ValidatedSite) throws {
        if let problem = OutputPlacement.problem(output: folder, siteRoot: site.root) { throw OutputProblem(description: problem) }
        do {
            let started = try OutputWriter(output: folder, kind: kind, keep: site.config.keep, partial: partial).begin()
            session.withLock { $0 = started }
        } catch {
            throw OutputProblem(description: error.description)
        }
    }

    public func put(_ file: OutputFile) { session.withLock { $0 }?.put(file) }

    /// Every path written so far.
    public var paths: Set<String> { session.withLock { $0 }?.paths ?? [] }

    public var statistics: OutputWriter.Statistics? { finished.withLock { $0 } }

    public func finish() throws {
        do {
            let statistics = try session.withLock { $0 }?.finish()
            finished.withLock { $0 = statistics }
        } catch {
            throw OutputProblem(description: error.description)
        }
    }
}

/// The files in memory, as `casebook serve` holds the site: output path → bytes.
///
/// A copied file is read only when it really lies inside the site (a symbolic link that leaves
/// it is not served); the built-in theme's files are bytes already.
public final class MemoryOutput: OutputDestination {
    private let made = Mutex<[String: [UInt8]]>([:])
    private let root = Mutex("")  // set by `begin`, before any `put`

    public init() {}

    public func begin(_ site: ValidatedSite) throws {
        let resolved = URL(fileURLWithPath: site.root).resolvingSymlinksInPath().path
        root.withLock { $0 = resolved }
    }

    public func put(_ file: OutputFile) {
        let bytes: [UInt8]?
        switch file.contents {
        case .bytes(let contents): bytes = contents
        case .text(let text): bytes = Array(text.utf8)
        case .copy(let source):
            let resolved = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
            let root = root.withLock { $0 }
            bytes = resolved.hasPrefix(root + "/") ? FileManager.default.contents(atPath: resolved).map { [UInt8]($0) } : nil
        }
        made.withLock { $0[file.path] = bytes }
    }

    public func finish() throws {}

    /// The files made, by output path; a copied file that could not be read has no bytes.
    public var files: [String: [UInt8]] { made.withLock { $0.compactMapValues { $0 } } }
}
