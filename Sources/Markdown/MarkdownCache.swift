import Foundation
import Synchronization

/// Remembers the HTML and plain text of Markdown already rendered, for `casebook serve`:
/// a rebuild after an edit then converts only the text that changed.
///
/// Entries not used during one whole generation are dropped, so memory follows the site's size.
/// Thread-safe: pages render on all cores.
public final class MarkdownCache: Sendable {
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

    private struct Tables {
        var current: [Key: String] = [:]
        var previous: [Key: String] = [:]
    }

    private let tables = Mutex(Tables())

    public init() {}

    /// Starts a new generation: whatever the last one did not use is forgotten.
    public func startGeneration() {
        tables.withLock { tables in
            tables.previous = tables.current
            tables.current = [:]
            tables.current.reserveCapacity(tables.previous.count)
        }
    }

    func value(kind: UInt8, options: Int32, links: LinkDestinations, text: String, make: () -> String) -> String {
        let key = Key(kind: kind, options: options, links: links, text: text)
        let hit = tables.withLock { tables -> String? in
            if let hit = tables.current[key] { return hit }
            if let hit = tables.previous[key] {
                tables.current[key] = hit
                return hit
            }
            return nil
        }
        if let hit { return hit }
        // Made outside the lock: converting is the slow part, and other threads look up meanwhile.
        let made = make()
        tables.withLock { $0.current[key] = made }
        return made
    }
}
