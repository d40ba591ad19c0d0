/// Template values: a dictionary of pre-escaped strings, numbers, booleans, lists and dictionaries.
///
/// Marked `@unchecked Sendable` because `[String: Any]` cannot say so: the values are built
/// once, never mutated after, and hold only value types, so sharing them across threads is safe.
struct Values: @unchecked Sendable {
    var dictionary: [String: Any]

    init(_ dictionary: [String: Any]) { self.dictionary = dictionary }

    subscript(key: String) -> Any? {
        get { dictionary[key] }
        set { dictionary[key] = newValue }
    }
}

/// Shorthand for escaping content text on its way into `Values`.
func esc(_ text: String?) -> String { HTMLEscape.escape(text ?? "") }

/// `{title, url, href}` for a link: `url` from the site root, `href` with the base path before it.
/// Ids and the base path are checked where they are read, and escaped here all the same: a link
/// is printed inside an attribute.
func link(_ title: String, _ url: String, root: String) -> [String: Any] {
    ["title": TemplateText(esc(title)), "url": TemplateText(esc(url)), "href": TemplateText(esc(root + url))]
}
