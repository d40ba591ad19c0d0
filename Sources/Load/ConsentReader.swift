import Model

/// Reads a `consent:` value. Default deny: anything but the three known words is an error,
/// and such a quote is published nowhere.
enum ConsentReader {
    static func consent(
        _ value: Located<String>?, missingAt location: SourceLocation, present: Bool = false, diagnostics: inout [Diagnostic]
    ) -> Consent {
        // A value of the wrong type has already been reported where it stands.
        if value == nil && present { return .invalid }
        guard let value else {
            diagnostics.append(
                .error("missing-consent", "'consent' is required (public, internal or withdrawn); the quote is published nowhere until it is set",
                       at: location))
            return .invalid
        }
        guard let consent = Consent(rawValue: value.value.lowercased()), consent != .invalid else {
            diagnostics.append(
                .error("invalid-consent",
                       "'consent' must be public, internal or withdrawn, found '\(value.value)'\(Suggestion.hint(for: value.value, in: ["public", "internal", "withdrawn"])); the quote is published nowhere",
                       at: value.location))
            return .invalid
        }
        return consent
    }
}
