import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The memory libcmark uses for one document at a time on each thread: a bump allocator, given
/// to cmark through its own `cmark_mem` hook, and emptied at once when the document is done.
///
/// cmark allocates every node and buffer separately: with the C library's allocator, `calloc`,
/// `realloc` and `free` called from cmark were 9 % of a build's instructions, more than the
/// HTML renderer. Here an allocation is a pointer bump, a buffer that grows at the end of the
/// arena grows in place, and nothing is freed one by one: neither `cmark_node_free` nor
/// `cmark_parser_free` needs to walk the tree.
///
/// cmark's hooks take no context, so each thread finds its arena through a thread-specific key.
/// A document must be finished with (its HTML copied out) before its thread's arena is reset,
/// which `MarkdownRenderer.parsed` ensures; nested use on one thread only resets at the outermost.
struct CmarkArena {
    /// The allocator to pass to `cmark_parser_new_with_mem`; it lives as long as the process.
    /// Written once, then only read (by cmark, from any thread).
    nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
        return mem
    }()

    /// Runs `body` with this thread's arena taking cmark's allocations; the arena is emptied
    /// when the outermost call returns, so nothing cmark allocated inside may be used after.
    static func withArena<T>(_ body: () -> T) -> T {
        let arena = State.current
        arena.pointee.depth += 1
        defer {
            arena.pointee.depth -= 1
            if arena.pointee.depth == 0 { arena.pointee.reset() }
        }
        return body()
    }

    /// One thread's arena: the chunk being filled and those filled before it.
    struct State {
        static let chunkSize = 256 << 10
        /// Every allocation starts with a header holding its size, and payloads stay 16-byte aligned.
        static let header = 16

        var chunk: UnsafeMutableRawPointer
        var capacity: Int
        var used = 0
        /// The payload of the latest allocation: the only one that can grow in place.
        var latest: UnsafeMutableRawPointer?
        /// Chunks filled before `chunk`, freed at `reset`.
        var full: [UnsafeMutableRawPointer] = []
        var depth = 0

        init() {
            capacity = Self.chunkSize
            chunk = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        }

        /// A pthread key: libcmark's allocator callbacks carry no context, and Swift has no thread-local storage.
        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key) { state in
                #if canImport(Darwin)
                    let arena = state.assumingMemoryBound(to: CmarkArena.State.self)
                #else
                    guard let arena = state?.assumingMemoryBound(to: CmarkArena.State.self) else { return }
                #endif
                arena.pointee.reset()
                arena.pointee.chunk.deallocate()
                arena.deinitialize(count: 1)
                arena.deallocate()
            }
            return key
        }()

        static var current: UnsafeMutablePointer<State> {
            if let existing = pthread_getspecific(key) { return existing.assumingMemoryBound(to: State.self) }
            let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
            state.initialize(to: State())
            pthread_setspecific(key, state)
            return state
        }

        mutating func allocate(_ size: Int) -> UnsafeMutableRawPointer {
            let total = Self.header + Self.rounded(size)
            if used + total > capacity {
                full.append(chunk)
                capacity = max(Self.chunkSize, total)
                chunk = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
                used = 0
            }
            let start = chunk + used
            start.storeBytes(of: size, as: Int.self)
            used += total
            latest = start + Self.header
            return start + Self.header
        }

        mutating func reallocate(_ payload: UnsafeMutableRawPointer, _ size: Int) -> UnsafeMutableRawPointer {
            let start = payload - Self.header
            let old = start.load(as: Int.self)
            if size <= Self.rounded(old) {
                start.storeBytes(of: size, as: Int.self)
                return payload
            }
            // The latest allocation ends where the chunk's free space begins: grow it there.
            if payload == latest, start + Self.header + Self.rounded(old) == chunk + used,
                used - Self.rounded(old) + Self.rounded(size) <= capacity
            {
                used += Self.rounded(size) - Self.rounded(old)
                start.storeBytes(of: size, as: Int.self)
                return payload
            }
            let moved = allocate(size)
            moved.copyMemory(from: payload, byteCount: old)
            return moved
        }

        /// Frees the chunks filled before the current one and empties the current one.
        mutating func reset() {
            for chunk in full { chunk.deallocate() }
            full.removeAll(keepingCapacity: true)
            if capacity > Self.chunkSize {
                chunk.deallocate()
                capacity = Self.chunkSize
                chunk = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            }
            used = 0
            latest = nil
        }

        static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }
    }
}

private func arenaCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow else { return nil }
    let payload = CmarkArena.State.current.pointee.allocate(bytes)
    payload.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    return payload
}

private func arenaRealloc(_ payload: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    let arena = CmarkArena.State.current
    guard let payload else { return arena.pointee.allocate(size) }
    return arena.pointee.reallocate(payload, size)
}

/// Nothing is freed one by one: the whole arena is emptied when the document is done.
private func arenaFree(_ payload: UnsafeMutableRawPointer?) {}
