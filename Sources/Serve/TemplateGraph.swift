import Foundation
import Render

/// Which templates include which (`{{> partial}}`, `{{< parent}}`), so a template change
/// re-renders only the pages whose template uses it, directly or through partials.
struct TemplateGraph: Sendable {
    /// Template name → the names it references.
    let references: [String: Set<String>]

    /// From the templates `Theme.load` read (the built-in theme's, then the site's over them),
    /// so the graph never reads a file the theme itself refused.
    init(theme: Theme) {
        references = theme.templateTexts.mapValues(Self.references(in:))
    }

    /// The templates that use `name` (itself included); nil when the theme has no such template.
    func users(of name: String) -> Set<String>? {
        guard references[name] != nil else { return nil }
        var users: Set<String> = [name]
        var changed = true
        while changed {
            changed = false
            for (template, used) in references where !users.contains(template) && !used.isDisjoint(with: users) {
                users.insert(template)
                changed = true
            }
        }
        return users
    }

    static func references(in text: String) -> Set<String> {
        var found = Set<String>()
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let first = rest.first, first == ">" || first == "<", let close = rest.range(of: "}}") else { continue }
            found.insert(rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return found
    }
}
