import Mustache

/// A string as templates receive it: escaped content, rendered Markdown, a link or an id, all
/// safe HTML already (see `Theme`).
///
/// swift-mustache prints a `MustacheCustomRenderable` after two type checks, and a plain
/// `String` after five and a copy (`String(describing:)`): a quote partial renders in about 60 %
/// of the time with its strings wrapped. Templates cannot tell the difference: sections,
/// inverted sections and `{{.}}` behave as for the string, and transforms (`uppercased(title)`,
/// `empty(x)`) are the string's own.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func transform(_ name: String) -> Any? { text.transform(name) }

    /// `value` with every string inside it wrapped, through nested dictionaries and lists.
    /// Done once for values that many renders read: an item's, the site's, a page's own.
    static func wrapping(_ value: Any) -> Any {
        switch value {
        case let text as String: return TemplateText(text)
        // Numbers and flags are most of the rest: let them out before the costlier list casts.
        case is Int, is Bool, is TemplateText: return value
        case let dictionary as [String: Any]: return dictionary.mapValues(wrapping)
        case let list as [[String: Any]]: return list.map { $0.mapValues(wrapping) }
        case let list as [Any]: return list.map(wrapping)
        default: return value
        }
    }
}

extension Values {
    /// These values with every string wrapped as `TemplateText`.
    func wrappingText() -> Values { Values(dictionary.mapValues(TemplateText.wrapping)) }
}
