import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, results in input order, so output stays deterministic.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        // Small chunks balance uneven files without a lock per element.
        let chunk = Swift.max(1, Swift.min(64, count / 64))
        return mapConcurrently(order: nil, chunk: chunk, transform)
    }

    /// `parallelMap` that starts on the costliest elements: one long element left until last runs
    /// alone on one core while the others wait (longest-processing-time-first scheduling).
    /// Results stay in input order; `cost` only decides when each element is taken.
    public func parallelMap<T: Sendable>(costliestFirst cost: (Element) -> Int, _ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        // One element at a time: the costly ones come first and must not share a worker.
        return mapConcurrently(order: Self.costliestFirstOrder(map(cost)), chunk: 1, transform)
    }

    /// The positions of `costs`, costliest first; equal costs keep input order, so the schedule
    /// itself is deterministic too.
    static func costliestFirstOrder(_ costs: [Int]) -> [Int] {
        costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
    }

    private func mapConcurrently<T: Sendable>(order: [Int]?, chunk: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // nonisolated(unsafe): each index is written by exactly one worker, and read after all finish.
            nonisolated(unsafe) let slots = buffer.baseAddress!
            let input = self
            let chunks = (input.count + chunk - 1) / chunk
            // concurrentPerform: fork-join over all cores that a synchronous caller waits on, without a task pool to starve.
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                for position in start..<Swift.min(start + chunk, input.count) {
                    let i = order?[position] ?? position
                    (slots + i).initialize(to: transform(input[i]))
                }
            }
            initialized = input.count
        }
    }
}
