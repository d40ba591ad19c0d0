import Foundation

/// Remembers the HTML and plain text of Markdown already rendered, for `casebook serve`:
/// a rebuild after an edit then converts only the text that changed.
///
/// Entries not used during one whole generation are dropped, so memory follows the site's size.
/// Thread-safe: pages render on all cores.
public final class MarkdownCache: @unchecked Sendable {
    private struct Key: Hashable {
        var kind: UInt8
        var options: Int32
        var text: String
    }

    private let lock = NSLock()
    private var current: [Key: String] = [:]
    private var previous: [Key: String] = [:]

    public init() {}

    /// Starts a new generation: whatever the last one did not use is forgotten.
    public func startGeneration() {
        lock.lock()
        defer { lock.unlock() }
        previous = current
        current = [:]
        current.reserveCapacity(previous.count)
    }

    func value(kind: UInt8, options: Int32, text: String, make: () -> String) -> String {
        let key = Key(kind: kind, options: options, text: text)
        lock.lock()
        if let hit = current[key] {
            lock.unlock()
            return hit
        }
        if let hit = previous[key] {
            current[key] = hit
            lock.unlock()
            return hit
        }
        lock.unlock()
        let made = make()
        lock.lock()
        current[key] = made
        lock.unlock()
        return made
    }
}
