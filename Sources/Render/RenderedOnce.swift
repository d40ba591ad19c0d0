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
        /// The theme `made` was rendered with (`partial` only).
        var madeWith: Theme.Identity?
    }

    private let state: Mutex<State>
    /// `casebook serve`'s items: a partial printed with the theme of `themes` at the time, kept
    /// with its values, so an edited template makes it again without the item being prepared anew.
    private let partial: (name: String, input: Values, themes: ThemeSlot)?

    init(_ make: @escaping @Sendable () -> SafeHTML) {
        state = Mutex(State(make: make))
        partial = nil
    }

    init(partial name: String, input: Values, themes: ThemeSlot) {
        state = Mutex(State())
        partial = (name, input, themes)
    }

    var html: SafeHTML {
        state.withLock { state in
            if let partial {
                let theme = partial.themes.theme
                if let made = state.made, state.madeWith === theme.identity { return made }
                let html = (try? theme.render(partial.name, partial.input)) ?? .empty
                state.made = html
                state.madeWith = theme.identity
                return html
            }
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

/// The theme `casebook serve` renders its kept items with (`FragmentCache`): replaced when a
/// template changes, which makes each item's `RenderedOnce` render again when next printed.
final class ThemeSlot: Sendable {
    private let current: Mutex<Theme>

    init(_ theme: Theme) { current = Mutex(theme) }

    var theme: Theme {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}
