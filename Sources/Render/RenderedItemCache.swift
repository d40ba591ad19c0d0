import Foundation

/// Remembers the HTML of quotes and cards between builds, for `casebook serve`: after an edit,
/// only items whose values changed go through their partial again.
///
/// An item is known by its partial and a fingerprint of every value the partial receives, so a
/// changed title, programme or theme name makes a new entry. Entries unused for one whole build
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

    /// A canonical text of template values: sorted keys, nested lists and dictionaries.
    static func fingerprint(_ value: Any) -> String {
        switch value {
        case let text as String: return "s" + String(text.utf8.count) + ":" + text
        case let dictionary as [String: Any]:
            return "{" + dictionary.keys.sorted().map { $0 + "=" + fingerprint(dictionary[$0]!) }.joined(separator: ",") + "}"
        case let list as [Any]: return "[" + list.map(fingerprint).joined(separator: ",") + "]"
        default: return "v" + String(describing: value)
        }
    }
}
