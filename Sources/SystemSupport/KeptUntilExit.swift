import Foundation

/// Values a one-shot command keeps until the process exits instead of freeing them at the end.
///
/// Freeing a 10,000-page site's loaded, aggregated and rendered values item by item took a third
/// of a second on one core after all the work was done; the operating system takes the whole
/// memory back at exit for nothing (compilers do the same: clang's `-disable-free`). Only for
/// commands that exit after one build; `serve` and tests must let values go.
public enum KeptUntilExit {
    private static let lock = NSLock()
    /// `nonisolated(unsafe)`: appended to only under `lock`, and never read.
    nonisolated(unsafe) private static var values: [Any] = []

    public static func keep(_ value: Any) { lock.withLock { values.append(value) } }
}
