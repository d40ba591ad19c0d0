import Foundation
import Load
import Model
import Render

/// `casebook override`: copies one file of the built-in theme into the site's theme folder
/// (`themes/<theme>/`, `default` when casebook.yml names none), where it replaces the built-in
/// file, with a first line (`ThemeFileStamp`) saying which version it was copied from.
public enum ThemeFileCopy {
    public struct Outcome: Sendable, Encodable, Equatable {
        /// Relative to the site folder.
        public var path: String
        /// Whether the copy starts with the stamp `doctor` reads (templates, CSS and scripts).
        public var stamped: Bool
    }

    /// The built-in theme's files, relative to the theme, sorted.
    public static var builtInPaths: [String] { Theme.builtInFiles.keys.sorted() }

    /// The built-in file's bytes, or an error naming the files there are.
    public static func builtIn(_ path: String) throws(AuthoringError) -> [UInt8] {
        guard let bytes = Theme.builtInFiles[path] else {
            throw AuthoringError.invalid(
                "the built-in theme has no file '\(path)'\(Suggestion.hint(for: path, in: builtInPaths)); "
                    + "`casebook override` without a file lists them")
        }
        return bytes
    }

    public static func copy(_ path: String, folder: String, force: Bool = false) throws(AuthoringError) -> Outcome {
        let bytes = try builtIn(path)
        let theme = SiteLoader.load(from: folder).config?.theme ?? "default"
        // casebook.yml's `theme:` is a checked folder name; a broken casebook.yml gives nil above.
        guard Slug.isValid(theme) else { throw AuthoringError.invalid("theme '\(theme)' is not a folder name under themes/") }
        let target = "themes/\(theme)/\(path)"
        let files = NewFiles(root: folder)
        let stamp = ThemeFileStamp(path: path, bytes: bytes)
        var contents = bytes
        if let comment = stamp.comment { contents = Array(comment.utf8) + bytes }
        switch files.existing(target) {
        case .none: break
        case .file where force: break
        case .file:
            throw AuthoringError.invalid("\(target) exists already; nothing was written. --force replaces it (and your changes to it)")
        case .other: throw AuthoringError.unsafe("\(target) is not a file (a folder or a link); move it away first")
        }
        if force, files.existing(target) == .file {
            try files.replace(target, bytes: contents)
        } else {
            try files.create(target, bytes: contents)
        }
        return Outcome(path: target, stamped: stamp.comment != nil)
    }
}
