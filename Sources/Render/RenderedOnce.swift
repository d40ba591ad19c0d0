import Foundation
import Mustache

/// HTML made by the first template that prints it and remembered for every later one.
///
/// Mustache prints it through `MustacheCustomRenderable`; the page templates' content type does
/// not escape, and the HTML is made from pre-escaped values, so it is safe as it is.
final class RenderedOnce: MustacheCustomRenderable, @unchecked Sendable {
    private let lock = NSLock()
    private var made: String?
    /// Dropped once used: it holds the item's values, and a site's quotes, lessons and cards
    /// kept a second copy of theirs in these closures (a fifth of peak memory at 5,000 quotes).
    private var make: (@Sendable () -> String)?

    init(_ make: @escaping @Sendable () -> String) { self.make = make }

    var renderText: String {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let html = make?() ?? ""
        made = html
        make = nil
        return html
    }

    var isNull: Bool { false }
}
