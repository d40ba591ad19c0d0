/// The time written into output: the footer's year, a report's date. `SOURCE_DATE_EPOCH` when
/// set, so two builds of one commit are byte-identical (reproducible-builds.org). It never
/// decides what may be published: that is `ConsentDay`.
public struct StampTime: Sendable, Hashable {
    /// Seconds since 1970-01-01 UTC.
    public let unixTime: Int

    public init(unixTime: Int) { self.unixTime = unixTime }

    public var day: Day { Day(unixTime: unixTime) }
}
