import GED188

/// One agent in the model: its configuration and its state.
struct ModelAgent: Sendable {
    let configuration: AgentConfiguration
    var state: AgentState = .logout
    /// When the agent entered `state` (model time).
    var stateSince: Duration = .zero
    /// The reason code of the current Not Ready or Logout state.
    var reasonCode: UInt16 = 0
    /// The skill groups the agent is logged in to.
    var loggedInSkillGroups: [UInt32] = []
    /// The skill group of the call the agent is working, if any.
    var activeSkillGroup: UInt32?
    /// When the agent last became available (longest-available routing).
    var availableSince: Duration?
    /// Calls with a connection at the agent's device, in the order they arrived.
    var calls: [UInt32] = []
    /// What the agent goes to when its last call ends: wrap-up, or a state it asked for during the call.
    var afterCallState: AgentState?
    var afterCallReason: UInt16 = 0
    /// Bumped whenever the agent's pending timers become stale.
    var timerGeneration: UInt64 = 0
    /// The agent's session ID (AGENT_STATE_EVENT SessionID): a new one at each login.
    var sessionID: UInt32 = 0

    init(configuration: AgentConfiguration) {
        self.configuration = configuration
    }

    var id: String { configuration.id }
    var instrument: String { configuration.instrument }
    var isLoggedIn: Bool { state != .logout }
}
