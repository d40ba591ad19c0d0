import Foundation
import Mustache

/// HTML made by the first template that prints it and remembered for every later one.
///
/// Mustache prints it through `MustacheCustomRenderable`; it is `SafeHTML` (a template rendered
/// with `Values`), so the page templates' content type need not escape it.
/// `@unchecked Sendable`: its two mutable fields are read and written only under `lock`.
final class RenderedOnce: MustacheCustomRenderable, @unchecked Sendable {
    private let lock = NSLock()
    private var made: SafeHTML?
    /// Dropped once used: it holds the item's values, and a site's quotes, lessons and cards
    /// kept a second copy of theirs in these closures (a fifth of peak memory at 5,000 quotes).
    private var make: (@Sendable () -> SafeHTML)?

    init(_ make: @escaping @Sendable () -> SafeHTML) { self.make = make }

    var html: SafeHTML {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let html = make?() ?? .empty
        made = html
        make = nil
        return html
    }

    var renderText: String { html.text }

    var isNull: Bool { false }
}
