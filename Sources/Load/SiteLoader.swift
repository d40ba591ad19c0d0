import Model

/// The first stage: reads a site folder into a `LoadedSite`.
///
/// Input: a folder holding `casebook.yml` and `content/`. Output: every file that could be read,
/// typed, with source positions kept; each problem becomes a diagnostic and loading goes on, so a
/// single run reports them all. Files are read and parsed on all cores; order stays by file name.
/// A one-shot build is the first load of an `IncrementalLoader`, which `casebook serve` keeps
/// to re-read only what changes.
public enum SiteLoader {
    public static func load(from folder: String) -> LoadedSite {
        IncrementalLoader(folder: folder, remembers: false).load(changed: nil)
    }
}
