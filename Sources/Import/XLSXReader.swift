import Foundation
import Load
import Model
import ZIPFoundation

/// Reads one sheet of an Excel workbook (.xlsx, Office Open XML): the zip archive with
/// ZIPFoundation, its XML parts with `WorkbookXML`.
///
/// A cell is shared text (`t="s"`, an index into `xl/sharedStrings.xml`), inline text
/// (`t="inlineStr"`), a formula's text (`t="str"`), a boolean or a number (its stored digits).
/// Parts are unpacked with a limit on their size and on their packing ratio, and a part holding
/// a DOCTYPE is refused (`WorkbookXML`).
enum XLSXReader {
    static func read(path: String, shownAs: String, sheet wanted: String?) throws(ImportError) -> SourceTable {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .usage("\(shownAs) is not an .xlsx workbook (not a zip archive); save it as Excel Workbook (.xlsx) or as CSV UTF-8")
        }
        let parts = Parts(archive: archive, shownAs: shownAs)
        let sheets = try parts.sheets()
        guard !sheets.isEmpty else { throw .usage("\(shownAs) has no sheets") }
        let chosen: (name: String, path: String)
        if let wanted {
            guard let found = sheets.first(where: { $0.name == wanted }) ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw .usage("\(shownAs) has no sheet '\(wanted)'; its sheets: \(sheets.map { "'\($0.name)'" }.joined(separator: ", "))")
            }
            chosen = found
        } else {
            chosen = sheets[0]
        }
        let shared = try parts.sharedStrings()
        let rows = try parts.rows(of: chosen.path, named: chosen.name, shared: shared)
        guard let headerIndex = rows.firstIndex(where: { !$0.cells.allSatisfy(\.isEmpty) }) else {
            throw .usage("the sheet '\(chosen.name)' of \(shownAs) is empty; its first row should name the columns")
        }
        let header = rows[headerIndex].cells
        let file = "\(shownAs) [\(chosen.name)]"
        let body = rows[(headerIndex + 1)...].filter { !$0.cells.allSatisfy { $0.trimmingWhitespace().isEmpty } }
        return SourceTable(
            header: header,
            rows: body.map { row in
                var cells = row.cells
                if cells.count < header.count { cells += Array(repeating: "", count: header.count - cells.count) }
                return SourceTable.Row(cells: cells, location: SourceLocation(file: file, line: row.number))
            })
    }

    struct SheetRow {
        /// The row's number in the sheet (1-based, as Excel shows it).
        var number: Int
        var cells: [String]
    }

    /// The archive's XML parts, each unpacked within the limits.
    struct Parts {
        let archive: Archive
        let shownAs: String

        /// Each sheet's name and the path of its part, in the workbook's order.
        func sheets() throws(ImportError) -> [(name: String, path: String)] {
            guard let workbook = try xml("xl/workbook.xml") else {
                throw .usage("\(shownAs) is not an Excel workbook (it has no xl/workbook.xml); save it as Excel Workbook (.xlsx)")
            }
            let relations = try xml("xl/_rels/workbook.xml.rels")
            var targets: [String: String] = [:]
            for relation in relations?.all("Relationship") ?? [] {
                guard let id = relation.attributes["Id"], let target = relation.attributes["Target"] else { continue }
                // Targets are relative to xl/, or absolute within the archive.
                targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
            return (workbook.child("sheets")?.all("sheet") ?? []).enumerated().map { index, sheet in
                let name = sheet.attributes["name"] ?? "Sheet\(index + 1)"
                let relation = sheet.attribute("id")
                return (name, relation.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(index + 1).xml")
            }
        }

        /// The shared strings' texts, by index.
        func sharedStrings() throws(ImportError) -> [String] {
            var texts: [String] = []
            let streamed = WorkbookXML.Streamed(parent: "sst", child: "si") { item in
                texts.append(Self.text(item))
                return true
            }
            _ = try xml("xl/sharedStrings.xml", streaming: streamed)
            return texts
        }

        func rows(of part: String, named sheet: String, shared: [String]) throws(ImportError) -> [SheetRow] {
            var rows: [SheetRow] = []
            var previous = 0
            // Rows are held up to their last cell, and the header's width pads them all (`read`):
            // rows times the widest row is what they cost, checked before any row grows.
            var widest = 0
            var failure: ImportError?
            func add(_ element: WorkbookXML) throws(ImportError) {
                let number = element.attributes["r"].flatMap { Int($0) } ?? previous + 1
                previous = number
                var cells: [String] = []
                for cell in element.all("c") {
                    let column = cell.attributes["r"].flatMap(Self.columnIndex) ?? cells.count
                    guard column < ImportLimits.columns else {
                        throw .usage("\(shownAs): row \(number) has a cell beyond column \(ImportLimits.columns), the most casebook import reads")
                    }
                    widest = max(widest, column + 1)
                    guard (rows.count + 1) * widest <= ImportLimits.sheetCells else {
                        throw .usage("the sheet '\(sheet)' of \(shownAs) reaches \(rows.count + 1) rows of up to \(widest) columns (row \(number)), more than "
                            + "the \(ImportLimits.sheetCells) cells casebook import reads from one sheet (empty cells before a row's last count too); "
                            + "delete the unused columns and rows, or split the sheet")
                    }
                    if column > cells.count { cells += Array(repeating: "", count: column - cells.count) }
                    let value = try Self.value(of: cell, shared: shared, at: "\(shownAs): row \(number)")
                    if column < cells.count { cells[column] = value } else { cells.append(value) }
                }
                rows.append(SheetRow(number: number, cells: cells))
            }
            let streamed = WorkbookXML.Streamed(parent: "sheetData", child: "row") { element in
                do throws(ImportError) {
                    try add(element)
                } catch {
                    failure = error
                    return false
                }
                return rows.count <= ImportLimits.rows + 1
            }
            guard try xml(part, streaming: streamed) != nil else { throw .usage("\(shownAs) lacks its sheet \(part)") }
            if let failure { throw failure }
            return rows
        }

        /// The parsed part, or nil when the archive has no such part.
        func xml(_ path: String, streaming streamed: WorkbookXML.Streamed? = nil) throws(ImportError) -> WorkbookXML? {
            guard let entry = archive[path] else { return nil }
            let limit = UInt64(ImportLimits.xlsxPartBytes)
            let declaredRatio = entry.compressedSize == 0 ? 0 : entry.uncompressedSize / max(entry.compressedSize, 1)
            guard entry.uncompressedSize <= limit else { throw tooLarge(path) }
            guard declaredRatio <= ImportLimits.xlsxRatio else { throw bomb(path) }
            // The sizes in the archive's directory can lie: the bytes unpacked are counted too.
            var data: [UInt8] = []
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(contentsOf: chunk)
                    if UInt64(data.count) > entry.uncompressedSize || UInt64(data.count) > max(entry.compressedSize, 1) * ImportLimits.xlsxRatio {
                        throw Unpacking.beyondLimits
                    }
                }
            } catch Unpacking.beyondLimits {
                throw bomb(path)
            } catch {
                throw .usage("\(shownAs) is damaged: its part \(path) cannot be unpacked (\(error)); save the workbook again")
            }
            do {
                return try WorkbookXML.parse(data, streaming: streamed)
            } catch {
                switch error {
                case .doctype:
                    throw .usage("\(shownAs): its part \(path) declares a DOCTYPE, which Excel never writes; refused (XML entities can expand without end)")
                case .malformed(let offset, let what):
                    throw .usage("\(shownAs) is damaged: its part \(path) is not well-formed XML at byte \(offset) (\(what)); save the workbook again")
                }
            }
        }

        private func tooLarge(_ path: String) -> ImportError {
            .usage("\(shownAs): its part \(path) is over \(ImportLimits.xlsxPartBytes >> 20) MiB unpacked, the most casebook reads "
                + "from one part of a workbook; save the sheet as CSV UTF-8 and import that (up to \(ImportLimits.fileBytes >> 20) MiB)")
        }

        /// The archive declared one size and unpacks to more, or packs too tightly to be a sheet.
        private func bomb(_ path: String) -> ImportError {
            .usage("\(shownAs): its part \(path) unpacks to more than its archive declares or more than "
                + "\(ImportLimits.xlsxRatio) times its packed size; refused, as a zip bomb would be")
        }

        enum Unpacking: Error { case beyondLimits }

        /// A cell's value as text.
        static func value(of cell: WorkbookXML, shared: [String], at place: String) throws(ImportError) -> String {
            let type = cell.attributes["t"] ?? "n"
            let stored = cell.child("v")?.text ?? ""
            switch type {
            case "s":
                guard let index = Int(stored), shared.indices.contains(index) else {
                    throw .usage("\(place): a cell names shared text \(stored), which the workbook does not have; save the workbook again")
                }
                return shared[index]
            case "inlineStr": return cell.child("is").map(text) ?? ""
            case "b": return stored == "1" ? "TRUE" : "FALSE"
            case "e": return ""
            default: return stored
            }
        }

        /// The text of a string item (`<si>`, `<is>`): its `<t>`, or its runs' `<t>`s in order;
        /// phonetic guides (`<rPh>`) are not part of the text.
        static func text(_ item: WorkbookXML) -> String {
            var result = ""
            for child in item.children {
                switch child.name {
                case "t": result += child.text
                case "r": result += child.child("t")?.text ?? ""
                default: break
                }
            }
            return result
        }

        /// `B7` → 1: the 0-based column of a cell reference.
        static func columnIndex(_ reference: String) -> Int? {
            var index = 0
            var letters = 0
            for scalar in reference.unicodeScalars {
                guard scalar.value >= 65, scalar.value <= 90 else { break }
                index = index * 26 + Int(scalar.value - 64)
                letters += 1
                if letters > 3 { return nil }
            }
            return letters == 0 ? nil : index - 1
        }
    }
}
