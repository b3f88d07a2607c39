import CTIOSWire
import GED188

// The store's typed view of each object. Apply works on these (cheap comparisons, no key lookups), and only the
// properties that changed are written into the objects' `Arguments`.

/// An agent's state in one of its skill groups.
struct AgentSkillGroup: Hashable, Sendable {
    var number: UInt32
    var state: AgentState
}

/// An agent as the store knows it: configuration (CONFIG_AGENT_EVENT, AGENT_TEAM_CONFIG_EVENT) and state
/// (AGENT_STATE_EVENT, QUERY_AGENT_STATE_CONF).
struct AgentRecord: Hashable, Sendable {
    var id: String
    var agentExtension: String?
    var instrument: String?
    var state: AgentState = .logout
    var reasonCode: UInt16 = 0
    var skillGroups: [AgentSkillGroup] = []
    var teamID: UInt32?
    /// AgentType 1 in the configuration.
    var configuredSupervisor = false
    /// Flagged as a supervisor (primary or not) in a team's AGENT_TEAM_CONFIG_EVENT.
    var teamSupervisor = false
    var firstName: String?
    var lastName: String?
    var loginName: String?
    var skillTargetID: UInt32?
    var mask: ButtonMask = []

    init(id: String) {
        self.id = id
    }

    var isSupervisor: Bool { configuredSupervisor || teamSupervisor }

    /// The state fields a client sees change with `OnAgentStateChange`.
    func sameState(as other: AgentRecord) -> Bool {
        state == other.state && reasonCode == other.reasonCode && skillGroups == other.skillGroups
    }

    func write(_ writer: inout PropertyWriter, since old: AgentRecord?, objectID: UniqueObjectID) {
        if writer.isFull {
            writer.properties[.uniqueObjectID] = .string(objectID.description)
            writer.properties[.peripheralID] = .integer(Int64(objectID.peripheralID))
            writer.properties[.agentID] = .string(id)
        }
        writer.string(.agentExtension, agentExtension, old?.agentExtension)
        writer.string(.agentInstrument, instrument, old?.instrument)
        writer.integer(.agentState, state.rawValue, old?.state.rawValue)
        writer.integer(.reasonCode, reasonCode, old?.reasonCode)
        writer.value(.skillGroups, changed: skillGroups != old?.skillGroups) {
            .array(skillGroups.map { group in
                var nested = Arguments()
                nested[.skillGroupNumber] = .integer(Int64(group.number))
                nested[.skillGroupState] = .integer(Int64(group.state.rawValue))
                return .arguments(nested)
            })
        }
        writer.integer(.teamID, teamID, old?.teamID)
        writer.boolean(.isSupervisor, isSupervisor, old?.isSupervisor ?? false)
        writer.string(.firstName, firstName, old?.firstName)
        writer.string(.lastName, lastName, old?.lastName)
        writer.string(.loginName, loginName, old?.loginName)
        writer.integer(.agentSkillTargetID, skillTargetID, old?.skillTargetID)
        writer.integer(.buttonEnablementMask, mask.rawValue, old?.mask.rawValue)
    }

    /// Reads an agent object's properties back (a backup rebuilding its typed view).
    init?(properties: Arguments) {
        guard let id = properties.string(.agentID) else { return nil }
        self.id = id
        agentExtension = properties.string(.agentExtension)
        instrument = properties.string(.agentInstrument)
        state = AgentState(rawValue: UInt16(clamping: properties.integer(.agentState) ?? 1))
        reasonCode = UInt16(clamping: properties.integer(.reasonCode) ?? 0)
        skillGroups = (properties.array(.skillGroups) ?? []).compactMap { value in
            guard let nested = value.arguments, let number = nested.integer(.skillGroupNumber) else { return nil }
            return AgentSkillGroup(number: UInt32(clamping: number),
                                   state: AgentState(rawValue: UInt16(clamping: nested.integer(.skillGroupState) ?? 0)))
        }
        teamID = properties.integer(.teamID).map { UInt32(clamping: $0) }
        configuredSupervisor = properties.boolean(.isSupervisor) ?? false
        firstName = properties.string(.firstName)
        lastName = properties.string(.lastName)
        loginName = properties.string(.loginName)
        skillTargetID = properties.integer(.agentSkillTargetID).map { UInt32(clamping: $0) }
        mask = ButtonMask(rawValue: UInt32(clamping: properties.integer(.buttonEnablementMask) ?? 0))
    }
}

