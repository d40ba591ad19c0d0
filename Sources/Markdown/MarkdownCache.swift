import Foundation

/// Remembers the HTML and plain text of Markdown already rendered, for `casebook serve`:
/// a rebuild after an edit then converts only the text that changed.
///
/// Entries not used during one whole generation are dropped, so memory follows the site's size.
/// Thread-safe: pages render on all cores.
/// `@unchecked Sendable`: its tables are read and written only under `lock`.
public final class MarkdownCache: @unchecked Sendable {
    private struct Key: Hashable {
        var kind: UInt8
        var options: Int32
        var links: LinkDestinations
        var text: String

        // Hashing and comparing the UTF-8 bytes: String's own hashing normalises Unicode as it
        // goes, which made looking up a case study's body cost more than rendering it.
        func hash(into hasher: inout Hasher) {
            hasher.combine(kind)
            hasher.combine(options)
            hasher.combine(links)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }

        static func == (a: Key, b: Key) -> Bool {
            guard a.kind == b.kind, a.options == b.options, a.links == b.links, a.text.utf8.count == b.text.utf8.count else { return false }
            var x = a.text, y = b.text
            return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
        }
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

    func value(kind: UInt8, options: Int32, links: LinkDestinations, text: String, make: () -> String) -> String {
        let key = Key(kind: kind, options: options, links: links, text: text)
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
