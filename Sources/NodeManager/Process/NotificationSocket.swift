import CNodeManager
import SystemdKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One child's `NOTIFY_SOCKET`: a Unix datagram socket served by the node manager, with `SO_PASSCRED` so every
/// message carries the sender's pid as the kernel saw it (a child cannot claim another's).
final class NotificationSocket {
    /// The path given to the child in `NOTIFY_SOCKET`.
    let path: String
    /// The socket, non-blocking.
    let fileDescriptor: Int32

    /// Binds a new socket at `path` (an old file there is removed first).
    init(path: String) throws(NodeManagerError) {
        guard path.utf8.count < MemoryLayout.size(ofValue: sockaddr_un().sun_path) else {
            throw NodeManagerError(.setup, "notification socket path '\(path)' is longer than 107 bytes")
        }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw NodeManagerError(.setup, "socket(AF_UNIX, SOCK_DGRAM)", errno: errno) }
        unlink(path)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            path.utf8CString.withUnsafeBytes { raw.copyMemory(from: $0) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            let error = errno
            close(fd)
            throw NodeManagerError(.setup, "bind notification socket \(path)", errno: error)
        }
        var on: Int32 = 1
        guard setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &on, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            let error = errno
            close(fd)
            unlink(path)
            throw NodeManagerError(.setup, "SO_PASSCRED on \(path)", errno: error)
        }
        var size: Int32 = 1 << 20
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        self.path = path
        self.fileDescriptor = fd
    }

    /// One datagram received.
    struct Datagram {
        var senderPID: Int32
        var text: String
        var truncated: Bool
        var descriptorsDropped: Int
    }

    /// Every datagram waiting now, without blocking.
    func receiveAll() -> [Datagram] {
        var datagrams: [Datagram] = []
        var buffer = [CChar](repeating: 0, count: NotifyState.maximumDatagramBytes)
        while true {
            var pid: pid_t = 0
            var truncated: Int32 = 0
            var descriptors: Int32 = 0
            let count = ctios_receive_notification(fileDescriptor, &buffer, buffer.count, &pid, &truncated, &descriptors)
            guard count >= 0 else { break }
            let text = buffer.withUnsafeBufferPointer { pointer in
                String(decoding: UnsafeRawBufferPointer(start: pointer.baseAddress, count: count), as: UTF8.self)
            }
            datagrams.append(Datagram(senderPID: pid, text: text, truncated: truncated != 0, descriptorsDropped: Int(descriptors)))
        }
        return datagrams
    }

    deinit {
        close(fileDescriptor)
        unlink(path)
    }
}
