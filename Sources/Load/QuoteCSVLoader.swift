import CSV
import Model

/// Reads `content/quotes/*.csv`: many quotes per file, one per row (RFC 4180, header row first).
enum QuoteCSVLoader {
    static let requiredColumns = ["text", "speaker", "programme", "themes", "consent"]
    static let optionalColumns = ["case_study", "date", "featured", "id", "consent_ref", "consent_expires"]

    static func load(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> [Quote] {
        let starts: [Int]
        switch CSVRecordLines.scan(source.text) {
        case .unclosedQuote(let line):
            diagnostics.append(
                .error("csv-unclosed-quote",
                       "a quoted field that starts on this line never closes; add the closing '\"' (write a quote inside a field as '\"\"')",
                       at: SourceLocation(file: source.path, line: line, column: 1)))
            return []
        case .records(let lines): starts = lines
        }
        guard let reader = try? CSVReader(string: source.text, hasHeaderRow: true), let header = reader.headerRow else {
            diagnostics.append(.error("csv-no-header", "the CSV file needs a header row naming its columns", at: SourceLocation(file: source.path, line: 1)))
            return []
        }
        let columns = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let headerLocation = SourceLocation(file: source.path, line: 1, column: 1)
        let missing = requiredColumns.filter { !columns.contains($0) }
        if !missing.isEmpty {
            diagnostics.append(
                .error("csv-missing-column", "the header lacks the column(s) \(missing.joined(separator: ", ")); required: \(requiredColumns.joined(separator: ", "))",
                       at: headerLocation))
            return []
        }
        let unknown = columns.enumerated().filter { !requiredColumns.contains($1) && !optionalColumns.contains($1) }.map {
            (name: $1, location: SourceLocation(file: source.path, line: 1, column: $0 + 1))
        }
        UnknownNames.warn(unknown, kind: "column", context: "", known: requiredColumns + optionalColumns, diagnostics: &diagnostics)

        // Each column's position, looked up once: searching the header for every field of every
        // row cost rows × columns, and a header may have millions of columns.
        let positions = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let stem = String((source.path.split(separator: "/").last ?? "quotes").dropLast(4))
        var quotes: [Quote] = []
        var recordIndex = 0
        while let row = reader.next() {
            if row.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            recordIndex += 1
            let line = recordIndex < starts.count ? starts[recordIndex] : (starts.last ?? 1)
            let location = SourceLocation(file: source.path, line: line, column: 1)
            if let quote = quote(
                row, positions: positions, columnCount: columns.count, stem: stem, number: recordIndex, at: location, diagnostics: &diagnostics)
            {
                quotes.append(quote)
            }
        }
        return quotes
    }

    private static func quote(
        _ row: [String], positions: [String: Int], columnCount: Int, stem: String, number: Int, at location: SourceLocation,
        diagnostics: inout [Diagnostic]
    ) -> Quote? {
        func field(_ name: String) -> Located<String>? {
            guard let index = positions[name], index < row.count else { return nil }
            let value = row[index].trimmingWhitespace()
            return value.isEmpty ? nil : Located(value, at: SourceLocation(file: location.file, line: location.line, column: index + 1))
        }
        if row.count != columnCount {
            diagnostics.append(
                .warning("csv-field-count", "this row has \(row.count) fields but the header names \(columnCount)", at: location))
        }
        let consent = ConsentReader.consent(field("consent"), missingAt: location, diagnostics: &diagnostics)
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
        if let explicit = field("id") {
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
            return theme.isEmpty ? nil : Located(theme, at: themeCell!.location)
        }
        return Quote(
            id: id, text: text.value, speaker: speaker.value, programme: field("programme"),
            caseStudy: field("case_study"), themes: themes, consent: consent, consentRef: field("consent_ref")?.value,
            consentExpires: day("consent_expires"), date: day("date"), featured: featured, location: location,
            consentLocation: field("consent")?.location ?? location)
    }
}

/// Where each CSV record starts, by RFC 4180's quoting rules; CSVReader gives fields but not lines.
enum CSVRecordLines {
    enum Scan: Equatable {
        /// The 1-based line of each non-blank record, the header first.
        case records([Int])
        /// A quote opened on this line is never closed.
        case unclosedQuote(line: Int)
    }

    static func scan(_ text: String) -> Scan {
        var starts: [Int] = []
        var line = 1, inQuotes = false, quoteLine = 0, atRecordStart = true
        for byte in text.utf8 {
            if atRecordStart, byte != 10, byte != 13 {
                starts.append(line)
                atRecordStart = false
            }
            switch byte {
            case UInt8(ascii: "\""):
                if !inQuotes { quoteLine = line }
                inQuotes.toggle()
            case 10:
                line += 1
                if !inQuotes { atRecordStart = true }
            default: break
            }
        }
        return inQuotes ? .unclosedQuote(line: quoteLine) : .records(starts)
    }
}
