import Model

extension Values {
    /// casebook's own words as template values, `t.NAME` → escaped text: a translation or a
    /// site's `strings:` is text from config like any other, escaped at the one boundary.
    init(_ words: Wording) {
        self = [:]
        for (key, text) in words.all { self[key.rawValue] = EscapedText(text) }
    }
}
