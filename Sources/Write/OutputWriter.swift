import CSystem
import Foundation
import Model
import SystemSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The last stage: puts a complete output folder in place, atomically.
///
/// Input: every file of the output. The files are written into a staging folder beside the
/// output (the previous build's copy, reused: unchanged files are not rewritten), which is then
/// swapped with the output in one `renameat2(RENAME_EXCHANGE)`. A build that fails or is killed
/// at any point leaves the previous output whole. A folder casebook did not make is never
/// overwritten: the marker file `.casebook-output` says which folders are casebook's. What the
/// user keeps in the output (`keep`: `.git` of a `gh-pages` checkout, a `CNAME`) is moved into
/// the new output just before the swap, and moved back if the swap fails.
///
/// A partial output (`report --only`) replaces only the top-level entries it writes: the old
/// output's others (the reports not rebuilt) are copied into the staging folder before the swap,
/// so they stay as they were and the old output is still untouched until then.
///
/// The marker also says what the folder holds, a website or reports: `casebook report` pointed
/// at the site's folder (or `build` at the reports') is refused, since the next deploy of the
/// site would publish internal reports.
public struct OutputWriter: Sendable {
    public let output: String
    public let kind: OutputKind
    let kept: KeptNames
    /// Whether the old output's top-level entries this build does not write are carried into the new one.
    public let partial: Bool
    static let marker = ".casebook-output"

    /// - Parameters:
    ///   - kind: what this output holds; a folder marked as the other kind is never replaced.
    ///   - keep: top-level names or globs in the output that are the user's (`keep:`).
    ///   - partial: replace only the top-level entries written (`report --only`), keeping the others as they are.
    public init(output: String, kind: OutputKind = .site, keep: [String] = SiteConfig.defaultKeep, partial: Bool = false) {
        self.output = URL(fileURLWithPath: output).standardizedFileURL.path
        self.kind = kind
        self.kept = KeptNames(patterns: keep)
        self.partial = partial
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
        // The staging folder is casebook's by its name: a link of that name is removed, not followed.
        if DirectoryEntries.kind(atPath: staging, following: false) == .symlink, unlink(staging) != 0 {
            throw WriteError.system("cannot remove the link", staging, errno)
        }
        let reused = DirectoryEntries.kind(atPath: staging, following: false) != nil
        if reused { try checkOwnership(staging) }
        try FileOps.makeDirectory(staging)
        let rootFD = try FileOps.openRoot(staging)
        let session = OutputSession(
            root: staging, rootFD: rootFD, startsEmpty: !reused, kept: kept,
            carry: { (session: OutputSession) throws(WriteError) in if partial { try carryOthers(into: session) } },
            swap: { (written: Set<String>) throws(WriteError) in try swapIntoPlace(written: written) })
        // The marker goes in first: a build that fails halfway leaves a staging folder that is
        // still recognisably casebook's, so the next build may reuse it.
        session.put(OutputFile(path: Self.marker, text: kind.marker))
        return session
    }

    /// Copies the old output's top-level entries that this build did not write into the staging
    /// folder, as files: the old output itself is left as it is until the swap. Kept entries are
    /// moved over by `swapIntoPlace` instead, as in every build.
    private func carryOthers(into session: OutputSession) throws(WriteError) {
        let writtenNames = Set(session.paths.map { String($0.prefix { $0 != "/" }) })
        let folder = open(output, FileOps.folderFlags)
        guard folder >= 0 else {
            // No old output, or a link or a file in its place: nothing is carried (a link is
            // never followed), and the swap deals with it as in a full build.
            if errno == ENOENT || errno == ENOTDIR || errno == ELOOP { return }
            throw WriteError.system("cannot open the folder", output, errno)
        }
        defer { close(folder) }
        try FileOps.eachFile(in: folder, shownAs: output, skipping: { $0 == Self.marker || kept.contains($0) || writtenNames.contains($0) }) {
            session.put($0)
        }
    }

