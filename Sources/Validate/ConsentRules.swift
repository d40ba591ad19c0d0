import Model

/// Consent over time: expiry turns a quote into `withdrawn`; nearing expiry warns.
struct ConsentRules {
    let today: ConsentDay
    let requireReference: Bool
    /// How far ahead an expiry date starts to warn.
    static let warningDays = 90

    func apply(to quote: inout Quote, diagnostics: inout [Diagnostic]) {
        if requireReference, quote.consent == .public || quote.consent == .internal,
            (quote.consentRef ?? "").isEmpty
        {
            diagnostics.append(
                .error("missing-consent-ref", "'consent_ref' is required by casebook.yml (require_consent_ref: true)",
                       at: quote.consentLocation))
        }
        guard let expires = quote.consentExpires, quote.consent == .public || quote.consent == .internal else { return }
        let daysLeft = expires.daysSinceEpoch - today.day.daysSinceEpoch
        if daysLeft < 0 {
            quote.consent = .withdrawn
            diagnostics.append(
                .warning("consent-expired", "consent expired on \(expires); the quote is treated as withdrawn", at: quote.consentLocation))
        } else if daysLeft <= Self.warningDays {
            diagnostics.append(
                .warning("consent-expiring", "consent expires on \(expires), in \(daysLeft) days; renew it or the quote will be withdrawn",
                         at: quote.consentLocation))
        }
    }
}
