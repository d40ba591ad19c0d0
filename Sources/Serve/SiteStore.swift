import Model

/// The site being served, held in memory: output path → bytes, with the build problems (if
/// any) that the pages show as an overlay. The last good site stays while the build fails.
actor SiteStore {
    private(set) var files: [String: [UInt8]] = [:]
    /// The problems of the latest build when it failed; empty when it succeeded.
    private(set) var problems: [Diagnostic] = []
    /// True once a first build has succeeded.
    private(set) var isReady = false
    /// Outputs a rebuild left for later (after a rebuild, every changed one): made when asked for.
    private var stale: Set<String> = []
    /// Makes held-back outputs (`PreviewSite`); nil: nothing is ever held back.
    private let refresher: (@Sendable (Set<String>) async -> SiteUpdate?)?
    private var refreshing: Task<Void, Never>?

    init(refresher: (@Sendable (Set<String>) async -> SiteUpdate?)? = nil) {
        self.refresher = refresher
    }

    func markStale(_ paths: Set<String>) { stale.formUnion(paths) }

    /// Brings `path` up to date before it is served, if it was held back: one refresh at a time.
    func refreshIfStale(_ path: String) async {
        // Another request's refresh may be running; this path may be stale still after it.
        while let refreshing { await refreshing.value }
        guard stale.contains(path), let refresher else { return }
        stale.remove(path)
        // A task of its own, not a plain call: other requests await the same refresh (`refreshing`).
        let task = Task { if let update = await refresher([path]) { self.apply(update) } }
        refreshing = task
        await task.value
        refreshing = nil
    }

    func apply(_ update: SiteUpdate) {
        if update.full {
            files = [:]
            stale = []
        }
        for path in update.removed { files[path] = nil }
        files.merge(update.files) { _, new in new }
        problems = []
        isReady = true
    }

    func fail(_ diagnostics: [Diagnostic]) {
        problems = diagnostics.filter { $0.severity == .error }
    }

    func file(_ path: String) -> [UInt8]? { files[path] }

    func contains(_ path: String) -> Bool { files[path] != nil || stale.contains(path) }

    var paths: [String] { files.keys.sorted() }
}

/// What a run of the pipeline changed in the served site.
struct SiteUpdate: Sendable {
    /// Files added or changed, by output path.
    var files: [String: [UInt8]]
    var removed: Set<String>
    /// True when the whole site was rendered: files not in `files` are gone.
    var full: Bool
}
