import Model

/// How a key or CSV column name is compared: the spelling a person may type for one name
/// (`Consent Expires`, `consent-expires`, ` consent_expires `) all map to `consent_expires`.
enum KeyName {
    /// Lower-cased, without surrounding white space, each run of spaces, hyphens and underscores
    /// turned into one `_`.
    static func normalised(_ name: String) -> String {
        var result = ""
        var pendingSeparator = false
        for character in name.trimmingWhitespace().lowercased() {
            if character == "-" || character == "_" || character.isWhitespace {
                pendingSeparator = true
                continue
            }
            if pendingSeparator, !result.isEmpty { result.append("_") }
            pendingSeparator = false
            result.append(character)
        }
        return result
    }
}
