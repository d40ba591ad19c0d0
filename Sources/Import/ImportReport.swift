import Model

/// What `casebook import` prints.
public enum ImportReport {
    public static func text(_ outcome: ImportRun.Outcome) -> String {
        var lines: [String] = []
        let verb = outcome.written ? "" : "would be "
        for (label, paths) in [("created", outcome.created), ("updated", outcome.updated)] {
            for path in paths { lines.append("\(label.padding(toLength: 9, withPad: " ", startingAt: 0)) \(path)") }
        }
        for skipped in outcome.skipped { lines.append("skipped   \(skipped.location): \(skipped.reason)") }
        for path in outcome.notInSource {
            lines.append("not in source \(path): its excerpt is gone from the source; delete the file if that is right")
        }
        lines.append(
            "\(outcome.created.count) \(verb)created, \(outcome.updated.count) \(verb)updated, \(outcome.unchanged.count) unchanged, "
                + "\(outcome.skipped.count) skipped (source '\(outcome.source)', \(outcome.format.rawValue))"
                + (outcome.written ? "" : "; dry run: add --write to write them"))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `--format json` when the source or mapping has problems.
    public struct Problems: Encodable {
        struct Problem: Encodable {
            var file: String
            var line: Int
            var column: Int
            var severity: String
            var code: String
            var message: String
        }

        var problems: [Problem]

        public init(_ diagnostics: [Diagnostic]) {
            problems = diagnostics.map {
                Problem(file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                        code: $0.code, message: $0.message)
            }
        }
    }
}
