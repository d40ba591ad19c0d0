import Model

/// Reads one row of a quotes spreadsheet into a quote, with what the whole file shares.
struct CSVQuoteRows {
    /// Each column's position by its matched name.
    let positions: [String: Int]
    let columnCount: Int
    /// The file name without its extension: row-number ids are made from it.
    let stem: String
    let fileName: String
    let fileExtension: String
    let delimiter: UInt8

    struct Row {
        var quote: Quote
        /// The id is `<stem>-<row number>`: the row has no `id` of its own.
        var idFromRowNumber: Bool
    }

    /// The quote in `row`, the `number`-th non-blank row; nil after an error that leaves no
    /// quote to publish (a wrong field count, no text or speaker, an id that cannot be made).
    func quote(_ row: [String], number: Int, at location: SourceLocation, diagnostics: inout [Diagnostic]) -> Row? {
        // A missing or extra field shifts every later cell into the wrong column: a consent
        // read from a `speaker` cell, a quote attributed to its date. The row is refused whole.
        guard row.count == columnCount else {
            let holding = delimiter == CSVDelimiter.tab ? "a tab" : CSVDelimiter.name(delimiter)
            diagnostics.append(
                .error("csv-field-count",
                       "this row has \(row.count) field\(row.count == 1 ? "" : "s") but the header names \(columnCount) columns, so its "
                           + "cells cannot be matched to columns; give every row one field per column (an empty one for a blank cell) "
                           + "and put double quotes around a field that holds \(holding); the row is published nowhere until then",
                       at: location))
            return nil
        }
        func field(_ name: String) -> Located<String>? {
            guard let index = positions[name] else { return nil }
            let value = row[index].trimmingWhitespace()
            return value.isEmpty ? nil : Located(value, at: SourceLocation(file: location.file, line: location.line, column: index + 1))
        }
        // An empty consent cell is reported at its column, where the author writes the value.
        let consentCell = positions["consent"].map { SourceLocation(file: location.file, line: location.line, column: $0 + 1) } ?? location
        let consent = ConsentReader.consent(field("consent"), missingAt: consentCell, diagnostics: &diagnostics)
        guard let text = field("text") else {
            diagnostics.append(.error("empty-quote", "the row's 'text' is empty", at: location))
            return nil
        }
        MarkdownCheck.check(text, diagnostics: &diagnostics)
        guard let speaker = field("speaker") else {
            diagnostics.append(.error("missing-key", "the row's 'speaker' is empty", at: location))
            return nil
        }
        func day(_ name: String) -> Day? {
            guard let value = field(name) else { return nil }
            guard let day = Day(iso: value.value) else {
                diagnostics.append(.error("invalid-date", "'\(name)' should be a date written YYYY-MM-DD, found '\(value.value)'", at: value.location))
                return nil
            }
            return day
        }
        var featured = false
        if let value = field("featured") {
            switch value.value.lowercased() {
            case "true", "yes", "1", "y": featured = true
            case "false", "no", "0", "n": featured = false
            default:
                diagnostics.append(.error("wrong-type", "'featured' should be true or false, found '\(value.value)'", at: value.location))
            }
        }
        var id = "\(stem)-\(number)"
        let explicit = field("id")
        if explicit == nil, !Slug.isValid(stem) {
            diagnostics.append(
                .error("invalid-slug",
                       "the row has no 'id' and the file name '\(fileName)' is not a valid slug to make one from; fill in 'id' or rename the file to '\(Slug.suggest(from: stem)).\(fileExtension)'",
                       at: location))
            return nil
        }
        if let explicit {
            if Slug.isValid(explicit.value) {
                id = explicit.value
            } else {
                diagnostics.append(
                    .error("invalid-slug", "'id' must use only lower-case a-z, 0-9 and '-'; try '\(Slug.suggest(from: explicit.value))'",
                           at: explicit.location))
            }
        }
        // The cell is trimmed once: trimming it again for each theme was quadratic in its length.
        let themeCell = field("themes")
        let themes: [Located<String>] = (themeCell?.value.split(separator: ";") ?? []).compactMap {
            let theme = $0.trimmingCharacters(in: .whitespaces)
            return theme.isEmpty ? nil : IDReference.checked(Located(theme, at: themeCell!.location), kind: "theme", diagnostics: &diagnostics)
        }
        let quote = Quote(
            id: id, text: text.value, speaker: speaker.value,
            programme: IDReference.checked(field("programme"), kind: "programme", diagnostics: &diagnostics),
            caseStudy: IDReference.checked(field("case_study"), kind: "case study", diagnostics: &diagnostics), themes: themes,
            consent: consent, consentRef: field("consent_ref")?.value, consentExpires: day("consent_expires"), date: day("date"),
            featured: featured, location: location, consentLocation: field("consent")?.location ?? location)
        return Row(quote: quote, idFromRowNumber: explicit == nil)
    }
}
