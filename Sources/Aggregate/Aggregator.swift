import Model

/// The third stage: groups a validated site's content by theme and programme.
///
/// Input: a `ValidatedSite` and a `Selection`. Output: an `AggregatedSite`. It cannot fail.
/// Each index is built once, in one pass over the content, so the cost is linear in its size.
/// It starts from the quotes the selection's audience may see and never looks at the others.
public enum Aggregator {
    public static func aggregate(_ validated: ValidatedSite, selection: Selection = .site) -> AggregatedSite {
        let site = validated.visible(to: selection.audience)
        let config = site.config
        // A report may name a theme twice; the positions below need each once (it crashed).
        let themeIDs = selection.themeIDs.map(uniqued) ?? config.themes.map(\.id)
        let programmeIDs = programmeOrder(site, selection: selection)

        // Case studies: selected by programme, date and theme; newest first, then by slug.
        let caseStudies = site.caseStudies.filter { caseStudy in
            selection.includes(programme: caseStudy.programme?.value) && selection.includes(day: caseStudy.date)
                && (selection.themeIDs == nil || selection.includes(anyTheme: themes(of: caseStudy)))
        }.sorted { ($0.date, $1.slug) > ($1.date, $0.slug) }
        let caseStudyIndex = Dictionary(uniqueKeysWithValues: caseStudies.enumerated().map { ($1.slug, $0) })
        let allCaseStudyDates = Dictionary(site.caseStudies.map { ($0.slug, $0.date) }, uniquingKeysWith: { a, _ in a })

        // Quotes: those the audience may see (`site` holds no others) that pass the filters.
        let themePosition = Positions(themeIDs)
        let anyThemeWillDo = selection.themeIDs == nil && !selection.quotesNeedATheme
        let quotes = site.quotes.filter { quote in
            let day = quote.date ?? quote.caseStudy.flatMap { allCaseStudyDates[$0.value] }
            return selection.includes(programme: quote.programme?.value) && selection.includes(day: day)
                && (anyThemeWillDo || quote.themes.contains { themePosition[$0.value] != nil })
        }.sortedByQuoteOrder()

        var quotesByCaseStudy: [String: [Quote]] = [:]
        for quote in quotes {
            if let slug = quote.caseStudy?.value, caseStudyIndex[slug] != nil {
                quotesByCaseStudy[slug, default: []].append(quote)
            }
        }
        // Then the quotes a case study lists under `quotes:`, each once: the ids already listed
        // are a set (a scan of the list for each reference was quadratic in a long `quotes:`).
        var quoteIndex: [String: Quote]?
        for caseStudy in caseStudies where !caseStudy.quoteRefs.isEmpty {
            let index = quoteIndex ?? Dictionary(quotes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            quoteIndex = index
            var listed = Set((quotesByCaseStudy[caseStudy.slug] ?? []).map { $0.id })
            for reference in caseStudy.quoteRefs {
                guard let quote = index[reference.value], listed.insert(quote.id).inserted else { continue }
                quotesByCaseStudy[caseStudy.slug, default: []].append(quote)
            }
        }

        // Themes and the matrix, in one pass over lessons and quotes.
        let programmePosition = Positions(programmeIDs)
        var lessonsByTheme = [[LessonEvidence]](repeating: [], count: themeIDs.count)
        var quotesByTheme = [[Quote]](repeating: [], count: themeIDs.count)
        var caseStudiesByTheme = [[CaseStudy]](repeating: [], count: themeIDs.count)
        var cells = [[EvidenceMatrix.Cell]](
            repeating: [EvidenceMatrix.Cell](repeating: .init(), count: programmeIDs.count), count: themeIDs.count)

        // Each case study's themes, worked out once for the themes and the programmes.
        let caseStudyThemes = caseStudies.map { themes(of: $0) }
        for (caseStudy, caseStudyThemes) in zip(caseStudies, caseStudyThemes) {
            let p = caseStudy.programme.flatMap { programmePosition[$0.value] }
            for theme in caseStudyThemes {
                guard let t = themePosition[theme] else { continue }
                caseStudiesByTheme[t].append(caseStudy)
                if let p { cells[t][p].caseStudies += 1 }
            }
            for lesson in caseStudy.lessons {
                guard let t = themePosition[lesson.theme.value] else { continue }
                lessonsByTheme[t].append(
                    LessonEvidence(
                        lesson: lesson, caseStudySlug: caseStudy.slug, caseStudyTitle: caseStudy.title,
                        programme: caseStudy.programme?.value))
                if let p { cells[t][p].lessons += 1 }
            }
        }
        for quote in quotes {
            let p = quote.programme.flatMap { programmePosition[$0.value] }
            for theme in uniqued(quote.themes.map { $0.value }) {
                guard let t = themePosition[theme] else { continue }
                quotesByTheme[t].append(quote)
                if let p { cells[t][p].quotes += 1 }
            }
        }

        // A theme or programme is shown only with evidence the audience may see: one that only
        // hidden quotes (or nothing) use gets no page, no index or search entry, no matrix row
        // or column, as if it were not declared.
        let definitions = Dictionary(config.themes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let keptThemes = themeIDs.indices.filter { t in
            definitions[themeIDs[t]] != nil
                && !(lessonsByTheme[t].isEmpty && quotesByTheme[t].isEmpty && caseStudiesByTheme[t].isEmpty)
        }
        let themeEvidence = keptThemes.map { t in
            ThemeEvidence(
                definition: definitions[themeIDs[t]]!, lessons: lessonsByTheme[t], quotes: quotesByTheme[t],
                caseStudies: caseStudiesByTheme[t])
        }
        let allProgrammes = programmeEvidence(
            programmeIDs, site: site, caseStudies: caseStudies, caseStudyThemes: caseStudyThemes, quotes: quotes, themeIDs: themeIDs)
        let keptProgrammes = allProgrammes.indices.filter { !allProgrammes[$0].caseStudies.isEmpty || !allProgrammes[$0].quotes.isEmpty }
        let matrix = EvidenceMatrix(
            themeIDs: keptThemes.map { themeIDs[$0] }, programmeIDs: keptProgrammes.map { programmeIDs[$0] },
            cells: keptThemes.map { t in keptProgrammes.map { cells[t][$0] } })

        return AggregatedSite(
            site: site, selection: selection, caseStudies: caseStudies, quotes: quotes, themes: themeEvidence,
            programmes: keptProgrammes.map { allProgrammes[$0] }, matrix: matrix,
            featured: quotes.filter { $0.featured }, quotesByCaseStudy: quotesByCaseStudy, caseStudyIndex: caseStudyIndex)
    }

    /// A case study's themes: those listed and those of its lessons, without repeats, in listed order.
    public static func themes(of caseStudy: CaseStudy) -> [String] {
        // Closures, not key paths: a key path applied at run time cost 2,000 instructions a call.
        uniqued(caseStudy.themes.map { $0.value } + caseStudy.lessons.map { $0.theme.value })
    }

    /// Newest first; undated quotes after dated ones; then by id, so the order is total.
    static func quoteOrder(_ a: Quote, _ b: Quote) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.id < b.id
        }
    }

