import Model

/// The keys that decide whether a quote may be published, and the rule for names that look like
/// them. An unknown key is otherwise only a warning; one that resembles a consent key
/// (`concent`, `consent_expiry`, `Consent`, `speaker_consent`) is an error, because ignoring it
/// would publish the quote without the consent or expiry its author meant to give.
public enum ConsentKeys {
    static let names = ["consent", "consent_expires", "consent_ref"]

    /// How an unknown name resembles the consent keys.
    enum Resemblance: Equatable {
        /// The same name once normalised (`Consent-Expires`), or a typo or two away from it
        /// (one per four letters: `concent`, `consnet`, `consent_expiry`).
        case near(String)
        /// A word of it is a typo at most away from `consent` (`consent_date`, `has-concent`).
        case mentionsConsent
    }

    /// How an unknown `name` resembles a consent key, or nil when it resembles none.
    static func resemblance(of name: String) -> Resemblance? {
        let key = KeyName.normalised(name)
        if let near = Suggestion.closest(to: key, in: names, within: max(1, key.count / 4)) { return .near(near) }
        let words = key.split(separator: "_").map(String.init)
        if key.contains("consent") || words.contains(where: { Suggestion.closest(to: $0, in: ["consent"], within: 1) != nil }) {
            return .mentionsConsent
        }
        return nil
    }

    /// Whether a column named `name` may hold a consent or its expiry (`Consent`,
    /// `FileVar_Consent`, `consent-expiry`): `casebook import` reads every such column or refuses.
    /// A consent record's id (`consent_ref`) decides nothing, so a name close to it does not count.
    public static func mayDecideConsent(_ name: String) -> Bool {
        guard let resemblance = resemblance(of: name) else { return false }
        return resemblance != .near("consent_ref")
    }

    /// The error for an unknown key or column that resembles a consent key.
    static func lookalike(_ name: String, _ resemblance: Resemblance, kind: String, at location: SourceLocation) -> Diagnostic {
        let meant: String
        switch resemblance {
        case .near(let key): meant = "the consent key '\(key)' (did you mean '\(key)'?)"
        case .mentionsConsent: meant = "a consent key (did you mean one of \(names.map { "'\($0)'" }.joined(separator: ", "))?)"
        }
        return .error(
            "consent-key-lookalike",
            "unknown \(kind) '\(name)' looks like \(meant); consent keys must be spelt exactly, so the quote is published "
                + "nowhere until this is fixed",
            at: location)
    }

    /// Reports the names a quote file or CSV header does not know: an error for each that
    /// resembles a consent key, a warning for the rest (`UnknownNames`). Returns whether any
    /// resembled one, in which case the caller publishes the quote (or every row) nowhere.
    static func reportUnknown(
        _ unknown: [(name: String, location: SourceLocation)], kind: String, context: String, known: [String],
        diagnostics: inout [Diagnostic]
    ) -> Bool {
        var others: [(name: String, location: SourceLocation)] = []
        var consentInDoubt = false
        for (name, location) in unknown {
            if let resemblance = resemblance(of: name) {
                diagnostics.append(lookalike(name, resemblance, kind: kind, at: location))
                consentInDoubt = true
            } else {
                others.append((name, location))
            }
        }
        UnknownNames.warn(others, kind: kind, context: context, known: known, diagnostics: &diagnostics)
        return consentInDoubt
    }
}
