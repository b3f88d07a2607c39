/// Where a supervised child is, as `/v1/children` and the metrics name it.
public enum ChildState: String, Hashable, Sendable, Codable, CaseIterable {
    /// Not started yet.
    case notStarted = "not-started"
    /// Spawned; waiting for `READY=1` before its start deadline.
    case starting
    /// Sent `READY=1`: it serves. Not yet ready for ``ChildSupervisionConfiguration/stableAfter``, so a failure now
    /// still counts towards its backoff.
    case ready
    /// Ready for ``ChildSupervisionConfiguration/stableAfter``: its backoff is back to zero.
    case running
    /// It missed its watchdog or start deadline: signalled (SIGABRT or SIGTERM, then SIGKILL), waiting for it to
    /// exit.
    case unhealthy
    /// It exited; waiting for the backoff delay before starting it again.
    case backingOff = "backing-off"
    /// Too many restarts in the window: given up; the node manager escalates (exits with failure).
    case failed
    /// Stopping on request: SIGTERM sent, SIGKILL after the stop timeout.
    case stopping
    /// Stopped on request, or exited with status 0 under `restart: on-failure`.
    case stopped

    /// Whether the child serves now (`ready` or `running`).
    public var isUp: Bool { self == .ready || self == .running }
}

/// Why a child is being restarted (the `reason` label of `ctios_nodemgr_child_restarts_total`).
public enum RestartReason: String, Hashable, Sendable, Codable, CaseIterable {
    /// It exited by itself (any status).
    case exit
    /// A signal it did not get from the node manager ended it (a crash, or `kill -9` from outside).
    case crash
    /// Killed for a missed watchdog (or `WATCHDOG=trigger`).
    case watchdog
    /// Killed for not becoming ready in time.
    case startTimeout = "start-timeout"
    /// It could not be started (`execve` failed).
    case spawnFailed = "spawn-failed"
}