/// A device's connection to a call; only agent devices and route points have one (external parties have no
/// object, so the store does not follow them).
struct ConnectionRecord: Hashable, Sendable {
    var device: String
    var state: LocalConnectionState
    /// The agent whose instrument the device is, when known.
    var agentID: String?
    var isAgentDevice: Bool
    var mask: ButtonMask = []
}

/// A call: its context, shared by every connection object, and the connections of agent devices and route points.
struct CallRecord: Hashable, Sendable {
    var id: UInt32
    var callType: CallType?
    var ani: String?
    var dnis: String?
    var dialedNumber: String?
    var callerEnteredDigits: String?
    /// CallVariable1 … CallVariable10 (index 0 is CallVariable1).
    var callVariables: [String?] = Array(repeating: nil, count: 10)
    var callWrapupData: String?
    /// ECC scalar variables, sorted by name (so that a replacement in another order is no change).
    var namedVariables: [NamedVariable] = []
    /// ECC array elements, sorted by name then index.
    var namedArrays: [NamedArrayElement] = []
    var skillGroupNumber: UInt32?
    var routerCallKeyDay: UInt32?
    var routerCallKeyCallID: UInt32?
    /// In the order they joined.
    var connections: [ConnectionRecord] = []

    init(id: UInt32) {
        self.id = id
    }

    func connectionIndex(_ device: String) -> Int? {
        connections.firstIndex { $0.device == device }
    }

    func connection(_ device: String) -> ConnectionRecord? {
        connections.first { $0.device == device }
    }

    /// Sets a call variable (1-based) when a value is given.
    mutating func setCallVariables(_ values: [String?], replacingAll: Bool) {
        for index in 0..<10 {
            let value = index < values.count ? values[index] : nil
            if replacingAll || value != nil { callVariables[index] = value }
        }
    }

    /// ECC variables replace by name, array elements by name and index.
    mutating func overlayECC(_ variables: [NamedVariable], _ elements: [NamedArrayElement]) {
        for variable in variables {
            if let index = namedVariables.firstIndex(where: { $0.name == variable.name }) {
                namedVariables[index] = variable
            } else {
                let position = namedVariables.firstIndex { $0.name > variable.name } ?? namedVariables.count
                namedVariables.insert(variable, at: position)
            }
        }
        for element in elements {
            if let index = namedArrays.firstIndex(where: { $0.name == element.name && $0.index == element.index }) {
                namedArrays[index] = element
            } else {
                let position = namedArrays.firstIndex { ($0.name, $0.index) > (element.name, element.index) } ?? namedArrays.count
                namedArrays.insert(element, at: position)
            }
        }
    }

    /// The ECC property: a nested set with each scalar variable as a string and each array as an array of
    /// strings by index (elements never set are empty strings); `nil` when the call has none.
    func eccValue() -> ArgumentValue? {
        guard !namedVariables.isEmpty || !namedArrays.isEmpty else { return nil }
        var ecc = Arguments()
        for variable in namedVariables { ecc.setValue(.string(variable.value), for: variable.name) }
        var start = 0
        while start < namedArrays.count {
            let name = namedArrays[start].name
            var end = start
            var values: [ArgumentValue] = []
            while end < namedArrays.count, namedArrays[end].name == name {
                let element = namedArrays[end]
                while values.count < Int(element.index) { values.append(.string("")) }
                values.append(.string(element.value))
                end += 1
            }
            ecc.setValue(.array(values), for: name)
            start = end
        }
        return .arguments(ecc)
    }

