import GED188

/// Who sent a control request: the session, and for a CLIENT_EVENTS session the agent it is opened for.
public struct RequestContext: Sendable {
    /// The simulator's number for the session (for the request log).
    public var session: UInt64
    /// The agent a CLIENT_EVENTS session watches; `nil` for an ALL_EVENTS (bridge) session, which may act for any
    /// agent.
    public var agentID: String?

    public init(session: UInt64, agentID: String?) {
        self.session = session
        self.agentID = agentID
    }
}

/// The model's answer to a control request.
public enum RequestOutcome: Sendable, Equatable {
    /// The request's confirmation (its `…_CONF`).
    case confirmed(GED188Message)
    /// CONTROL_FAILURE_CONF with this code.
    case controlFailure(ControlFailureCode)
    /// FAILURE_CONF with this status (a request the CTI Server refuses outright).
    case failure(StatusCode)
}

/// Which agent a request is about, or why none.
enum AgentLookup {
    case found(Int)
    case refused(ControlFailureCode)
}
