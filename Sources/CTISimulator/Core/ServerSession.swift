import GED188

/// One client session as the simulator sees it.
struct ServerSession: Sendable {
    enum Phase: Sendable {
        /// Connected, no OPEN_REQ yet.
        case awaitingOpen
        /// OPEN_CONF sent.
        case open(OpenSession)
    }

    /// What an open session asked for and was granted.
    struct OpenSession: Sendable {
        var clientID: String
        var services: ServiceMask
        var callMask: CallMessageMask
        var agentStateMask: AgentStateMask
        var configMask: ConfigMessageMask
        /// For CLIENT_EVENTS: the agent, and the monitor ID its events carry.
        var agentID: String?
        var monitorID: UInt32
        /// Teams this session monitors (MONITOR_AGENT_TEAM_START), by monitor ID.
        var teamMonitors: [UInt32: UInt32] = [:]
        /// Idle timeout; `nil` for none.
        var idleTimeout: Duration?
        /// A configuration upload this session asked for (CONFIG_REQUEST_EVENT).
        var wantsConfigurationUpdates = false

        var isBridge: Bool { services.contains(.allEvents) }
    }

    let id: SessionID
    let side: Side
    var phase: Phase = .awaitingOpen
    /// Model time of the last message received (for the idle timeout).
    var lastReceived: Duration

    var open: OpenSession? {
        if case .open(let session) = phase { return session }
        return nil
    }
}
