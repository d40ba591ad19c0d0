import Model

/// Reads one `content/pages/<slug>.md`: a free page such as "about" or "tell us what you think".
enum PageLoader {
    static let knownKeys = ["title", "slug", "description", "weight", "draft"]

    /// - Parameter language: set for a translation (`about.cy.md`), whose slug is its original's.
    static func load(_ source: SourceFile, language: String? = nil, diagnostics: inout [Diagnostic]) -> Page? {
        let document: SplitDocument
        switch FrontMatterSplitter.split(source) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let split): document = split
        }
        var yaml: YAMLMapping?
        if let text = document.yaml {
            yaml = YAMLMapping.parse(text, file: source.path, firstLine: document.yamlFirstLine, diagnostics: &diagnostics)
            guard yaml != nil else { return nil }
        }
        yaml?.warnUnknownKeys(known: knownKeys, what: "a page", diagnostics: &diagnostics)
        let slug = SlugReader.slug(for: source.path, yaml: yaml, language: language, diagnostics: &diagnostics)
        let title = yaml?.string("title", required: true, what: "a page", diagnostics: &diagnostics)
        if yaml == nil {
            diagnostics.append(
                .error("missing-key", "a page needs front matter with a 'title', between '---' lines",
                       at: SourceLocation(file: source.path, line: 1, column: 1)))
        }
        let description = yaml?.string("description", diagnostics: &diagnostics)?.value
        MarkdownCheck.check(document.body, file: source.path, firstLine: document.bodyFirstLine, diagnostics: &diagnostics)
        let weight = yaml?.int("weight", diagnostics: &diagnostics) ?? 50
        let draft = yaml?.bool("draft", diagnostics: &diagnostics) ?? false
        guard let slug, let title else { return nil }
        return Page(
            slug: slug.value, file: source.path, title: title.value, description: description, weight: weight,
            draft: draft, body: document.body, bodyLine: document.bodyFirstLine)
    }
}
