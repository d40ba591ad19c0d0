import Model

/// Reads one `content/quotes/<slug>.md`: the quote is the body, the rest is front matter.
enum QuoteLoader {
    static let knownKeys = [
        "speaker", "programme", "case_study", "themes", "consent", "consent_ref", "consent_expires", "date",
        "featured", "id", "slug",
    ]

    /// - Parameter language: set for a translation (`q12.cy.md`): its id is its original's, and it
    ///   sets no consent of its own (validation gives it the original's).
    static func load(_ source: SourceFile, language: String? = nil, diagnostics: inout [Diagnostic]) -> Quote? {
        let document: SplitDocument
        switch FrontMatterSplitter.split(source) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let split): document = split
        }
        let start = SourceLocation(file: source.path, line: 1, column: 1)
        guard let yamlText = document.yaml else {
            diagnostics.append(
                .error("missing-front-matter",
                       "a quote starts with front matter between '---' lines (speaker, programme, themes, consent)", at: start))
            return nil
        }
        guard let yaml = YAMLMapping.parse(yamlText, file: source.path, firstLine: document.yamlFirstLine, diagnostics: &diagnostics)
        else { return nil }
        let what = "a quote"
        // A key that looks like a consent key but is not one would be ignored, and the quote
        // published without the consent or expiry meant for it: an error, and no consent.
        let consentInDoubt = ConsentKeys.reportUnknown(
            yaml.unknownPairs(known: knownKeys).map { ($0.key, yaml.location(of: $0.keyNode)) }, kind: "key", context: " in \(what)",
            known: knownKeys, diagnostics: &diagnostics)

        let id = SlugReader.slug(
            for: source.path, yaml: yaml, key: yaml.node("id") != nil ? "id" : "slug", language: language, diagnostics: &diagnostics)
        let speaker = yaml.string("speaker", required: true, what: what, diagnostics: &diagnostics)
        if language != nil {
            // One consent governs every language version: a second one here could only disagree.
            for key in ["consent", "consent_ref", "consent_expires"] where yaml.node(key) != nil {
                diagnostics.append(
                    .error("consent-in-translation",
                           "a translated quote takes '\(key)' from its original quote; remove it here and set it there",
                           at: yaml.location(ofKey: key)))
            }
        }
        let consentValue = language != nil ? nil : yaml.string("consent", diagnostics: &diagnostics)
        let consent = language != nil ? Consent.invalid : ConsentReader.consent(
            consentValue, missingAt: yaml.location(ofKey: "consent"), present: yaml.node("consent").map { $0.scalar == nil } ?? false,
            diagnostics: &diagnostics)
        MarkdownCheck.check(document.body, file: source.path, firstLine: document.bodyFirstLine, diagnostics: &diagnostics)
        let text = document.body.trimmingWhitespace()
        if text.isEmpty {
            diagnostics.append(
                .error("empty-quote", "the quote's text is missing: write it after the closing '---'",
                       at: SourceLocation(file: source.path, line: document.bodyFirstLine, column: 1)))
        }
        let programme = IDReference.checked(yaml.string("programme", diagnostics: &diagnostics), kind: "programme", diagnostics: &diagnostics)
        let caseStudy = IDReference.checked(yaml.string("case_study", diagnostics: &diagnostics), kind: "case study", diagnostics: &diagnostics)
        let themes = IDReference.checked(yaml.stringList("themes", diagnostics: &diagnostics), kind: "theme", diagnostics: &diagnostics) ?? []
        let consentRef = yaml.string("consent_ref", diagnostics: &diagnostics)?.value
        let expires = yaml.day("consent_expires", diagnostics: &diagnostics)?.value
        let date = yaml.day("date", diagnostics: &diagnostics)?.value
        let featured = yaml.bool("featured", diagnostics: &diagnostics) ?? false
        guard let id, let speaker, !text.isEmpty else { return nil }
        return Quote(
            id: id.value, text: text, speaker: speaker.value, programme: programme, caseStudy: caseStudy,
            themes: themes, consent: consentInDoubt ? .invalid : consent, consentRef: consentRef, consentExpires: expires, date: date,
            featured: featured, location: start, consentLocation: consentValue?.location ?? yaml.location(ofKey: "consent"))
    }
}
