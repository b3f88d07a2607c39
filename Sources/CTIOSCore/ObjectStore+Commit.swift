import CTIOSWire
import GED188

/// What one message changed so far: the records it touched (with their state before it), and the events it
/// raised. Kept in the store and reset for each message, so applying allocates little.
struct Transaction: Sendable {
    var calls: [(id: UInt32, original: CallRecord?)] = []
    var agents: [(id: String, original: AgentRecord?)] = []
    var skillGroups: [(number: UInt32, original: SkillGroupRecord?)] = []
    var teams: [(id: UInt32, original: TeamRecord?)] = []
    /// OnCallBegin of new call objects.
    var leading: [WireEvent] = []
    /// The message's own events.
    var main: [WireEvent] = []
    /// OnButtonEnablementChange.
    var buttons: [WireEvent] = []
    /// OnCallEnd of call objects that are gone.
    var ends: [WireEvent] = []
    var changes: [ObjectChange] = []
    /// Every mask must be worked out again (the CTI Server or the peripheral went offline or came back).
    var refreshAllMasks = false
    var devices: [String] = []

    mutating func reset() {
        calls.removeAll(keepingCapacity: true)
        agents.removeAll(keepingCapacity: true)
        skillGroups.removeAll(keepingCapacity: true)
        teams.removeAll(keepingCapacity: true)
        leading.removeAll(keepingCapacity: true)
        main.removeAll(keepingCapacity: true)
        buttons.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        changes.removeAll(keepingCapacity: true)
        devices.removeAll(keepingCapacity: true)
        refreshAllMasks = false
    }

    func originalCall(_ id: UInt32) -> CallRecord?? {
        calls.first { $0.id == id }.map(\.original)
    }

    func originalAgent(_ id: String) -> AgentRecord?? {
        agents.first { $0.id == id }.map(\.original)
    }
}

extension ObjectStore {
    // MARK: Touching records

    /// Remembers a call's record before the message changes it (once per message).
    mutating func touchCall(_ id: UInt32) {
        guard !transaction.calls.contains(where: { $0.id == id }) else { return }
        transaction.calls.append((id, domain.calls[id]))
    }

    mutating func touchAgent(_ id: String) {
        guard !transaction.agents.contains(where: { $0.id == id }) else { return }
        transaction.agents.append((id, domain.agents[id]))
    }

    mutating func touchSkillGroup(_ number: UInt32) {
        guard !transaction.skillGroups.contains(where: { $0.number == number }) else { return }
        transaction.skillGroups.append((number, domain.skillGroups[number]))
    }

    mutating func touchTeam(_ id: UInt32) {
        guard !transaction.teams.contains(where: { $0.id == id }) else { return }
        transaction.teams.append((id, domain.teams[id]))
    }

    /// Changes a call (created when missing); the change is published at commit.
    mutating func changeCall(_ id: UInt32, _ body: (inout CallRecord, Domain) -> Void) {
        touchCall(id)
        var call = domain.calls.removeValue(forKey: id) ?? CallRecord(id: id)
        body(&call, domain)
        domain.calls[id] = call
    }

    /// Changes a call only when the store has it.
    mutating func changeExistingCall(_ id: UInt32, _ body: (inout CallRecord, Domain) -> Void) {
        guard domain.calls[id] != nil else { return }
        changeCall(id, body)
    }

    mutating func removeCall(_ id: UInt32) {
        guard domain.calls[id] != nil else { return }
        touchCall(id)
        domain.calls[id] = nil
    }

    // MARK: Object IDs

    func agentObjectID(_ agentID: String) -> UniqueObjectID {
        .agent(peripheral: configuration.peripheralID, agentID: agentID)
    }

    func callObjectID(_ callID: UInt32, _ device: String) -> UniqueObjectID {
        .call(peripheral: configuration.peripheralID, callID: callID, device: device)
    }

    /// The objects of a call before the message and after it (each once): who raises the message's call event.
    func callTargets(_ id: UInt32) -> [(id: UniqueObjectID, agentID: String?)] {
        var targets: [(id: UniqueObjectID, agentID: String?)] = []
        var devices: [String] = []
        let original = transaction.originalCall(id) ?? domain.calls[id]
        for connection in original?.connections ?? [] {
            devices.append(connection.device)
            targets.append((callObjectID(id, connection.device), connection.agentID))
        }
        for connection in domain.calls[id]?.connections ?? [] where !devices.contains(connection.device) {
            targets.append((callObjectID(id, connection.device), connection.agentID))
        }
        return targets
    }

