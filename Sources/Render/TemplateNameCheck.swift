import Foundation
import Model
import Mustache

/// Finds the names a theme's templates use that no value of theirs has: `{{titel}}` renders as
/// nothing in Mustache, so a typo would pass unnoticed.
///
/// Each template the site rendered is walked with the shape of the values it was rendered with
/// (`ValueShape`), as swift-mustache looks names up: a section over a list or a set of values
/// makes its items' names available inside it, a name climbs to the sections around it, a
/// partial sees the names where it is included, and a `{{<parent}}`'s block overrides are walked
/// where the parent places them. A name is reported when it is unknown everywhere it was walked
/// (a partial included from two pages may use a name only one of them has). Templates the site
/// never rendered (the programme page of a site without programmes) are not checked.
struct TemplateNameCheck {
    let templates: [String: MustacheTemplate]
    /// Template name → the file it came from and its text, for the line of a name.
    let sources: [String: String]
    let texts: [String: String]

    /// One use of a name: in which template's file, inside which sections.
    private struct Use: Hashable, Comparable {
        let template: String
        let name: String
        let sections: [String]

        static func < (a: Use, b: Use) -> Bool {
            (a.template, a.name, a.sections.joined(separator: "/")) < (b.template, b.name, b.sections.joined(separator: "/"))
        }
    }

    /// Whether each use resolved in at least one of the places it was walked.
    private var resolved: [Use: Bool] = [:]
    /// The names in scope where an unresolved use was walked, for "did you mean".
    private var inScope: [Use: Set<String>] = [:]

    init(templates: [String: MustacheTemplate], sources: [String: String], texts: [String: String]) {
        self.templates = templates
        self.sources = sources
        self.texts = texts
    }

    /// A warning for each name no value has, at the first line that uses it.
    static func unknownNames(
        in templates: [String: MustacheTemplate], shapes: [String: ValueShape], sources: [String: String], texts: [String: String]
    ) -> [Diagnostic] {
        var check = TemplateNameCheck(templates: templates, sources: sources, texts: texts)
        for (name, shape) in shapes.sorted(by: { $0.key < $1.key }) {
            guard let template = templates[name] else { continue }
            check.walk(template.names, in: name, stack: [shape], sections: [], overrides: [:], depth: 0)
        }
        return check.resolved.filter { !$0.value }.keys.sorted().map(check.warning)
            .sorted { ($0.location.file, $0.location.line) < ($1.location.file, $1.location.line) }
    }

    private typealias Override = (template: String, names: [MustacheTemplate.Name])

    private mutating func walk(
        _ names: [MustacheTemplate.Name], in template: String, stack: [ValueShape], sections: [String],
        overrides: [String: Override], depth: Int
    ) {
        // Loops of partials are refused when the theme loads; this bounds any other nesting.
        guard depth < 64 else { return }
        for name in names {
            switch name {
            case .value(let value):
                _ = lookUp(value, in: stack, template: template, sections: sections)
            case .section(let section, let inverted, let inside):
                let found = lookUp(section, in: stack, template: template, sections: sections)
                var inner = stack
                if !inverted, let found {
                    switch found {
                    case .object: inner.append(found)
                    case .list(.unseen): inner.append(.mixed)  // empty everywhere: its items are unknown
                    case .list(let item): inner.append(item)
                    case .leaf: break  // a flag or a text: the names around it stay the same
                    case .unseen, .mixed: inner.append(.mixed)
                    }
                } else if !inverted, !section.isEmpty, section != "." {
                    inner.append(.mixed)  // already reported; nothing inside can be judged
                }
                walk(inside, in: template, stack: inner, sections: sections + [section], overrides: overrides, depth: depth)
            case .block(let block, let inside):
                if let override = overrides[block] {
                    walk(override.names, in: override.template, stack: stack, sections: sections, overrides: overrides, depth: depth + 1)
                } else {
                    walk(inside, in: template, stack: stack, sections: sections, overrides: overrides, depth: depth)
                }
            case .partial(let partial, let own):
                guard let target = templates[partial] else { continue }  // refused when the theme loads
                // The outermost override of a block wins, as in Mustache's inheritance.
                let merged = own.mapValues { (template: template, names: $0) }.merging(overrides) { _, outer in outer }
                walk(target.names, in: partial, stack: stack, sections: [], overrides: merged, depth: depth + 1)
            }
        }
    }

    /// The shape `name` has where `stack` is the values in scope (innermost last), recording
    /// whether it was found. nil when it was not, or when nothing can be said (`.mixed`).
    private mutating func lookUp(_ name: String, in stack: [ValueShape], template: String, sections: [String]) -> ValueShape? {
        // `.` is the current item; an empty name is a transform of a sequence's context.
        if name.isEmpty || name == "." { return stack.last }
        var parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let onlyInnermost = parts.first == ""
        if onlyInnermost { parts.removeFirst() }
        var found: ValueShape?
        var undecided = false
        for shape in (onlyInnermost ? Array(stack.suffix(1)) : stack).reversed() {
            if case .mixed = shape { undecided = true; break }
            if let child = shape[parts[0]] { found = child; break }
        }
        if found != nil {
            for part in parts.dropFirst() {
                if case .mixed? = found { undecided = true; break }
                found = found?[part]
                if found == nil { break }
            }
        }
        if undecided { return .mixed }
        let use = Use(template: template, name: name, sections: sections)
        resolved[use] = (resolved[use] ?? false) || found != nil
        if found == nil, parts.count == 1 {
            for case .object(let names) in onlyInnermost ? Array(stack.suffix(1)) : stack {
                inScope[use, default: []].formUnion(names.keys)
            }
        }
        return found
    }

    private func warning(_ use: Use) -> Diagnostic {
        let file = sources[use.template] ?? use.template
        let line = texts[use.template].map { Self.line(of: use.name, in: $0) } ?? 1
        let place = use.sections.isEmpty ? "" : " inside {{#\(use.sections.joined(separator: "}}…{{#"))}}"
        let hint = Suggestion.hint(for: use.name, in: (inScope[use] ?? []).sorted())
        return .warning(
            "unknown-template-value",
            "{{\(use.name)}}\(place) names no value this template is given, so it prints nothing\(hint); "
                + "docs/themes.md lists the values of each page",
            at: SourceLocation(file: file, line: line, column: 1))
    }

    /// The first line with a tag that uses `name` (`{{name}}`, `{{#name}}`, `{{ f(name) }}`…).
    static func line(of name: String, in text: String) -> Int {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var rest = line[...]
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                let tag = rest[open.upperBound..<close.lowerBound]
                let words = tag.split { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-") }
                if words.contains(where: { $0 == name }) { return lineNumber }
                rest = rest[close.upperBound...]
            }
        }
        return 1
    }
}
