import Model

/// Which character separates the fields of a quotes spreadsheet.
///
/// Excel in many locales (where `,` is the decimal comma) saves "CSV" with `;`, and "Text (Tab
/// delimited)" with tabs. A `.tsv` file is read with tabs. A `.csv` file is read with `,` unless
/// its header line holds no `,` and exactly one of `;` and tab splits it into names that include
/// every required column: then there is no doubt which one the file uses, and it is read so.
enum CSVDelimiter {
    static let comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";"), tab = UInt8(ascii: "\t")

    enum Choice: Equatable {
        case delimiter(UInt8)
        /// Both `;` and tab split the header into the required columns.
        case ambiguous
    }

    /// - Parameters:
    ///   - text: the file's text (BOM removed, LF line ends).
    ///   - tabSeparated: the file is a `.tsv`.
    static func choose(for text: String, tabSeparated: Bool, required: [String]) -> Choice {
        if tabSeparated { return .delimiter(tab) }
        let header = headerLine(text)
        if header.contains(comma) { return .delimiter(comma) }
        let fitting = [semicolon, tab].filter { delimiter in
            let names = Set(names(header, separatedBy: delimiter))
            return required.allSatisfy(names.contains)
        }
        switch fitting.count {
        case 0: return .delimiter(comma)
        case 1: return .delimiter(fitting[0])
        default: return .ambiguous
        }
    }

    /// Why a header read with `delimiter` may lack its columns, when the file looks separated by
    /// another character; "" when there is nothing to say.
    static func hint(for text: String, readWith delimiter: UInt8) -> String {
        let header = headerLine(text)
        if delimiter == tab {
            return header.contains(tab) || !header.contains(comma)
                ? "" : " (a .tsv file is read with tabs between fields and this header has none; if it is comma-separated, rename it .csv)"
        }
        let others = [semicolon, tab].filter { header.contains($0) }.map(name)
        guard !others.isEmpty else { return "" }
        return " (the header was read with ',' between names; it also holds \(others.joined(separator: " and ")): "
            + "a file separated by ';' or tabs is read so only when its header holds no ',' and splits into all the required columns)"
    }

    static func name(_ delimiter: UInt8) -> String {
        switch delimiter {
        case tab: return "tabs"
        case semicolon: return "';'"
        default: return "'\(Character(Unicode.Scalar(delimiter)))'"
        }
    }

    /// The bytes of the first line: the header, unless a quoted name holds a line break (then
    /// the detection sees part of it, and reading falls back to `,`).
    private static func headerLine(_ text: String) -> [UInt8] {
        Array(text.utf8.prefix { $0 != UInt8(ascii: "\n") })
    }

    /// The header's names split at `delimiter`, a surrounding pair of `"` removed, as columns are matched.
    private static func names(_ header: [UInt8], separatedBy delimiter: UInt8) -> [String] {
        header.split(separator: delimiter, omittingEmptySubsequences: false).map { cell in
            var name = KeyName.normalised(String(decoding: cell, as: UTF8.self))
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = KeyName.normalised(String(name.dropFirst().dropLast())) }
            return name
        }
    }
}
