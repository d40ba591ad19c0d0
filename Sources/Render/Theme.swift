import Foundation
import Model
import Mustache
import SystemSupport

/// A site's look: compiled Mustache templates and the asset files to copy.
///
/// Templates come from the built-in default theme, each replaced by a file of the same path in
/// `themes/<name>/` when the site has one, so users override single files. Templates are parsed
/// once per build. Every value given to them is a `TemplateValue`, safe HTML by its type (escaped
/// when made), so each template is compiled with a content type that does not escape again:
/// `{{x}}` and `{{{x}}}` print the same safe text.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Template name → the file it came from, for error messages.
    let sources: [String: String]
    /// The files to publish under `assets/`: the built-in theme's as bytes, the site's copied
    /// from its theme folder. Sorted by path.
    public let assets: [OutputFile]
    /// Template name → its text, the built-in one or the site's override.
    public let templateTexts: [String: String]
    /// Template name → the templates it names (`{{> partial}}`, `{{< parent}}`), for the plan.
    let references: [String: Set<String>]
    /// Set by `casebook check` only: told the values of every template rendered.
    var recorder: ValueRecorder?

    /// One per load: what was rendered with another load of the theme must be rendered again.
    let identity = Identity()

    final class Identity: Sendable {}

    static let contentTypeName = "CASEBOOK_PRE_ESCAPED"
    static let pragma = "{{% CONTENT_TYPE: \(contentTypeName)}}"

    /// What templates print is safe already (`TemplateValue`), so it must not be escaped again.
    struct PreEscaped: MustacheContentType {
        func escapeText(_ text: String) -> String { text }
    }

    /// The built-in theme's files, path relative to the theme (`templates/home.mustache`) →
    /// bytes: compiled into the program, for `casebook doctor`'s comparison with a site's theme.
    public static var builtInFiles: [String: [UInt8]] { BuiltInTheme.files }

    /// Loads the theme named in `casebook.yml` (nil: the built-in default) for the site at `siteRoot`.
    ///
    /// The site's theme folder is read through `BoundedFolder`: a template or asset that is a
    /// link out of `themes/<name>/` is refused, since templates are printed into every page and
    /// assets are published (a link to `content/quotes/x.csv` would publish the file).
    /// - Parameter parsed: templates parsed by earlier loads (`casebook serve`): a template whose
    ///   text is unchanged is not parsed again.
    public static func load(siteRoot: String, name: String?, parsed: ParsedTemplates? = nil) throws(RenderError) -> Theme {
        MustacheContentTypes.register(PreEscaped(), named: contentTypeName)
        let themeName = name ?? "default"
        // ConfigLoader refuses other names at the line of `theme:`; this keeps any other caller safe.
        guard Slug.isValid(themeName) else {
            throw RenderError("invalid-theme-name", "theme '\(themeName)' is not a folder name under themes/", at: SourceLocation(file: "casebook.yml"))
        }
        let site = BoundedFolder(
            root: siteRoot, boundary: "themes/" + themeName,
            reason: "a theme's templates are printed into every page and its assets are published")
        // The built-in theme (compiled in), then the site's files over it.
        var templateFiles: [String: (text: String?, label: String)] = [:]
        var assetFiles: [String: OutputFile.Contents] = [:]
        for path in BuiltInTheme.paths(in: "templates") where path.hasSuffix(".mustache") {
            let name = path.dropFirst("templates/".count).dropLast(".mustache".count)
            templateFiles[String(name)] = (String(bytes: BuiltInTheme.files[path]!, encoding: .utf8), "(built-in theme) " + path)
        }
        for path in BuiltInTheme.paths(in: "assets") {
            assetFiles[path] = .bytes(BuiltInTheme.files[path]!)
        }
        // A missing folder for a named theme is reported by validation, at the line of `theme:`.
        var diagnostics: [Diagnostic] = []
        let prefix = site.boundary + "/"
        for relative in site.files(in: prefix + "templates", recursive: true, diagnostics: &diagnostics)
        where relative.hasSuffix(".mustache") {
            let name = relative.dropFirst(prefix.count + "templates/".count).dropLast(".mustache".count)
            templateFiles[String(name)] = (try? String(contentsOfFile: site.absolute(relative), encoding: .utf8), relative)
        }
        for relative in site.files(in: prefix + "assets", recursive: true, diagnostics: &diagnostics) {
            assetFiles[String(relative.dropFirst(prefix.count))] = .copy(from: site.absolute(relative))
        }
        if let refused = diagnostics.first(where: { $0.severity == .error }) {
            throw RenderError(refused.code, refused.message, at: refused.location)
        }

        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var texts: [String: String] = [:]
        for name in templateFiles.keys.sorted() {
            let file = templateFiles[name]!
            guard let text = file.text else {
                throw RenderError("unreadable-template", "cannot read the template (is it UTF-8?)", at: SourceLocation(file: file.label))
            }
            do {
                library.register(try parsed?.template(name, text) ?? MustacheTemplate(string: pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw RenderError(
                    "template-syntax", "template error: \(Self.explain(error.error))",
                    at: SourceLocation(file: file.label, line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                throw RenderError("template-syntax", "template error: \(error)", at: SourceLocation(file: file.label))
            }
            sources[name] = file.label
            texts[name] = text
        }
        parsed?.keep(only: texts)
        let references = texts.mapValues(Self.references(in:))
        try checkReferences(references, sources: sources)
        return Theme(
            library: library, sources: sources,
            assets: assetFiles.keys.sorted().map { OutputFile(path: $0, contents: assetFiles[$0]!) }, templateTexts: texts,
            references: references.mapValues { Set($0.map(\.name)) })
    }

    /// The Word styles of `report --docx` (Pandoc's `--reference-doc`): the built-in theme's
    /// `docx/reference.docx`, made by `scripts/make-reference-docx.py`.
    public static var docxReference: [UInt8] { BuiltInTheme.files["docx/reference.docx"] ?? [] }

    /// The text of one of the theme's assets (a report inlines its stylesheet); nil when the
    /// theme has no such file or it is not UTF-8.
    func assetText(_ path: String) -> String? {
        switch assets.first(where: { $0.path == path })?.contents {
        case .bytes(let bytes)?: return String(bytes: bytes, encoding: .utf8)
        case .text(let text)?: return text
        case .copy(let source)?: return try? String(contentsOfFile: source, encoding: .utf8)
        case nil: return nil
        }
    }

    /// swift-mustache's parser errors are enum cases; say what they mean and how to fix them.
    static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName:
            return "a tag name is unfinished or uses a character names may not use "
                + "(names of sections, blocks and parents may not contain '/'; only {{> partials}} may)"
        case .expectedSectionEnd: return "a section is never closed; add its {{/name}} tag"
        case .invalidSetDelimiter: return "badly formed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "transforms cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "inside {{<parent}}…{{/parent}} only {{$block}} overrides may stand"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "unknown {{% pragma }}"
        }
    }

    public func has(_ template: String) -> Bool { sources[template] != nil }

    /// Whether a site's plan made with `other` lists the same outputs with the same inputs: the
    /// same templates, naming the same templates, and the same assets from the same files.
    func planned(alike other: Theme) -> Bool {
        guard references == other.references, sources.keys.count == other.sources.keys.count, assets.count == other.assets.count else { return false }
        for (a, b) in zip(assets, other.assets) {
            guard a.path == b.path else { return false }
            if case .copy(let from) = a.contents, case .copy(let otherFrom) = b.contents, from == otherFrom { continue }
            if case .copy = a.contents { return false }
            if case .copy = b.contents { return false }
        }
        return Set(sources.keys) == Set(other.sources.keys)
    }

    /// `template` and every template it uses, directly or through partials and parents, whether
    /// or not the theme has them (a page depends on a partial it names before the site adds it).
    public func uses(_ template: String) -> Set<String> {
        var found: Set<String> = [template]
        var next = [template]
        while let name = next.popLast() {
            for used in references[name] ?? [] where found.insert(used).inserted { next.append(used) }
        }
        return found
    }

    /// The templates a template's text names, with the line of each.
    static func references(in text: String) -> [(name: String, line: Int)] {
        var found: [(String, Int)] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let first = rest.first, first == ">" || first == "<", let close = rest.range(of: "}}") else { continue }
                found.append((rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces), lineNumber))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    /// Partials and parents that name no template render as nothing in Mustache; here they are errors.
    /// - Parameter named: each template's references (`references(in:)`), by template name.
    static func checkReferences(_ named: [String: [(name: String, line: Int)]], sources: [String: String]) throws(RenderError) {
        var references: [String: [TemplateCycles.Reference]] = [:]
        for (name, found) in named.sorted(by: { $0.key < $1.key }) {
            for (reference, line) in found {
                if named[reference] == nil {
                    throw RenderError(
                        "missing-partial", "template '\(reference)' does not exist\(Suggestion.hint(for: reference, in: named.keys.sorted()))",
                        at: SourceLocation(file: sources[name] ?? name, line: line, column: 1))
                }
                references[name, default: []].append(TemplateCycles.Reference(target: reference, line: line))
            }
        }
        try TemplateCycles.refuse(references, sources: sources)
    }
}

/// Templates parsed by `Theme.load`, by name and text, kept by `casebook serve` between loads:
/// an edit to one template parses that one again, not the whole theme.
/// `@unchecked Sendable`: `templates` is read and written only under `lock`.
public final class ParsedTemplates: @unchecked Sendable {
    private let lock = NSLock()
    private var templates: [String: (text: String, template: MustacheTemplate)] = [:]

    public init() {}

    /// The template of `text` (without the pragma), parsed now unless it was last time.
    func template(_ name: String, _ text: String) throws -> MustacheTemplate {
        if let kept = lock.withLock({ templates[name] }), kept.text == text { return kept.template }
        let template = try MustacheTemplate(string: Theme.pragma + text)
        lock.withLock { templates[name] = (text, template) }
        return template
    }

    /// Forgets the templates the last load did not have.
    func keep(only texts: [String: String]) {
        lock.withLock { templates = templates.filter { texts[$0.key] == $0.value.text } }
    }
}
