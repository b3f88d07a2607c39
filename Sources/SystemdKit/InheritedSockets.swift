import CSystemd
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A file descriptor a service manager passed to this process at start (`LISTEN_FDS`), with its name.
public struct InheritedSocket: Hashable, Sendable {
    /// The descriptor, open in this process (3, 4, …), with close-on-exec set.
    public var fileDescriptor: Int32
    /// Its name from `LISTEN_FDNAMES` (`FileDescriptorName=` of a socket unit, the `FDNAME=` it was stored
    /// under, or a socket's name in the node manager's configuration); `unknown` when none was given.
    public var name: String

    /// A descriptor and its name.
    public init(fileDescriptor: Int32, name: String) {
        self.fileDescriptor = fileDescriptor
        self.name = name
    }

    /// Whether it is a listening stream socket (TCP or Unix), the kind a server accepts on.
    public var isListeningStreamSocket: Bool {
        sd_is_socket(fileDescriptor, AF_UNSPEC, Int32(SOCK_STREAM.rawValue), 1) > 0
    }
}

/// The sockets a service manager (systemd's socket activation or file descriptor store, or `ctios nodemgr`
/// holding a child's listening socket across restarts) passed to this process: `sd_listen_fds_with_names(3)`.
///
/// A server asks for its socket by name and falls back to binding its own when none was passed:
///
/// ```swift
/// let inherited = try InheritedSockets.take()
/// if let cil = inherited.first(where: { $0.name == "cil" }) {
///     // ServerBootstrap(...).withBoundSocket(cil.fileDescriptor)
/// } else {
///     // ServerBootstrap(...).bind(host:port:)
/// }
/// ```
public enum InheritedSockets {
    /// Reads `LISTEN_FDS`, `LISTEN_PID` and `LISTEN_FDNAMES`. Descriptors meant for another process (a
    /// different `LISTEN_PID`) are not taken.
    ///
    /// - Parameter unsetEnvironment: remove the three variables, so that processes this one starts do not
    ///   believe the descriptors are theirs (the default).
    /// - Returns: the descriptors in order, each with close-on-exec set; empty when none were passed.
    /// - Throws: ``SystemdError`` when the variables are malformed.
    public static func take(unsetEnvironment: Bool = true) throws(SystemdError) -> [InheritedSocket] {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = sd_listen_fds_with_names(unsetEnvironment ? 1 : 0, &names)
        guard count >= 0 else { throw SystemdError(operation: "sd_listen_fds_with_names", errno: -count) }
        defer {
            if let names {
                for index in 0..<Int(count) { free(names[index]) }
                free(names)
            }
        }
        return (0..<count).map { index in
            let name = names?[Int(index)].map { String(cString: $0) } ?? "unknown"
            return InheritedSocket(fileDescriptor: SD_LISTEN_FDS_START + index, name: name)
        }
    }
}
