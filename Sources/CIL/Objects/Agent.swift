import CTIOSCore
import CTIOSWire
import GED188

/// An agent (Cisco's `Agent` object): a handle on `agent.<peripheral>.<agentID>` in a session's cache, with the
/// agent's methods.
///
/// Each method sends one request and returns the confirmation's `Arguments`, or throws a ``CILError`` (with the CTI
/// Server's failure code when it refused). Its effects arrive as events (`OnAgentStateChange`, …) and in the cache.
public struct Agent: CTIOSObject {
    /// The agent's identity.
    public let uniqueObjectID: UniqueObjectID
    /// The session whose cache holds the agent.
    public let session: Session

    init(session: Session, id: UniqueObjectID) {
        self.session = session
        uniqueObjectID = id
    }

    /// Handles are equal when they name the same object of the same session.
    public static func == (lhs: Agent, rhs: Agent) -> Bool {
        lhs.uniqueObjectID == rhs.uniqueObjectID && lhs.session === rhs.session
    }

    /// Hashes the object's identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(uniqueObjectID) }

    // MARK: Properties

    /// The agent's ID (`1001`).
    public var agentID: String { uniqueObjectID.agentID ?? "" }
    /// The agent's state (`AgentState`), when known.
    public var agentState: AgentState? {
        value(for: .agentState)?.integer.map { AgentState(rawValue: UInt16(truncatingIfNeeded: $0)) }
    }
    /// The reason code of the agent's state.
    public var reasonCode: Int? { value(for: .reasonCode)?.integer.map(Int.init) }
    /// The agent's extension.
    public var agentExtension: String? { value(for: .agentExtension)?.string }
    /// The instrument the agent is logged in on.
    public var agentInstrument: String? { value(for: .agentInstrument)?.string }
    /// Whether the agent is a supervisor (Cisco's `IsSupervisor`).
    public var isSupervisor: Bool { value(for: .isSupervisor)?.boolean ?? false }
    /// The skill groups the agent is logged in to, with its state in each.
    public var skillGroupStates: [(number: Int, state: AgentState)] {
        (value(for: .skillGroups)?.array ?? []).compactMap { value in
            guard let group = value.arguments, let number = group.integer(.skillGroupNumber) else { return nil }
            let state = AgentState(rawValue: UInt16(truncatingIfNeeded: group.integer(.skillGroupState) ?? 9))
            return (Int(number), state)
        }
    }
    /// The agent's call connections in the session's cache.
    public var calls: [Call] { session.allCalls.filter { $0.agentID == agentID } }

    // MARK: Methods

    /// Logs the agent in (`Login`).
    /// - Parameters:
    ///   - password: the agent's password (never logged or echoed).
    ///   - instrument: the instrument to log in on (default: the agent's).
    ///   - skillGroups: skill group numbers to log in to (default: the agent's configured ones).
    @discardableResult
    public func login(password: String, instrument: String? = nil, skillGroups: [Int]? = nil,
                      _ arguments: Arguments = Arguments()) async throws -> Arguments {
        var arguments = arguments
        arguments[.agentPassword] = .string(password)
        if let instrument { arguments[.agentInstrument] = .string(instrument) }
        if let skillGroups { arguments[.skillGroups] = .array(skillGroups.map { .integer(Int64($0)) }) }
        return try await invoke("Login", arguments)
    }

    /// Logs the agent out (`Logout`), with a reason code.
    @discardableResult
    public func logout(reasonCode: Int = 0) async throws -> Arguments {
        try await invoke("Logout", [Keyword.reasonCode.name: .integer(Int64(reasonCode))])
    }

    /// Changes the agent's state (`SetAgentState`): `.available` (ready), `.notReady` with a reason code,
    /// `.workReady` / `.workNotReady` (wrap-up), …
    @discardableResult
    public func setAgentState(_ state: AgentState, reasonCode: Int = 0) async throws -> Arguments {
        try await invoke("SetAgentState", [Keyword.agentState.name: .integer(Int64(state.rawValue)),
                                           Keyword.reasonCode.name: .integer(Int64(reasonCode))])
    }

    /// Asks the CTI Server for the agent's state now (`QueryAgentState`); the cache follows.
    @discardableResult
    public func queryAgentState() async throws -> Arguments {
        try await invoke("QueryAgentState")
    }

    /// Makes a call (`MakeCall`) to a number, with optional call data (`CallVariable1`…`10`, `ECC`, …).
    @discardableResult
    public func makeCall(dialedNumber: String, callData: Arguments = Arguments()) async throws -> Arguments {
        var arguments = callData
        arguments[.dialedNumber] = .string(dialedNumber)
        return try await invoke("MakeCall", arguments)
    }

    /// Calls the team's supervisor for an emergency (`MakeEmergencyCall`).
    @discardableResult
    public func makeEmergencyCall() async throws -> Arguments {
        try await invoke("MakeEmergencyCall")
    }

    /// Asks the team's supervisor for help (`RequestSupervisorAssist`).
    @discardableResult
    public func requestSupervisorAssist() async throws -> Arguments {
        try await invoke("RequestSupervisorAssist")
    }

    /// A supervisor acts on a team member's call (`SuperviseCall`): monitor (1), whisper (2), barge-in (3),
    /// intercept (4), or clear (0) to leave it.
    @discardableResult
    public func superviseCall(_ call: Call, action: SupervisoryAction) async throws -> Arguments {
        try await invoke("SuperviseCall", [Keyword.supervisoryAction.name: .integer(Int64(action.rawValue)),
                                           "CallUniqueObjectID": .string(call.uniqueObjectID.description)])
    }

    /// Asks for the agent's statistics (`QueryAgentStatistics`).
    @discardableResult
    public func queryAgentStatistics() async throws -> Arguments {
        try await invoke("QueryAgentStatistics")
    }
}
