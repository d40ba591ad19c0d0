import Foundation
import Model

/// A source read into rows of text: a CSV file, or one sheet of a workbook.
public struct SourceTable: Sendable {
    /// The header row's cells, as written.
    public var header: [String]
    /// Every row after the header that is not blank, with where it is.
    public var rows: [Row]

    public struct Row: Sendable {
        public var cells: [String]
        /// The file and line (CSV) or row number (a sheet), for diagnostics.
        public var location: SourceLocation
    }

    /// Reads `path` by its extension: `.xlsx` as a workbook (`sheet` by name, else the first),
    /// anything else as CSV (`,`, or `;` or tabs when the header holds no `,`).
    /// - Parameter shownAs: how diagnostics name the file.
    public static func read(path: String, shownAs: String, sheet: String?) throws(ImportError) -> SourceTable {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .usage("cannot read \(shownAs): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .usage("\(shownAs) is not a file") }
        guard Int(info.st_size) <= ImportLimits.fileBytes else {
            throw .usage("\(shownAs) is larger than \(ImportLimits.fileBytes >> 20) MiB, the most casebook import reads; split it into smaller exports")
        }
        let isWorkbook = path.lowercased().hasSuffix(".xlsx")
        if !isWorkbook, sheet != nil { throw .usage("--sheet applies to .xlsx workbooks only; \(shownAs) is read as CSV") }
        let table = isWorkbook
            ? try XLSXReader.read(path: path, shownAs: shownAs, sheet: sheet)
            : try CSVSourceReader.read(path: path, shownAs: shownAs)
        guard table.rows.count <= ImportLimits.rows else {
            throw .usage("\(shownAs) has more than \(ImportLimits.rows) rows, the most casebook import reads at once; split it")
        }
        guard table.header.count <= ImportLimits.columns else {
            throw .usage("\(shownAs) has more than \(ImportLimits.columns) columns, the most casebook import reads")
        }
        return table
    }

    /// The header cells as columns are matched: ignoring case and surrounding spaces.
    static func normalised(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The position of the column named `name` (compared as `normalised`), if any.
    func column(_ name: String) -> Int? {
        let wanted = Self.normalised(name)
        return header.firstIndex { Self.normalised($0) == wanted }
    }
}
