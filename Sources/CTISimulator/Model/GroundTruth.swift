import GED188

/// Everything the simulator knows, as `/v1/state` reports it: the truth every client's view is compared with.
/// Agents, calls and skill groups are in a stable order (by ID), so two equal states print the same.
public struct GroundTruth: Codable, Hashable, Sendable {
    /// Increases with every change; two reads with the same version saw the same state.
    public var version: UInt64
    public var timeMilliseconds: Int64
    public var peripheralID: UInt32
    public var peripheralOnline: Bool
    public var agents: [Agent]
    public var calls: [Call]
    public var skillGroups: [SkillGroup]

    public struct Agent: Codable, Hashable, Sendable {
        public var id: String
        public var `extension`: String
        public var state: AgentState
        public var reasonCode: UInt16
        public var team: UInt32?
        public var isSupervisor: Bool
        public var isReserved: Bool
        /// The agent's state in each skill group it is logged in to.
        public var skillGroups: [SkillGroupState]
        /// The calls at the agent's device.
        public var calls: [UInt32]
    }

    public struct SkillGroupState: Codable, Hashable, Sendable {
        public var number: UInt32
        public var state: AgentState
    }

    public struct Call: Codable, Hashable, Sendable {
        public var id: UInt32
        public var type: CallType
        public var ani: String
        public var dnis: String
        public var dialedNumber: String
        public var callVariables: [String?]
        public var callWrapupData: String?
        public var namedVariables: [NamedVariable]
        public var namedArrays: [NamedArrayElement]
        public var skillGroup: UInt32?
        public var connections: [Connection]
    }

    public struct Connection: Codable, Hashable, Sendable {
        public var deviceID: String
        public var state: LocalConnectionState
        public var agentID: String?
    }

    public struct SkillGroup: Codable, Hashable, Sendable {
        public var number: UInt32
        public var skillTargetID: UInt32
        public var name: String
        public var queuedCalls: [UInt32]
        public var agentsLoggedOn: Int
        public var agentsAvailable: Int
    }
}

extension ContactCenter {
    /// The whole state now.
    public func groundTruth() -> GroundTruth {
        GroundTruth(
            version: version, timeMilliseconds: now.milliseconds, peripheralID: configuration.peripheralID,
            peripheralOnline: peripheralOnline,
            agents: agents.indices.map { index in
                let agent = agents[index]
                return GroundTruth.Agent(
                    id: agent.id, extension: agent.configuration.extension, state: agent.state,
                    reasonCode: agent.reasonCode, team: agent.configuration.team,
                    isSupervisor: agent.configuration.isSupervisor, isReserved: agent.configuration.isReserved,
                    skillGroups: agent.loggedInSkillGroups.map {
                        GroundTruth.SkillGroupState(number: $0, state: agentState(index, inSkillGroup: $0))
                    },
                    calls: agent.calls)
            },
            calls: calls.keys.sorted().compactMap { id in
                calls[id].map { call in
                    GroundTruth.Call(
                        id: call.id, type: call.type, ani: call.ani, dnis: call.dnis, dialedNumber: call.dialedNumber,
                        callVariables: call.callVariables, callWrapupData: call.callWrapupData,
                        namedVariables: call.namedVariables, namedArrays: call.namedArrays, skillGroup: call.skillGroup,
                        connections: call.connections.map {
                            GroundTruth.Connection(deviceID: $0.deviceID, state: $0.state, agentID: $0.agentID)
                        })
                }
            },
            skillGroups: configuration.skillGroups.map { group in
                let members = agents.filter { $0.loggedInSkillGroups.contains(group.number) }
                return GroundTruth.SkillGroup(
                    number: group.number, skillTargetID: group.skillTargetID, name: group.name,
                    queuedCalls: queues[group.number] ?? [], agentsLoggedOn: members.count,
                    agentsAvailable: members.filter { $0.state == .available }.count)
            })
    }
}
