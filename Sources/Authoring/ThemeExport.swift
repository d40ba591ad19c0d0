import Foundation
import Model
import Render

/// `casebook theme export`: the built-in theme's templates and assets, copied into
/// `themes/<name>/` as the start of a site's own theme, so no one has to find them in the
/// source tree; `casebook override` copies one file. It never overwrites: an existing `themes/<name>` is refused before anything is
/// written, and every write goes through `NewFiles` (real folders inside the site only, new
/// files only).
public enum ThemeExport {
    public struct Outcome: Sendable, Equatable, Codable {
        /// `themes/<name>`, relative to the site folder.
        public var folder: String
        /// The files written, relative to `folder`, sorted.
        public var files: [String]
    }

    public static let defaultName = "custom"

    public static func run(folder: String, name: String) throws(AuthoringError) -> Outcome {
        guard Slug.isValid(name), name != "default" else {
            throw AuthoringError.invalid(
                "'\(name)' cannot name a theme: use lower-case a-z, 0-9 and '-', and not 'default' (try '\(Slug.suggest(from: name))')")
        }
        let writer = NewFiles(root: folder)
        let destination = "themes/" + name
        guard writer.existing(destination) == .none else {
            throw AuthoringError.exists([destination])
        }
        // `themes` itself must be a real folder (or absent): checked before the first write.
        try writer.checkFolders(for: destination + "/x")
        let builtIn = Theme.builtInFiles
        let files = builtIn.keys.filter { $0.hasPrefix("templates/") || $0.hasPrefix("assets/") }.sorted()
        for file in files {
            // Stamped as `casebook override` stamps a copy, so `doctor` can say which files are
            // still the built-in ones and which built-in files changed since.
            let bytes = builtIn[file]!
            try writer.create(destination + "/" + file, bytes: Array((ThemeFileStamp(path: file, bytes: bytes).comment ?? "").utf8) + bytes)
        }
        return Outcome(folder: destination, files: files)
    }
}
