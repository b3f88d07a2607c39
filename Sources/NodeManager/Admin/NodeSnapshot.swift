/// The node manager's state as `GET /v1/children` shows it.
public struct NodeSnapshot: Codable, Hashable, Sendable {
    /// The node's name.
    public var node: String
    /// Whether every child is up now (`ready` or `running`): what `GET /ready` reports.
    public var ready: Bool
    /// Whether `READY=1` went to systemd (every child was ready once).
    public var notifiedReady: Bool
    /// Whether a stop (asked for, or after an escalation) is under way.
    public var stopping: Bool
    /// The status line sent as `STATUS=`.
    public var status: String
    /// The children, in start order.
    public var children: [ChildSnapshot]

    /// An empty snapshot (before the supervision starts).
    public init(node: String, ready: Bool = false, notifiedReady: Bool = false, stopping: Bool = false,
                status: String = "starting", children: [ChildSnapshot] = []) {
        self.node = node
        self.ready = ready
        self.notifiedReady = notifiedReady
        self.stopping = stopping
        self.status = status
        self.children = children
    }
}

/// One child in `GET /v1/children`.
public struct ChildSnapshot: Codable, Hashable, Sendable {
    /// Its name in the configuration.
    public var name: String
    /// `not-started`, `starting`, `ready`, `running`, `unhealthy`, `backing-off`, `failed`, `stopping`, `stopped`.
    public var state: ChildState
    /// The running process, if any.
    public var pid: Int32?
    /// Restarts since the node manager started.
    public var restarts: Int
    /// How its last run ended (`exit status 1`, `signal 9 (KILL)`).
    public var lastExit: String?
    /// Its last `STATUS=`.
    public var status: String?
    /// Seconds in the current state.
    public var secondsInState: Double
    /// Seconds from its last exit to its `READY=1` after the restart.
    public var lastRecoverySeconds: Double?
    /// Seconds from its last spawn to its `READY=1`.
    public var lastStartSeconds: Double?
    /// Notifications refused because they came from another process.
    public var refusedNotifications: Int
    /// Why and when the node manager last killed it (`watchdog after 0.503 s of silence`).
    public var lastKill: String?
    /// How long it had been silent when last killed (since its last `WATCHDOG=1`, or its spawn for a start
    /// timeout): the watchdog interval plus the node manager's reaction time.
    public var lastKillSilenceSeconds: Double?
    /// The listening sockets held for it, `name=host:port`.
    public var sockets: [String]
}
