import CSV
import Model

/// Reads `content/quotes/*.csv` and `*.tsv`: many quotes per file, one per row (RFC 4180,
/// header row first; the field delimiter as `CSVDelimiter` chooses it).
enum QuoteCSVLoader {
    static let requiredColumns = ["text", "speaker", "programme", "themes", "consent"]
    static let optionalColumns = ["case_study", "date", "featured", "id", "consent_ref", "consent_expires"]

    /// What one file gave.
    struct Loaded {
        var quotes: [Quote] = []
        /// The ids made from the file name and a row number (`survey-3`), for rows without an
        /// `id`: they change when the rows are re-sorted, so nothing may reference them.
        var rowNumberIDs: Set<String> = []
    }

    static func load(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> Loaded {
        let fileName = String(source.path.split(separator: "/").last ?? "quotes.csv")
        let fileExtension = SiteDirectory.pathExtension(of: fileName)
        let delimiter: UInt8
        switch CSVDelimiter.choose(for: source.text, tabSeparated: fileExtension == "tsv", required: requiredColumns) {
        case .delimiter(let chosen): delimiter = chosen
        case .ambiguous:
            diagnostics.append(
                .error("csv-ambiguous-delimiter",
                       "the header has no ',' and splits into the required columns both at ';' and at tabs, so which one "
                           + "separates the fields is unclear; save the file as CSV UTF-8 (comma-separated)",
                       at: SourceLocation(file: source.path, line: 1, column: 1)))
            return Loaded()
        }
        let starts: [Int]
        switch CSVRecordLines.scan(source.text, delimiter: delimiter) {
        case .unclosedQuote(let line):
            diagnostics.append(
                .error("csv-unclosed-quote",
                       "a quoted field that starts on this line never closes; add the closing '\"' (write a quote inside a field as '\"\"')",
                       at: SourceLocation(file: source.path, line: line, column: 1)))
            return Loaded()
        case .records(let lines): starts = lines
        }
        guard
            let reader = try? CSVReader(string: source.text, hasHeaderRow: true, delimiter: Unicode.Scalar(delimiter)),
            let header = reader.headerRow
        else {
            diagnostics.append(.error("csv-no-header", "the file needs a header row naming its columns", at: SourceLocation(file: source.path, line: 1)))
            return Loaded()
        }
        let headerLine = starts.first ?? 1
        guard let columns = columnNames(header, file: source.path, line: headerLine, diagnostics: &diagnostics) else { return Loaded() }
        let missing = requiredColumns.filter { !columns.contains($0) }
        if !missing.isEmpty {
            // A misspelt required column (`speakr`) is named where it stands, with the column it
            // may be meant as. Other unknown names wait until the header is readable: a header
            // read with the wrong delimiter is one long unknown name.
            let suggester = Suggester(missing)
            for (index, name) in columns.enumerated() where !name.isEmpty && !optionalColumns.contains(name) {
                guard let meant = suggester.closest(to: name) else { continue }
                diagnostics.append(
                    .warning("unknown-column", "unknown column '\(header[index])' (did you mean '\(meant)'?)",
                             at: SourceLocation(file: source.path, line: headerLine, column: index + 1)))
            }
            diagnostics.append(
                .error("csv-missing-column",
                       "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); required: \(requiredColumns.joined(separator: ", "))"
                           + CSVDelimiter.hint(for: source.text, readWith: delimiter),
                       at: SourceLocation(file: source.path, line: headerLine, column: 1)))
            return Loaded()
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
        let stem = String(fileName.dropLast(fileExtension.count + 1))
        // A row's id is `<file name>-<row>` unless it has one of its own: the name must be a slug.
        if !Slug.isValid(stem), !columns.contains("id") {
            diagnostics.append(
                .error("invalid-slug",
                       "the file name '\(fileName)' is not a valid slug (lower-case a-z, 0-9 and '-'), and quote ids are made from it; rename it to '\(Slug.suggest(from: stem)).\(fileExtension)' or add an 'id' column",
                       at: SourceLocation(file: source.path, line: headerLine, column: 1)))
            return Loaded()
        }
        let rows = CSVQuoteRows(
            positions: positions, columnCount: columns.count, stem: stem, fileName: fileName, fileExtension: fileExtension, delimiter: delimiter)
        var loaded = Loaded()
        var rowIndex = 0, recordIndex = 0
        while let fields = reader.next() {
            // `starts` has a line for every row the reader gives, blank ones too, the header first.
            rowIndex += 1
            if fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            recordIndex += 1
            let line = rowIndex < starts.count ? starts[rowIndex] : (starts.last ?? 1)
            let location = SourceLocation(file: source.path, line: line, column: 1)
            if var row = rows.quote(fields, number: recordIndex, at: location, diagnostics: &diagnostics) {
                if consentInDoubt { row.quote.consent = .invalid }
                if row.idFromRowNumber { loaded.rowNumberIDs.insert(row.quote.id) }
                loaded.quotes.append(row.quote)
            }
        }
        return loaded
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
