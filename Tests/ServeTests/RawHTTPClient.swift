import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, so tests send request targets exactly as
/// written (URLSession and curl would normalise `..` away before the server could refuse it).
/// Blocking reads run on their own threads, never on the concurrency pool the server uses.
enum RawHTTPClient {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(port: UInt16, _ target: String, method: String = "GET", headers: [String] = []) async throws -> Response {
        let head = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers
        return try await exchange(port: port, head.joined(separator: "\r\n") + "\r\n\r\n", head: method == "HEAD")
    }

    /// Sends `request` exactly as given and reads the response until the server closes.
    /// A server refusing a request it has not read to the end may reset the connection while it
    /// is still being sent: what it answered before that is still read.
    static func exchange(port: UInt16, _ request: String, head: Bool = false) async throws -> Response {
        try await onThread {
            let fd = try connect(port: port)
            defer { close(fd) }
            let bytes = Array(request.utf8)
            _ = Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL))
            return try parse(readToEnd(fd), head: head)
        }
    }

    /// Everything received until the peer closes (or resets) the connection.
    static func readToEnd(_ fd: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    static func parse(_ bytes: [UInt8], head: Bool) throws -> Response {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...(max(0, bytes.count - 4))).first(where: { bytes[$0..<min($0 + 4, bytes.count)].elementsEqual(separator) })
        else { throw Failure(description: "no end of headers in \(bytes.count) bytes") }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = head ? [] : Array(bytes[(end + 4)...])
        if let length = headers["content-length"].flatMap(Int.init), !head { body = Array(body.prefix(length)) }
        return Response(status: status, headers: headers, body: body)
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect failed: \(String(cString: strerror(errno)))")
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(fd, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw Failure(description: "send failed") }
    }

    /// Runs blocking work on a new thread and waits for it without holding a pool thread.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// A tab's live-reload connection: reads `/__casebook/events` and hands on each event.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Sendable, Equatable {
        var name: String
        var data: String
    }

    let events: AsyncStream<Event>
    private let fd: Int32

    init(port: UInt16) throws {
        fd = try RawHTTPClient.connect(port: port)
        try RawHTTPClient.send(fd, "GET /__casebook/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        let (stream, continuation) = AsyncStream<Event>.makeStream()
        events = stream
        let fd = self.fd
        Thread {
            // Bytes, not a String: "\r\n" is one Character, so a String search for "\n" misses it.
            var pending: [UInt8] = []
            var name = "message", data: [String] = []
            var buffer = [UInt8](repeating: 0, count: 8192)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 { break }
                pending += buffer[0..<count]
                while let newline = pending.firstIndex(of: 10) {
                    var lineBytes = pending[..<newline]
                    if lineBytes.last == 13 { lineBytes = lineBytes.dropLast() }
                    let line = String(decoding: lineBytes, as: UTF8.self)
                    pending.removeSubrange(...newline)
                    if line.hasPrefix("event: ") {
                        name = String(line.dropFirst(7))
                    } else if line.hasPrefix("data: ") {
                        data.append(String(line.dropFirst(6)))
                    } else if line.isEmpty, name != "message" || !data.isEmpty {
                        continuation.yield(Event(name: name, data: data.joined(separator: "\n")))
                        name = "message"
                        data = []
                    }
                    // Chunk-size lines and headers fall through: they are neither fields nor blank.
                }
            }
            continuation.finish()
        }.start()
    }

    deinit {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
    }

    /// The next event called `name` (skipping others), or a failure after `timeout`.
    func next(_ name: String, timeout: Duration = .seconds(30)) async throws -> Event {
        let events = self.events
        return try await withThrowingTaskGroup(of: Event?.self) { group in
            group.addTask {
                for await event in events where event.name == name { return event }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let event = first else {
                throw RawHTTPClient.Failure(description: "no '\(name)' event within \(timeout)")
            }
            return event
        }
    }
}

/// How a connection ended, from the client's side.
enum ConnectionEnd: Equatable {
    /// The server closed it (or reset it), after sending `received` bytes.
    case closed(received: Int)
    /// Still open when the client stopped waiting: the server would have kept it.
    case stillOpen
}

extension RawHTTPClient {
    /// Reads until the server ends the connection, for at most the socket's 20 s receive timeout.
    static func waitForEnd(_ fd: Int32) -> ConnectionEnd {
        var received = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                received += count
            } else if count == 0 || errno == ECONNRESET {
                return .closed(received: received)
            } else {
                return .stillOpen
            }
        }
    }

    /// Opens a connection, sends `text`, and tells how `watch` saw the connection end.
    static func connection(
        port: UInt16, sending text: String, _ watch: @escaping @Sendable (Int32) -> ConnectionEnd
    ) async throws -> ConnectionEnd {
        try await onThread {
            let fd = try connect(port: port)
            defer { close(fd) }
            try send(fd, text)
            return watch(fd)
        }
    }

    /// Sends one byte of a header at a time, waiting up to 50 ms for the server to close the
    /// connection before the next, for at most `bytes` bytes (50 s). A server that gives each
    /// byte a fresh timeout never closes it; one that gives the whole head a deadline does.
    static func trickle(_ fd: Int32, bytes: Int = 1_000) -> ConnectionEnd {
        for _ in 0..<bytes {
            guard Glibc.send(fd, "a", 1, Int32(MSG_NOSIGNAL)) == 1 else { return .closed(received: 0) }
            var waiter = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&waiter, 1, 50) > 0 { return waitForEnd(fd) }
        }
        return .stillOpen
    }
}