    /// Declared programmes in `casebook.yml` order; without a declaration, the ids used, sorted.
    static func programmeOrder(_ site: ValidatedSite, selection: Selection) -> [String] {
        let all = site.config.programmes?.map(\.id)
            ?? Set(site.caseStudies.compactMap { $0.programme?.value } + site.quotes.compactMap { $0.programme?.value }).sorted()
        guard let chosen = selection.programmeIDs.map(Set.init) else { return all }
        return all.filter { chosen.contains($0) }
    }

    static func programmeEvidence(
        _ ids: [String], site: ValidatedSite, caseStudies: [CaseStudy], caseStudyThemes: [[String]], quotes: [Quote], themeIDs: [String]
    ) -> [ProgrammeEvidence] {
        // Positions, not sets of strings: this runs on every `casebook serve` rebuild.
        let position = Positions(ids)
        let themePosition = Positions(themeIDs)
        var caseStudiesByProgramme = [[CaseStudy]](repeating: [], count: ids.count)
        var quotesByProgramme = [[Quote]](repeating: [], count: ids.count)
        var hasTheme = [[Bool]](repeating: [Bool](repeating: false, count: themeIDs.count), count: ids.count)
        for (caseStudy, themes) in zip(caseStudies, caseStudyThemes) {
            guard let p = caseStudy.programme.flatMap({ position[$0.value] }) else { continue }
            caseStudiesByProgramme[p].append(caseStudy)
            for theme in themes { if let t = themePosition[theme] { hasTheme[p][t] = true } }
        }
        for quote in quotes {
            guard let p = quote.programme.flatMap({ position[$0.value] }) else { continue }
            quotesByProgramme[p].append(quote)
            for theme in quote.themes { if let t = themePosition[theme.value] { hasTheme[p][t] = true } }
        }
        let definitions = Dictionary((site.config.programmes ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return ids.enumerated().map { p, id in
            ProgrammeEvidence(
                id: id, title: definitions[id]?.title ?? id, description: definitions[id]?.description,
                caseStudies: caseStudiesByProgramme[p], quotes: quotesByProgramme[p],
                themeIDs: themeIDs.enumerated().filter { hasTheme[p][$0.offset] }.map(\.element))
        }
    }

    /// Without repeats, in order. The lists are a few themes long, where a scan beats a hash
    /// set; a long one (a front matter may repeat a theme 100,000 times) gets the set.
    static func uniqued(_ values: [String]) -> [String] {
        var result: [String] = []
        if values.count > 16 {
            var seen: Set<String> = []
            for value in values where seen.insert(value).inserted { result.append(value) }
            return result
        }
        result.reserveCapacity(values.count)
        for value in values where !result.contains(value) { result.append(value) }
        return result
    }
}

extension Array where Element == Quote {
    /// Sorted by `Aggregator.quoteOrder`, comparing keys read once per quote: the comparisons
    /// through each quote's shared fields were a fifth of a `casebook serve` rebuild's aggregation.
    func sortedByQuoteOrder() -> [Quote] {
        let keys = map { (day: $0.date?.daysSinceEpoch, id: $0.id) }
        let order = indices.sorted { a, b in
            switch (keys[a].day, keys[b].day) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return keys[a].id < keys[b].id
            }
        }
        return order.map { self[$0] }
    }
}
