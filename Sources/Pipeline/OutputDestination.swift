import Foundation
import Model
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
public final class DiskOutput: OutputDestination, @unchecked Sendable {  // `session` is set once, before any `put`
    public let folder: String
    public let kind: OutputKind
    private var session: OutputSession?
    public private(set) var statistics: OutputWriter.Statistics?

    public init(folder: String, kind: OutputKind) {
        self.folder = folder
        self.kind = kind
    }

    public func begin(_ site: ValidatedSite) throws {
        if let problem = OutputPlacement.problem(output: folder, siteRoot: site.root) { throw OutputProblem(description: problem) }
        do {
            session = try OutputWriter(output: folder, kind: kind, keep: site.config.keep).begin()
        } catch {
            throw OutputProblem(description: error.description)
        }
    }

    public func put(_ file: OutputFile) { session?.put(file) }

    /// Every path written so far.
    public var paths: Set<String> { session?.paths ?? [] }

    public func finish() throws {
        do {
            statistics = try session?.finish()
        } catch {
            throw OutputProblem(description: error.description)
        }
    }
}

/// The files in memory, as `casebook serve` holds the site: output path → bytes.
///
/// A copied file is read only when it really lies inside the site (a symbolic link that leaves
/// it is not served); the built-in theme's files are bytes already.
public final class MemoryOutput: OutputDestination, @unchecked Sendable {  // `files` only under `lock`
    private let lock = NSLock()
    private var made: [String: [UInt8]] = [:]
    private var root = ""  // set by `begin`, before any `put`

    public init() {}

    public func begin(_ site: ValidatedSite) throws {
        root = URL(fileURLWithPath: site.root).resolvingSymlinksInPath().path
    }

    public func put(_ file: OutputFile) {
        let bytes: [UInt8]?
        switch file.contents {
        case .bytes(let contents): bytes = contents
        case .text(let text): bytes = Array(text.utf8)
        case .copy(let source):
            let resolved = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
            bytes = resolved.hasPrefix(root + "/") ? FileManager.default.contents(atPath: resolved).map { [UInt8]($0) } : nil
        }
        lock.withLock { made[file.path] = bytes }
    }

    public func finish() throws {}

    /// The files made, by output path; a copied file that could not be read has no bytes.
    public var files: [String: [UInt8]] { lock.withLock { made.compactMapValues { $0 } } }
}
