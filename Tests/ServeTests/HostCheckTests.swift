import Foundation
@testable import Serve
import Testing
import TestSupport

/// DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 reaches the
/// server with that name as `Host`. Only the listening address's names are answered.
@Suite(.serialized) struct HostCheckTests {
    @Test func requestsForAnotherHostAreRefused() async throws {
        let served = try await ServedSite.start()
        defer { Task { await served.server.stop() } }
        let port = served.port
        func status(host: String?, _ target: String = "/", origin: String? = nil) async throws -> Int {
            let lines = ["GET \(target) HTTP/1.1"] + [host.map { "Host: \($0)" }, origin.map { "Origin: \($0)" }].compactMap { $0 }
            return try await RawHTTPClient.exchange(port: port, (lines + ["Connection: close", "", ""]).joined(separator: "\r\n")).status
        }
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1:\(port + 1)", "127.0.0.1", "127.0.0.1.evil.example:\(port)", "0x7f.1:\(port)"] {
            #expect(try await status(host: host) == 421, "\(host)")
        }
        #expect(try await status(host: nil) == 421, "no Host")
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)"] {
            #expect(try await status(host: host) == 200, "\(host)")
        }
        let refused = try await RawHTTPClient.exchange(port: port, "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
        #expect(refused.text.contains("http://127.0.0.1:\(port)/"), "says where the site is: \(refused.text)")
        #expect(!refused.text.contains("casebook-live-reload"), "no page")

        // The live-reload stream and pages, asked for by a script of another site.
        let host = "127.0.0.1:\(port)"
        #expect(try await status(host: host, "/__casebook/events", origin: "http://evil.example") == 403)
        #expect(try await status(host: host, "/", origin: "http://evil.example:\(port)") == 403)
        #expect(try await status(host: host, "/", origin: "null") == 403)
        #expect(try await status(host: host, "/", origin: "http://\(host)") == 200)
    }

    @Test func theNamesOfTheListeningAddressAreAllowed() {
        let loopback = AllowedHosts(listeningOn: "127.0.0.1", port: 8000)
        #expect(["127.0.0.1:8000", "localhost:8000", "[::1]:8000"].allSatisfy(loopback.allows(host:)))
        #expect(!["127.0.0.1:8001", "127.0.0.1", "example.org:8000", "[::1]", ":8000", "127.0.0.1:"].contains(where: loopback.allows(host:)))

        let everywhere = AllowedHosts(listeningOn: "0.0.0.0", port: 8000)
        #expect(["192.168.1.20:8000", "[fe80::1]:8000", "localhost:8000"].allSatisfy(everywhere.allows(host:)))
        #expect(!["mybox.local:8000", "192.168.1.20.nip.io:8000", "192.168.1.20:80"].contains(where: everywhere.allows(host:)))

        let lan = AllowedHosts(listeningOn: "192.168.1.20", port: 80)
        #expect(lan.allows(host: "192.168.1.20") && lan.allows(host: "192.168.1.20:80"))
        #expect(!lan.allows(host: "10.0.0.1") && !lan.allows(host: "localhost"))
        #expect(lan.allows(origin: "http://192.168.1.20") && !lan.allows(origin: "https://192.168.1.20"))
    }
}
