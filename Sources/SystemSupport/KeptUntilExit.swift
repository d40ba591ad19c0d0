import Synchronization

/// Values a one-shot command keeps until the process exits instead of freeing them at the end.
///
/// Freeing a 10,000-page site's loaded, aggregated and rendered values item by item took a third
/// of a second on one core after all the work was done; the operating system takes the whole
/// memory back at exit for nothing (compilers do the same: clang's `-disable-free`). Only for
/// commands that exit after one build; `serve` and tests must let values go.
public enum KeptUntilExit {
    /// Appended to, never read.
    private static let values = Mutex<[any Sendable]>([])

    public static func keep(_ value: any Sendable) { values.withLock { $0.append(value) } }
}
