import CTIOSCore
import CTIOSWire

// The session's cache, read from any thread: each read takes the lock once and sees the state after a whole batch
// or snapshot, never in the middle of one.

extension Session {
    /// Where the connection is.
    public var connectionState: ConnectionState { shared.withLockedValue { $0.engine.machine.connectionState } }

    /// The server in use (Cisco's `CurrentServer` and `CurrentPort`), or being tried.
    public var currentServer: ServerAddress? { shared.withLockedValue { $0.engine.machine.currentServer } }

    /// Cisco's `ConnectionMode`: agent, monitor, or not connected (no mode set).
    public var connectionMode: ConnectionMode {
        switch shared.withLockedValue({ $0.engine.machine.mode }) {
        case .agent: .agent
        case .monitor: .monitor
        case nil: .notConnected
        }
    }

    /// The monitor-mode filter (Cisco's `MessageFilter`), when in monitor mode.
    public var messageFilter: String? {
        if case .monitor(let filter) = shared.withLockedValue({ $0.engine.machine.mode }) { return filter }
        return nil
    }

    /// The last error the session met (Cisco's `LastError`): a failed attempt, a loss.
    public var lastError: CILError? { shared.withLockedValue { $0.engine.machine.lastError } }

    /// Whether the session is in agent mode (Cisco's `IsAgent`).
    public var isAgent: Bool { connectionMode == .agent }

    /// Whether the session's agent is a supervisor (Cisco's `IsSupervisor`).
    public var isSupervisor: Bool { currentAgent?.isSupervisor ?? false }

    /// The session's agent, in agent mode (Cisco's `GetCurrentAgent`).
    public var currentAgent: Agent? {
        shared.withLockedValue { $0.engine.agentObjectID }.flatMap(UniqueObjectID.init).map { Agent(session: self, id: $0) }
    }

    /// The session's current call (Cisco's `GetCurrentCall`): in agent mode, the agent's call that came first and is
    /// still there, or the one set with ``setCurrentCall(_:)``. `OnCurrentCallChanged` says when it changes.
    public var currentCall: Call? {
        shared.withLockedValue { $0.engine.currentCall }.flatMap(UniqueObjectID.init).map { Call(session: self, id: $0) }
    }

    /// Makes a call the current one (Cisco's `SetCurrentCall`); `nil` for none. A call the cache does not hold is
    /// ignored.
    public func setCurrentCall(_ call: Call?) {
        let id = call?.uniqueObjectID.description
        loop.execute { [self] in run { shared, _ in shared.engine.setCurrentCall(id) } }
    }

    /// Every agent the session sees (Cisco's `GetAllAgents`), in ID order.
    public var allAgents: [Agent] { ids(of: .agent).map { Agent(session: self, id: $0) } }

    /// Every call connection the session sees (Cisco's `GetAllCalls`), in ID order.
    public var allCalls: [Call] { ids(of: .call).map { Call(session: self, id: $0) } }

    /// Every skill group the session sees (Cisco's `GetAllSkillGroups`), in ID order.
    public var allSkillGroups: [SkillGroup] { ids(of: .skillGroup).map { SkillGroup(session: self, id: $0) } }

    /// Every team the session sees, in ID order.
    public var allTeams: [Team] { ids(of: .team).map { Team(session: self, id: $0) } }

    /// The object with this ID, when the session sees it (Cisco's `GetObjectFromObjectID`).
    public func object(for id: UniqueObjectID) -> CTIObject? {
        guard properties(of: id) != nil else { return nil }
        switch id.kind {
        case .agent: return .agent(Agent(session: self, id: id))
        case .call: return .call(Call(session: self, id: id))
        case .skillGroup: return .skillGroup(SkillGroup(session: self, id: id))
        case .team: return .team(Team(session: self, id: id))
        }
    }

    /// One object's properties now, or `nil` when the session does not see it.
    public func properties(of id: UniqueObjectID) -> Arguments? {
        let text = id.description
        return shared.withLockedValue { $0.engine.cache[text] }
    }

    /// Every object the session sees, by ID: the whole cache at one instant (for a view to save or compare).
    public func allObjects() -> [UniqueObjectID: Arguments] {
        let objects = shared.withLockedValue { $0.engine.cache.objects }
        var result: [UniqueObjectID: Arguments] = [:]
        for (id, properties) in objects { if let parsed = UniqueObjectID(id) { result[parsed] = properties } }
        return result
    }

    private func ids(of kind: UniqueObjectID.Kind) -> [UniqueObjectID] {
        shared.withLockedValue { $0.engine.cache.ids(of: kind) }.compactMap(UniqueObjectID.init)
    }
}
