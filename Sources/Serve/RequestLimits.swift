import FlyingFox

/// What one client may ask of `casebook serve` (README, `serve`). The server answers GET and HEAD
/// for a browser on the same machine, so the limits are far above what a browser sends and far
/// below what would let one client stall it.
public struct RequestLimits: Sendable {
    /// The request line, its line ending included; beyond it: 414 URI Too Long.
    public var requestLineBytes = 8_192
    /// All header lines together; beyond it: 431 Request Header Fields Too Large.
    public var headerBytes = 65_536
    /// Header lines; beyond it: 431.
    public var headerCount = 100
    /// Seconds a connection has to send a whole request line and headers, counted from when the
    /// server starts waiting for them: a client trickling bytes is closed after this, and so is a
    /// kept-alive connection idle for this long. An event stream, once requested, is not limited.
    public var requestHeadSeconds: Double = 10
    /// Connections open at once; a connection beyond them is closed as soon as it is accepted.
    /// Every open tab holds one for its event stream.
    public var connections = 64

    public static let standard = RequestLimits()

    /// The limits FlyingFox applies. No request has a body: a Content-Length above 0 is
    /// answered 413 and a chunked body 411, before anything is read.
    var server: HTTPServer.Limits {
        HTTPServer.Limits(
            maxRequestLineBytes: requestLineBytes, maxHeaderBytes: headerBytes, maxHeaderCount: headerCount,
            maxBodyBytes: 0, requestHeadTimeout: requestHeadSeconds, maxConnections: connections)
    }
}
