import CTIOSWire

/// How a client watches the store: CTI OS's two session modes.
public enum ClientMode: Hashable, Sendable {
    /// Agent mode (`SetAgent`): the agent's own object, its calls (connections at its device), its skill groups;
    /// a supervisor also its teams, their agents and their calls.
    case agent(String)
    /// Monitor mode (`SetMessageFilter`): the objects whose properties match the filter, and the events whose
    /// arguments match it or whose object the client has. Session events (no UniqueObjectID) always pass.
    case monitor(MonitorFilter)
}

/// What an object ID is about, for agent-mode visibility: the key a server can index its clients by, so that a
/// batch is filtered only for the clients it concerns (``PreparedBatch/keys``, ``AgentScope/keys``).
public enum ScopeKey: Hashable, Sendable {
    case agent(String)
    case device(String)
    case skillGroup(UInt32)
    case team(UInt32)

    /// The key of an object ID.
    public init(_ id: UniqueObjectID) {
        switch id.kind {
        case .agent: self = .agent(id.parts[0])
        case .call: self = .device(id.parts[1])
        case .skillGroup: self = .skillGroup(UInt32(id.parts[0]) ?? .max)
        case .team: self = .team(UInt32(id.parts[0]) ?? .max)
        }
    }
}

/// The objects an agent-mode client may see, by ID alone (so a deleted object's ID still tells).
public struct AgentScope: Hashable, Sendable {
    /// The agent and, for a supervisor, the agents of its teams.
    public var agentIDs: Set<String> = []
    /// Those agents' devices (instrument and extension).
    public var devices: Set<String> = []
    /// The agent's skill groups (the ones it is logged in to).
    public var skillGroups: Set<UInt32> = []
    /// The teams the agent supervises.
    public var teams: Set<UInt32> = []
    /// Whether the agent is a supervisor (any team's change may change its scope).
    public var isSupervisor = false

    /// An empty scope (nothing in view).
    public init() {}

    /// Every key of the scope: a server that indexes its clients by these finds the clients a batch concerns
    /// (plus, for a supervisor, every team key).
    public var keys: Set<ScopeKey> {
        var keys = Set<ScopeKey>()
        for id in agentIDs { keys.insert(.agent(id)) }
        for device in devices { keys.insert(.device(device)) }
        for group in skillGroups { keys.insert(.skillGroup(group)) }
        for team in teams { keys.insert(.team(team)) }
        return keys
    }

    /// Whether a batch touching `key` may concern this client.
    public func isInterested(in key: ScopeKey) -> Bool {
        switch key {
        case .agent(let id): agentIDs.contains(id)
        case .device(let device): devices.contains(device)
        case .skillGroup(let number): skillGroups.contains(number)
        case .team(let id): isSupervisor || teams.contains(id)
        }
    }

    /// Whether the object is in scope.
    public func contains(_ id: UniqueObjectID) -> Bool {
        switch id.kind {
        case .agent: agentIDs.contains(id.parts[0])
        case .call: devices.contains(id.parts[1])
        case .skillGroup: UInt32(id.parts[0]).map(skillGroups.contains) ?? false
        case .team: UInt32(id.parts[0]).map(teams.contains) ?? false
        }
    }

    /// Whether a change to this object can change the scope (the agents' objects; for a supervisor, any team).
    func dependsOn(_ id: UniqueObjectID) -> Bool {
        switch id.kind {
        case .agent: agentIDs.contains(id.parts[0])
        case .team: isSupervisor || UInt32(id.parts[0]).map(teams.contains) ?? false
        case .call, .skillGroup: false
        }
    }
}

/// One client's view: its mode and the objects it has, so that each batch can be filtered for it (an object that
/// comes into view arrives whole; one that leaves it is deleted).
public struct ClientView: Sendable {
    /// Agent or monitor mode.
    public let mode: ClientMode
    /// The objects the client has.
    public internal(set) var known: Set<UniqueObjectID> = []
    /// Agent mode: the scope the client was last given.
    public internal(set) var scope: AgentScope?

