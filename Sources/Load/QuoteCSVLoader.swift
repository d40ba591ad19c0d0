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
        let headerLine = starts.first ?? 1
        guard let columns = columnNames(header, file: source.path, line: headerLine, diagnostics: &diagnostics) else { return [] }
        let missing = requiredColumns.filter { !columns.contains($0) }
        if !missing.isEmpty {
            diagnostics.append(
                .error("csv-missing-column", "the header lacks the column(s) \(missing.joined(separator: ", ")); required: \(requiredColumns.joined(separator: ", "))",
                       at: SourceLocation(file: source.path, line: headerLine, column: 1)))
            return []
        }
        // A column that looks like a consent column but is not one would be ignored, and every
        // row published without the consent or expiry meant for it: an error, and no consent.
        let unknown = columns.enumerated().filter { !$1.isEmpty && !requiredColumns.contains($1) && !optionalColumns.contains($1) }.map { index, _ in
            (name: header[index], location: SourceLocation(file: source.path, line: headerLine, column: index + 1))
        }
        let consentInDoubt = ConsentKeys.reportUnknown(
            unknown, kind: "column", context: "", known: requiredColumns + optionalColumns, diagnostics: &diagnostics)

        // Each column's position, looked up once: searching the header for every field of every
        // row cost rows × columns, and a header may have millions of columns.
        let positions = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let stem = String((source.path.split(separator: "/").last ?? "quotes").dropLast(4))
        // A row's id is `<file name>-<row>` unless it has one of its own: the name must be a slug.
        if !Slug.isValid(stem), !columns.contains("id") {
            diagnostics.append(
                .error("invalid-slug",
                       "the file name '\(stem).csv' is not a valid slug (lower-case a-z, 0-9 and '-'), and quote ids are made from it; rename it to '\(Slug.suggest(from: stem)).csv' or add an 'id' column",
                       at: SourceLocation(file: source.path, line: headerLine, column: 1)))
            return []
        }
        var quotes: [Quote] = []
        var rowIndex = 0, recordIndex = 0
        while let row = reader.next() {
            // `starts` has a line for every row the reader gives, blank ones too, the header first.
            rowIndex += 1
            if row.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            recordIndex += 1
            let line = rowIndex < starts.count ? starts[rowIndex] : (starts.last ?? 1)
            let location = SourceLocation(file: source.path, line: line, column: 1)
            if var quote = quote(
                row, positions: positions, columnCount: columns.count, stem: stem, number: recordIndex, at: location, diagnostics: &diagnostics)
            {
                if consentInDoubt { quote.consent = .invalid }
                quotes.append(quote)
            }
        }
        return quotes
    }

    /// The header's names as columns are matched (`KeyName.normalised`), or nil after an error
    /// when two of them are one name: the first would win silently, and a row whose second
    /// `consent` column says `withdrawn` would be published.
    static func columnNames(_ header: [String], file: String, line: Int, diagnostics: inout [Diagnostic]) -> [String]? {
        let names = header.map(KeyName.normalised)
        var first: [String: Int] = [:]
        var collided = false
        // Unnamed columns (a trailing comma) are ignored with a warning, however many there are.
        for (index, name) in names.enumerated() where !name.isEmpty {
            guard let earlier = first[name] else {
                first[name] = index
                continue
            }
            diagnostics.append(
                .error("csv-duplicate-column",
                       "column \(index + 1) '\(header[index])' and column \(earlier + 1) '\(header[earlier])' are both the column "
                           + "'\(name)' (names are compared ignoring case and surrounding spaces, with spaces and hyphens read as '_'); "
                           + "remove or rename one: the file's quotes are published nowhere until then",
                       at: SourceLocation(file: file, line: line, column: index + 1)))
            collided = true
        }
        return collided ? nil : names
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
        if field("id") == nil, !Slug.isValid(stem) {
            diagnostics.append(
                .error("invalid-slug",
                       "the row has no 'id' and the file name '\(stem).csv' is not a valid slug to make one from; fill in 'id' or rename the file to '\(Slug.suggest(from: stem)).csv'",
                       at: location))
            return nil
        }
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
            return theme.isEmpty ? nil : IDReference.checked(Located(theme, at: themeCell!.location), kind: "theme", diagnostics: &diagnostics)
        }
        return Quote(
            id: id, text: text.value, speaker: speaker.value,
            programme: IDReference.checked(field("programme"), kind: "programme", diagnostics: &diagnostics),
            caseStudy: IDReference.checked(field("case_study"), kind: "case study", diagnostics: &diagnostics), themes: themes, consent: consent, consentRef: field("consent_ref")?.value,
            consentExpires: day("consent_expires"), date: day("date"), featured: featured, location: location,
            consentLocation: field("consent")?.location ?? location)
    }
}

/// Where each CSV row starts; CSVReader gives fields but not lines.
///
/// It follows CSVReader's own reading rules, not only RFC 4180's, so that the n-th line here is
/// the n-th row the reader gives: a `"` opens a quoted field only as a field's first character;
/// inside one, `""` is a quote, `"` before a delimiter or line end closes it, and `"` before
/// anything else is kept and the quoted field goes on. Rows end at LF, CR LF or a lone CR.
/// Lines are counted at LF, as every other diagnostic counts them.
enum CSVRecordLines {
    enum Scan: Equatable {
        /// The 1-based line of each row, blank rows included, the header first.
        case records([Int])
        /// A quote opened on this line is never closed.
        case unclosedQuote(line: Int)
    }

    static func scan(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> Scan {
        var text = text
        return text.withUTF8 { scan($0, delimiter: delimiter) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Scan {
        let quote = UInt8(ascii: "\""), lf = UInt8(10), cr = UInt8(13)
        var starts: [Int] = []
        var line = 1, i = 0
        /// Ends a row at `byte` when it is a line end (a CR LF pair counts once).
        func endsRow(_ byte: UInt8) -> Bool {
            if byte == lf { line += 1; return true }
            if byte == cr {
                if i < bytes.count, bytes[i] == lf { i += 1; line += 1 }
                return true
            }
            return false
        }
        rows: while i < bytes.count {
            starts.append(line)
            fields: while true {
                if i < bytes.count, bytes[i] == quote {
                    let opened = line
                    i += 1
                    while true {
                        guard i < bytes.count else { return .unclosedQuote(line: opened) }
                        let byte = bytes[i]
                        i += 1
                        if byte == lf { line += 1 }
                        guard byte == quote else { continue }
                        guard i < bytes.count else { break rows }
                        let next = bytes[i]
                        i += 1
                        if endsRow(next) { continue rows }
                        if next == delimiter { continue fields }
                        // `""`, or a stray quote: the field stays quoted either way.
                    }
                }
                while i < bytes.count {
                    let byte = bytes[i]
                    i += 1
                    if endsRow(byte) { continue rows }
                    if byte == delimiter { continue fields }
                }
                break rows
            }
        }
        return .records(starts)
    }
}
