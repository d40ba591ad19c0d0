#if canImport(Glibc)
    import Glibc
#endif

/// The top-level names of an output folder that belong to the user, not to casebook (`keep:` in
/// casebook.yml; `.git` unless it says otherwise): a `gh-pages` checkout's `.git`, a `CNAME`.
/// A build never removes them, and carries them from the old output into the new one.
struct KeptNames: Sendable {
    /// Names or globs (`*`, `?`, `[…]`), matched against whole top-level names.
    let patterns: [String]

    func contains(_ name: String) -> Bool {
        name != OutputWriter.marker && patterns.contains { fnmatch($0, name, 0) == 0 }
    }
}
