import Foundation

/// The `Host` and `Origin` a request may name: the address the server listens on.
///
/// A page on another site can point a domain name of its own at 127.0.0.1 (DNS rebinding) and
/// then read this server as if it were that site, drafts included. The browser still sends that
/// domain as `Host`, so answering only the names of the listening address refuses it. An `Origin`,
/// when a browser sends one, must be this server too, so that no other site's script opens the
/// live-reload stream or reads a page.
struct AllowedHosts: Sendable {
    /// Lowercase, without the port; IPv6 addresses in brackets, as in a `Host` header.
    let names: Set<String>
    /// Listening on every address (0.0.0.0, ::): other machines name it by any of its IP
    /// addresses. An address, unlike a domain name, cannot be rebound, so any literal is allowed.
    let anyAddressLiteral: Bool
    let port: UInt16

    init(listeningOn host: String, port: UInt16) {
        let host = host.lowercased()
        self.port = port
        anyAddressLiteral = ["0.0.0.0", "::", ""].contains(host)
        var names: Set<String> = []
        if anyAddressLiteral || DevServer.isLoopback(host) { names = ["localhost", "127.0.0.1", "[::1]"] }
        if !anyAddressLiteral { names.insert(host.contains(":") ? "[\(host)]" : host) }
        self.names = names
    }

    /// - Parameter value: a `Host` header: `name:port`, or `name` for port 80.
    func allows(host value: String) -> Bool {
        let value = value.lowercased()
        var name = Substring(value)
        var port: UInt16 = 80
        // The last colon starts the port unless it is inside an IPv6 address's brackets.
        if let colon = value.lastIndex(of: ":"), !value[colon...].contains("]") {
            guard let given = UInt16(value[value.index(after: colon)...]) else { return false }
            name = value[..<colon]
            port = given
        }
        guard port == self.port else { return false }
        return names.contains(String(name)) || (anyAddressLiteral && Self.isAddressLiteral(name))
    }

    /// - Parameter value: an `Origin` header, such as `http://127.0.0.1:8000`.
    func allows(origin value: String) -> Bool {
        let scheme = "http://"
        guard value.lowercased().hasPrefix(scheme) else { return false }
        return allows(host: String(value.dropFirst(scheme.count)))
    }

    /// `192.0.2.1` or `[2001:db8::1]`, as `inet_pton` reads them (no names, no short forms).
    static func isAddressLiteral(_ name: Substring) -> Bool {
        if name.hasPrefix("["), name.hasSuffix("]") {
            var address = in6_addr()
            return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &address) == 1
        }
        var address = in_addr()
        return inet_pton(AF_INET, String(name), &address) == 1
    }

    /// What a refused request is told: where this server can be reached.
    var example: String {
        let name = names.contains("127.0.0.1") ? "127.0.0.1" : names.sorted().first ?? "127.0.0.1"
        return "http://\(name):\(port)/"
    }
}
