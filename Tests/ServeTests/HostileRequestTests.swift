import Foundation
@testable import Serve
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Requests no browser sends: oversized, bodies, trickling, idle, too many connections. Each is
/// answered or closed within `RequestLimits`, and the server goes on answering everyone else.
@Suite(.serialized) struct HostileRequestTests {
    @Test func oversizedRequestsAreRefusedAndTheServerKeepsAnswering() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        let port = served.port

        // 300 KB of headers once took the server minutes (header lines were read in quadratic time).
        let huge = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Big: \(String(repeating: "a", count: 300_000))\r\n\r\n"
        let refused = try await RawHTTPClient.exchange(port: port, huge)
        #expect(refused.status == 431)
        #expect(try await served.get("/").status == 200, "a normal request right after")

        let manyHeaders = (1...150).map { "X-Header-\($0): 1" }
        #expect(try await RawHTTPClient.get(port: port, "/", headers: manyHeaders).status == 431)
        #expect(try await served.get("/" + String(repeating: "a", count: 10_000)).status == 414)
        // Below the limits, a large cookie is fine.
        let cookie = "Cookie: c=\(String(repeating: "a", count: 50_000))"
        #expect(try await RawHTTPClient.get(port: port, "/", headers: [cookie]).status == 200)
    }

    @Test func onlyGETAndHEADWithoutABodyAreServed() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        let port = served.port
        // Refused from the head alone: the client is never waited for.
        #expect(try await RawHTTPClient.get(port: port, "/", method: "POST", headers: ["Content-Length: 1000000000000"]).status == 413)
        #expect(try await RawHTTPClient.get(port: port, "/", headers: ["Content-Length: 5"]).status == 413)
        #expect(try await RawHTTPClient.get(port: port, "/", method: "POST", headers: ["Transfer-Encoding: chunked"]).status == 411)
        let put = try await RawHTTPClient.get(port: port, "/index.html", method: "PUT")
        #expect(put.status == 405 && put.headers["allow"] == "GET, HEAD")
        #expect(try await served.get("/").status == 200)
    }

    @Test func aClientTricklingItsHeadersIsDisconnected() async throws {
        let served = try await Self.servedWithHalfASecondPerRequestHead()
        defer { Task { await served.server.stop() } }
        let head = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(served.port)\r\nX-Slow: "
        let end = try await RawHTTPClient.connection(port: served.port, sending: head) {
            RawHTTPClient.trickle($0)
        }
        #expect(end == .closed(received: 0))
        #expect(try await served.get("/").status == 200)
    }

    @Test func anIdleKeptAliveConnectionIsClosed() async throws {
        let served = try await Self.servedWithHalfASecondPerRequestHead()
        defer { Task { await served.server.stop() } }
        // HTTP/1.1 keeps the connection open after the response unless told otherwise.
        let request = "GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1:\(served.port)\r\n\r\n"
        let end = try await RawHTTPClient.connection(port: served.port, sending: request) { RawHTTPClient.waitForEnd($0) }
        guard case .closed(let received) = end else {
            Issue.record("an idle connection stayed open")
            return
        }
        #expect(received > 0, "the request was answered first")
    }

    static func servedWithHalfASecondPerRequestHead() async throws -> ServedSite {
        var limits = RequestLimits.standard
        limits.requestHeadSeconds = 0.5
        return try await ServedSite.start(limits: limits)
    }

    @Test func connectionsBeyondTheLimitAreClosedAtOnce() async throws {
        var limits = RequestLimits.standard
        limits.connections = 2
        limits.requestHeadSeconds = 120
        let served = try await ServedSite.start(limits: limits)
        defer { Task { await served.server.stop() } }
        let port = served.port
        let (third, firstAnswer) = try await RawHTTPClient.onThread {
            let first = try RawHTTPClient.connect(port: port)
            let second = try RawHTTPClient.connect(port: port)
            defer { close(first); close(second) }
            let third = try RawHTTPClient.connect(port: port)
            defer { close(third) }
            let end = RawHTTPClient.waitForEnd(third)
            try RawHTTPClient.send(first, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            return (end, try RawHTTPClient.parse(RawHTTPClient.readToEnd(first), head: false))
        }
        #expect(third == .closed(received: 0))
        #expect(firstAnswer.status == 200, "the connections within the limit are still served")
    }
}
