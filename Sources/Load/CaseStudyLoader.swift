import Model

/// Reads one `content/case-studies/<slug>.md`.
enum CaseStudyLoader {
    static let knownKeys = [
        "title", "slug", "programme", "organisation", "region", "date", "themes", "summary", "draft", "lessons", "quotes",
        "image", "image_alt",
    ]

    /// - Parameter root: the site folder, where `image:` is looked for.
    /// - Parameter language: set for a translation (`garden.cy.md`), whose slug is its original's.
    static func load(_ source: SourceFile, root: String, language: String? = nil, diagnostics: inout [Diagnostic]) -> CaseStudy? {
        let document: SplitDocument
        switch FrontMatterSplitter.split(source) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let split): document = split
        }
        guard let yamlText = document.yaml else {
            diagnostics.append(
                .error("missing-front-matter",
                       "a case study starts with front matter between '---' lines (title, date, summary, …)",
                       at: SourceLocation(file: source.path, line: 1, column: 1)))
            return nil
        }
        guard let yaml = YAMLMapping.parse(yamlText, file: source.path, firstLine: document.yamlFirstLine, diagnostics: &diagnostics)
        else { return nil }
        let what = "a case study"
        yaml.warnUnknownKeys(known: knownKeys, what: what, diagnostics: &diagnostics)

        let slug = SlugReader.slug(for: source.path, yaml: yaml, language: language, diagnostics: &diagnostics)
        let title = yaml.string("title", required: true, what: what, diagnostics: &diagnostics)
        let date = yaml.day("date", required: true, what: what, diagnostics: &diagnostics)
        let summary = yaml.string("summary", required: true, what: what, diagnostics: &diagnostics)
        MarkdownCheck.check(summary, diagnostics: &diagnostics)
        MarkdownCheck.check(document.body, file: source.path, firstLine: document.bodyFirstLine, diagnostics: &diagnostics)
        let lessons = (yaml.mappings("lessons", diagnostics: &diagnostics) ?? []).compactMap { entry -> Lesson? in
            entry.warnUnknownKeys(known: ["theme", "text"], what: "a lesson", diagnostics: &diagnostics)
            let theme = IDReference.checked(
                entry.string("theme", required: true, what: "a lesson", diagnostics: &diagnostics), kind: "theme", diagnostics: &diagnostics)
            let text = entry.string("text", required: true, what: "a lesson", diagnostics: &diagnostics)
            MarkdownCheck.check(text, diagnostics: &diagnostics)
            guard let theme, let text else { return nil }
            return Lesson(theme: theme, text: text.value, location: entry.location)
        }
        let programme = IDReference.checked(yaml.string("programme", diagnostics: &diagnostics), kind: "programme", diagnostics: &diagnostics)
        let organisation = yaml.string("organisation", diagnostics: &diagnostics)?.value
        let region = yaml.string("region", diagnostics: &diagnostics)?.value
        let themes = IDReference.checked(yaml.stringList("themes", diagnostics: &diagnostics), kind: "theme", diagnostics: &diagnostics) ?? []
        let draft = yaml.bool("draft", diagnostics: &diagnostics) ?? false
        let image = LeadImageReader.read(yaml, slug: slug?.value, root: root, diagnostics: &diagnostics)
        guard let slug, let title, let date, let summary else { return nil }
        return CaseStudy(
            slug: slug.value, file: source.path, title: title.value, programme: programme,
            organisation: organisation, region: region, date: date.value, themes: themes,
            summary: summary.value, draft: draft, lessons: lessons,
            quoteRefs: IDReference.checked(yaml.stringList("quotes", diagnostics: &diagnostics), kind: "quote", diagnostics: &diagnostics) ?? [],
            body: document.body, bodyLine: document.bodyFirstLine, image: image,
            slugLocation: slug.location)
    }
}

/// The slug of a Markdown file: `slug:` when given, else the file name without `.md` (and, for a
/// translation, without its language: `garden.cy.md` is `garden`).
enum SlugReader {
    static func slug(
        for path: String, yaml: YAMLMapping?, key: String = "slug", language: String? = nil, diagnostics: inout [Diagnostic]
    ) -> Located<String>? {
        if let yaml, let explicit = yaml.string(key, diagnostics: &diagnostics) {
            guard Slug.isValid(explicit.value) else {
                diagnostics.append(
                    .error("invalid-slug",
                           "'\(key)' must use only lower-case a-z, 0-9 and '-' (no '/', '..' or spaces); try '\(Slug.suggest(from: explicit.value))'",
                           at: explicit.location))
                return nil
            }
            return explicit
        }
        // The file name, found on the bytes: splitting the path by characters cost more than
        // reading a quote file.
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
        var stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        if let language, stem.hasSuffix("." + language) { stem = String(stem.dropLast(language.count + 1)) }
        let location = SourceLocation(file: path, line: 1, column: 1)
        guard Slug.isValid(stem) else {
            diagnostics.append(
                .error("invalid-slug",
                       "the file name '\(name)' is not a valid slug (lower-case a-z, 0-9 and '-'); rename it to '\(Slug.suggest(from: stem)).md' or set 'slug:'",
                       at: location))
            return nil
        }
        return Located(stem, at: location)
    }
}
