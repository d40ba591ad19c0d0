import Foundation
import Render

/// Which templates include which (`{{> partial}}`, `{{< parent}}`), so a template change
/// re-renders only the pages whose template uses it, directly or through partials.
struct TemplateGraph: Sendable {
    /// Template name → the names it references.
    let references: [String: Set<String>]

    /// Reads the built-in theme's templates, then the site's own over them, as `Theme.load` does.
    init(siteRoot: String, themeName: String?) {
        var texts: [String: String] = [:]
        let folders = [Theme.builtInFolder, siteRoot + "/themes/" + (themeName ?? "default")]
        for folder in folders {
            let templates = folder + "/templates"
            guard let enumerator = FileManager.default.enumerator(atPath: templates) else { continue }
            while let relative = enumerator.nextObject() as? String {
                guard relative.hasSuffix(".mustache"),
                    let text = try? String(contentsOfFile: templates + "/" + relative, encoding: .utf8)
                else { continue }
                texts[String(relative.dropLast(".mustache".count))] = text
            }
        }
        references = texts.mapValues(Self.references(in:))
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
