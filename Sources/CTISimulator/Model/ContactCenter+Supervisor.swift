import GED188

extension ContactCenter {
    /// The agents of a team, supervisors included, in configuration order.
    func teamMembers(_ team: UInt32) -> [Int] {
        agents.indices.filter { agents[$0].configuration.team == team }
    }

    /// The teams an agent supervises.
    public func teams(supervisedBy agentID: String) -> [UInt32] {
        configuration.teams.filter { $0.supervisorIDs.contains(agentID) }.map(\.id)
    }

    /// The agents of a team, by ID (for a session monitoring the team).
    public func teamAgentIDs(_ team: UInt32) -> [String] { teamMembers(team).map { agents[$0].id } }

    /// AGENT_TEAM_CONFIG_EVENT describing a team's members now.
    public func teamConfigEvent(_ team: UInt32) -> AgentTeamConfigEvent? {
        guard let configuration = configuration.teams.first(where: { $0.id == team }) else { return nil }
        return AgentTeamConfigEvent(
            peripheralID: self.configuration.peripheralID, teamID: team, configOperation: .restorePermanentConfig,
            departmentID: 0, agentTeamName: configuration.name,
            agents: teamMembers(team).map { index in
                let agent = agents[index]
                return TeamMember(agentID: agent.id,
                                  flags: configuration.supervisorIDs.first == agent.id ? 0x1
                                      : (configuration.supervisorIDs.contains(agent.id) ? 0x4 : 0),
                                  state: agent.state, stateDuration: (now - agent.stateSince).wholeSeconds)
            })
    }

    /// The first logged-in supervisor of an agent's team.
    func supervisor(of index: Int) -> Int? {
        guard let team = agents[index].configuration.team,
              let configuration = configuration.teams.first(where: { $0.id == team }) else { return nil }
        return configuration.supervisorIDs.compactMap { agentIndex(id: $0) }
            .first { agents[$0].isLoggedIn && $0 != index }
    }

    mutating func supervise(_ r: SuperviseCallReq, _ context: RequestContext) -> Answer {
        let supervisorIndex: Int
        switch resolveAgent(device: r.supervisorInstrument, context: context) {
        case .found(let found): supervisorIndex = found
        case .refused(let code): return (r.invokeID, .controlFailure(code), "no supervisor at \(r.supervisorInstrument ?? "-")")
        }
        let supervisor = agents[supervisorIndex]
        guard supervisor.configuration.isSupervisor, supervisor.isLoggedIn else {
            return (r.invokeID, .controlFailure(.privilegeViolationOnSpecifiedDevice), "\(supervisor.id) is not a logged-in supervisor")
        }
        let target = agentIndex(id: r.agentID ?? "") ?? agentIndex(forDevice: r.agentInstrument ?? r.agentExtension ?? r.agentConnectionDeviceID ?? "")
        guard let target else { return (r.invokeID, .controlFailure(.invalidAgentIdSpecified), "no supervised agent") }
        guard teams(supervisedBy: supervisor.id).contains(agents[target].configuration.team ?? 0) else {
            return (r.invokeID, .controlFailure(.privilegeViolationOnSpecifiedDevice), "\(supervisor.id) does not supervise \(agents[target].id)")
        }
        let callID = r.agentConnectionCallID == GED188Protocol.nullID ? agents[target].calls.last : r.agentConnectionCallID
        guard let callID, let call = calls[callID], call.connection(at: agents[target].instrument) != nil else {
            return (r.invokeID, .controlFailure(.noActiveCall), "agent \(agents[target].id) has no such call")
        }
        let device = supervisor.instrument
        let onCall = call.connection(at: device) != nil
        let cause: EventCause
        switch r.supervisoryAction {
        case .supervisorClear:
            guard onCall else { return (r.invokeID, .controlFailure(.noConnectionToClear), "supervisor not on call \(callID)") }
            clearConnection(callID: callID, device: device, cause: .supervisorClear)
            return (r.invokeID, .confirmed(.superviseCallConf(conf(r, callID, target))), "\(supervisor.id) left call \(callID)")
        case .supervisorMonitor: cause = .supervisorMonitor
        case .supervisorWhisper: cause = .supervisorWhisper
        case .supervisorBargeIn: cause = .supervisorBargeIn
        case .supervisorIntercept: cause = .supervisorIntercept
        default: return (r.invokeID, .controlFailure(.valueOutOfRange), "unknown supervisory action \(r.supervisoryAction)")
        }
        guard onCall || supervisor.calls.isEmpty else {
            return (r.invokeID, .controlFailure(.resourceBusy), "supervisor \(supervisor.id) is on another call")
        }
        join(supervisor: supervisorIndex, callID: callID, cause: cause)
        if r.supervisoryAction == .supervisorIntercept {
            clearConnection(callID: callID, device: agents[target].instrument, cause: .supervisorIntercept)
        }
        return (r.invokeID, .confirmed(.superviseCallConf(conf(r, callID, target))),
                "\(supervisor.id) \(r.supervisoryAction) on call \(callID) of agent \(agents[target].id)")
    }