    /// Writes a connection object's properties: the call's context and the connection.
    func write(_ writer: inout PropertyWriter, connection: ConnectionRecord, since old: (call: CallRecord, connection: ConnectionRecord)?,
               objectID: UniqueObjectID) {
        if writer.isFull {
            writer.properties[.uniqueObjectID] = .string(objectID.description)
            writer.properties[.peripheralID] = .integer(Int64(objectID.peripheralID))
            writer.properties[.connectionCallID] = .integer(Int64(id))
            writer.properties[.connectionDeviceID] = .string(connection.device)
        }
        writer.integer(.localConnectionState, connection.state.rawValue, old?.connection.state.rawValue)
        writer.integer(.callType, callType?.rawValue, old?.call.callType?.rawValue)
        writer.string(.ani, ani, old?.call.ani)
        writer.string(.dnis, dnis, old?.call.dnis)
        writer.string(.dialedNumber, dialedNumber, old?.call.dialedNumber)
        writer.string(.callerEnteredDigits, callerEnteredDigits, old?.call.callerEnteredDigits)
        for index in 0..<10 {
            writer.string(Key.callVariables[index], callVariables[index], old?.call.callVariables[index])
        }
        writer.string(.callWrapupData, callWrapupData, old?.call.callWrapupData)
        writer.value(.eccVariables, changed: namedVariables != old?.call.namedVariables || namedArrays != old?.call.namedArrays) {
            eccValue()
        }
        writer.integer(.skillGroupNumber, skillGroupNumber, old?.call.skillGroupNumber)
        writer.integer(.routerCallKeyDay, routerCallKeyDay, old?.call.routerCallKeyDay)
        writer.integer(.routerCallKeyCallID, routerCallKeyCallID, old?.call.routerCallKeyCallID)
        writer.string(.agentID, connection.agentID, old?.connection.agentID)
        writer.integer(.buttonEnablementMask, connection.mask.rawValue, old?.connection.mask.rawValue)
    }

    /// Reads a call connection object's properties back: the call's context (from any of its objects) and the one
    /// connection.
    init?(properties: Arguments, objectID: UniqueObjectID) {
        guard let id = objectID.callID, let device = objectID.deviceID else { return nil }
        self.id = id
        callType = properties.integer(.callType).map { CallType(rawValue: UInt16(clamping: $0)) }
        ani = properties.string(.ani)
        dnis = properties.string(.dnis)
        dialedNumber = properties.string(.dialedNumber)
        callerEnteredDigits = properties.string(.callerEnteredDigits)
        for index in 0..<10 { callVariables[index] = properties[Key.callVariables[index]]?.string }
        callWrapupData = properties.string(.callWrapupData)
        if let ecc = properties.arguments(.eccVariables) {
            for (name, value) in ecc {
                if let text = value.string {
                    namedVariables.append(NamedVariable(name: name, value: text))
                } else if let values = value.array {
                    for (index, element) in values.enumerated() where index <= Int(UInt8.max) {
                        guard let text = element.string, !text.isEmpty else { continue }
                        namedArrays.append(NamedArrayElement(name: name, index: UInt8(index), value: text))
                    }
                }
            }
            namedVariables.sort { $0.name < $1.name }
            namedArrays.sort { ($0.name, $0.index) < ($1.name, $1.index) }
        }
        skillGroupNumber = properties.integer(.skillGroupNumber).map { UInt32(clamping: $0) }
        routerCallKeyDay = properties.integer(.routerCallKeyDay).map { UInt32(clamping: $0) }
        routerCallKeyCallID = properties.integer(.routerCallKeyCallID).map { UInt32(clamping: $0) }
        let agentID = properties.string(.agentID)
        connections = [ConnectionRecord(
            device: device,
            state: LocalConnectionState(rawValue: UInt16(clamping: properties.integer(.localConnectionState) ?? 0)),
            agentID: agentID, isAgentDevice: agentID != nil,
            mask: ButtonMask(rawValue: UInt32(clamping: properties.integer(.buttonEnablementMask) ?? 0)))]
    }
}

/// A skill group: configuration (CONFIG_SKILL_GROUP_EVENT) and the last statistics
/// (QUERY_SKILL_GROUP_STATISTICS_CONF).
struct SkillGroupRecord: Hashable, Sendable {
    var number: UInt32
    var skillGroupID: UInt32?
    var name: String?
    /// In the order of ``SkillGroupRecord/statisticsKeys``; empty until the first statistics arrive.
    var statistics: [UInt32] = []

    init(number: UInt32) {
        self.number = number
    }

