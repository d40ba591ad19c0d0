import Model

/// Why `casebook import` stopped before writing anything.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// The command cannot run as given: an option, a column mapping, a file that cannot be read,
    /// a path outside the site, a hand-written file in the way (exit 2).
    case usage(String)
    /// The source or the mapping has problems, each at its file and line (exit 1).
    case content([Diagnostic])

    public var description: String {
        switch self {
        case .usage(let message): return message
        case .content(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
