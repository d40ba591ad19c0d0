import Dispatch
import Synchronization

/// Work started on another thread while the caller goes on, and joined by reading `value`:
/// the build's "run this beside that" (reports beside pages, exports beside pages, Markdown
/// beside validation). Whoever starts one reads `value` (or calls `wait`) before its own scope
/// ends, so no work outlives the run that started it. Fan-out over many elements is `parallelMap`.
public final class BackgroundWork<T: Sendable>: Sendable {
    /// Dispatch, not a `Task`: the build is synchronous, and its callers block on the result;
    /// blocking a thread of Swift's cooperative pool on a task could starve that task of a thread.
    private let done = DispatchGroup()
    private let result = Mutex<T?>(nil)

    /// Starts `work` on a global queue and returns at once.
    public init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async(group: done) {
            let made = work()
            self.result.withLock { $0 = made }
        }
    }

    /// Waits for the work to finish; then its result.
    public var value: T {
        done.wait()
        return result.withLock { $0! }
    }

    /// Waits for the work to finish.
    public func wait() { done.wait() }
}
