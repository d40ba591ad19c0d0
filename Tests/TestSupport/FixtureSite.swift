import Foundation
import Model
import Pipeline

/// A site folder in a temporary directory, made from a dictionary of relative path → contents
/// (optionally on top of a copy of a folder under `Tests/Fixtures`), deleted when released.
///
/// Real folders rather than an in-memory file system: the loader's symlink and encoding checks
/// are part of what is tested.
public final class FixtureSite: Sendable {
    /// Absolute, with symlinks resolved, as the loader reports it.
    public let root: String

    public var url: URL { URL(fileURLWithPath: root) }

    /// - Parameters:
    ///   - fixture: a folder name under `Tests/Fixtures` to start from, such as `valid-site`.
    ///   - files: files to add or replace, relative path → UTF-8 text.
    public init(copying fixture: String? = nil, _ files: [String: String] = [:]) throws {
        let fm = FileManager.default
        let folder = TestScratch.path("casebook-site")
        if let fixture {
            let source = PackagePaths.fixtures.appendingPathComponent(fixture)
            guard fm.fileExists(atPath: source.path) else { throw FixtureError.missingFixture(source.path) }
            try fm.copyItem(at: source, to: folder)
        } else {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        root = folder.resolvingSymlinksInPath().path
        for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
            try write(path, contents)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    public func path(_ relative: String) -> String { root + "/" + relative }

    public func write(_ relative: String, _ contents: String) throws {
        try write(relative, bytes: Array(contents.utf8))
    }

    public func write(_ relative: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    public func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// Replaces the one occurrence of `old` in a file; throws when it is not there exactly once,
    /// so a test notices when the fixture it edits has changed under it.
    public func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try read(relative)
        let parts = text.components(separatedBy: old)
        guard parts.count == 2 else { throw FixtureError.editTarget(relative, old, parts.count - 1) }
        try write(relative, parts.joined(separator: new))
    }

    public func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }

    /// A symbolic link at `relative` pointing at `target` (absolute, or relative to the link).
    public func symlink(_ relative: String, to target: String) throws {
        let url = URL(fileURLWithPath: path(relative))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Loads and validates the site as `casebook check` does, on a fixed build day.
    public func check(on day: Day = FixtureSite.buildDay, includeDrafts: Bool = false) -> SiteCheck.Outcome {
        SiteCheck.run(folder: root, clock: BuildClock(asOf: day), includeDrafts: includeDrafts)
    }

    /// The build day tests use unless they say otherwise: 2025-09-01 (`CasebookCLI.fixedEpoch`).
    public static let buildDay = Day(year: 2025, month: 9, day: 1)!
}

public enum FixtureError: Error, CustomStringConvertible {
    case missingFixture(String)
    case editTarget(String, String, Int)

    public var description: String {
        switch self {
        case .missingFixture(let path): return "no fixture folder at \(path)"
        case .editTarget(let file, let text, let count):
            return "expected '\(text)' exactly once in \(file), found it \(count) times"
        }
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics about one file, in order.
    public func about(_ file: String) -> [Diagnostic] { filter { $0.location.file == file } }

    /// The diagnostics with one code, in order.
    public func with(code: String) -> [Diagnostic] { filter { $0.code == code } }

    /// `file:line: severity: code` for each, for readable failure messages and exact comparisons.
    public var summaries: [String] {
        map { "\($0.location.file):\($0.location.line): \($0.severity.rawValue): \($0.code)" }
    }
}
