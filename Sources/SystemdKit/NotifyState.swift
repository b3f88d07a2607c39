/// One assignment of the systemd notification protocol (`sd_notify(3)`).
///
/// Sent by ``SystemdNotifier``; read back from a datagram by ``NotifyState/parse(_:)``, which is how `ctios nodemgr`
/// understands its children (the same binary runs unchanged under systemd or under the node manager).
public enum NotifyState: Hashable, Sendable {
    /// `READY=1`: start-up is finished; the service serves correct state now.
    case ready
    /// `STATUS=…`: a one-line human-readable status (newlines are replaced by spaces).
    case status(String)
    /// `STOPPING=1`: shutdown has begun.
    case stopping
    /// `WATCHDOG=1`: the service is alive; send at least every half watchdog interval.
    case watchdog
    /// `WATCHDOG=trigger`: the service asks to be treated as if its watchdog had expired.
    case watchdogTrigger
    /// `WATCHDOG_USEC=…`: the service changes its own watchdog interval.
    case watchdogInterval(Duration)
    /// `EXTEND_TIMEOUT_USEC=…`: give start-up (or shutdown) this much longer from now.
    case extendTimeout(Duration)
    /// `MAINPID=…`: the main process of the service.
    case mainPID(Int32)
    /// `ERRNO=…`: the service failed with this errno.
    case errno(Int32)
    /// `FDSTORE=1`: keep the file descriptors sent with this message for the service (they come back in
    /// `LISTEN_FDS` after a restart).
    case fdStore
    /// `FDSTOREREMOVE=1`: drop the stored file descriptors named by the `FDNAME=` sent with it.
    case fdStoreRemove
    /// `FDNAME=…`: the name of the file descriptors stored with `FDSTORE=1`.
    case fdName(String)
    /// Any other line, kept as received (parsing only; sending one sends the text as is).
    case unknown(String)

    /// The assignment as sent, `KEY=value`.
    public var assignment: String {
        switch self {
        case .ready: "READY=1"
        case .status(let text): "STATUS=" + text.map { $0.isNewline ? " " : $0 }.reduce(into: "") { $0.append($1) }
        case .stopping: "STOPPING=1"
        case .watchdog: "WATCHDOG=1"
        case .watchdogTrigger: "WATCHDOG=trigger"
        case .watchdogInterval(let duration): "WATCHDOG_USEC=\(duration.microseconds)"
        case .extendTimeout(let duration): "EXTEND_TIMEOUT_USEC=\(duration.microseconds)"
        case .mainPID(let pid): "MAINPID=\(pid)"
        case .errno(let value): "ERRNO=\(value)"
        case .fdStore: "FDSTORE=1"
        case .fdStoreRemove: "FDSTOREREMOVE=1"
        case .fdName(let name): "FDNAME=" + name
        case .unknown(let line): line
        }
    }
}

extension Duration {
    /// Whole microseconds, rounded down; negative durations count as zero.
    var microseconds: UInt64 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000 + UInt64(attoseconds / 1_000_000_000_000)
    }
}
