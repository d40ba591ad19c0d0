import Model

/// Validation of a site's translations (`languages:`), after its originals: each translated item
/// must have an original that is published, uses the site's themes and programmes, and a
/// translated quote takes its original's consent, already judged (expired consent withdrawn).
///
/// A translation whose original is a draft is left out as the draft is. References to items
/// that exist but are not translated are dropped in that language (the quote is shown without
/// its case study), as Hugo leaves out pages that a language does not have.
struct TranslationCheck {
    let vocabulary: Vocabulary
    let validator: SiteValidator
    let loaded: LoadedSite
    /// The originals as validation kept them.
    let caseStudies: [CaseStudy]
    let quotes: [Quote]
    let pages: [Page]

    func check(_ translation: Translation, diagnostics: inout [Diagnostic]) -> Translation {
        let includeDrafts = validator.includeDrafts
        var result = Translation(language: translation.language)
        let suffix = "." + translation.language

        let publishedCaseStudies = Set(caseStudies.map(\.slug))
        let knownCaseStudies = publishedCaseStudies.union(loaded.caseStudies.map(\.slug)).union(loaded.unloadedCaseStudySlugs)
        for caseStudy in translation.caseStudies where includeDrafts || !caseStudy.draft {
            guard publishedCaseStudies.contains(caseStudy.slug) else {
                if !knownCaseStudies.contains(caseStudy.slug) {
                    missingOriginal(translation, caseStudy.file, "case study", caseStudy.slug, at: caseStudy.slugLocation, &diagnostics)
                }
                continue
            }
            vocabulary.checkProgramme(caseStudy.programme, diagnostics: &diagnostics)
            vocabulary.checkThemes(caseStudy.themes + caseStudy.lessons.map(\.theme), diagnostics: &diagnostics)
            result.caseStudies.append(caseStudy)
        }
        _ = validator.uniqueIDs(result.caseStudies.map { ($0.slug, $0.slugLocation) }, kind: "\(suffix) case study slug", diagnostics: &diagnostics)
        let translatedCaseStudies = Set(result.caseStudies.map(\.slug))

        var originals: [String: Quote] = [:]
        for quote in quotes where originals[quote.id] == nil { originals[quote.id] = quote }
        for var quote in translation.quotes {
            guard let original = originals[quote.id] else {
                missingOriginal(translation, quote.location.file, "quote", quote.id, at: quote.location, &diagnostics)
                continue
            }
            // One consent for every language version: the original's, as validation judged it.
            quote.consent = original.consent
            quote.consentRef = original.consentRef
            quote.consentExpires = original.consentExpires
            quote.consentLocation = original.consentLocation
            vocabulary.checkProgramme(quote.programme, diagnostics: &diagnostics)
            vocabulary.checkThemes(quote.themes, diagnostics: &diagnostics)
            if let reference = quote.caseStudy, !translatedCaseStudies.contains(reference.value) {
                if !knownCaseStudies.contains(reference.value) {
                    diagnostics.append(.error("unknown-case-study", "unknown case study '\(reference.value)'", at: reference.location))
                }
                quote.caseStudy = nil
            }
            result.quotes.append(quote)
        }
        _ = validator.uniqueIDs(result.quotes.map { ($0.id, $0.location) }, kind: "\(suffix) quote id", diagnostics: &diagnostics)
        let translatedQuotes = Set(result.quotes.map(\.id))
        for index in result.caseStudies.indices {
            for reference in result.caseStudies[index].quoteRefs where originals[reference.value] == nil && !loaded.unloadedQuoteIDs.contains(reference.value) {
                diagnostics.append(.error("unknown-quote", "unknown quote '\(reference.value)'", at: reference.location))
            }
            result.caseStudies[index].quoteRefs.removeAll { !translatedQuotes.contains($0.value) }
        }

        let publishedPages = Set(pages.map(\.slug))
        let knownPages = publishedPages.union(loaded.pages.map(\.slug))
        for page in translation.pages where includeDrafts || !page.draft {
            guard publishedPages.contains(page.slug) else {
                if !knownPages.contains(page.slug) {
                    missingOriginal(translation, page.file, "page", page.slug, at: SourceLocation(file: page.file, line: 1, column: 1), &diagnostics)
                }
                continue
            }
            result.pages.append(page)
        }
        _ = validator.uniqueIDs(
            result.pages.map { ($0.slug, SourceLocation(file: $0.file, line: 1, column: 1)) }, kind: "\(suffix) page slug", diagnostics: &diagnostics)
        return result
    }

    private func missingOriginal(
        _ translation: Translation, _ file: String, _ kind: String, _ id: String, at location: SourceLocation, _ diagnostics: inout [Diagnostic]
    ) {
        diagnostics.append(
            .error("no-original",
                   "this translates \(kind) '\(id)', which does not exist: a translation sits beside its original "
                       + "(\(Translation.originalName(of: file, language: translation.language))) with the same slug or id",
                   at: location))
    }
}

extension TranslationCheck {
    /// For `casebook check`: each published case study and page without a translation into
    /// each other language, as a warning at its file (a build says nothing: an untranslated
    /// page is allowed, and its language switch leads to that language's home page).
    static func missing(_ site: ValidatedSite) -> [Diagnostic] {
        site.translations.flatMap { translation -> [Diagnostic] in
            let caseStudies = Set(translation.caseStudies.map(\.slug)), pages = Set(translation.pages.map(\.slug))
            let items = site.caseStudies.filter { !caseStudies.contains($0.slug) }.map(\.file)
                + site.pages.filter { !pages.contains($0.slug) }.map(\.file)
            return items.map { file in
                .warning("missing-translation",
                         "no '\(translation.language)' translation of this page (\(Translation.translatedName(of: file, language: translation.language))); "
                             + "its language switch leads to the '\(translation.language)' home page",
                         at: SourceLocation(file: file, line: 1, column: 1))
            }
        }
    }
}

extension ValidatedSite {
    /// The published case studies and pages not translated into each other language (`casebook check`).
    public func missingTranslations() -> [Diagnostic] { TranslationCheck.missing(self) }
}
