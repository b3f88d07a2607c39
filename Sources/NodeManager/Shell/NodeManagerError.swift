#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The node manager could not start, or gave up.
public struct NodeManagerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        /// A socket, directory or descriptor could not be set up at start.
        public static let setup = Code(name: "setup")
        /// A child failed too often: the node manager exits with failure so that systemd acts.
        public static let escalated = Code(name: "escalated")
        /// The node manager was asked to run twice.
        public static let alreadyRunning = Code(name: "already-running")
        public var description: String { name }
    }

    /// What kind of failure.
    public var code: Code
    /// What happened, naming the child, socket or path at fault.
    public var message: String

    /// An error with a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// An error from a system call: the message gets the errno's text.
    init(_ code: Code, _ operation: String, errno: Int32) {
        self.init(code, "\(operation): \(String(cString: strerror(errno))) (errno \(errno))")
    }

    public var description: String { "node manager \(code): \(message)" }
}
