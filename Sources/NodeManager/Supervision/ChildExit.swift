/// How a child process ended, from `waitpid`.
public enum ChildExit: Hashable, Sendable, CustomStringConvertible {
    /// It called `exit` with this status.
    case exited(Int32)
    /// A signal ended it (SIGSEGV from a crash, SIGABRT or SIGKILL from the node manager, …).
    case signaled(Int32)
    /// It could not be started at all (`execve` failed): the errno.
    case spawnFailed(Int32)

    /// Whether it ended well (exit status 0).
    public var isSuccess: Bool {
        switch self {
        case .exited(let status): status == 0
        case .signaled, .spawnFailed: false
        }
    }

    /// `exit status 3`, `signal 9 (KILL)`, `spawn failed: errno 2`.
    public var description: String {
        switch self {
        case .exited(let status): "exit status \(status)"
        case .signaled(let signal): "signal \(signal)" + (ChildSignal.name(of: signal).map { " (\($0))" } ?? "")
        case .spawnFailed(let errno): "spawn failed: errno \(errno)"
        }
    }
}

/// A signal the node manager sends a child.
public enum ChildSignal: Hashable, Sendable {
    /// SIGTERM to the child: stop gracefully (shutdown, or a start that timed out).
    case terminate
    /// SIGABRT to the child: it is hung; dump core if it can. (Children run with `SWIFT_BACKTRACE=enable=no`,
    /// so Swift's backtracer does not hold them.)
    case abort
    /// SIGKILL to the child's whole process group: it did not stop in time.
    case kill

    /// The signal number.
    public var number: Int32 {
        switch self {
        case .terminate: 15
        case .abort: 6
        case .kill: 9
        }
    }

    static func name(of signal: Int32) -> String? {
        switch signal {
        case 1: "HUP"
        case 2: "INT"
        case 4: "ILL"
        case 5: "TRAP"
        case 6: "ABRT"
        case 7: "BUS"
        case 8: "FPE"
        case 9: "KILL"
        case 11: "SEGV"
        case 13: "PIPE"
        case 15: "TERM"
        default: nil
        }
    }
}

/// Why the node manager gave up on a child process and killed it.
public enum UnhealthyReason: String, Hashable, Sendable, Codable {
    /// It sent no `WATCHDOG=1` within its watchdog interval.
    case watchdog
    /// It sent `WATCHDOG=trigger`.
    case watchdogTrigger = "watchdog-trigger"
    /// It sent no `READY=1` before its start deadline (extended by `EXTEND_TIMEOUT_USEC=`).
    case startTimeout = "start-timeout"
}