    /// Swaps the staging folder in, with the user's kept entries moved over from the old output
    /// (those this build did not write itself: a `CNAME` from `static/` replaces the old one).
    private func swapIntoPlace(written: Set<String>) throws(WriteError) {
        let writtenNames = Set(written.map { String($0.prefix { $0 != "/" }) })
        let carried = DirectoryEntries.list(output).map(\.name).filter { kept.contains($0) && !writtenNames.contains($0) }.sorted()
        var moved: [String] = []
        func moveBack() {
            for name in moved.reversed() { _ = rename(staging + "/" + name, output + "/" + name) }
        }
        for name in carried {
            // Left in the staging folder by a build killed before its swap: two copies, and
            // casebook cannot tell which one the user wants.
            if DirectoryEntries.kind(atPath: staging + "/" + name, following: false) != nil {
                moveBack()
                throw WriteError.keptTwice(name, output, staging)
            }
            guard rename(output + "/" + name, staging + "/" + name) == 0 else {
                let code = errno
                moveBack()
                throw WriteError.system("cannot move a kept file into the new output", output + "/" + name, code)
            }
            moved.append(name)
        }
        do throws(WriteError) {
            try exchange()
        } catch {
            moveBack()
            throw error
        }
        // The old output, now the staging folder, may hold its own copies of kept names this
        // build wrote: superseded, so removed now. Left there, the next build could not tell
        // them from a kept entry an interrupted build left behind.
        let superseded = DirectoryEntries.list(staging).map(\.name).filter { kept.contains($0) && writtenNames.contains($0) }
        if !superseded.isEmpty, let folder = try? FileOps.openRoot(staging) {
            for name in superseded { FileOps.remove(name, in: folder) }
            close(folder)
        }
    }

    private func exchange() throws(WriteError) {
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

    /// A folder may be replaced only if it is missing, carries casebook's marker, or holds
    /// nothing but kept entries (an empty folder, or a fresh `gh-pages` checkout: only `.git`).
    private func checkOwnership(_ folder: String) throws(WriteError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw WriteError.notOurs(folder, "it is a file") }
        let contents = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
        if contents.contains(Self.marker) {
            let marker = fm.contents(atPath: folder + "/" + Self.marker).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if let found = OutputKind(marker: marker), found != kind { throw WriteError.otherKind(folder, found) }
            return
        }
        if contents.allSatisfy(kept.contains) { return }
        throw WriteError.notOurs(folder, "it holds files casebook did not write")
    }
}

/// What an output folder holds, written into its marker file.
public enum OutputKind: String, Sendable {
    /// The public website (`casebook build`).
    case site
    /// Reports, internal ones included (`casebook report`).
    case reports

    var marker: String {
        switch self {
        case .site: return "This folder is written by casebook: a website. It is replaced on every build.\n"
        case .reports: return "This folder is written by casebook: reports, internal ones included. It is replaced on every report build.\n"
        }
    }

    /// The kind a marker names; nil for a marker from before kinds were written (either kind may replace it).
    init?(marker: String) {
        guard let kind = [OutputKind.site, .reports].first(where: { $0.marker == marker }) else { return nil }
        self = kind
    }
}

/// Why the output could not be written.
public enum WriteError: Error, CustomStringConvertible, Sendable {
    case system(String, String, Int32)
    case notOurs(String, String)
    /// A path the writer will not write: it would not be strictly inside the output folder.
    case unsafePath(String, String)
    /// A kept entry is both in the output and in the staging folder.
    case keptTwice(String, String, String)
    /// The folder holds casebook's output of the other kind.
    case otherKind(String, OutputKind)

    public var description: String {
        switch self {
        case .system(let what, let path, let code):
            return "\(what): \(path): \(String(cString: strerror(code)))"
        case .notOurs(let path, let why):
            return "refusing to replace \(path): \(why). Remove it, choose another --output folder, or list what you keep there under 'keep:' in casebook.yml"
        case .unsafePath(let path, let why):
            return "refusing to write the output file '\(path)': \(why), so it would not be inside the output folder"
        case .otherKind(let path, .reports):
            return "refusing to replace \(path): it holds casebook's reports, internal ones included, and a website written there could be published with them. Choose another --output folder"
        case .otherKind(let path, .site):
            return "refusing to replace \(path): it holds a casebook website, and reports written there (internal ones included) would be published with the next deploy. Choose another --output folder (reports go to _reports/ by default)"
        case .keptTwice(let name, let output, let staging):
            return "'\(name)' is both in \(output) and in \(staging) (left by an interrupted build); keep one of them and remove the other"
        }
    }
}
