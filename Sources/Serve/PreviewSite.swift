import Dispatch
import Foundation
import Model
import Pipeline

/// The site as `casebook serve` holds it: the pipeline (`SitePipeline`), run incrementally into
/// memory on one serial queue, and the `SiteStore` the HTTP handler answers from.
///
/// Everything the server knows about outputs comes from the pipeline's run: which files changed,
/// which are gone, which wait until asked for. Serve keeps no list of its own.
final class PreviewSite: Sendable {
    /// What one update did.
    struct Outcome: Sendable {
        var run: SitePipeline.Run
        /// Files rendered now (held-back outputs are made on request).
        var fileCount: Int
        /// Pages changed, rendered now or when first asked for.
        var pageCount: Int
    }

    let store: SiteStore
    private let pipeline: SitePipeline
    /// A serial queue: the pipeline is synchronous and blocks for seconds, so it runs off Swift's task threads, one run at a time.
    private let queue = DispatchQueue(label: "casebook.serve.build", qos: .userInitiated)

    init(folder: String, includeDrafts: Bool, baseURL: String, clock: BuildClock) {
        var options = SitePipeline.Options(folder: folder, clock: clock)
        options.includeDrafts = includeDrafts
        options.baseURL = baseURL
        options.incremental = true
        options.holdsBack = true
        // Where a rebuild's time goes, for bench/serve-rebuild.sh.
        options.profile = ProcessInfo.processInfo.environment["CASEBOOK_SERVE_TIMINGS"] != nil
        let pipeline = SitePipeline(options: options)
        let queue = queue
        self.pipeline = pipeline
        store = SiteStore { [pipeline, queue] paths in
            await withCheckedContinuation { continuation in
                queue.async {
                    let output = MemoryOutput()
                    let run = pipeline.renderHeldBack(paths, into: output)
                    continuation.resume(returning: run.map { SiteUpdate(files: output.files, removed: $0.removed, full: false) })
                }
            }
        }
    }

    /// The site folder, resolved.
    var root: String { pipeline.root }

    /// Runs the pipeline for the files changed since the last update (nil: anything) and brings
    /// the store up to date; a failed run leaves the last good site, with its problems.
    func update(changed: Set<String>?) async -> Outcome {
        let output = MemoryOutput()
        let run = await withCheckedContinuation { continuation in
            queue.async { [pipeline] in continuation.resume(returning: pipeline.run(changed: changed, into: output)) }
        }
        guard run.succeeded else {
            var diagnostics = run.diagnostics
            if let failure = run.failure { diagnostics.append(.error("build-failed", failure, at: SourceLocation(file: "casebook.yml"))) }
            await store.fail(diagnostics)
            var failed = run
            failed.diagnostics = diagnostics
            return Outcome(run: failed, fileCount: 0, pageCount: 0)
        }
        let files = output.files
        // The next edit's work made ahead, on the build queue while it waits: a new plan's index.
        if !run.patched { queue.async { [pipeline] in pipeline.prepareForEdits() } }
        await store.apply(SiteUpdate(files: files, removed: run.removed, full: run.full))
        // Held-back outputs are made when first requested (`SitePipeline.Options.holdsBack`).
        await store.markStale(run.heldBack)
        return Outcome(run: run, fileCount: files.count, pageCount: run.changed.count { $0.hasSuffix(".html") })
    }

    /// A file as the HTTP handler serves it (before the live-reload script): held-back outputs
    /// are brought up to date first.
    func file(_ path: String) async -> [UInt8]? {
        await store.refreshIfStale(path)
        return await store.file(path)
    }
}
