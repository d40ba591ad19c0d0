import Foundation

/// Remembers the HTML of quotes and cards between builds, for `casebook serve`: after an edit,
/// only items whose values changed go through their partial again.
///
/// An item is known by its partial and a fingerprint of every source field its values come from,
/// so a changed title, programme or theme name makes a new entry; a theme change clears it all. Entries unused for one whole build
/// are dropped, so memory follows the site. Thread-safe: pages render on all cores.
public final class RenderedItemCache: @unchecked Sendable {
    private let lock = NSLock()
    private var current: [String: String] = [:]
    private var previous: [String: String] = [:]

    public init() {}

    /// Starts a new build: whatever the last one did not use is forgotten.
    public func startGeneration() {
        lock.lock()
        defer { lock.unlock() }
        previous = current
        current = [:]
    }

    func html(for key: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if let hit = current[key] { return hit }
        if let hit = previous[key] {
            current[key] = hit
            return hit
        }
        return nil
    }

    func store(_ html: String, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        current[key] = html
    }

    /// Forgets everything: the templates changed.
    public func clear() {
        lock.lock()
        defer { lock.unlock() }
        current = [:]
        previous = [:]
    }
}
