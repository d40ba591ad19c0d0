import Foundation

/// `casebook init [DIR]`: writes the starter site (`StarterSite.files`) into a folder.
///
/// The rules, so that no file is ever overwritten silently:
/// - a folder that holds `casebook.yml` is refused, unless `force`;
/// - without `force`, any other starter file already there is refused too, all named, and nothing
///   is written;
/// - with `force`, the starter files are rewritten and each one replaced is listed; files init does
///   not write are never touched;
/// - an existing `.gitignore` is never replaced: the lines it lacks are added at its end.
public enum SiteInit {
    public struct Outcome: Sendable, Equatable, Codable {
        /// The site folder, as given.
        public var folder: String
        /// Paths relative to the site folder, in writing order.
        public var created: [String] = []
        /// Existing files rewritten under `force`.
        public var replaced: [String] = []
        /// `.gitignore` when lines were added to it.
        public var updated: [String] = []
    }

    public static func run(folder: String, force: Bool) throws(AuthoringError) -> Outcome {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw AuthoringError.invalid("'\(folder)' exists and is not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw AuthoringError.io("cannot create the folder '\(folder)': \(error.localizedDescription)")
            }
        }
        let files = NewFiles(root: folder)
        if files.existing("casebook.yml") != .none && !force { throw AuthoringError.alreadyASite(folder) }

        let ignore = ".gitignore"
        let inTheWay = StarterSite.files.map(\.path).filter { $0 != ignore && files.existing($0) != .none }
        if !inTheWay.isEmpty && !force { throw AuthoringError.exists(inTheWay) }
        for file in StarterSite.files { try files.checkFolders(for: file.path) }

        var outcome = Outcome(folder: folder)
        for file in StarterSite.files {
            if file.path == ignore, files.existing(ignore) != .none {
                if try addMissingIgnoreLines(files) { outcome.updated.append(ignore) }
            } else if files.existing(file.path) != .none {
                try files.replace(file.path, text: file.text)
                outcome.replaced.append(file.path)
            } else {
                try files.create(file.path, text: file.text)
                outcome.created.append(file.path)
            }
        }
        return outcome
    }

    /// Adds the output lines an existing `.gitignore` lacks, at its end; true when it added any.
    private static func addMissingIgnoreLines(_ files: NewFiles) throws(AuthoringError) -> Bool {
        guard files.existing(".gitignore") == .file,
            let data = FileManager.default.contents(atPath: files.absolute(".gitignore"))
        else {
            throw AuthoringError.unsafe(".gitignore is not a readable file (a link or a folder?); casebook leaves it alone")
        }
        let text = String(decoding: data, as: UTF8.self)
        let present = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = StarterIgnore.lines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return false }
        let separator = text.isEmpty || text.hasSuffix("\n") ? "" : "\n"
        let addition = separator + "\n# casebook's outputs (added by casebook init)\n" + missing.joined(separator: "\n") + "\n"
        try files.replace(".gitignore", text: text + addition)
        return true
    }
}
