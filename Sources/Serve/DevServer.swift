import FlyingFox
import FlyingSocks
import Foundation
import Model
import Pipeline
import Synchronization

/// `casebook serve`: builds the site into memory, serves it over HTTP, watches the sources,
/// rebuilds what a change affects and reloads every open tab.
///
/// A build with errors leaves the last good site served; its errors go to the log and, as an
/// overlay, to every open tab, until a save fixes them. Binds to 127.0.0.1 unless told otherwise.
public actor DevServer {
    public struct Options: Sendable {
        public var folder: String
        public var host: String
        /// 0 picks a free port (tests).
        public var port: UInt16
        public var includeDrafts: Bool
        public var clock: BuildClock
        /// How long a burst of saves has to be quiet before the rebuild starts.
        public var debounce: DispatchTimeInterval
        public var limits: RequestLimits

        public init(
            folder: String, host: String = "127.0.0.1", port: UInt16 = 8000, includeDrafts: Bool = false,
            clock: BuildClock = .fromEnvironment(), debounce: DispatchTimeInterval = .milliseconds(75),
            limits: RequestLimits = .standard
        ) {
            self.folder = folder
            self.host = host
            self.port = port
            self.includeDrafts = includeDrafts
            self.clock = clock
            self.debounce = debounce
            self.limits = limits
        }
    }

    public let options: Options
    private let log: @Sendable (String) -> Void
    private let liveReload = LiveReload()
    private var server: HTTPServer?
    private var serverTask: Task<Void, Never>?
    private var buildTask: Task<Void, Never>?
    private var watcher: FileWatcher?
    private var changes: AsyncStream<Set<String>?>.Continuation?
    /// The address the site is served at, once started.
    public private(set) var url: URL?

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Binds, builds the site and starts watching; returns once the site can be requested.
    /// Throws `ServeError.portInUse` when another program holds the port.
    public func start() async throws -> URL {
        let address = try Self.address(host: options.host, port: options.port)
        let server = HTTPServer(
            config: .init(address: address, timeout: 30, logger: DisabledLogger.disabled, limits: options.limits.server))
        self.server = server
        serverTask = try await Self.listen(server, host: options.host, port: options.port)
        guard let port = await Self.port(of: server) else { throw ServeError.listen("no listening address") }
        let shownHost = ["0.0.0.0", "::", ""].contains(options.host) ? "localhost" : options.host
        let url = URL(string: "http://\(shownHost.contains(":") ? "[\(shownHost)]" : shownHost):\(port)/")!
        self.url = url
        let preview = PreviewSite(folder: options.folder, includeDrafts: options.includeDrafts, baseURL: url.absoluteString, clock: options.clock)
        // Added once the port is known, which the Host check needs (--port 0 picks it); until
        // then, for the instant in between, FlyingFox answers 404.
        let hosts = AllowedHosts(listeningOn: options.host, port: port)
        await server.appendRoute("*", to: SiteHandler(store: preview.store, liveReload: liveReload, hosts: hosts))
        if !Self.isLoopback(options.host) {
            log("warning: listening on \(options.host), so other machines on the network can see this site, drafts included\n")
        }

        let (stream, continuation) = AsyncStream<Set<String>?>.makeStream()
        changes = continuation
        let watcher = FileWatcher(root: preview.root) { [debouncer = Debouncer(quiet: options.debounce) { continuation.yield($0) }] in
            debouncer.add($0)
        }
        try watcher.start()
        self.watcher = watcher

        await rebuild(preview, changed: nil)
        // Unstructured but owned: it lives from `start` to `stop`, which ends its stream and awaits it.
        buildTask = Task { [weak self] in
            for await changed in stream {
                guard let self else { return }
                await self.rebuild(preview, changed: changed)
            }
        }
        log("Serving \(preview.root) at \(url.absoluteString) (Ctrl-C to stop)\n")
        return url
    }

    /// Stops watching, ends every tab's event stream and closes the server.
    public func stop() async {
        watcher?.stop()
        watcher = nil
        changes?.finish()
        changes = nil
        liveReload.close()
        await buildTask?.value
        // Every connection has been completed above. FlyingFox's accept loop does not notice its
        // socket closing, so any timeout here is waited in full: with 2 s, Ctrl-C took 2 s.
        await server?.stop(timeout: 0)
        serverTask?.cancel()
        await serverTask?.value
        server = nil
    }

    /// One build on the build queue, then the served site and the open tabs are brought up to date.
    private func rebuild(_ preview: PreviewSite, changed: Set<String>?) async {
        let started = DispatchTime.now().uptimeNanoseconds
        let outcome = await preview.update(changed: changed)
        let run = outcome.run
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
        let cause = Self.describe(changed)
        if run.succeeded {
            let shown = run.diagnostics.filter { diagnostic in changed?.contains(diagnostic.location.file) ?? true }
            if !shown.isEmpty { log(DiagnosticFormat.text.render(shown)) }
            let nothing = changed != nil && run.changed.isEmpty && run.removed.isEmpty
            if changed == nil {
                log("Built \(TerminalText.count(outcome.pageCount, "page")), \(TerminalText.count(outcome.fileCount, "file")) in \(milliseconds) ms\(options.clock.asOfNote)\n")
            } else if nothing {
                log("Nothing to rebuild\(cause)\n")
            } else {
                log("Rebuilt \(TerminalText.count(outcome.pageCount, "page")) in \(milliseconds) ms\(cause)\n")
            }
            if ProcessInfo.processInfo.environment["CASEBOOK_SERVE_TIMINGS"] == "1" {
                let steps = run.timings.map { ($0.stage, $0.seconds) } + run.metrics.prefix(8).map { ("  \($0.name) ×\($0.count)", $0.seconds) }
                log(steps.map { "  \($0.0) \(String(format: "%.1f", $0.1 * 1000)) ms" }.joined(separator: "\n") + "\n")
            }
            // Tabs already show the site when nothing changed (an editor's second write of a save).
            if !nothing {
                liveReload.send("reload")
                liveReload.send("updated")
            }
        } else {
            let diagnostics = run.diagnostics
            let errors = diagnostics.filter { $0.severity == .error }
            log(DiagnosticFormat.text.render(errors))
            log("Build failed: \(TerminalText.count(errors.count, "error"))\(cause); still serving the last good site\n")
            let payload = ["html": ReloadSnippet.overlay(errors)]
            let json = (try? JSONSerialization.data(withJSONObject: payload, options: [.withoutEscapingSlashes])).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
            liveReload.send("problems", json)
        }
    }

    static func describe(_ changed: Set<String>?) -> String {
        guard let changed, !changed.isEmpty else { return "" }
        let sorted = changed.sorted()
        let shown = sorted.prefix(3).joined(separator: ", ")
        return " (\(shown)\(sorted.count > 3 ? " and \(sorted.count - 3) more" : ""))"
    }

    // MARK: Listening

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        switch host {
        case "localhost", "": return try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        default:
            if host.contains(":") {
                guard let address = try? sockaddr_in6.inet6(ip6: host, port: port) else { throw ServeError.badHost(host) }
                return address
            }
            guard let address = try? sockaddr_in.inet(ip4: host, port: port) else { throw ServeError.badHost(host) }
            return address
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    static func port(of server: HTTPServer) async -> UInt16? {
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return nil
        }
    }

    /// Starts the server and waits until it listens or fails to (a busy port fails at once).
    static func listen(_ server: HTTPServer, host: String, port: UInt16) async throws -> Task<Void, Never> {
        let gate = StartGate()
        // Unstructured: the server outlives `listen`; `stop` cancels and awaits the returned task.
        let task = Task {
            do {
                try await server.run()
                gate.resolve(.failure(ServeError.listen("the server stopped")))
            } catch SocketError.failed(let type, let code, let message) where type == "bind" || code == EADDRINUSE {
                gate.resolve(.failure(code == EADDRINUSE ? ServeError.portInUse(host: host, port: port) : ServeError.listen(message)))
            } catch {
                gate.resolve(.failure(ServeError.listen("\(error)")))
            }
        }
        // A child task: when the server fails first, leaving this scope cancels the wait.
        async let listening: Void = {
            do {
                try await server.waitUntilListening(timeout: 30)
                gate.resolve(.success(()))
            } catch {
                gate.resolve(.failure(ServeError.listen("the server did not start listening")))
            }
        }()
        try await gate.wait()
        await listening
        return task
    }
}

/// Resolved once, by whichever comes first: listening, or failing to.
final class StartGate: Sendable {
    private struct State {
        var result: Result<Void, ServeError>?
        var waiter: CheckedContinuation<Void, any Error>?
    }

    private let state = Mutex(State())

    func resolve(_ outcome: Result<Void, ServeError>) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard state.result == nil else { return nil }
            state.result = outcome
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(with: outcome.mapError { $0 as any Error })
    }

    func wait() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let result = state.withLock { state -> Result<Void, ServeError>? in
                if state.result == nil { state.waiter = continuation }
                return state.result
            }
            if let result { continuation.resume(with: result.mapError { $0 as any Error }) }
        }
    }
}
