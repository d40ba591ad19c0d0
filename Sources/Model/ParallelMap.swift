import Dispatch

extension Array where Element: Sendable {
    /// `map` over all cores, results in input order, so output stays deterministic.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer.baseAddress!
            let input = self
            // Small chunks balance uneven files without a lock per element.
            let chunk = Swift.max(1, Swift.min(64, input.count / 64))
            let chunks = (input.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                for i in start..<Swift.min(start + chunk, input.count) {
                    (slots + i).initialize(to: transform(input[i]))
                }
            }
            initialized = input.count
        }
    }
}
