import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A TCP port on 127.0.0.1 that records whether anything connected to it, with no thread and no
/// waiting: the kernel completes a connection into the listen backlog whether or not it is
/// accepted, so after the code under test has run, a non-blocking `accept` tells whether it tried.
/// (A client that connected then waits for an answer that never comes, until its own timeout.)
public final class LoopbackListener: @unchecked Sendable {
    private let socket: Int32
    public let port: Int

    public init() throws {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address -> Bool in
                bind(socket, address, length) == 0 && listen(socket, 64) == 0 && getsockname(socket, address, &length) == 0
            }
        }
        guard bound, fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK) == 0 else {
            close(socket)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        self.socket = socket
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(socket) }

    /// How many connections have been made so far (each is accepted and closed here).
    public func connections() -> Int {
        var count = 0
        while true {
            let client = accept(socket, nil, nil)
            if client < 0 { return count }
            close(client)
            count += 1
        }
    }
}
