import Foundation
import Mustache
import Synchronization

/// HTML made by the first template that prints it and remembered for every later one.
///
/// Mustache prints it through `MustacheCustomRenderable`; it is `SafeHTML` (a template rendered
/// with `Values`), so the page templates' content type need not escape it.
final class RenderedOnce: MustacheCustomRenderable, Sendable {
    private struct State {
        var made: SafeHTML?
        /// Dropped once used: it holds the item's values, and a site's quotes, lessons and cards
        /// kept a second copy of theirs in these closures (a fifth of peak memory at 5,000 quotes).
        var make: (@Sendable () -> SafeHTML)?
    }

    private let state: Mutex<State>

    init(_ make: @escaping @Sendable () -> SafeHTML) { state = Mutex(State(make: make)) }

    var html: SafeHTML {
        state.withLock { state in
            if let made = state.made { return made }
            let html = state.make?() ?? .empty
            state.made = html
            state.make = nil
            return html
        }
    }

    var renderText: String { html.text }

    var isNull: Bool { false }
}
