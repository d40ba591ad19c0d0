import CBuildInfo

/// casebook's version: the one place it is written (CHANGELOG.md names each release).
/// `--version`, `casebook version` and `casebook doctor` print it.
///
/// Semantic versioning: a release that could stop a site building is a new major version
/// (docs/content-format.md is the contract). Release binaries also carry the commit they were
/// built from (scripts/release.sh); any other build says it is a development build.
public enum CasebookVersion {
    /// This release's version number.
    public static let current = "0.1.0"

    /// The commit a release binary was built from (40 hex digits); nil for other builds.
    public static let commit: String? = {
        let commit = String(cString: casebook_build_commit())
        return commit.isEmpty ? nil : commit
    }()

    /// `0.1.0 (commit 0123…)`, or `0.1.0 (development build)` for a build from a checkout.
    public static var description: String {
        "\(current) (\(commit.map { "commit \($0)" } ?? "development build"))"
    }
}
