import Load
import Model

/// One coded excerpt of a source: the rows that carry it (Taguette writes one row per tag of a
/// highlight) taken together.
struct Excerpt: Sendable {
    /// The source's own identity for it, as a slug: Taguette's highlight id, QualCoder's coding id,
    /// an `id` column's value, or else a hash of its document and text.
    var key: String
    var document: String
    var text: String
    /// In the order first seen, each once.
    private(set) var codes: [String]
    private var seenCodes: Set<String>
    /// The first non-empty cell of each other mapped column.
    var fields: [ImportField: Located<String>]
    var location: SourceLocation

    init(key: String, document: String, text: String, codes: [String], fields: [ImportField: Located<String>], location: SourceLocation) {
        self.key = key
        self.document = document
        self.text = text
        self.codes = []
        self.seenCodes = []
        self.fields = fields
        self.location = location
        add(codes)
    }

    /// Adds the codes not there yet; a set keeps this linear however many rows repeat an excerpt.
    mutating func add(_ more: [String]) {
        for code in more where seenCodes.insert(code).inserted { codes.append(code) }
    }
}

/// Why rows gave no excerpt.
struct Skipped: Sendable, Codable, Equatable {
    var location: String
    var reason: String
}

/// Rows → excerpts, with the columns resolved.
struct ExcerptReader {
    let columns: [ImportField: Int]
    let format: SourceFormat

    func excerpts(_ table: SourceTable, diagnostics: inout [Diagnostic], skipped: inout [Skipped]) -> [Excerpt] {
        var byKey: [String: Int] = [:]
        var result: [Excerpt] = []
        for row in table.rows {
            func cell(_ field: ImportField) -> String? {
                guard let index = columns[field], index < row.cells.count else { return nil }
                let value = row.cells[index].trimmingWhitespace()
                return value.isEmpty ? nil : value
            }
            var sourceID = cell(.id)
            if format == .qualcoder, let id = sourceID {
                // QualCoder's report lists coded images and audio too: only text is a quote.
                guard id.hasPrefix("ctid:") else {
                    skipped.append(Skipped(location: row.location.description, reason: "not text (\(id.prefix(5).dropLast()) coding)"))
                    continue
                }
                sourceID = String(id.dropFirst(5))
            }
            guard let rawText = cell(.text) else {
                skipped.append(Skipped(location: row.location.description, reason: "no text"))
                continue
            }
            let text = rawText.utf8.contains(13)
                ? rawText.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : rawText
            guard text.utf8.count <= ImportLimits.excerptBytes else {
                diagnostics.append(.error("excerpt-too-large", "this excerpt is over 1 MiB of text, the most a quote may hold", at: row.location))
                continue
            }
            let document = cell(.document) ?? ""
            let key = sourceID.map(Slug.suggest).flatMap { $0.isEmpty ? nil : $0 } ?? Self.hash(document + "\u{0}" + text)
            let codes = cell(.codes).map { format == .table ? $0.split(separator: ";").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } : [$0] } ?? []
            if let index = byKey[key] {
                guard result[index].text == text, result[index].document == document else {
                    diagnostics.append(.error("import-id-reused", "this row has the id '\(sourceID ?? key)' of the excerpt at \(result[index].location) but another text or document; give each excerpt its own id", at: row.location))
                    continue
                }
                result[index].add(codes)
                continue
            }
            var fields: [ImportField: Located<String>] = [:]
            for field in [ImportField.speaker, .programme, .caseStudy, .consent, .consentRef, .consentExpires, .date, .themes] {
                if let value = cell(field), let index = columns[field] {
                    fields[field] = Located(value, at: SourceLocation(file: row.location.file, line: row.location.line, column: index + 1))
                }
            }
            byKey[key] = result.count
            result.append(Excerpt(key: key, document: document, text: text, codes: codes, fields: fields, location: row.location))
        }
        return Self.mergingCopies(result)
    }

    /// The same text of the same document coded twice (QualCoder keeps one coding per code) is
    /// one quote with both codes, under the smaller id.
    static func mergingCopies(_ excerpts: [Excerpt]) -> [Excerpt] {
        var first: [String: Int] = [:]
        var result: [Excerpt] = []
        for excerpt in excerpts {
            let identity = excerpt.document + "\u{0}" + excerpt.text
            guard let index = first[identity] else {
                first[identity] = result.count
                result.append(excerpt)
                continue
            }
            result[index].add(excerpt.codes)
            if isBefore(excerpt.key, result[index].key) { result[index].key = excerpt.key }
        }
        return result
    }

    /// Numeric ids compare as numbers (`9` before `10`), others as text.
    static func isBefore(_ a: String, _ b: String) -> Bool {
        if let x = Int(a), let y = Int(b) { return x < y }
        return a < b
    }

    /// FNV-1a, 64 bits, as 16 hex digits: an excerpt's identity when its source gives none. Not
    /// for secrecy; two different excerpts of one source colliding is a one in 10^19 chance.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
