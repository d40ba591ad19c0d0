import Model

/// `translations:` in casebook.yml: for each other language of `languages:`, the settings' text
/// in it (`title`, `introduction`, `organisation`, the themes' and programmes' titles by id, and
/// `strings:`). A language or id the site does not have is a warning with its line.
enum TranslatedSettingsReader {
    static let knownKeys = ["title", "introduction", "organisation", "themes", "programmes", "strings"]

    static func read(_ translations: YAMLMapping, config: SiteConfig, diagnostics: inout [Diagnostic]) -> [String: TranslatedSettings] {
        translations.warnUnknownKeys(
            known: config.translationLanguages, what: "'translations' (the languages of 'languages:' but the first)", diagnostics: &diagnostics)
        var result: [String: TranslatedSettings] = [:]
        for language in config.translationLanguages {
            guard let block = translations.mapping(language, diagnostics: &diagnostics) else { continue }
            block.warnUnknownKeys(known: knownKeys, what: "'translations: \(language)'", diagnostics: &diagnostics)
            var settings = TranslatedSettings()
            settings.title = block.string("title", diagnostics: &diagnostics)?.value
            let introduction = block.string("introduction", diagnostics: &diagnostics)
            MarkdownCheck.check(introduction, diagnostics: &diagnostics)
            settings.introduction = introduction?.value
            settings.organisation = block.string("organisation", diagnostics: &diagnostics)?.value
            if let themes = block.mapping("themes", diagnostics: &diagnostics) {
                let ids = config.themes.map(\.id)
                themes.warnUnknownKeys(known: ids, what: "'translations: \(language): themes' (theme ids)", diagnostics: &diagnostics)
                for id in ids where themes.node(id) != nil {
                    // A title alone, or a title and a description.
                    if let entry = themes.node(id)?.mapping != nil ? themes.mapping(id, diagnostics: &diagnostics) : nil {
                        entry.warnUnknownKeys(known: ["title", "description"], what: "a theme's translation", diagnostics: &diagnostics)
                        settings.themeTitles[id] = entry.string("title", diagnostics: &diagnostics)?.value
                        let description = entry.string("description", diagnostics: &diagnostics)
                        MarkdownCheck.check(description, diagnostics: &diagnostics)
                        settings.themeDescriptions[id] = description?.value
                    } else {
                        settings.themeTitles[id] = themes.string(id, diagnostics: &diagnostics)?.value
                    }
                }
            }
            if let programmes = block.mapping("programmes", diagnostics: &diagnostics) {
                let ids = (config.programmes ?? []).map(\.id)
                programmes.warnUnknownKeys(known: ids, what: "'translations: \(language): programmes' (programme ids)", diagnostics: &diagnostics)
                for id in ids { settings.programmeTitles[id] = programmes.string(id, diagnostics: &diagnostics)?.value }
            }
            if let strings = block.mapping("strings", diagnostics: &diagnostics) {
                settings.strings = ConfigLoader.strings(strings, diagnostics: &diagnostics)
            }
            result[language] = settings
        }
        return result
    }
}
