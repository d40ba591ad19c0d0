import Foundation
import Model

/// The build's notion of "now": `SOURCE_DATE_EPOCH` when set, so builds are reproducible.
public struct BuildClock: Sendable {
    /// Seconds since 1970-01-01 UTC.
    public let unixTime: Int

    public init(unixTime: Int) { self.unixTime = unixTime }

    /// Reads `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else the system clock.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> BuildClock {
        if let value = environment["SOURCE_DATE_EPOCH"], let seconds = Int(value.trimmingCharacters(in: .whitespaces)) {
            return BuildClock(unixTime: seconds)
        }
        return BuildClock(unixTime: Int(Date().timeIntervalSince1970))
    }

    public var day: Day { Day(unixTime: unixTime) }

    /// RFC 3339 in UTC, for feeds and sitemaps.
    public var rfc3339: String { "\(day)T\(Self.clock(unixTime))Z" }

    static func clock(_ seconds: Int) -> String {
        let s = ((seconds % 86400) + 86400) % 86400
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(pad(s / 3600)):\(pad(s / 60 % 60)):\(pad(s % 60))"
    }
}
