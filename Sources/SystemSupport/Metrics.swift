import Dispatch
import Synchronization

/// Time spent per named step, summed over threads: `casebook build --profile` prints it, as
/// Hugo's `--templateMetrics` and Zola's timings do, so the next bottleneck is visible.
public final class Metrics: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var count: Int
        public var seconds: Double
    }

    private let entries = Mutex<[String: (count: Int, nanoseconds: UInt64)]>([:])

    public init() {}

    /// Runs `work`, adding its duration to `name`.
    @inline(__always)
    public func measure<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(name, nanoseconds: DispatchTime.now().uptimeNanoseconds - start) }
        return try work()
    }

    public func add(_ name: String, nanoseconds: UInt64) {
        entries.withLock { entries in
            let old = entries[name] ?? (0, 0)
            entries[name] = (old.count + 1, old.nanoseconds + nanoseconds)
        }
    }

    /// Slowest first.
    public var report: [Entry] {
        entries.withLock { $0 }.map { Entry(name: $0.key, count: $0.value.count, seconds: Double($0.value.nanoseconds) / 1e9) }
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