    private func conf(_ r: SuperviseCallReq, _ callID: UInt32, _ target: Int) -> SuperviseCallConf {
        SuperviseCallConf(invokeID: r.invokeID, connectionCallID: callID, connectionDeviceIDType: .static,
                          connectionDeviceID: agents[target].instrument)
    }

    /// The supervisor joins (or changes how it is on) an agent's call: CALL_CONFERENCED with the supervisory cause.
    private mutating func join(supervisor index: Int, callID: UInt32, cause: EventCause) {
        guard var call = calls[callID] else { return }
        let device = agents[index].instrument
        if call.connection(at: device) == nil {
            call.connections.append(CallConnection(deviceID: device, deviceType: .deviceIdentifier, state: .connect,
                                                   agentID: agents[index].id))
            agents[index].calls.append(callID)
        }
        calls[callID] = call
        emit(.callConferencedEvent(CallConferencedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            primaryDeviceIDType: .static, primaryCallID: callID, lineHandle: 0, lineType: .supervisor,
            secondaryDeviceIDType: .static, secondaryCallID: callID,
            controllerDeviceType: .deviceIdentifier, addedPartyDeviceType: .deviceIdentifier,
            localConnectionState: .connect, eventCause: cause,
            primaryDeviceID: device, secondaryDeviceID: device, controllerDeviceID: device, addedPartyDeviceID: device,
            connectedParties: parties(of: call))), agents: call.agentIDs)
        refreshAgentState(index)
    }

    mutating func emergencyCall(_ r: EmergencyCallReq, _ context: RequestContext) -> Answer {
        helpCall(invokeID: r.invokeID, agentID: r.agentID, device: r.agentInstrument ?? r.agentExtension ?? r.connectionDeviceID,
                 type: .emergency, context) { center, index, callID, new in
            center.emit(.emergencyCallEvent(EmergencyCallEvent(
                peripheralID: center.configuration.peripheralID, connectionCallID: new ?? callID ?? GED188Protocol.nullID,
                connectionDeviceIDType: .static, sessionID: center.agents[index].sessionID,
                connectionDeviceID: center.agents[index].instrument, clientID: "session-\(context.session)",
                agentExtension: center.agents[index].configuration.extension, agentID: center.agents[index].id,
                agentInstrument: center.agents[index].instrument)),
                        agents: [center.agents[index].id] + (center.supervisor(of: index).map { [center.agents[$0].id] } ?? []))
            guard let new else { return nil }
            return .emergencyCallConf(EmergencyCallConf(
                invokeID: r.invokeID, connectionCallID: new, connectionDeviceIDType: .static, lineHandle: 0,
                lineType: .supervisor, connectionDeviceID: center.agents[index].instrument))
        }
    }

    mutating func supervisorAssist(_ r: SupervisorAssistReq, _ context: RequestContext) -> Answer {
        helpCall(invokeID: r.invokeID, agentID: r.agentID, device: r.agentInstrument ?? r.agentExtension ?? r.connectionDeviceID,
                 type: .assist, context) { center, index, _, new in
            guard let new else { return nil }
            return .supervisorAssistConf(SupervisorAssistConf(
                invokeID: r.invokeID, connectionCallID: new, connectionDeviceIDType: .static, lineHandle: 0,
                lineType: .supervisor, connectionDeviceID: center.agents[index].instrument))
        }
    }

    /// Emergency and assist calls: the agent's active call is held and the team supervisor called.
    private mutating func helpCall(
        invokeID: UInt32, agentID: String?, device: String?, type: CallType, _ context: RequestContext,
        _ finish: (inout ContactCenter, Int, UInt32?, UInt32?) -> GED188Message?
    ) -> Answer {
        let index: Int
        switch resolveAgent(id: agentID, device: device, context: context) {
        case .found(let found): index = found
        case .refused(let code): return (invokeID, .controlFailure(code), "no such agent")
        }
        let active = agents[index].calls.last { calls[$0]?.connection(at: agents[index].instrument)?.state == .connect }
        guard let supervisor = supervisor(of: index), agents[supervisor].calls.isEmpty else {
            // The guide sends EMERGENCY_CALL_EVENT even when no supervisor can be called.
            if type == .emergency {
                _ = finish(&self, index, active, nil)
                return (invokeID, .controlFailure(.resourceOutOfService), "emergency raised by \(agents[index].id), no supervisor free")
            }
            return (invokeID, .controlFailure(.resourceOutOfService), "no supervisor free for \(agents[index].id)")
        }
        if let active { _ = hold(callID: active, device: agents[index].instrument) }
        let new = placeCall(from: index, to: agents[supervisor].instrument, type: type, context: self.context(of: active), consulting: active)
        guard let confirmation = finish(&self, index, active, new) else {
            return (invokeID, .controlFailure(.genericOperation), "no confirmation")
        }
        return (invokeID, .confirmed(confirmation), "\(type) call \(new) from \(agents[index].id) to supervisor \(agents[supervisor].id)")
    }

    mutating func listAgentTeams(_ r: ListAgentTeamReq) -> Answer {
        guard let supervisor = agents.first(where: { $0.configuration.skillTargetID == r.supervisorID }) else {
            return (r.invokeID, .controlFailure(.invalidAgentIdSpecified), "no supervisor with skill target ID \(r.supervisorID)")
        }
        return (r.invokeID, .confirmed(.listAgentTeamConf(ListAgentTeamConf(
            invokeID: r.invokeID, segmentNumber: 1, more: 0, teamIDs: teams(supervisedBy: supervisor.id)))),
                "listed the teams of \(supervisor.id)")
    }

    /// Takes the peripheral offline or back online (SYSTEM_EVENT PERIPHERAL_OFFLINE / ONLINE).
    public mutating func setPeripheralOnline(_ online: Bool) {
        guard online != peripheralOnline else { return }
        peripheralOnline = online
        emit(.systemEvent(systemEvent(online ? .peripheralOnline : .peripheralOffline)), agents: [])
        if online { for group in configuration.skillGroups { routeQueuedCalls(skillGroup: group.number) } }
    }

    /// The peripheral gateway's status now.
    public var pgStatus: PGStatus { peripheralOnline ? [] : .peripheralOffline }

    /// A SYSTEM_EVENT about this peripheral.
    public func systemEvent(_ id: SystemEventID) -> SystemEvent {
        SystemEvent(pgStatus: pgStatus, icmCentralControllerTime: wallClock, systemEventID: id,
                    systemEventArg1: configuration.peripheralID)
    }
}
