/// The day consent expiry is judged against: the real date, or `--as-of` for tests and
/// reproductions. Never `SOURCE_DATE_EPOCH`, which CI sets to the last commit's time: judged on
/// that, a quote whose consent expired since would be published again.
///
/// A type of its own, apart from `StampTime`, so that the time written into output cannot be
/// handed to the code that decides what may be published.
public struct ConsentDay: Sendable, Hashable, CustomStringConvertible {
    public let day: Day

    public init(_ day: Day) { self.day = day }

    public var description: String { day.description }
}
