import Foundation
import Model

/// Where a build's two notions of "now" come from, kept apart by type: the day consent expiry
/// is judged against (`ConsentDay`) and the time written into output (`StampTime`).
///
/// - consent: `--as-of` when given, else the real date, read when asked (so `casebook serve`
///   judges each rebuild on its own day). Never `SOURCE_DATE_EPOCH`.
/// - stamp: `SOURCE_DATE_EPOCH` when set (reproducible builds), else `--as-of`, else now.
public struct BuildClock: Sendable {
    /// `--as-of`: "today" for tests and reproductions.
    public var asOf: Day?
    /// `SOURCE_DATE_EPOCH`, in seconds since 1970-01-01 UTC.
    public var sourceDateEpoch: Int?

    public init(asOf: Day? = nil, sourceDateEpoch: Int? = nil) {
        self.asOf = asOf
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// The clock of a command run: `--as-of` and the environment's `SOURCE_DATE_EPOCH`.
    public static func fromEnvironment(
        asOf: Day? = nil, _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> BuildClock {
        let epoch = environment["SOURCE_DATE_EPOCH"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return BuildClock(asOf: asOf, sourceDateEpoch: epoch)
    }

    public func consentDay() -> ConsentDay {
        ConsentDay(asOf ?? Day(unixTime: Self.now()))
    }

    public func stamp() -> StampTime {
        StampTime(unixTime: sourceDateEpoch ?? asOf.map { $0.daysSinceEpoch * 86_400 } ?? Self.now())
    }

    /// ` (as of YYYY-MM-DD)` when `--as-of` was given, for the summary line; else empty.
    public var asOfNote: String { asOf.map { " (as of \($0))" } ?? "" }

    static func now() -> Int { Int(Date().timeIntervalSince1970) }
}
