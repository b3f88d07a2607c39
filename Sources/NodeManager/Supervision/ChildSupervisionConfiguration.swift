/// How one child is supervised: its deadlines, backoff and restart limit. All times are `Duration`s; the
/// configuration file's keys (`Docs/Operations.md`) are in seconds.
public struct ChildSupervisionConfiguration: Hashable, Sendable {
    /// When a child that exits is started again.
    public enum RestartPolicy: String, Hashable, Sendable, Codable, CaseIterable {
        /// Whatever the exit: a child of the node manager is meant to run for ever.
        case always
        /// Only after a failure (non-zero status, a signal, a watchdog or start-timeout kill); exit status 0
        /// leaves it stopped.
        case onFailure = "on-failure"
    }

    /// When a child that exits is started again.
    public var restart: RestartPolicy
    /// From spawn to `READY=1`; a child that misses it is sent SIGTERM, then SIGKILL after ``abortGrace``.
    /// `EXTEND_TIMEOUT_USEC=` moves it later.
    public var startTimeout: Duration
    /// The longest silence between `WATCHDOG=1`s once ready (the child pings at half of it); `nil`: no watchdog.
    public var watchdogInterval: Duration?
    /// After SIGABRT (or SIGTERM on a start timeout), how long before SIGKILL.
    public var abortGrace: Duration
    /// After SIGTERM on shutdown, how long before SIGKILL.
    public var stopTimeout: Duration
    /// A child ready this long is `running`: its backoff starts again from zero.
    public var stableAfter: Duration
    /// The delay before the second restart in a row (the first is at once); it doubles for each further one.
    public var initialBackoff: Duration
    /// The longest delay between restarts.
    public var maximumBackoff: Duration
    /// More than this many restarts within ``restartInterval`` escalate: the child is `failed` and the node
    /// manager exits with failure, so that systemd acts.
    public var restartBurst: Int
    /// The window ``restartBurst`` counts in.
    public var restartInterval: Duration

    /// A configuration; the defaults are the configuration file's.
    public init(
        restart: RestartPolicy = .always,
        startTimeout: Duration = .seconds(30),
        watchdogInterval: Duration? = .seconds(10),
        abortGrace: Duration = .seconds(5),
        stopTimeout: Duration = .seconds(10),
        stableAfter: Duration = .seconds(30),
        initialBackoff: Duration = .milliseconds(100),
        maximumBackoff: Duration = .seconds(10),
        restartBurst: Int = 5,
        restartInterval: Duration = .seconds(60)
    ) {
        self.restart = restart
        self.startTimeout = startTimeout
        self.watchdogInterval = watchdogInterval
        self.abortGrace = abortGrace
        self.stopTimeout = stopTimeout
        self.stableAfter = stableAfter
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.restartBurst = restartBurst
        self.restartInterval = restartInterval
    }

    /// The delay before restart number `consecutive` in a row (1 is the first): zero, then ``initialBackoff``,
    /// doubling up to ``maximumBackoff``.
    public func backoff(consecutive: Int) -> Duration {
        guard consecutive > 1 else { return .zero }
        var delay = initialBackoff
        for _ in 2..<consecutive {
            delay *= 2
            if delay >= maximumBackoff { return maximumBackoff }
        }
        return min(delay, maximumBackoff)
    }
}