    /// Raises a call event on every object of the call (before or after the message).
    mutating func raiseCallEvent(_ name: EventName, call id: UInt32, _ arguments: Arguments) {
        for target in callTargets(id) {
            var event = arguments
            event[.uniqueObjectID] = .string(target.id.description)
            if let agentID = target.agentID { event[.agentID] = .string(agentID) }
            transaction.main.append(WireEvent(name: name.rawValue, arguments: event))
        }
    }

    /// Raises an agent event on the agent's object.
    mutating func raiseAgentEvent(_ name: EventName, agent agentID: String, _ arguments: Arguments) {
        var event = arguments
        event[.uniqueObjectID] = .string(agentObjectID(agentID).description)
        event[.agentID] = .string(agentID)
        transaction.main.append(WireEvent(name: name.rawValue, arguments: event))
    }

    // MARK: Commit

    /// Works out the masks the message changed, writes every touched object's changed properties and stamps the
    /// batch.
    mutating func commit() -> ChangeBatch? {
        updateDeviceIndex()
        refreshMasks()
        publishCalls()
        publishAgents()
        publishSkillGroups()
        publishTeams()
        let transaction = transaction
        guard !transaction.changes.isEmpty || !transaction.main.isEmpty || !transaction.leading.isEmpty
                || !transaction.buttons.isEmpty || !transaction.ends.isEmpty else { return nil }
        var events = transaction.leading
        events += transaction.main
        events += transaction.buttons
        events += transaction.ends
        return stamp(events: events, changes: transaction.changes)
    }

    /// Stamps a batch with the next sequence and keeps it in the backlog.
    mutating func stamp(events: [WireEvent], changes: [ObjectChange]) -> ChangeBatch {
        sequence += 1
        let batch = ChangeBatch(epoch: epoch, sequence: sequence, events: events, changes: changes)
        log.append(batch)
        return batch
    }

    private mutating func noteDevice(_ device: String) {
        if !transaction.devices.contains(device) { transaction.devices.append(device) }
    }

    /// Keeps `deviceCalls` in step with the touched calls and notes every device whose connections changed.
    private mutating func updateDeviceIndex() {
        for (id, original) in transaction.calls {
            let current = domain.calls[id]
            for old in original?.connections ?? [] where current?.connection(old.device) == nil {
                domain.deviceCalls[old.device]?.removeAll { $0 == id }
                if domain.deviceCalls[old.device]?.isEmpty == true { domain.deviceCalls[old.device] = nil }
                noteDevice(old.device)
            }
            for connection in current?.connections ?? [] {
                if let old = original?.connection(connection.device) {
                    if old.state != connection.state { noteDevice(connection.device) }
                } else {
                    domain.deviceCalls[connection.device, default: []].append(id)
                    noteDevice(connection.device)
                }
            }
        }
        for (id, _) in transaction.agents {
            if let device = domain.agents[id].flatMap({ $0.instrument ?? $0.agentExtension }) { noteDevice(device) }
        }
    }

    private mutating func refreshMasks() {
        if transaction.refreshAllMasks {
            for device in domain.deviceCalls.keys.sorted() { noteDevice(device) }
            for id in domain.agents.keys.sorted() { refreshAgentMask(id) }
        }
        for (id, _) in transaction.agents { refreshAgentMask(id) }
        var index = 0
        while index < transaction.devices.count {
            refreshMasks(at: transaction.devices[index])
            index += 1
        }
    }

    /// Works out the masks of every connection at a device, and of its agent.
    private mutating func refreshMasks(at device: String) {
        let online = isOnline
        let ids = domain.deviceCalls[device] ?? []
        if !ids.isEmpty {
            let states = ids.map { domain.calls[$0]?.connection(device)?.state ?? .null }
            for (position, id) in ids.enumerated() {
                guard let index = domain.calls[id]?.connectionIndex(device) else { continue }
                let connection = domain.calls[id]!.connections[index]
                let others = states.enumerated().lazy.filter { $0.offset != position }.map(\.element)
                let mask = ButtonEnablement.call(state: connection.state, isAgentDevice: connection.isAgentDevice,
                                                 otherStates: others, online: online)
                if mask != connection.mask {
                    touchCall(id)
                    domain.calls[id]!.connections[index].mask = mask
                }
            }
        }
        if let agentID = domain.agentDevices[device], !agentID.isEmpty { refreshAgentMask(agentID) }
    }

    mutating func refreshAgentMask(_ agentID: String) {
        guard let agent = domain.agents[agentID] else { return }
        let device = agent.instrument ?? agent.agentExtension
        let states = device.map { domain.states(at: $0) } ?? []
        let mask = ButtonEnablement.agent(state: agent.state, callStates: states, online: isOnline)
        if mask != agent.mask {
            touchAgent(agentID)
            domain.agents[agentID]!.mask = mask
        }
    }

    // MARK: Publishing

