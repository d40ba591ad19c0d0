import Model

/// A reference to a CSV quote by its row number is an error at the reference.
///
/// A CSV row without an `id` gets `<file name>-<row number>` (`survey-3`). Sorting or filtering
/// the spreadsheet gives that id to another row, and a case study naming it would show another
/// person's words without anyone noticing. So only an id written in the file may be referenced;
/// the row-number id still names the quote in the output, where nothing holds on to it.
enum RowNumberReferences {
    static func check(_ caseStudies: [CaseStudy], quotes: [Quote], rowNumberIDs: Set<String>, diagnostics: inout [Diagnostic]) {
        guard !rowNumberIDs.isEmpty else { return }
        var rows: [String: SourceLocation] = [:]
        for quote in quotes where rowNumberIDs.contains(quote.id) { rows[quote.id] = rows[quote.id] ?? quote.location }
        for caseStudy in caseStudies {
            for reference in caseStudy.quoteRefs {
                guard let row = rows[reference.value] else { continue }
                diagnostics.append(
                    .error("csv-row-reference",
                           "quote '\(reference.value)' is the id made from a row number of \(row.file) (the row on line \(row.line)), "
                               + "which has no 'id': sorting the spreadsheet would silently make this name another quote; "
                               + "add an 'id' column to \(row.file) and give that row an id (writing '\(reference.value)' there keeps "
                               + "this reference as it is)",
                           at: reference.location))
            }
        }
    }
}
