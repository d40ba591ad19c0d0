import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The open event streams of every browser tab, and what is sent to all of them.
///
/// Each tab's `EventSource` holds one streaming response; an event is one chunk of it.
final class LiveReload: Sendable {
    private struct State {
        var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
        var isClosed = false
    }
    private let state = Mutex(State())
    /// Tells a tab whether the server it reconnected to is the one that served its page.
    let serverID = UUID().uuidString

    var clientCount: Int { state.withLock { $0.clients.count } }

    /// A new stream for one tab, starting with a `hello`.
    func subscribe() -> HTTPBodySequence {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(Self.event("hello", serverID))
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        let added = state.withLock { state -> Bool in
            guard !state.isClosed else { return false }
            state.clients[id] = continuation
            return true
        }
        if !added { continuation.finish() }
        return HTTPBodySequence(from: EventStreamBytes(stream: stream))
    }

    func send(_ name: String, _ data: String = "") {
        let event = Self.event(name, data)
        for continuation in state.withLock({ Array($0.clients.values) }) { continuation.yield(event) }
    }

    /// Ends every stream, so the server can stop without waiting for tabs.
    func close() {
        let all = state.withLock { state -> [AsyncStream<[UInt8]>.Continuation] in
            state.isClosed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for continuation in all { continuation.finish() }
    }

    private func remove(_ id: UUID) {
        _ = state.withLock { $0.clients.removeValue(forKey: id) }
    }

    static func event(_ name: String, _ data: String) -> [UInt8] {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined()
        return Array("event: \(name)\n\(lines)\n".utf8)
    }
}

/// An `AsyncStream` of event chunks as the byte sequence a streaming response body reads.
struct EventStreamBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var buffer: [UInt8] = []

        mutating func next() async -> UInt8? {
            if buffer.isEmpty { buffer = await base.next() ?? [] }
            return buffer.isEmpty ? nil : buffer.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !buffer.isEmpty {
                defer { buffer = [] }
                return buffer
            }
            return await base.next()
        }
    }
}
