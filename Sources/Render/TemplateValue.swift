import Mustache

/// What a template may be given: a value whose type says what it is and that it is safe to print.
///
/// - `EscapedText`: any string from content, config, file names or flags, escaped for HTML
///   text and attributes when it is made;
/// - `SafeHTML`: HTML that libcmark or a template made (`SafeHTML.swift` holds every way to
///   make one);
/// - `Href`: a link, made from the base path and a site path, escaped as an attribute;
/// - numbers, flags, `Values` (nested names), lists of `Values`, `RenderedOnce` (an item's
///   partial, rendered when first printed) and `Absent` (a name this item lacks).
///
/// `String` is not a `TemplateValue`, and `Values` accepts nothing else: text that skipped
/// escaping does not compile. Only this file declares conformances (`TemplateValueTests`
/// checks that a string is refused).
protocol TemplateValue {
    /// What swift-mustache is given: the value itself, or for `Values` and lists, what they hold.
    var mustacheValue: Any { get }
}

/// The values of one template (or of one nested name in it), keyed by name.
///
/// Holds what swift-mustache reads (a `[String: Any]`, which its lookup reads directly, see
/// `Vendor/swift-mustache/README.md`); everything put in goes through `TemplateValue`, so each
/// entry is one of the types above. `@unchecked Sendable` because `[String: Any]` cannot say
/// so: the entries are values (or `RenderedOnce`, which locks), never mutated once shared.
struct Values: TemplateValue, ExpressibleByDictionaryLiteral, @unchecked Sendable {
    /// Read by `Theme.render` and by code that looks up what it put in; written only below.
    private(set) var dictionary: [String: Any]

    init(dictionaryLiteral elements: (String, any TemplateValue)...) {
        dictionary = Dictionary(minimumCapacity: elements.count)
        for (name, value) in elements { dictionary[name] = value.mustacheValue }
    }

    subscript(name: String) -> (any TemplateValue)? {
        get { dictionary[name].map(Stored.init) }
        set { dictionary[name] = newValue?.mustacheValue }
    }

    var mustacheValue: Any { dictionary }

    /// A value read back out, to be put in again: it was a `TemplateValue` when it went in.
    private struct Stored: TemplateValue {
        let mustacheValue: Any
    }
}

/// Text as templates print it: the three kinds are three types so that where each came from is
/// checked by the compiler, and swift-mustache prints all three alike.
///
/// They print through `MustacheCustomRenderable`, which swift-mustache checks after two type
/// casts (a plain `String` takes five and a copy): a quote partial renders in about 60 % of the
/// time. Templates cannot tell the difference from a string: sections, inverted sections and
/// `{{.}}` behave as for the string, and transforms (`uppercased(title)`, `empty(x)`) are the
/// string's own.
protocol TemplateText: TemplateValue, MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible, Sendable {
    /// The text as printed: safe HTML.
    var text: String { get }
}

extension TemplateText {
    var mustacheValue: Any { self }
    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func transform(_ name: String) -> Any? { text.transform(name) }
}

/// Text from anywhere (content, config, file names, flags), escaped for HTML when made.
struct EscapedText: TemplateText {
    let text: String

    init(_ raw: String) { text = HTMLEscape.escape(raw) }

    /// Nothing prints as nothing.
    init(_ raw: String?) { self.init(raw ?? "") }
}

/// A link target, as `href="{{href}}"` prints it: escaped as an attribute. Ids and the base path
/// are checked where they are read, and escaped here all the same.
struct Href: TemplateText {
    let text: String

    /// A page of the site under the base path (`root`): `/coproduction/themes/trust/`.
    init(_ root: String, _ path: String) { text = HTMLEscape.escape(root + path) }

    /// A page's path from the site root, without the base path (a `url` value): `themes/trust/`.
    init(path: String) { text = HTMLEscape.escape(path) }

    /// An element of the same document (a report's sections): `#theme-trust`.
    init(fragment: String) { text = "#" + HTMLEscape.escape(fragment) }

    /// An absolute URL made from `base_url` (canonical links, the feed).
    init(absolute: String) { text = HTMLEscape.escape(absolute) }
}

/// A name an item of some kind may lack (a quote's `programme` or `dateText`), given all the
/// same: Mustache prints it as nothing and skips its `{{#section}}`, as for a missing name, and
/// `casebook check` learns that the name exists though no item of this site has it
/// (`ValueShape`). Unlike a missing name, it does not climb to the sections around it: a case
/// study without a programme listed on a programme's page does not print the page's programme.
struct Absent: TemplateValue, MustacheCustomRenderable, Sendable {
    var mustacheValue: Any { self }
    var renderText: String { "" }
    var isNull: Bool { true }
}

extension Optional where Wrapped: TemplateValue {
    /// The value, or `Absent` when there is none.
    var orAbsent: any TemplateValue { self ?? Absent() }
}

extension Int: TemplateValue {
    var mustacheValue: Any { self }
}

extension Bool: TemplateValue {
    var mustacheValue: Any { self }
}

/// A list of items, each with its own values (quotes, cards, links): what every list in the
/// default values is. Only this element type, so the conversion is specialised (a generic
/// `map(\.mustacheValue)` cost 11,000 instructions a list).
extension Array: TemplateValue where Element == Values {
    var mustacheValue: Any { map { $0.dictionary } }
}

extension RenderedOnce: TemplateValue {
    var mustacheValue: Any { self }
}

/// `{title, url, href}` for a link: `url` from the site root, `href` with the base path before it.
func link(_ title: String, _ url: String, root: String) -> Values {
    ["title": EscapedText(title), "url": Href(path: url), "href": Href(root, url)]
}
