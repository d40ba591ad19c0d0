import Model
import Render

/// How `casebook quotes` prints its audit: `text` for people, `csv` for a spreadsheet, `json` for tools.
public enum QuotesAuditFormat: String, Sendable, CaseIterable {
    case text, csv, json

    public func render(_ audit: QuotesAudit) -> String {
        switch self {
        case .json: return JSONText.encode(audit)
        case .csv: return Self.csv(audit)
        case .text: return Self.text(audit)
        }
    }

    /// One row per quote; `days_left` is empty once consent has expired (the state says so, and
    /// a cell starting with `-` would be written as text). Fields go through `CSVTable`, which keeps spreadsheets from running a
    /// speaker or id that starts with `=` as a formula.
    static func csv(_ audit: QuotesAudit) -> String {
        var table = CSVTable()
        table.append(row: [
            "id", "file", "line", "speaker", "programme", "consent", "state", "audience", "consent_expires", "days_left",
            "consent_ref", "referenced_by", "problems",
        ])
        let problems = Dictionary(grouping: audit.problems, by: \.quote)
        for quote in audit.quotes {
            table.append(row: [
                quote.id, quote.file, String(quote.line), quote.speaker, quote.programme ?? "", quote.consent,
                quote.state.rawValue, quote.audience, quote.consentExpires?.description ?? "", quote.daysLeft.flatMap { $0 < 0 ? nil : String($0) } ?? "",
                quote.hasConsentRef ? "present" : "missing", quote.referencedBy.joined(separator: ";"),
                (problems[quote.id] ?? []).map(\.code).joined(separator: ";"),
            ])
        }
        return String(decoding: table.bytes, as: UTF8.self) + "\r\n"
    }

    /// The counts by state, the quotes under each state, then the problems. Text from content is
    /// shown with its control characters escaped, so it cannot drive the terminal.
    static func text(_ audit: QuotesAudit) -> String {
        var lines = ["Quotes as of \(audit.asOf) (consent expiring within \(audit.expiringWithinDays) days counts as a problem):"]
        let grouped = Dictionary(grouping: audit.quotes, by: \.state)
        // Columns as wide as their longest cell, up to a limit, so that a long id does not push every row.
        func width(_ cell: (QuotesAudit.Entry) -> String) -> Int { min(40, audit.quotes.map { cell($0).count }.max() ?? 0) }
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        let speaker = { (quote: QuotesAudit.Entry) in quote.speaker + (quote.programme.map { ", \($0)" } ?? "") }
        let idWidth = width(\.id), speakerWidth = width(speaker)
        for state in QuotesAudit.State.allCases {
            let quotes = grouped[state] ?? []
            lines.append("")
            lines.append("\(state.rawValue) (\(quotes.count)): \(state.audience)")
            for quote in quotes {
                var line = "  \(pad(quote.id, idWidth))  \(pad(speaker(quote), speakerWidth))  \(SourceLocation(file: quote.file, line: quote.line))"
                if let expires = quote.consentExpires { line += "  expires \(expires)" }
                lines.append(line)
            }
        }
        lines.append("")
        if audit.problems.isEmpty {
            lines.append("No problems.")
        } else {
            lines.append("\(audit.problems.count) problem\(audit.problems.count == 1 ? "" : "s"):")
            lines += audit.problems.map { "\($0.location): \($0.code): \($0.message)" }
        }
        return lines.map { TerminalText.visible($0) + "\n" }.joined()
    }
}
