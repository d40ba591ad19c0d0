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

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text:
            return diagnostics.map { TerminalText.visible($0.description) + "\n" }.joined()
        case .github:
            return diagnostics.map { d in
                let kind = d.severity == .error ? "error" : "warning"
                var properties = "file=\(Self.escapeProperty(d.location.file))"
                if d.location.line > 0 { properties += ",line=\(d.location.line)" }
                if d.location.column > 0 { properties += ",col=\(d.location.column)" }
                properties += ",title=\(Self.escapeProperty(d.code))"
                return "::\(kind) \(properties)::\(Self.escapeData(d.message))\n"
            }.joined()
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

    // GitHub's workflow-command escaping (actions/toolkit, command.ts), after the other controls'.
    static func escapeData(_ s: String) -> String {
        TerminalText.visible(s, keeping: ["\r", "\n"]).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