    /// A client that has nothing yet; give it ``ObjectStore/snapshot(for:)`` first.
    public init(mode: ClientMode) {
        self.mode = mode
    }

    /// A client that reports the objects it has (a client resuming after a reconnect).
    public init(mode: ClientMode, known: Set<UniqueObjectID>) {
        self.mode = mode
        self.known = known
    }
}

/// A batch with its object IDs read once, to filter it for many clients.
public struct PreparedBatch: Sendable {
    /// The batch as the store made it.
    public let batch: ChangeBatch
    let changeIDs: [UniqueObjectID?]
    /// `nil` for a session event (no UniqueObjectID) or an unreadable one.
    let eventIDs: [UniqueObjectID?]
    let eventHasID: [Bool]
    /// What the batch's changes and events are about: an agent-mode client none of whose ``AgentScope/keys`` is
    /// here gets nothing from it.
    public let keys: Set<ScopeKey>
    /// Whether the batch has an event for every client (a session event, such as OnCTIOSFailure).
    public let hasSessionEvent: Bool

    /// Reads the batch's object IDs and scope keys once.
    public init(_ batch: ChangeBatch) {
        self.batch = batch
        changeIDs = batch.changes.map { UniqueObjectID($0.objectID) }
        var ids: [UniqueObjectID?] = []
        var has: [Bool] = []
        for event in batch.events {
            let text = event.arguments.string(.uniqueObjectID)
            has.append(text != nil)
            ids.append(text.flatMap(UniqueObjectID.init))
        }
        eventIDs = ids
        eventHasID = has
        var keys = Set<ScopeKey>()
        for id in changeIDs { if let id { keys.insert(ScopeKey(id)) } }
        for id in ids { if let id { keys.insert(ScopeKey(id)) } }
        self.keys = keys
        hasSessionEvent = has.contains(false)
    }
}

extension ObjectStore {
    /// The scope of an agent-mode client, from the objects now.
    public func agentScope(for agentID: String) -> AgentScope {
        var scope = AgentScope()
        scope.agentIDs.insert(agentID)
        let peripheral = configuration.peripheralID
        let own = objects[.agent(peripheral: peripheral, agentID: agentID)]
        for value in own?.array(.skillGroups) ?? [] {
            if let number = value.arguments?.integer(.skillGroupNumber) { scope.skillGroups.insert(UInt32(clamping: number)) }
        }
        if own?.boolean(.isSupervisor) == true {
            scope.isSupervisor = true
            for (id, properties) in objects where id.kind == .team {
                let members = properties[Key.teamMembers]?.array ?? []
                let supervises = members.contains {
                    $0.arguments?.string(.agentID) == agentID && $0.arguments?.boolean(.isSupervisor) == true
                }
                guard supervises, let team = UInt32(id.parts[0]) else { continue }
                scope.teams.insert(team)
                for member in members { if let id = member.arguments?.string(.agentID) { scope.agentIDs.insert(id) } }
            }
        }
        for id in scope.agentIDs {
            guard let agent = objects[.agent(peripheral: peripheral, agentID: id)] else { continue }
            if let device = agent.string(.agentInstrument) { scope.devices.insert(device) }
            if let device = agent.string(.agentExtension) { scope.devices.insert(device) }
        }
        return scope
    }

    /// Whether a client in `mode` may see the object now.
    public func isVisible(_ id: UniqueObjectID, to mode: ClientMode) -> Bool {
        switch mode {
        case .agent(let agentID): agentScope(for: agentID).contains(id)
        case .monitor(let filter): objects[id].map(filter.matches) ?? false
        }
    }

    /// The objects a client in `mode` may see now.
    public func visibleObjects(for mode: ClientMode) -> [UniqueObjectID: Arguments] {
        switch mode {
        case .agent(let agentID):
            let scope = agentScope(for: agentID)
            return objects.filter { scope.contains($0.key) }
        case .monitor(let filter):
            return objects.filter { filter.matches($0.value) }
        }
    }

