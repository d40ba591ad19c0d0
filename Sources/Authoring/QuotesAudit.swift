import Load
import Model

/// `casebook quotes`: the consent audit for the team. Every quote with its consent state and who
/// may see it, and the problems to act on: consent expiring soon or expired, withdrawn quotes
/// still listed by a case study, quotes without the `consent_ref` the site requires, and quotes
/// whose consent cannot be read.
///
/// It names quotes by id, speaker (a role) and file:line, never by their text: a withdrawn quote's
/// words stay in the file they are in. `consent_ref` values are not printed either, only whether
/// one is present (the contract: never written to any output).
public struct QuotesAudit: Sendable, Encodable {
    /// A quote's consent as judged on the audit's day.
    public enum State: String, Sendable, Encodable, CaseIterable {
        case `public`, `internal`, withdrawn
        /// `consent_expires` has passed: treated as withdrawn.
        case expired
        /// Missing or unknown `consent:`: published nowhere, and an error for `check`.
        case invalid

        /// Who may see a quote in this state.
        public var audience: String {
            switch self {
            case .public: return "everyone: the website, its exports and every report"
            case .internal: return "internal reports only"
            case .withdrawn, .expired, .invalid: return "nobody"
            }
        }
    }

    public struct Entry: Sendable, Encodable {
        public var id: String
        public var file: String
        public var line: Int
        public var speaker: String
        public var programme: String?
        /// As written in the file (`invalid` when missing or unknown).
        public var consent: String
        public var state: State
        public var audience: String
        public var consentExpires: Day?
        /// Days from the audit's day to `consent_expires` (negative once passed).
        public var daysLeft: Int?
        public var hasConsentRef: Bool
        /// Case studies listing this quote under `quotes:`.
        public var referencedBy: [String]
    }

    public struct Problem: Sendable, Encodable, Equatable {
        public var code: String
        public var quote: String
        public var file: String
        public var line: Int
        public var message: String

        public var location: SourceLocation { SourceLocation(file: file, line: line) }
    }

    public var asOf: Day
    public var expiringWithinDays: Int
    public var requireConsentRef: Bool
    /// Quotes in each state, every state listed.
    public var counts: [String: Int]
    public var quotes: [Entry]
    public var problems: [Problem]

    public var hasProblems: Bool { !problems.isEmpty }

    /// Audits the site at `folder` on `today`, warning of expiry up to `expiringWithin` days ahead.
    public static func run(folder: String, today: ConsentDay, expiringWithin days: Int) -> QuotesAudit {
        audit(SiteLoader.load(from: folder), today: today, expiringWithin: days)
    }

    static func audit(_ site: LoadedSite, today: ConsentDay, expiringWithin days: Int) -> QuotesAudit {
        let requireRef = site.config?.requireConsentRef ?? false
        var references: [String: [(slug: String, location: SourceLocation)]] = [:]
        for caseStudy in site.caseStudies {
            for reference in caseStudy.quoteRefs {
                references[reference.value, default: []].append((caseStudy.slug, reference.location))
            }
        }
        var entries: [Entry] = []
        var problems: [Problem] = []
        for quote in site.quotes {
            let daysLeft = quote.consentExpires.map { $0.daysSinceEpoch - today.day.daysSinceEpoch }
            let state = state(of: quote.consent, daysLeft: daysLeft)
            let hasRef = !(quote.consentRef ?? "").isEmpty
            let at = quote.consentLocation
            func problem(_ code: String, _ message: String, at location: SourceLocation = at) {
                problems.append(Problem(code: code, quote: quote.id, file: location.file, line: location.line, message: message))
            }
            switch state {
            case .invalid:
                problem("invalid-consent", "quote '\(quote.id)' has no valid consent; write consent: public, internal or withdrawn")
            case .expired:
                problem("consent-expired",
                        "consent of quote '\(quote.id)' expired on \(quote.consentExpires!), \(-daysLeft!) days ago; it is treated as withdrawn: renew it or write consent: withdrawn")
            case .public, .internal:
                if let daysLeft, daysLeft <= days {
                    problem("consent-expiring",
                            "consent of quote '\(quote.id)' expires on \(quote.consentExpires!), in \(daysLeft) days; renew it or it will be withdrawn")
                }
                if requireRef && !hasRef {
                    problem("missing-consent-ref", "quote '\(quote.id)' has no consent_ref, which casebook.yml requires (require_consent_ref: true)")
                }
            case .withdrawn: break
            }
            let listedBy = references[quote.id] ?? []
            if state == .withdrawn || state == .expired || state == .invalid {
                for reference in listedBy {
                    problem("withdrawn-referenced",
                            "case study '\(reference.slug)' lists quote '\(quote.id)', which is \(state.rawValue) and shown nowhere; remove it from 'quotes:'",
                            at: reference.location)
                }
            }
            entries.append(
                Entry(id: quote.id, file: quote.location.file, line: quote.location.line, speaker: quote.speaker,
                      programme: quote.programme?.value, consent: quote.consent.rawValue, state: state, audience: state.audience,
                      consentExpires: quote.consentExpires, daysLeft: daysLeft, hasConsentRef: hasRef,
                      referencedBy: listedBy.map(\.slug)))
        }
        problems += unreadableQuoteFiles(site)
        var counts = Dictionary(uniqueKeysWithValues: State.allCases.map { ($0.rawValue, 0) })
        for entry in entries { counts[entry.state.rawValue, default: 0] += 1 }
        return QuotesAudit(
            asOf: today.day, expiringWithinDays: days, requireConsentRef: requireRef, counts: counts, quotes: entries,
            problems: problems.sorted { ($0.location, $0.code, $0.quote) < ($1.location, $1.code, $1.quote) })
    }

    /// The state on the audit's day, as validation would judge it (expiry makes a quote withdrawn).
    static func state(of consent: Consent, daysLeft: Int?) -> State {
        switch consent {
        case .invalid: return .invalid
        case .withdrawn: return .withdrawn
        case .public, .internal:
            if let daysLeft, daysLeft < 0 { return .expired }
            return consent == .public ? .public : .internal
        }
    }

    /// A quote file that could not be read holds quotes the audit cannot see: a problem in itself.
    /// Only the place and the diagnostic's code are given; `check` says the rest.
    static func unreadableQuoteFiles(_ site: LoadedSite) -> [Problem] {
        let loadedFiles = Set(site.quotes.map(\.location.file))
        var seen: Set<String> = []
        return site.diagnostics.compactMap { diagnostic in
            let file = diagnostic.location.file
            guard diagnostic.severity == .error, file.hasPrefix("content/quotes/"), !loadedFiles.contains(file),
                seen.insert(file).inserted
            else { return nil }
            return Problem(
                code: "unreadable-quotes", quote: "", file: file, line: diagnostic.location.line,
                message: "could not be read (\(diagnostic.code)); run `casebook check` for the details")
        }
    }
}
