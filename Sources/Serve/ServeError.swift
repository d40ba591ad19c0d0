/// Why the dev server could not start or keep going.
public enum ServeError: Error, CustomStringConvertible, Sendable {
    case portInUse(host: String, port: UInt16)
    case badHost(String)
    case watch(String)
    case listen(String)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            let next = port == UInt16.max ? 8000 : port + 1
            return "port \(port) on \(host) is already in use (is another 'casebook serve' running?); "
                + "try another port: casebook serve --port \(next)"
        case .badHost(let host):
            return "cannot listen on '\(host)': give an IP address such as 127.0.0.1, 0.0.0.0 or ::1"
        case .watch(let message): return "cannot watch the site's files: \(message)"
        case .listen(let message): return "cannot start the server: \(message)"
        }
    }
}
