import Model

/// `languages:` in casebook.yml: the languages a site is written in, its own first.
///
/// Each other language names a folder of the output (`cy/`) and the suffix of its content files
/// (`garden.cy.md`), so its code is lower-case letters with optional `-` parts (`cy`, `pt-br`);
/// the site's own may be written as `language:` is (`en-GB`).
enum LanguageList {
    static func read(_ yaml: YAMLMapping, language: Located<String>?, diagnostics: inout [Diagnostic]) -> [String] {
        guard let list = yaml.stringList("languages", diagnostics: &diagnostics) else { return [] }
        var languages: [String] = []
        for entry in list {
            // The site's own language is only printed (`en-GB`); another names a folder, in lower case.
            let code = languages.isEmpty ? entry.value.lowercased() : entry.value
            guard isCode(code) else {
                diagnostics.append(
                    .error("invalid-language",
                           "'\(entry.value)' is not a language code casebook can use for a translation's folder and files: "
                               + "write it in lower case, as 'cy' or 'pt-br'",
                           at: entry.location))
                continue
            }
            if languages.contains(entry.value) {
                diagnostics.append(.error("duplicate-language", "language '\(entry.value)' is listed twice", at: entry.location))
                continue
            }
            if languages.count >= 1, !Wording.hasTable(for: entry.value) {
                diagnostics.append(
                    .warning("no-translation",
                             "casebook has no words of its own in language '\(entry.value)' (it has \(Wording.languages.joined(separator: ", "))); "
                                 + "its pages' headings, menu and dates stay in English",
                             at: entry.location))
            }
            languages.append(entry.value)
        }
        if let language, let first = languages.first, first != language.value {
            diagnostics.append(
                .error("language-mismatch",
                       "'languages' starts with '\(first)' but 'language' is '\(language.value)': list the site's own language first",
                       at: list.first?.location ?? language.location))
        }
        // One language is a site in that language: nothing to translate.
        return languages.count > 1 ? languages : []
    }

    /// Lower-case ASCII letters, with `-` parts of letters and digits: safe as a folder name and file suffix.
    static func isCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
        }
    }
}
