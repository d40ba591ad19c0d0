/// `--map text=Excerpt,speaker=Role` (the option may be repeated): which column gives which field.
public enum ColumnMap {
    public static func parse(_ options: [String]) throws(ImportError) -> [ImportField: String] {
        var result: [ImportField: String] = [:]
        for option in options {
            for pair in option.split(separator: ",", omittingEmptySubsequences: true) {
                guard let equals = pair.firstIndex(of: "=") else {
                    throw .usage("--map takes FIELD=COLUMN pairs separated by commas (text=Excerpt,speaker=Role); '\(pair)' has no '='")
                }
                let name = pair[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
                let column = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                guard let field = ImportField(rawValue: name) else {
                    throw .usage("--map names an unknown field '\(name)'; the fields are \(ImportField.names)")
                }
                guard !column.isEmpty else { throw .usage("--map \(name)= names no column") }
                guard result[field] == nil else { throw .usage("--map names the field '\(name)' twice") }
                result[field] = column
            }
        }
        return result
    }
}
