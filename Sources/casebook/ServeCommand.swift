import ArgumentParser
import Foundation
import Pipeline
import Serve
import Synchronization

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally and rebuild it as you edit.",
        discussion: """
            Watches casebook.yml, content/, themes/ and static/; after a save, rebuilds only the pages the change \
            affects and reloads every open browser tab. Problems show in the terminal and over the page; the last \
            good site stays served until they are fixed. Nothing is written to disk: the site is served from memory.
            Exit status: 0 when stopped (Ctrl-C), 2 on usage problems (no casebook.yml, a port in use).

            Examples:
              casebook serve --open
              casebook serve --drafts --port 8080
            """
    )

    @OptionGroup var site: SiteFolder

    @OptionGroup var clock: ClockOption

    @Option(help: "The port to listen on.")
    var port: UInt16 = 8000

    @Option(help: "The address to listen on. Anything but 127.0.0.1 lets other machines see the site.")
    var host: String = "127.0.0.1"

    @Flag(help: "Include drafts.")
    var drafts = false

    @Flag(help: "Open the site in the default browser.")
    var open = false

    func run() throws {
        let server = DevServer(
            options: .init(folder: site.path, host: host, port: port, includeDrafts: drafts, clock: clock.clock),
            log: { Terminal.err($0) })
        // A semaphore: `run` is synchronous, and must block the signals before Swift's task threads exist (below).
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let open = self.open
        // Ctrl-C and SIGTERM stop the server cleanly: tabs' streams end, then the socket closes.
        // The signals are blocked before any other thread exists, so every thread inherits the
        // block and one thread takes them with sigwait (dispatch's signal sources on Linux miss
        // signals that are not blocked everywhere).
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waited = signals
        Thread {
            var set = waited
            var received: Int32 = 0
            sigwait(&set, &received)
            Terminal.err("\nStopping…\n")
            Task {
                await server.stop()
                finished.signal()
            }
        }.start()
        // `run` is synchronous: it waits on `finished`, which ends both tasks' paths.
        Task {
            do {
                let url = try await server.start()
                if open { Self.openBrowser(url) }
            } catch {
                failure.set(error)
                finished.signal()
            }
        }
        finished.wait()
        if let error = failure.error {
            Terminal.err("error: \(error)\n")
            throw ExitStatus.usage
        }
    }

    static func openBrowser(_ url: URL) {
        let process = Process()
        #if os(macOS)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
            process.arguments = [url.absoluteString]
        #else
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["xdg-open", url.absoluteString]
        #endif
        do { try process.run() } catch { Terminal.err("warning: could not open a browser: \(error)\n") }
    }
}

/// The error a background task ended with, read once the main thread wakes.
final class FailureBox: Sendable {
    private let stored = Mutex<(any Error)?>(nil)
    var error: (any Error)? { stored.withLock { $0 } }
    func set(_ error: any Error) { stored.withLock { $0 = error } }
}
