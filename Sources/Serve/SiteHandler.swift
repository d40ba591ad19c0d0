import FlyingFox
import Foundation
import Model

/// Answers every request from the in-memory site: pages (with the live-reload script added),
/// assets and exports with their content types, the live-reload event stream, `404.html` for
/// anything else. Never lists folders and never reads the disk. Answers only requests addressed
/// to the address it listens on (`AllowedHosts`).
struct SiteHandler: HTTPHandler {
    let store: SiteStore
    let liveReload: LiveReload
    let hosts: AllowedHosts

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let target = request.target.path(percentEncoded: true)
        guard let host = request.headers[.host], hosts.allows(host: host) else {
            return refuse(.misdirectedRequest, "this server answers only requests for \(hosts.example)", request)
        }
        if let origin = request.headers[HTTPHeader("Origin")], !hosts.allows(origin: origin) {
            return refuse(.forbidden, "requests from pages of other sites are refused", request)
        }
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        if target == ReloadSnippet.eventsPath {
            return HTTPResponse(
                statusCode: .ok,
                headers: HTTPHeaders([.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]),
                body: liveReload.subscribe())
        }
        let problems = await store.problems
        guard await store.isReady else {
            let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Building…</title></head>"
                + "<body><p>casebook serve: building the site…</p></body></html>"
            return respond(.serviceUnavailable, path: "index.html", bytes: Array(page.utf8), problems: problems, head: request.method == .HEAD)
        }
        guard case .file(let path) = RequestPath.resolve(target) else { return await notFound(request, problems: problems) }
        await store.refreshIfStale(path)
        if let bytes = await store.file(path) {
            return respond(.ok, path: path, bytes: bytes, problems: problems, head: request.method == .HEAD)
        }
        // A page folder asked for without its slash: relative links need the slash.
        if !path.hasSuffix("/index.html"), path != "index.html", await store.contains(path + "/index.html") {
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: target + "/"]))
        }
        return await notFound(request, problems: problems)
    }

    private func notFound(_ request: HTTPRequest, problems: [Diagnostic]) async -> HTTPResponse {
        await store.refreshIfStale("404.html")
        let bytes = await store.file("404.html") ?? Array("404 page not found\n".utf8)
        let path = await store.contains("404.html") ? "404.html" : "404.txt"
        return respond(.notFound, path: path, bytes: bytes, problems: problems, head: request.method == .HEAD)
    }

    /// A refusal, as a line of plain text saying why (no page, so no live-reload script).
    private func refuse(_ status: HTTPStatusCode, _ reason: String, _ request: HTTPRequest) -> HTTPResponse {
        let text = Array("\(status.code) \(status.phrase): \(reason)\n".utf8)
        return respond(status, path: "refused.txt", bytes: text, problems: [], head: request.method == .HEAD)
    }

    private func respond(_ status: HTTPStatusCode, path: String, bytes: [UInt8], problems: [Diagnostic], head: Bool) -> HTTPResponse {
        let type = ContentType.of(path)
        let body = type.hasPrefix("text/html") ? ReloadSnippet.inject(into: bytes, problems: problems) : bytes
        var headers: HTTPHeaders = [
            .contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if head {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(body))
    }
}
