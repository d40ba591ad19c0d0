import Dispatch
import Foundation

/// Time spent per named step, summed over threads: `casebook build --profile` prints it, as
/// Hugo's `--templateMetrics` and Zola's timings do, so the next bottleneck is visible.
/// `@unchecked Sendable`: `entries` is read and written only under `lock`.
public final class Metrics: @unchecked Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var count: Int
        public var seconds: Double
    }

    private let lock = NSLock()
    private var entries: [String: (count: Int, nanoseconds: UInt64)] = [:]

    public init() {}

    /// Runs `work`, adding its duration to `name`.
    @inline(__always)
    public func measure<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(name, nanoseconds: DispatchTime.now().uptimeNanoseconds - start) }
        return try work()
    }

    public func add(_ name: String, nanoseconds: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        let old = entries[name] ?? (0, 0)
        entries[name] = (old.count + 1, old.nanoseconds + nanoseconds)
    }

    /// Slowest first.
    public var report: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return entries.map { Entry(name: $0.key, count: $0.value.count, seconds: Double($0.value.nanoseconds) / 1e9) }
            .sorted { ($0.seconds, $1.name) > ($1.seconds, $0.name) }
    }
}

extension Optional where Wrapped == Metrics {
    /// Measures when profiling, and costs nothing more than the call when not.
    @inline(__always)
    public func measure<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        guard let metrics = self else { return try work() }
        return try metrics.measure(name, work)
    }
}
