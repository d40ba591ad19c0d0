import Foundation
import Mustache

/// HTML made by the first template that prints it and remembered for every later one.
///
/// Mustache prints it through `MustacheCustomRenderable`; it is `SafeHTML` (a template rendered
/// with `Values`), so the page templates' content type need not escape it.
/// `@unchecked Sendable`: its mutable fields are read and written only under `lock`.
final class RenderedOnce: MustacheCustomRenderable, @unchecked Sendable {
    private let lock = NSLock()
    private var made: SafeHTML?
    /// Dropped once used: it holds the item's values, and a site's quotes, lessons and cards
    /// kept a second copy of theirs in these closures (a fifth of peak memory at 5,000 quotes).
    private var make: (@Sendable () -> SafeHTML)?
    /// `casebook serve`'s items: a partial printed with the theme of `themes` at the time, kept
    /// with its values, so an edited template makes it again without the item being prepared anew.
    private let partial: (name: String, input: Values, themes: ThemeSlot)?
    /// The theme `made` was rendered with (`partial` only).
    private var madeWith: Theme.Identity?

    init(_ make: @escaping @Sendable () -> SafeHTML) {
        self.make = make
        partial = nil
    }

    init(partial name: String, input: Values, themes: ThemeSlot) {
        partial = (name, input, themes)
    }

    var html: SafeHTML {
        lock.lock()
        defer { lock.unlock() }
        if let partial {
            let theme = partial.themes.theme
            if let made, madeWith === theme.identity { return made }
            let html = (try? theme.render(partial.name, partial.input)) ?? .empty
            made = html
            madeWith = theme.identity
            return html
        }
        if let made { return made }
        let html = make?() ?? .empty
        made = html
        make = nil
        return html
    }

    var renderText: String { html.text }

    var isNull: Bool { false }
}

/// The theme `casebook serve` renders its kept items with (`FragmentCache`): replaced when a
/// template changes, which makes each item's `RenderedOnce` render again when next printed.
/// `@unchecked Sendable`: `current` is read and written only under `lock`.
final class ThemeSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Theme

    init(_ theme: Theme) { current = theme }

    var theme: Theme {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
