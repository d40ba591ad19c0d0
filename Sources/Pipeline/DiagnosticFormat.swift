import Foundation
import Model

/// How diagnostics are printed: for people, for tools, or for GitHub Actions annotations.
///
/// Messages and file names carry text from content. In text and GitHub output every control
/// character in them is written as a visible escape (`TerminalText`), so a value cannot send
/// escape sequences to the terminal or forge a line; JSON escapes them itself.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github

    /// Text and annotations show this many diagnostics, then one line counting the rest: a
    /// folder of 200,000 broken files gets a readable answer. JSON, for tools, lists them all.
    public static let shownLimit = 500
    /// Characters of one message shown in text and annotations (a message may quote a value
    /// from the content, and a value can be a megabyte long).
    public static let messageLimit = 1_000

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            return Self.shown(diagnostics).map { TerminalText.visible($0.description) + "\n" }.joined() + Self.rest(diagnostics)
        case .github:
            return Self.shown(diagnostics).map { d in
                let kind = d.severity == .error ? "error" : "warning"
                var properties = "file=\(Self.escapeProperty(d.location.file))"
                if d.location.line > 0 { properties += ",line=\(d.location.line)" }
                if d.location.column > 0 { properties += ",col=\(d.location.column)" }
                properties += ",title=\(Self.escapeProperty(d.code))"
                return "::\(kind) \(properties)::\(Self.escapeData(d.message))\n"
            }.joined() + Self.rest(diagnostics)
        case .json:
            if diagnostics.isEmpty { return "[]\n" }
            struct Entry: Encodable {
                let file: String, line: Int, column: Int, severity: String, code: String, message: String
            }
            let entries = diagnostics.map {
                Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column,
                      severity: $0.severity.rawValue, code: $0.code, message: $0.message)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (String(data: (try? encoder.encode(entries)) ?? Data("[]".utf8), encoding: .utf8) ?? "[]") + "\n"
        }
    }

    /// The first `shownLimit` diagnostics, each message cut to `messageLimit` characters.
    static func shown(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.prefix(shownLimit).map { diagnostic in
            guard diagnostic.message.utf8.count > messageLimit, diagnostic.message.count > messageLimit else { return diagnostic }
            var cut = diagnostic
            cut.message = String(diagnostic.message.prefix(messageLimit)) + "… (cut; --format json prints it whole)"
            return cut
        }
    }

    /// The line that counts what `shown` left out, or nothing.
    static func rest(_ diagnostics: [Diagnostic]) -> String {
        guard diagnostics.count > shownLimit else { return "" }
        let hidden = diagnostics.dropFirst(shownLimit)
        let errors = hidden.count { $0.severity == .error }
        return "… and \(hidden.count) more (\(TerminalText.count(errors, "error")), \(TerminalText.count(hidden.count - errors, "warning"))) not shown; "
            + "fix these first, or use --format json to list them all\n"
    }

    // GitHub's workflow-command escaping (actions/toolkit, command.ts).
    static func escapeData(_ s: String) -> String {
        TerminalText.visible(s, keeping: ["\r", "\n"]).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
