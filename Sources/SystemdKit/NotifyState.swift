/// One assignment of the systemd notification protocol (`sd_notify(3)`).
public enum NotifyState: Hashable, Sendable {
    /// `READY=1`: start-up is finished; the service serves correct state now.
    case ready
    /// `STATUS=…`: a one-line human-readable status (newlines are replaced by spaces).
    case status(String)
    /// `STOPPING=1`: shutdown has begun.
    case stopping
    /// `WATCHDOG=1`: the service is alive; send at least every half watchdog interval.
    case watchdog
    /// `EXTEND_TIMEOUT_USEC=…`: give start-up (or shutdown) this much longer from now.
    case extendTimeout(Duration)
    /// `MAINPID=…`: the main process of the service.
    case mainPID(Int32)

    /// The assignment as sent, `KEY=value`.
    public var assignment: String {
        switch self {
        case .ready: "READY=1"
        case .status(let text): "STATUS=" + text.map { $0.isNewline ? " " : $0 }.reduce(into: "") { $0.append($1) }
        case .stopping: "STOPPING=1"
        case .watchdog: "WATCHDOG=1"
        case .extendTimeout(let duration): "EXTEND_TIMEOUT_USEC=\(duration.microseconds)"
        case .mainPID(let pid): "MAINPID=\(pid)"
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