    /// A client's initial snapshot: the objects it may see; the view now has them.
    public func snapshot(for view: inout ClientView) -> [UniqueObjectID: Arguments] {
        if case .agent(let agentID) = view.mode { view.scope = agentScope(for: agentID) }
        let visible = visibleObjects(for: view.mode)
        view.known = Set(visible.keys)
        return visible
    }

    /// Filters a batch this store just produced (or applied) for one client: the changes to objects it may see
    /// (an object that comes into view is sent whole, one that leaves it is deleted) and the events it may see.
    /// Same stamp as the batch; `nil` when nothing is for this client. Call it in batch order, right after the
    /// batch, since visibility is worked out from the store's objects now. (Replaying older batches this way after
    /// a reconnect ends with the client holding exactly what it may see now.)
    public func filter(_ batch: ChangeBatch, for view: inout ClientView) -> ChangeBatch? {
        filter(PreparedBatch(batch), for: &view)
    }

    /// The same filtering, for a batch prepared once for many clients (``PreparedBatch``).
    public func filter(_ prepared: PreparedBatch, for view: inout ClientView) -> ChangeBatch? {
        let batch = prepared.batch
        var scopeChanged = false
        // The common case of many agent-mode clients: a batch about others is skipped at once.
        if case .agent = view.mode, let scope = view.scope, !prepared.hasSessionEvent,
           !prepared.keys.contains(where: scope.isInterested) {
            return nil
        }
        if case .agent(let agentID) = view.mode {
            let stale = view.scope.map { scope in prepared.changeIDs.contains { $0.map(scope.dependsOn) ?? false } } ?? true
            if stale {
                let scope = agentScope(for: agentID)
                scopeChanged = view.scope != nil && scope != view.scope
                view.scope = scope
            }
        }
        let knownBefore = view.known
        var changes: [ObjectChange] = []
        for (index, change) in batch.changes.enumerated() {
            guard let id = prepared.changeIDs[index] else { continue }
            let known = view.known.contains(id)
            switch change {
            case .deleted:
                if known {
                    changes.append(change)
                    view.known.remove(id)
                }
            case .created, .updated:
                // Agent mode decides by ID alone; the properties are looked up only when needed.
                var current: Arguments?
                let visible: Bool
                switch view.mode {
                case .agent:
                    visible = view.scope?.contains(id) ?? false
                    if !visible && !known { continue }
                    if visible && !known { current = objects[id] }
                case .monitor(let filter):
                    current = objects[id]
                    visible = current.map(filter.matches) ?? false
                }
                if visible, known {
                    changes.append(change)
                } else if visible, let current {
                    changes.append(.created(objectID: change.objectID, properties: current))
                    view.known.insert(id)
                } else if known {
                    changes.append(.deleted(objectID: change.objectID))
                    view.known.remove(id)
                }
            }
        }
        if scopeChanged, let scope = view.scope {
            for (id, properties) in objects.sorted(by: { $0.key < $1.key }) where scope.contains(id) && !view.known.contains(id) {
                changes.append(.created(objectID: id.description, properties: properties))
                view.known.insert(id)
            }
            for id in view.known.sorted() where !scope.contains(id) {
                changes.append(.deleted(objectID: id.description))
                view.known.remove(id)
            }
        }
        var events: [WireEvent] = []
        for (index, event) in batch.events.enumerated() {
            guard prepared.eventHasID[index] else {
                events.append(event)
                continue
            }
            guard let id = prepared.eventIDs[index] else { continue }
            switch view.mode {
            case .agent:
                if view.scope?.contains(id) == true { events.append(event) }
            case .monitor(let filter):
                if knownBefore.contains(id) || view.known.contains(id) || filter.matches(event) { events.append(event) }
            }
        }
        guard !changes.isEmpty || !events.isEmpty else { return nil }
        return ChangeBatch(epoch: batch.epoch, sequence: batch.sequence, events: events, changes: changes)
    }

}
