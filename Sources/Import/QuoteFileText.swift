import Model

/// One imported quote as a Markdown file in `content/quotes/`, the format `casebook new quote`
/// writes, with a first comment line that marks it as import's own.
struct PlannedQuote: Sendable {
    var id: String
    var excerptKey: String
    var speaker: String
    var programme: String?
    var caseStudy: String?
    var themes: [String]
    var consent: Consent
    var consentRef: String?
    var consentExpires: Day?
    var date: Day?
    var text: String

    var path: String { "content/quotes/\(id).md" }

    /// The first line of every imported file: `import` replaces only files starting with it.
    static func marker(source: String) -> String { "# casebook import: source \(source), excerpt " }

    func fileText(source: String) -> String {
        var lines = [
            "---",
            Self.marker(source: source) + excerptKey
                + ". Edit the source and import again: changes made here are replaced.",
            "speaker: \(Self.quoted(speaker))",
        ]
        if let programme { lines.append("programme: \(programme)") }
        if let caseStudy { lines.append("case_study: \(caseStudy)") }
        lines.append("themes: [\(themes.joined(separator: ", "))]")
        lines.append("consent: \(consent.rawValue)")
        if let consentRef { lines.append("consent_ref: \(Self.quoted(consentRef))") }
        if let consentExpires { lines.append("consent_expires: \(consentExpires)") }
        if let date { lines.append("date: \(date)") }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n" + text + "\n"
    }

    /// A YAML double-quoted scalar that holds any text: `\`, `"` and every control or line-break
    /// character escaped, so a cell cannot end the value or add a key.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            default:
                if scalar.properties.generalCategory == .control || [0x2028, 0x2029, 0xFEFF, 0x85].contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += scalar.value <= 0xFF
                        ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
