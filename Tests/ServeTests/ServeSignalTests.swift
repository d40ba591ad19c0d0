import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// `casebook serve` as a user runs it in a terminal: Ctrl-C (SIGINT) and SIGTERM stop it, also
/// while clients hold connections open with requests they never finish.
@Suite(.enabled(if: CasebookCLI.isBuilt, "the casebook executable is not built"), .serialized)
struct ServeSignalTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsTheServer(signal: Int32) throws {
        let serve = try RunningServe()
        try serve.stop(with: signal)
    }

    @Test func sigtermStopsTheServerDuringHostileRequests() async throws {
        let serve = try RunningServe()
        let port = serve.port
        // Requests in progress when the signal comes: a head trickling in, 60 KB of one header
        // (under the limit) still being sent, and a tab's event stream.
        let trickling = try RawHTTPClient.connect(port: port)
        defer { close(trickling) }
        try RawHTTPClient.send(trickling, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Slow: a")
        let unfinished = try RawHTTPClient.connect(port: port)
        defer { close(unfinished) }
        try RawHTTPClient.send(unfinished, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Big: \(String(repeating: "a", count: 60_000))")
        let tab = try EventStreamClient(port: port)
        _ = try await tab.next("hello")
        // 300 KB of headers, which once kept the server busy for minutes and deaf to signals.
        let huge = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Big: \(String(repeating: "a", count: 300_000))\r\n\r\n"
        #expect(try await RawHTTPClient.exchange(port: port, huge).status == 431)

        try serve.stop(with: SIGTERM)
        #expect(RawHTTPClient.waitForEnd(trickling) == .closed(received: 0))
    }
}

/// The `casebook` executable serving the evidence-site fixture on a free port.
final class RunningServe: Sendable {
    let process: Process
    let port: UInt16
    private let output = Output()
    /// Signalled when standard error reaches its end, after the process has exited.
    private let outputEnded = DispatchSemaphore(value: 0)

    init() throws {
        let fixture = try FixtureSite(copying: "evidence-site")
        let process = Process()
        process.executableURL = PackagePaths.casebook
        process.arguments = ["serve", fixture.root, "--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process

        // Plain blocking reads and waits on threads of their own: Foundation's dispatch-based
        // readability and termination handlers have crashed test processes on Linux.
        let serving = DispatchSemaphore(value: 0)
        let reader = errors.fileHandleForReading
        Thread { [output, outputEnded] in
            while case let data = reader.availableData, !data.isEmpty {
                if output.append(String(decoding: data, as: UTF8.self)).contains("Serving ") { serving.signal() }
            }
            outputEnded.signal()
        }.start()
        guard serving.wait(timeout: .now() + 60) == .success,
            let address = output.text.range(of: "http://127.0.0.1:"),
            let port = UInt16(output.text[address.upperBound...].prefix { $0.isNumber })
        else {
            process.terminate()
            throw RawHTTPClient.Failure(description: "never started: \(output.text)")
        }
        self.port = port
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Sends `signal` and expects the server to say it is stopping and exit with status 0.
    func stop(with signal: Int32) throws {
        let exited = DispatchSemaphore(value: 0)
        Thread { [process] in
            process.waitUntilExit()
            exited.signal()
        }.start()
        kill(process.processIdentifier, signal)
        try #require(exited.wait(timeout: .now() + 20) == .success, "still running after the signal")
        // The last lines may still be on their way through the pipe.
        try #require(outputEnded.wait(timeout: .now() + 20) == .success, "standard error still open")
        #expect(process.terminationStatus == 0)
        #expect(output.text.contains("Stopping"))
    }

    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = ""
        var text: String { lock.withLock { buffer } }
        func append(_ more: String) -> String { lock.withLock { buffer += more; return buffer } }
    }
}
