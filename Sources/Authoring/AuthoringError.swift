/// Why `init` or `new` wrote nothing (or stopped): in words for the user, with what to do.
public enum AuthoringError: Error, Equatable, CustomStringConvertible {
    /// These files exist and would have been overwritten.
    case exists([String])
    /// The folder already holds a casebook site.
    case alreadyASite(String)
    /// A path in the way is a link, a file where a folder should be, or a folder where a file should be.
    case unsafe(String)
    /// A title, kind or folder that cannot be used.
    case invalid(String)
    /// The disk said no.
    case io(String)

    public var description: String {
        switch self {
        case .exists(let paths):
            return "would overwrite \(paths.joined(separator: ", ")); nothing was written. "
                + "Move \(paths.count == 1 ? "it" : "them") away, or choose another title or folder"
        case .alreadyASite(let folder):
            return "\(folder) already holds a casebook site (casebook.yml); nothing was written. "
                + "Use --force to rewrite the starter files (other files are left alone)"
        case .unsafe(let message), .invalid(let message), .io(let message):
            return message
        }
    }
}
