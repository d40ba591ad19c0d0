import FlyingFox
import FlyingSocks
import Foundation

/// The open event streams of every browser tab, and what is sent to all of them.
///
/// Each tab's `EventSource` holds one streaming response; an event is one chunk of it.
/// `@unchecked Sendable`: `clients` and `isClosed` are read and written only under `lock`.
final class LiveReload: @unchecked Sendable {
    private let lock = NSLock()
    private var clients: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var isClosed = false
    /// Tells a tab whether the server it reconnected to is the one that served its page.
    let serverID = UUID().uuidString

    var clientCount: Int { lock.withLock { clients.count } }

    /// A new stream for one tab, starting with a `hello`.
    func subscribe() -> HTTPBodySequence {
        let id = UUID()
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(Self.event("hello", serverID))
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        let added = lock.withLock { () -> Bool in
            guard !isClosed else { return false }
            clients[id] = continuation
            return true
        }
        if !added { continuation.finish() }
        return HTTPBodySequence(from: EventStreamBytes(stream: stream))
    }

    func send(_ name: String, _ data: String = "") {
        let event = Self.event(name, data)
        for continuation in lock.withLock({ Array(clients.values) }) { continuation.yield(event) }
    }

    /// Ends every stream, so the server can stop without waiting for tabs.
    func close() {
        let all = lock.withLock { () -> [AsyncStream<[UInt8]>.Continuation] in
            isClosed = true
            defer { clients = [:] }
            return Array(clients.values)
        }
        for continuation in all { continuation.finish() }
    }

    private func remove(_ id: UUID) {
        _ = lock.withLock { clients.removeValue(forKey: id) }
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
