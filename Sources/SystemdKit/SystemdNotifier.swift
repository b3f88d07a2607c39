import CSystemd
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Talks to the service manager that started this process (systemd, or `ctios nodemgr`) over `NOTIFY_SOCKET`.
///
/// When the process was not started with `NOTIFY_SOCKET`, every send is a no-op and ``isEnabled`` is false, so a
/// process runs the same way from a shell. The notifier is a value: read once at start-up, pass it to whatever
/// reports readiness and liveness.
public struct SystemdNotifier: Sendable {
    /// Whether a service manager is listening (`NOTIFY_SOCKET` is set).
    public let isEnabled: Bool

    /// How often to send `WATCHDOG=1`: half of the interval the service manager set (`WATCHDOG_USEC` for this
    /// process), or `nil` when no watchdog is asked for.
    public let watchdogPingInterval: Duration?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` through libsystemd.
    public init() {
        isEnabled = Self.environment("NOTIFY_SOCKET") != nil
        var usec: UInt64 = 0
        if sd_watchdog_enabled(0, &usec) > 0, usec > 0 {
            watchdogPingInterval = .microseconds(Int64(usec / 2))
        } else {
            watchdogPingInterval = nil
        }
    }

    /// A notifier that sends nothing and asks for no watchdog, whatever the environment says (for a process that
    /// must not talk to a service manager, and for tests running beside others that set `NOTIFY_SOCKET`).
    public static var disabled: SystemdNotifier { SystemdNotifier(isEnabled: false, watchdogPingInterval: nil) }

    private init(isEnabled: Bool, watchdogPingInterval: Duration?) {
        self.isEnabled = isEnabled
        self.watchdogPingInterval = watchdogPingInterval
    }

    /// Sends one or more assignments in a single datagram.
    ///
    /// - Throws: ``SystemdError`` when the socket is set but the message could not be delivered.
    public func notify(_ states: NotifyState...) throws(SystemdError) {
        try notify(states)
    }

    /// Sends the assignments in a single datagram.
    public func notify(_ states: [NotifyState]) throws(SystemdError) {
        guard isEnabled, !states.isEmpty else { return }
        let message = states.map(\.assignment).joined(separator: "\n")
        let result = sd_notify(0, message)
        if result < 0 {
            throw SystemdError(operation: "sd_notify(\(states.map(\.key).joined(separator: ",")))", errno: -result)
        }
    }

    /// `READY=1`, with a status line if given.
    public func ready(status: String? = nil) throws(SystemdError) {
        try notify([.ready] + (status.map { [NotifyState.status($0)] } ?? []))
    }

    /// `STATUS=…`.
    public func status(_ text: String) throws(SystemdError) { try notify(.status(text)) }

    /// `STOPPING=1`.
    public func stopping() throws(SystemdError) { try notify(.stopping) }

    /// `WATCHDOG=1`. Call it from the path that does the work, so that a hung process stops pinging.
    public func watchdog() throws(SystemdError) { try notify(.watchdog) }

    /// `EXTEND_TIMEOUT_USEC=…`: ask for more time to start (while catching up) or to stop.
    public func extendTimeout(by duration: Duration) throws(SystemdError) { try notify(.extendTimeout(duration)) }

    /// `FDSTORE=1` with `FDNAME=name`: hands copies of `fileDescriptors` to the service manager, which keeps them
    /// while the service restarts and passes them back in `LISTEN_FDS` (read them with ``InheritedSockets``).
    ///
    /// systemd keeps them only when the unit sets `FileDescriptorStoreMax=`. The name must be 1 to 255 printable
    /// ASCII characters without `:`; the caller keeps its own descriptors open.
    ///
    /// - Throws: ``SystemdError`` (`EINVAL` for a bad name) when the socket is set but the message could not be
    ///   delivered.
    public func storeFileDescriptors(_ fileDescriptors: [Int32], name: String) throws(SystemdError) {
        guard isEnabled, !fileDescriptors.isEmpty else { return }
        let operation = "sd_pid_notify_with_fds(FDSTORE, FDNAME=\(name))"
        guard Self.isValidFileDescriptorName(name) else { throw SystemdError(operation: operation, errno: EINVAL) }
        let message = [NotifyState.fdStore, .fdName(name)].map(\.assignment).joined(separator: "\n")
        let result = fileDescriptors.withUnsafeBufferPointer { fds in
            sd_pid_notify_with_fds(0, 0, message, fds.baseAddress, UInt32(fds.count))
        }
        if result < 0 { throw SystemdError(operation: operation, errno: -result) }
    }

    /// `FDSTOREREMOVE=1` with `FDNAME=name`: the service manager closes the descriptors it keeps under `name`.
    public func removeStoredFileDescriptors(name: String) throws(SystemdError) {
        guard Self.isValidFileDescriptorName(name) else {
            throw SystemdError(operation: "sd_notify(FDSTOREREMOVE, FDNAME=\(name))", errno: EINVAL)
        }
        try notify(.fdStoreRemove, .fdName(name))
    }

    /// Whether `name` is a valid `FDNAME=`: 1 to 255 printable ASCII characters, none of them `:`.
    public static func isValidFileDescriptorName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }
}

/// A call into libsystemd failed.
public struct SystemdError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was attempted.
    public var operation: String
    /// The errno it failed with.
    public var errno: Int32

    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
