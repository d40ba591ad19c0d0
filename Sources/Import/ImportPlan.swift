import Load
import Model

/// Excerpts and the mapping → the quote files to write, or every problem at its line.
struct ImportPlan {
    let mapping: ImportMapping
    let mappingFile: String
    let consent: Consent?
    let themes: Set<String>
    /// nil when casebook.yml declares no `programmes:` (any id is then accepted).
    let programmes: Set<String>?
    let caseStudies: Set<String>

    func quotes(_ excerpts: [Excerpt], diagnostics: inout [Diagnostic], skipped: inout [Skipped]) -> [PlannedQuote] {
        checkMapping(&diagnostics)
        var unmappedCodes: [String: (count: Int, first: SourceLocation)] = [:]
        var unmappedDocuments: [String: (count: Int, first: SourceLocation)] = [:]
        var planned: [PlannedQuote] = []
        for excerpt in excerpts {
            var speaker = mapping.speaker
            var programme = mapping.programme?.value
            var caseStudy: String?
            if !excerpt.document.isEmpty {
                switch mapping.documents[excerpt.document]?.value {
                case nil:
                    unmappedDocuments[excerpt.document, default: (0, excerpt.location)].count += 1
                    continue
                case .skip?:
                    skipped.append(Skipped(location: excerpt.location.description, reason: "its document is skipped in the mapping"))
                    continue
                case .fields(let documentSpeaker, let documentProgramme, let documentCaseStudy)?:
                    speaker = documentSpeaker ?? speaker
                    programme = documentProgramme?.value ?? programme
                    caseStudy = documentCaseStudy?.value
                }
            }
            var themes: [String] = []
            var seenThemes: Set<String> = []
            var undecided = false
            for code in excerpt.codes {
                switch mapping.codes[code]?.value {
                case nil, .unmapped?:
                    unmappedCodes[code, default: (0, excerpt.location)].count += 1
                    undecided = true
                case .skip?: break
                case .themes(let ids)?:
                    for id in ids.map(\.value) where seenThemes.insert(id).inserted { themes.append(id) }
                }
            }
            if let cell = excerpt.fields[.themes] {
                for id in cell.value.split(separator: ";").map({ String($0).trimmingWhitespace() }) where !id.isEmpty {
                    guard self.themes.contains(id) else {
                        diagnostics.append(.error("unknown-theme", "unknown theme '\(id)'; casebook.yml defines \(self.themes.sorted().joined(separator: ", "))", at: cell.location))
                        continue
                    }
                    if seenThemes.insert(id).inserted { themes.append(id) }
                }
            }
            if undecided { continue }
            guard !themes.isEmpty else {
                skipped.append(Skipped(location: excerpt.location.description, reason: excerpt.codes.isEmpty ? "no code" : "every code is skipped"))
                continue
            }
            if let cell = excerpt.fields[.speaker] { speaker = cell.value }
            if let cell = excerpt.fields[.programme] { programme = checkedID(cell, "programme", &diagnostics) }
            if let cell = excerpt.fields[.caseStudy] { caseStudy = checkedID(cell, "case_study", &diagnostics) }
            if let programme, let programmes, !programmes.contains(programme), excerpt.fields[.programme] != nil {
                diagnostics.append(.error("unknown-programme", "unknown programme '\(programme)'", at: excerpt.fields[.programme]!.location))
            }
            guard let speaker else {
                diagnostics.append(.error("missing-speaker", "this excerpt has no speaker: give its document a speaker: in \(mappingFile), add speaker: there for every excerpt, or map a speaker column", at: excerpt.location))
                continue
            }
            let consent: Consent
            if let cell = excerpt.fields[.consent] {
                guard let value = ConsentValue.parse(cell.value) else {
                    diagnostics.append(ConsentValue.invalid(cell.value, at: cell.location))
                    continue
                }
                consent = value
            } else if let given = self.consent {
                consent = given
            } else {
                diagnostics.append(.error("missing-consent", "this excerpt's consent cell is empty; there is no default: fill it in (public, internal or withdrawn)", at: excerpt.location))
                continue
            }
            // The id names the quote's file, so it is held to the quote-id rule (a slug of at
            // most 200 characters) here, before anything is written: a longer one would be a
            // file `check` refuses, or past the file system's 255 bytes, a write that fails midway.
            let id = "\(mapping.source)-\(excerpt.key)"
            guard Slug.isValid(id) else {
                diagnostics.append(.error(
                    "import-id-too-long",
                    "this excerpt's id makes the quote id '\(id.prefix(60))…' (\(id.utf8.count) characters), over the 200 a quote id may have; "
                        + "give the excerpt a shorter id, or the mapping a shorter source:", at: excerpt.location))
                continue
            }
            planned.append(PlannedQuote(
                id: id, excerptKey: excerpt.key, speaker: speaker, programme: programme, caseStudy: caseStudy,
                themes: themes, consent: consent, consentRef: excerpt.fields[.consentRef]?.value,
                consentExpires: day(excerpt.fields[.consentExpires], &diagnostics), date: day(excerpt.fields[.date], &diagnostics),
                text: excerpt.text))
        }
        for (code, seen) in unmappedCodes.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(.error(
                "unmapped-code",
                "the code '\(code)' (\(seen.count) excerpt\(seen.count == 1 ? "" : "s")) has no theme in \(mappingFile): under codes:, map it to a theme id, a list of them, or skip",
                at: seen.first))
        }
        for (document, seen) in unmappedDocuments.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(.error(
                "unmapped-document",
                "the document '\(document)' (\(seen.count) excerpt\(seen.count == 1 ? "" : "s")) is not under documents: in \(mappingFile); add it (with its speaker, programme and case study, or skip)",
                at: seen.first))
        }
        return planned.sorted { $0.id < $1.id }
    }

    /// Theme, programme and case-study ids in the mapping file exist in the site.
    private func checkMapping(_ diagnostics: inout [Diagnostic]) {
        for (_, target) in mapping.codes {
            guard case .themes(let ids) = target.value else { continue }
            for id in ids where !themes.contains(id.value) {
                diagnostics.append(.error("unknown-theme", "unknown theme '\(id.value)'; casebook.yml defines \(themes.sorted().joined(separator: ", "))", at: id.location))
            }
        }
        var programmeIDs = mapping.programme.map { [$0] } ?? []
        var caseStudyIDs: [Located<String>] = []
        for (_, target) in mapping.documents {
            guard case .fields(_, let programme, let caseStudy) = target.value else { continue }
            if let programme { programmeIDs.append(programme) }
            if let caseStudy { caseStudyIDs.append(caseStudy) }
        }
        if let programmes {
            for id in programmeIDs where !programmes.contains(id.value) {
                diagnostics.append(.error("unknown-programme", "unknown programme '\(id.value)'; casebook.yml defines \(programmes.sorted().joined(separator: ", "))", at: id.location))
            }
        }
        for id in caseStudyIDs where !caseStudies.contains(id.value) {
            diagnostics.append(.error("unknown-case-study", "no case study has the slug '\(id.value)'", at: id.location))
        }
    }

    private func checkedID(_ cell: Located<String>, _ what: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard Slug.isValid(cell.value) else {
            diagnostics.append(.error("invalid-id", "'\(what)' should be an id (a-z, 0-9, '-'), found '\(cell.value.prefix(60))'", at: cell.location))
            return nil
        }
        return cell.value
    }

    /// YYYY-MM-DD, or a spreadsheet's day number (days since 30 December 1899, as Excel and
    /// LibreOffice store dates).
    private func day(_ cell: Located<String>?, _ diagnostics: inout [Diagnostic]) -> Day? {
        guard let cell else { return nil }
        if let day = Day(iso: cell.value) { return day }
        if let serial = Double(cell.value), serial >= 1, serial < 2_958_466 {
            return Day(unixTime: (Int(serial) - 25_569) * 86_400)
        }
        diagnostics.append(.error("invalid-date", "a date is written YYYY-MM-DD, found '\(cell.value.prefix(40))'", at: cell.location))
        return nil
    }
}
