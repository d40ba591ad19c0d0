/// The words casebook itself prints on a site and in its reports (headings, the menu, labels,
/// dates), in the site's `language`, with the site's own `strings:` in place of any of them.
///
/// The tables are Swift dictionaries, compiled in: Render and Load both read them (Render to
/// print, Load to know which `strings:` keys exist) and neither may import the other's
/// libraries, a compiled table cannot fail to load, and a missing word does not compile (each
/// language is a `switch` over `Key` with no `default`) rather than a blank on a page.
public struct Wording: Sendable, Equatable {
    /// The `language:` of the site, as written.
    public let language: String
    private let texts: [Key: String]

    /// - Parameter overrides: the site's `strings:`, key → text; unknown keys are ignored here
    ///   (`ConfigLoader` warns about them).
    public init(language: String, overrides: [String: String] = [:]) {
        self.language = language
        var texts = Wording.table(for: language) ?? Wording.english
        for (name, text) in overrides {
            if let key = Key(rawValue: name) { texts[key] = text }
        }
        self.texts = texts
    }

    public subscript(key: Key) -> String { texts[key] ?? Wording.english[key]! }

    /// The text of `key` with `{name}` filled in from `values` (a value is put in as it is, never
    /// read for names itself).
    public func text(_ key: Key, _ values: [String: String]) -> String {
        var text = Substring(self[key])
        var out = ""
        while let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
            out += text[..<open]
            let name = String(text[text.index(after: open)..<close])
            out += values[name] ?? String(text[open...close])
            text = text[text.index(after: close)...]
        }
        return out + text
    }

    /// Every key with its text, for templates (`{{t.lessons}}`).
    public var all: [(key: Key, text: String)] { Key.allCases.map { ($0, self[$0]) } }

    /// The table for a language tag (`cy`, `cy-GB`: its primary subtag), nil when casebook has none.
    public static func table(for language: String) -> [Key: String]? {
        let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        return tables[primary]
    }

    /// Whether casebook has its own words in this language (`check` warns when not).
    public static func hasTable(for language: String) -> Bool { table(for: language) != nil }

    /// "1 June 2025" / "1 Mehefin 2025": the day, month name and year, from the table (never the
    /// machine's locale, so output is the same everywhere).
    public func date(_ day: Day) -> String {
        "\(day.day) \(self[Wording.months[day.month - 1]]) \(day.year)"
    }

    private static let months: [Key] = [
        .january, .february, .march, .april, .may, .june, .july, .august, .september, .october, .november, .december,
    ]

    static let tables: [String: [Key: String]] = ["en": english, "cy": welsh]

    /// The languages with a table, for messages.
    public static var languages: [String] { tables.keys.sorted() }
}
