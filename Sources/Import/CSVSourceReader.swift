import CSV
import Foundation
import Load
import Model

/// Reads a CSV export (Taguette's, QualCoder's, a spreadsheet's) with CSV.swift.
enum CSVSourceReader {
    static func read(path: String, shownAs: String) throws(ImportError) -> SourceTable {
        guard let data = FileManager.default.contents(atPath: path) else { throw .usage("cannot read \(shownAs)") }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .usage("\(shownAs) is UTF-16 text; save it as CSV UTF-8 (File → Save As → CSV UTF-8)")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .usage("\(shownAs) is a zip archive (a workbook?), not CSV; name a workbook .xlsx, or save it as CSV UTF-8")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .usage("\(shownAs) is not UTF-8 text; save it as CSV UTF-8 (File → Save As → CSV UTF-8)")
        }
        if bytes.contains(0) { throw .usage("\(shownAs) holds NUL bytes: it is a binary file, not CSV") }
        let delimiter = Self.delimiter(text)
        // CSVReader does not say where a row starts: lines are counted from the fields it gives.
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, delimiter: delimiter)
        } catch {
            throw .usage("\(shownAs) cannot be read as CSV: \(error)")
        }
        guard let header = reader.headerRow, header.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw .usage("\(shownAs) has no header row naming its columns")
        }
        var rows: [SourceTable.Row] = []
        var line = 1 + header.reduce(0) { $0 + $1.utf8.count { $0 == UInt8(ascii: "\n") } }
        while let fields = reader.next() {
            line += 1
            let start = line
            line += fields.reduce(0) { $0 + $1.utf8.count { $0 == UInt8(ascii: "\n") } }
            if let error = reader.error { throw .usage("\(shownAs):\(start): cannot be read as CSV: \(error)") }
            if fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            rows.append(SourceTable.Row(cells: fields, location: SourceLocation(file: shownAs, line: start)))
            if rows.count > ImportLimits.rows { break }
        }
        if let error = reader.error { throw .usage("\(shownAs) cannot be read as CSV: \(error)") }
        return SourceTable(header: header, rows: rows)
    }

    /// `,` unless the header line holds none and holds `;` or a tab (Excel's "CSV" in many locales).
    static func delimiter(_ text: String) -> Unicode.Scalar {
        let header = text.utf8.prefix { $0 != UInt8(ascii: "\n") }
        if header.contains(UInt8(ascii: ",")) { return "," }
        if header.contains(UInt8(ascii: ";")) { return ";" }
        if header.contains(UInt8(ascii: "\t")) { return "\t" }
        return ","
    }
}
