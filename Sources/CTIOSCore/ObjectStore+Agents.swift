import CTIOSWire
import GED188

extension ObjectStore {
    /// Changes an agent (created when missing); the change is published at commit.
    mutating func changeAgent(_ id: String, _ body: (inout AgentRecord) -> Void) {
        touchAgent(id)
        var agent = domain.agents.removeValue(forKey: id) ?? AgentRecord(id: id)
        let previousInstrument = agent.instrument
        body(&agent)
        if let instrument = agent.instrument, instrument != previousInstrument {
            domain.agentDevices[instrument] = id
        }
        if let agentExtension = agent.agentExtension, (domain.agentDevices[agentExtension] ?? "").isEmpty {
            domain.agentDevices[agentExtension] = id
        }
        domain.agents[id] = agent
    }

    /// The agent an event names: by AgentID, else by its instrument.
    func agentID(_ id: String?, instrument: String?) -> String? {
        if let id, !id.isEmpty { return id }
        if let instrument, let agent = domain.agentDevices[instrument], !agent.isEmpty { return agent }
        return nil
    }

    func agentStateArguments(_ agent: AgentRecord, messageID: MessageType?) -> Arguments {
        var arguments = Arguments()
        if let messageID { arguments[.messageID] = .integer(Int64(messageID.rawValue)) }
        arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
        Self.put(&arguments, .agentExtension, agent.agentExtension)
        Self.put(&arguments, .agentInstrument, agent.instrument)
        arguments[.agentState] = .integer(Int64(agent.state.rawValue))
        arguments[.reasonCode] = .integer(Int64(agent.reasonCode))
        return arguments
    }

    mutating func applyAgentState(_ event: AgentStateEvent) {
        guard isOurs(event.peripheralID), let id = agentID(event.agentID, instrument: event.agentInstrument) else { return }
        let before = domain.agents[id]
        changeAgent(id) { agent in
            agent.state = event.agentState
            agent.reasonCode = event.eventReasonCode
            if let value = event.agentExtension, !value.isEmpty { agent.agentExtension = value }
            if let value = event.agentInstrument, !value.isEmpty { agent.instrument = value }
            if event.agentState == .logout {
                agent.skillGroups = []
            } else if !event.fltSkillGroups.isEmpty {
                agent.skillGroups = event.fltSkillGroups.compactMap { group in
                    group.number.map { AgentSkillGroup(number: UInt32(bitPattern: $0), state: group.state ?? event.agentState) }
                }
            } else if event.skillGroupNumber != GED188Protocol.nullID {
                // One event per skill group (a real CTI Server may send them so).
                let entry = AgentSkillGroup(number: event.skillGroupNumber, state: event.skillGroupState)
                if let index = agent.skillGroups.firstIndex(where: { $0.number == entry.number }) {
                    agent.skillGroups[index] = entry
                } else {
                    agent.skillGroups.append(entry)
                }
            }
        }
        guard let after = domain.agents[id], before.map({ !$0.sameState(as: after) }) ?? true else { return }
        var arguments = agentStateArguments(after, messageID: .agentStateEvent)
        Self.put(&arguments, .skillGroupNumber, number: event.skillGroupNumber)
        if event.skillGroupNumber != GED188Protocol.nullID {
            arguments[.skillGroupState] = .integer(Int64(event.skillGroupState.rawValue))
        }
        arguments[.stateDuration] = .integer(Int64(event.stateDuration))
        raiseAgentEvent(.onAgentStateChange, agent: id, arguments)
    }

    /// QUERY_AGENT_STATE_CONF: the agent's state and skill groups now. The confirmation carries no reason code: the
    /// store keeps the one it had while the state is unchanged, and takes `reasonCode` (or 0) when it changed.
    mutating func applyAgentStateConf(_ conf: QueryAgentStateConf, reasonCode: UInt16?) {
        guard let id = agentID(conf.agentID, instrument: conf.agentInstrument) else { return }
        let before = domain.agents[id]
        changeAgent(id) { agent in
            if let reasonCode {
                agent.reasonCode = reasonCode
            } else if agent.state != conf.agentState {
                agent.reasonCode = 0
            }
            agent.state = conf.agentState
            if let value = conf.agentExtension, !value.isEmpty { agent.agentExtension = value }
            if let value = conf.agentInstrument, !value.isEmpty { agent.instrument = value }
            agent.skillGroups = conf.agentState == .logout ? [] : conf.skillGroups.compactMap { group in
                group.number.map { AgentSkillGroup(number: $0, state: group.state ?? conf.agentState) }
            }
        }
        guard let after = domain.agents[id], before.map({ !$0.sameState(as: after) }) ?? true else { return }
        raiseAgentEvent(.onAgentStateChange, agent: id, agentStateArguments(after, messageID: nil))
    }

    mutating func applyPreCall(_ event: AgentPreCallEvent) {
        guard let id = agentID(event.agentID, instrument: event.agentInstrument) else { return }
        var call = CallRecord(id: 0)
        call.overlay(ani: event.ani, dnis: nil, dialedNumber: event.dialedNumber, callerEnteredDigits: event.callerEnteredDigits,
                     callVariables: [event.callVariable1, event.callVariable2, event.callVariable3, event.callVariable4,
                                     event.callVariable5, event.callVariable6, event.callVariable7, event.callVariable8,
                                     event.callVariable9, event.callVariable10],
                     callWrapupData: nil, namedVariables: event.namedVariables, namedArrays: event.namedArrays)
        call.setSkillGroup(event.skillGroupNumber)
        var arguments = Arguments()
        arguments[.messageID] = .integer(Int64(MessageType.agentPreCallEvent.rawValue))
        arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
        arguments[.agentInstrument] = .string(event.agentInstrument)
        Self.addContext(call, to: &arguments)
        if let day = event.routerCallKeyDay { arguments[.routerCallKeyDay] = .integer(Int64(day)) }
        if let key = event.routerCallKeyCallID { arguments[.routerCallKeyCallID] = .integer(Int64(key)) }
        raiseAgentEvent(.onAgentPrecallEvent, agent: id, arguments)
    }

    mutating func applyPreCallAbort(_ event: AgentPreCallAbortEvent) {
        guard let id = agentID(nil, instrument: event.agentInstrument) else { return }
        var arguments = Arguments()
        arguments[.messageID] = .integer(Int64(MessageType.agentPreCallAbortEvent.rawValue))
        arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
        arguments[.agentInstrument] = .string(event.agentInstrument)
        if let day = event.routerCallKeyDay { arguments[.routerCallKeyDay] = .integer(Int64(day)) }
        if let key = event.routerCallKeyCallID { arguments[.routerCallKeyCallID] = .integer(Int64(key)) }
        raiseAgentEvent(.onAgentPrecallAbortEvent, agent: id, arguments)
    }

    mutating func applyEmergencyCall(_ event: EmergencyCallEvent) {
        guard isOurs(event.peripheralID), let id = agentID(event.agentID, instrument: event.agentInstrument) else { return }
        var arguments = Arguments()
        arguments[.messageID] = .integer(Int64(MessageType.emergencyCallEvent.rawValue))
        arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
        Self.put(&arguments, .connectionCallID, number: event.connectionCallID)
        Self.put(&arguments, .connectionDeviceID, event.connectionDeviceID)
        Self.put(&arguments, .agentExtension, event.agentExtension)
        Self.put(&arguments, .agentInstrument, event.agentInstrument)
        raiseAgentEvent(.onEmergencyCall, agent: id, arguments)
    }
}