    private mutating func buttonEvent(_ id: UniqueObjectID, _ mask: ButtonMask, agentID: String?) {
        var arguments = Arguments()
        arguments[.uniqueObjectID] = .string(id.description)
        if let agentID { arguments[.agentID] = .string(agentID) }
        arguments[.buttonEnablementMask] = .integer(Int64(mask.rawValue))
        transaction.buttons.append(WireEvent(name: EventName.onButtonEnablementChange.rawValue, arguments: arguments))
    }

    /// Writes a property change into the object and the batch.
    private mutating func publish(_ id: UniqueObjectID, _ writer: PropertyWriter) {
        guard !writer.isEmpty else { return }
        let text = id.description
        if writer.isFull {
            objects[id] = writer.properties
            transaction.changes.append(.created(objectID: text, properties: writer.properties))
        } else {
            for (key, value) in writer.properties { objects[id]?.setValue(value, for: key) }
            for key in writer.removed { objects[id]?.removeValue(for: key) }
            transaction.changes.append(.updated(objectID: text, properties: writer.properties, removed: writer.removed))
        }
    }

    private mutating func delete(_ id: UniqueObjectID) {
        guard objects.removeValue(forKey: id) != nil else { return }
        transaction.changes.append(.deleted(objectID: id.description))
    }

    private mutating func publishCalls() {
        var index = 0
        while index < transaction.calls.count {
            let (id, original) = transaction.calls[index]
            index += 1
            let current = domain.calls[id]
            for old in original?.connections ?? [] where current?.connection(old.device) == nil {
                let objectID = callObjectID(id, old.device)
                delete(objectID)
                var arguments = Arguments()
                arguments[.uniqueObjectID] = .string(objectID.description)
                arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
                arguments[.connectionCallID] = .integer(Int64(id))
                arguments[.connectionDeviceID] = .string(old.device)
                if let agentID = old.agentID { arguments[.agentID] = .string(agentID) }
                transaction.ends.append(WireEvent(name: EventName.onCallEnd.rawValue, arguments: arguments))
            }
            guard let current else { continue }
            for connection in current.connections {
                let objectID = callObjectID(id, connection.device)
                if let original, let old = original.connection(connection.device) {
                    var writer = PropertyWriter(full: false)
                    current.write(&writer, connection: connection, since: (original, old), objectID: objectID)
                    publish(objectID, writer)
                    if connection.mask != old.mask { buttonEvent(objectID, connection.mask, agentID: connection.agentID) }
                } else {
                    var writer = PropertyWriter(full: true)
                    current.write(&writer, connection: connection, since: nil, objectID: objectID)
                    publish(objectID, writer)
                    var arguments = Arguments()
                    arguments[.uniqueObjectID] = .string(objectID.description)
                    arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
                    arguments[.connectionCallID] = .integer(Int64(id))
                    arguments[.connectionDeviceID] = .string(connection.device)
                    if let callType = current.callType { arguments[.callType] = .integer(Int64(callType.rawValue)) }
                    if let agentID = connection.agentID { arguments[.agentID] = .string(agentID) }
                    transaction.leading.append(WireEvent(name: EventName.onCallBegin.rawValue, arguments: arguments))
                    if !connection.mask.isEmpty { buttonEvent(objectID, connection.mask, agentID: connection.agentID) }
                }
            }
        }
    }

    private mutating func publishAgents() {
        for (id, original) in transaction.agents {
            let objectID = agentObjectID(id)
            guard let current = domain.agents[id] else {
                if original != nil { delete(objectID) }
                continue
            }
            var writer = PropertyWriter(full: original == nil)
            current.write(&writer, since: original, objectID: objectID)
            publish(objectID, writer)
            if current.mask != (original?.mask ?? []) { buttonEvent(objectID, current.mask, agentID: id) }
        }
    }

    private mutating func publishSkillGroups() {
        for (number, original) in transaction.skillGroups {
            let objectID = UniqueObjectID.skillGroup(peripheral: configuration.peripheralID, number: number)
            guard let current = domain.skillGroups[number] else {
                if original != nil { delete(objectID) }
                continue
            }
            var writer = PropertyWriter(full: original == nil)
            current.write(&writer, since: original, objectID: objectID)
            publish(objectID, writer)
        }
    }

    private mutating func publishTeams() {
        for (id, original) in transaction.teams {
            let objectID = UniqueObjectID.team(peripheral: configuration.peripheralID, teamID: id)
            guard let current = domain.teams[id] else {
                if original != nil { delete(objectID) }
                continue
            }
            var writer = PropertyWriter(full: original == nil)
            current.write(&writer, since: original, objectID: objectID)
            publish(objectID, writer)
        }
    }
}
