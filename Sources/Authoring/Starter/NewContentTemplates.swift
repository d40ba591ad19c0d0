import Model

/// The front matter `casebook new` writes for each kind of content. The site's themes and
/// programmes are listed as comments, so the author picks ids without opening casebook.yml.
///
/// A new case study or page is a draft (as Hugo's `new` makes drafts), and each placeholder is a
/// `Placeholder` text, which validation refuses in anything published: text the author has not
/// replaced cannot be published by accident. A new quote has no `consent:` value at all: there
/// is no default, so `check` reports it until the author writes down what the speaker agreed to.
enum NewContentTemplates {
    static func caseStudy(title: String, date: Day, vocabulary: Vocabulary) -> String {
        """
        ---
        title: \(YAMLText.quoted(title))
        date: \(date)
        summary: \(Placeholder.caseStudySummary)
        \(vocabulary.programmeComment)
        # themes: the findings' themes it speaks to, as [id, id]; the site's themes:
        \(vocabulary.themeList)
        themes: []
        # lessons: what it learned, each under one theme; for example:
        #   - theme: \(vocabulary.exampleTheme)
        #     text: One lesson, in a sentence (inline Markdown is allowed).
        lessons: []
        draft: true          # builds only with --drafts; delete this line to publish
        ---

        ## What happened

        ## What changed

        """
    }

    static func quote(date: Day, vocabulary: Vocabulary, requireConsentRef: Bool) -> String {
        """
        ---
        speaker: \(Placeholder.quoteSpeaker)     # a role ("Parent", "Youth panel member"), never a name
        \(vocabulary.programmeComment)
        # case_study: the slug of the case study it belongs to (optional)
        # themes: the findings' themes it speaks to, as [id, id]; the site's themes:
        \(vocabulary.themeList)
        themes: []
        # consent: what the speaker agreed to, from your consent record. There is no default:
        #   public     on the website, in the data exports and in every report
        #   internal   only in reports whose audience is internal
        #   withdrawn  nowhere
        consent:
        \(requireConsentRef ? "" : "# ")consent_ref:                   # the consent record's id; never published\(requireConsentRef ? " (required by casebook.yml)" : "")
        # consent_expires: YYYY-MM-DD    # optional: after this day the quote counts as withdrawn
        date: \(date)
        ---
        \(Placeholder.quoteText)

        """
    }

    static func page(title: String) -> String {
        """
        ---
        title: \(YAMLText.quoted(title))
        description: \(Placeholder.pageDescription)
        weight: 50           # menu order: lower first
        draft: true          # builds only with --drafts; delete this line to publish
        ---

        \(Placeholder.pageBody)

        """
    }
}

/// The ids and titles a site defines, written as YAML comments.
struct Vocabulary {
    var themes: [(id: String, title: String)]
    /// nil when casebook.yml has no `programmes:` list (then any id is accepted).
    var programmes: [(id: String, title: String)]?

    init(_ config: SiteConfig) {
        themes = config.themes.map { ($0.id, $0.title) }
        programmes = config.programmes?.map { ($0.id, $0.title) }
    }

    var themeList: String {
        guard !themes.isEmpty else { return "#   (none yet: add them under 'themes:' in casebook.yml)" }
        return Self.list(themes)
    }

    var exampleTheme: String { themes.first.map { YAMLText.comment($0.id) } ?? "theme-id" }

    var programmeComment: String {
        guard let programmes else { return "# programme: the programme's id (optional)" }
        guard !programmes.isEmpty else { return "# programme: none defined yet under 'programmes:' in casebook.yml" }
        return "# programme: the programme it belongs to, one of:\n" + Self.list(programmes)
    }

    private static func list(_ entries: [(id: String, title: String)]) -> String {
        let width = min(24, entries.map { $0.id.count }.max() ?? 0)
        return entries.map { entry in
            let id = YAMLText.comment(entry.id)
            return "#   " + id + String(repeating: " ", count: max(0, width - id.count)) + "  " + YAMLText.comment(entry.title)
        }.joined(separator: "\n")
    }
}

/// Text from a title or from casebook.yml, made safe to put into YAML front matter.
enum YAMLText {
    /// Every character YAML (or a reader's editor) takes as a line break, and other controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029
            || scalar.value == 0xFEFF
    }

    /// A double-quoted YAML scalar: `\` and `"` escaped. Callers refuse control characters first.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Text for a comment: line breaks and controls become spaces, so it cannot end the comment.
    static func comment(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }
}