    /// The statistics the store keeps, by Cisco's keyword, and where each comes from.
    static let statisticsFields: [(key: String, field: @Sendable (QuerySkillGroupStatisticsConf) -> UInt32)] = [
        (Keyword.agentsLoggedOn.name, { $0.agentsLoggedOn }),
        (Keyword.agentsAvailable.name, { $0.agentsAvail }),
        (Keyword.agentsNotReady.name, { $0.agentsNotReady }),
        (Key.agentsReady.name, { $0.agentsReady }),
        (Keyword.agentsTalking.name, { $0.agentsTalkingIn }),
        (Key.agentsTalkingOut.name, { $0.agentsTalkingOut }),
        (Key.agentsTalkingOther.name, { $0.agentsTalkingOther }),
        (Key.agentsWorkNotReady.name, { $0.agentsWorkNotReady }),
        (Key.agentsWorkReady.name, { $0.agentsWorkReady }),
        (Key.agentsBusyOther.name, { $0.agentsBusyOther }),
        (Key.agentsReserved.name, { $0.agentsReserved }),
        (Key.agentsHold.name, { $0.agentsHold }),
        (Keyword.callsQueuedNow.name, { $0.callsQNow }),
        (Key.callsQTimeNow.name, { $0.callsQTimeNow }),
        (Keyword.longestCallQueuedNow.name, { $0.longestCallQNow }),
        (Key.routerCallsQNow.name, { $0.routerCallsQNow }),
        (Key.longestRouterCallQNow.name, { $0.longestRouterCallQNow }),
    ]

    func write(_ writer: inout PropertyWriter, since old: SkillGroupRecord?, objectID: UniqueObjectID) {
        if writer.isFull {
            writer.properties[.uniqueObjectID] = .string(objectID.description)
            writer.properties[.peripheralID] = .integer(Int64(objectID.peripheralID))
            writer.properties[.skillGroupNumber] = .integer(Int64(number))
        }
        writer.integer(.skillGroupID, skillGroupID, old?.skillGroupID)
        writer.string(.skillGroupName, name, old?.name)
        guard writer.isFull || statistics != old?.statistics else { return }
        let previous = old?.statistics ?? []
        for (index, field) in Self.statisticsFields.enumerated() {
            writer.integer(field.key, index < statistics.count ? statistics[index] : nil,
                           index < previous.count ? previous[index] : nil)
        }
    }

    init?(properties: Arguments) {
        guard let number = properties.integer(.skillGroupNumber) else { return nil }
        self.number = UInt32(clamping: number)
        skillGroupID = properties.integer(.skillGroupID).map { UInt32(clamping: $0) }
        name = properties.string(.skillGroupName)
        let values = Self.statisticsFields.map { properties[$0.key]?.integer }
        if values.allSatisfy({ $0 != nil }) { statistics = values.map { UInt32(clamping: $0!) } }
    }
}

/// A member of a team.
struct TeamMemberRecord: Hashable, Sendable {
    var agentID: String
    var isSupervisor: Bool
}

/// An agent team (AGENT_TEAM_CONFIG_EVENT).
struct TeamRecord: Hashable, Sendable {
    var id: UInt32
    var name: String?
    var members: [TeamMemberRecord] = []

    init(id: UInt32) {
        self.id = id
    }

    func write(_ writer: inout PropertyWriter, since old: TeamRecord?, objectID: UniqueObjectID) {
        if writer.isFull {
            writer.properties[.uniqueObjectID] = .string(objectID.description)
            writer.properties[.peripheralID] = .integer(Int64(objectID.peripheralID))
            writer.properties[.teamID] = .integer(Int64(id))
        }
        writer.string(.teamName, name, old?.name)
        writer.value(Key.teamMembers, changed: members != old?.members) {
            .array(members.map { member in
                var nested = Arguments()
                nested[.agentID] = .string(member.agentID)
                nested[.isSupervisor] = .boolean(member.isSupervisor)
                return .arguments(nested)
            })
        }
    }

    init?(properties: Arguments) {
        guard let id = properties.integer(.teamID) else { return nil }
        self.id = UInt32(clamping: id)
        name = properties.string(.teamName)
        members = (properties[Key.teamMembers]?.array ?? []).compactMap { value in
            guard let nested = value.arguments, let agentID = nested.string(.agentID) else { return nil }
            return TeamMemberRecord(agentID: agentID, isSupervisor: nested.boolean(.isSupervisor) ?? false)
        }
    }
}
