#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A listening TCP socket the node manager holds for a child across its restarts: while the child is down,
/// clients that connect wait in the backlog instead of being refused.
final class ListeningSocket {
    /// Its name for the child (`LISTEN_FDNAMES`).
    let name: String
    /// The descriptor (close-on-exec; the spawner places it at 3 + index in the child).
    let fileDescriptor: Int32
    /// Where it listens, `host:port`.
    let address: HostPort

    private init(name: String, fileDescriptor: Int32, address: HostPort) {
        self.name = name
        self.fileDescriptor = fileDescriptor
        self.address = address
    }

    /// Binds and listens on `address`.
    static func open(name: String, address: HostPort, backlog: Int) throws(NodeManagerError) -> ListeningSocket {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(address.host, String(address.port), &hints, &results)
        guard status == 0, let first = results else {
            throw NodeManagerError(.setup, "socket \(name): cannot resolve \(address) (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(results) }
        let fd = socket(first.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw NodeManagerError(.setup, "socket \(name): socket()", errno: errno) }
        var on: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let error = errno
            close(fd)
            throw NodeManagerError(.setup, "socket \(name): bind \(address)", errno: error)
        }
        guard listen(fd, Int32(backlog)) == 0 else {
            let error = errno
            close(fd)
            throw NodeManagerError(.setup, "socket \(name): listen on \(address)", errno: error)
        }
        return ListeningSocket(name: name, fileDescriptor: fd, address: boundAddress(of: fd) ?? address)
    }

    /// Adopts a descriptor systemd handed back from its file descriptor store, if it listens on `address` (port 0
    /// matches any port); `nil` (and the descriptor closed) otherwise.
    static func adopt(fileDescriptor fd: Int32, name: String, address: HostPort) -> ListeningSocket? {
        guard let bound = boundAddress(of: fd), bound.port == address.port || address.port == 0,
              sameHost(bound.host, address.host) else {
            close(fd)
            return nil
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return ListeningSocket(name: name, fileDescriptor: fd, address: bound)
    }

    deinit { close(fileDescriptor) }

    /// The address a socket is bound to.
    static func boundAddress(of fd: Int32) -> HostPort? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        let named = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, length, &host, socklen_t(host.count), &service, socklen_t(service.count),
                            NI_NUMERICHOST | NI_NUMERICSERV)
            }
        }
        guard named == 0, let port = Int(String(cString: service)) else { return nil }
        let hostText = String(cString: host)
        return HostPort(hostText.contains(":") ? "[\(hostText)]:\(port)" : "\(hostText):\(port)")
    }

    private static func sameHost(_ bound: String, _ configured: String) -> Bool {
        if bound == configured { return true }
        let any: Set<String> = ["0.0.0.0", "::", ""]
        return any.contains(bound) && any.contains(configured)
            || (bound == "127.0.0.1" && configured == "localhost") || (bound == "::1" && configured == "localhost")
    }
}
