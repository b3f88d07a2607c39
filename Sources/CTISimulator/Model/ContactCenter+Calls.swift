import GED188

extension ContactCenter {
    // MARK: Inbound calls, queues and routing

    /// A caller dials `dialedNumber`: the call begins at the route point, queues to the number's skill group and is
    /// routed to the longest-available agent. Returns the call ID, or `nil` for a number that routes nowhere.
    @discardableResult
    public mutating func placeInboundCall(
        dialedNumber: String, ani: String, callVariables: [String?] = [], namedVariables: [NamedVariable] = [],
        namedArrays: [NamedArrayElement] = []
    ) -> UInt32? {
        guard let group = dialedNumbers[dialedNumber] else { return nil }
        let id = newCallID()
        var call = ModelCall(
            id: id, type: .acdIn, ani: ani, dnis: dialedNumber, dialedNumber: dialedNumber,
            routerCallKeyDay: routerCallKeyDay, routerCallKeyCallID: id, skillGroup: group, startedAt: now)
        for (index, value) in callVariables.prefix(10).enumerated() { call.callVariables[index] = value }
        call.namedVariables = namedVariables
        call.namedArrays = namedArrays
        call.connections = [
            CallConnection(deviceID: ani, deviceType: .external, state: .connect),
            CallConnection(deviceID: dialedNumber, deviceType: .routePoint, state: .queued),
        ]
        calls[id] = call
        emit(.beginCallEvent(beginCallEvent(call, device: dialedNumber)), agents: [])
        enqueue(callID: id, skillGroup: group, device: dialedNumber)
        return id
    }

    /// Queues a call to a skill group at `device` (the dialed number's route point) and routes it if it can.
    mutating func enqueue(callID: UInt32, skillGroup group: UInt32, device: String) {
        guard var call = calls[callID], let groupConfiguration = skillGroups[group] else { return }
        call.skillGroup = group
        call.queuedAt = now
        if call.connection(at: device) == nil {
            call.connections.append(CallConnection(deviceID: device, deviceType: .routePoint, state: .queued))
        }
        call.setState(.queued, at: device)
        calls[callID] = call
        queues[group, default: []].append(callID)
        emit(.callQueuedEvent(CallQueuedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID,
            queueDeviceType: .queue, callingDeviceType: .external, calledDeviceType: .routePoint,
            numQueued: UInt16(clamping: queues[group]?.count ?? 0),
            localConnectionState: .queued, eventCause: .notApplicable,
            connectionDeviceID: device, queueDeviceID: "\(group)", callingDeviceID: call.ani, calledDeviceID: call.dialedNumber,
            skillGroups: [QueuedSkillGroup(number: group, id: groupConfiguration.skillTargetID, priority: 0)]
        )), agents: [])
        routeQueuedCalls(skillGroup: group)
    }

    /// Routes the group's queued calls, oldest first, each to the agent available longest.
    mutating func routeQueuedCalls(skillGroup group: UInt32) {
        guard peripheralOnline else { return }
        while let callID = queues[group]?.first {
            guard let index = longestAvailableAgent(in: group) else { return }
            queues[group]?.removeFirst()
            deliverQueued(callID: callID, to: index, skillGroup: group)
        }
    }

    /// The agent of `group` that has been available longest (ties: the one that became available first).
    mutating func longestAvailableAgent(in group: UInt32) -> Int? {
        while let first = availableAgents[group]?.first {
            if isAvailable(first, in: group) { return first.agent }
            availableAgents[group]?.removeFirst()
        }
        return nil
    }

    /// Routes a queued call to an agent: the agent is reserved, told of the call (AGENT_PRE_CALL), the call leaves
    /// the queue and rings at the agent's device.
    mutating func deliverQueued(callID: UInt32, to index: Int, skillGroup group: UInt32) {
        guard var call = calls[callID], let queueDevice = call.connections.first(where: { $0.state == .queued })?.deviceID
        else { return }
        let agentID = agents[index].id
        agents[index].activeSkillGroup = group
        setAgentState(index, .reserved)
        emit(.agentPreCallEvent(agentPreCallEvent(call, agent: index)), agents: [agentID])
        call.queuedAt = nil
        emit(.callDequeuedEvent(CallDequeuedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID, queueDeviceType: .queue,
            numQueued: UInt16(clamping: queues[group]?.count ?? 0), localConnectionState: .null,
            eventCause: .notApplicable, connectionDeviceID: queueDevice,
            skillGroups: [QueuedSkillGroup(number: group, id: skillGroups[group]?.skillTargetID, priority: 0)]
        )), agents: [])
        call.removeConnection(at: queueDevice)
        calls[callID] = call
        ring(callID: callID, atAgent: index, redirectedFrom: queueDevice)
    }

    /// The call rings at an agent's device (CALL_DELIVERED, alerting).
    mutating func ring(callID: UInt32, atAgent index: Int, redirectedFrom previous: String? = nil, cause: EventCause = .newCall) {
        guard var call = calls[callID] else { return }
        let device = agents[index].instrument
        call.connections.append(CallConnection(deviceID: device, deviceType: .deviceIdentifier, state: .alerting,
                                               agentID: agents[index].id))
        calls[callID] = call
        agents[index].calls.append(callID)
        emit(.callDeliveredEvent(callDeliveredEvent(call, device: device, state: .alerting, cause: cause)),
             agents: call.agentIDs)
        if let previous {
            emit(.callConnectionClearedEvent(CallConnectionClearedEvent(
                peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
                connectionDeviceIDType: .static, connectionCallID: callID, releasingDeviceType: .routePoint,
                localConnectionState: .null, eventCause: .redirected,
                connectionDeviceID: previous, releasingDeviceID: previous)), agents: [])
        }
        refreshAgentState(index)
        plan(ringingCall: callID, at: index)
    }

    /// Ring no answer: the call goes back to its queue and the agent goes Not Ready (reason 32767).
    mutating func ringNoAnswer(agentIndex index: Int, callID: UInt32) {
        guard var call = calls[callID] else { return }
        let device = agents[index].instrument
        call.removeConnection(at: device)
        calls[callID] = call
        emit(.callDivertedEvent(CallDivertedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID,
            divertingDeviceType: .deviceIdentifier, calledDeviceType: .routePoint,
            localConnectionState: .null, eventCause: .callNotAnswered,
            connectionDeviceID: device, divertingDeviceID: device, calledDeviceID: call.dialedNumber)),
             agents: [agents[index].id])
        agents[index].afterCallState = .notReady
        agents[index].afterCallReason = 32_767
        refreshAgentState(index)
        if let group = call.skillGroup, call.type == .acdIn {
            enqueue(callID: callID, skillGroup: group, device: call.dialedNumber)
        } else {
            clearCall(callID, cause: .callNotAnswered)
        }
    }

    // MARK: Answer, hold, retrieve

    /// Answers the call ringing at the agent's device.
    mutating func answer(agentIndex index: Int, callID: UInt32) -> ControlFailureCode? {
        let device = agents[index].instrument
        guard let call = calls[callID], let connection = call.connection(at: device) else { return .invalidCstaCallIdentifier }
        guard connection.state == .alerting else { return .noCallToAnswer }
        establish(callID: callID, device: device)
        if call.type == .acdIn || call.type == .prerouteAcdIn { statistics[agents[index].id, default: AgentStatistics()].handledCalls += 1 }
        planTalk(callID: callID)
        return nil
    }

    /// The device at `device` answers (CALL_ESTABLISHED).
    mutating func establish(callID: UInt32, device: String) {
        guard var call = calls[callID] else { return }
        call.setState(.connect, at: device)
        // The caller that was waiting for the answer is connected too.
        for index in call.connections.indices where call.connections[index].state == .initiate {
            call.connections[index].state = .connect
        }
        calls[callID] = call
        emit(.callEstablishedEvent(CallEstablishedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID,
            lineHandle: 0, lineType: .inboundAcd,
            skillGroupNumber: call.skillGroup ?? GED188Protocol.nullID,
            skillGroupID: call.skillGroup.flatMap { skillGroups[$0]?.skillTargetID } ?? GED188Protocol.nullID,
            answeringDeviceType: agentIndex(forDevice: device) == nil ? .external : .deviceIdentifier,
            callingDeviceType: .external, calledDeviceType: .deviceIdentifier,
            localConnectionState: .connect, eventCause: .notApplicable,
            connectionDeviceID: device, answeringDeviceID: device, callingDeviceID: call.ani,
            calledDeviceID: call.dialedNumber)), agents: call.agentIDs)
        if let index = agentIndex(forDevice: device) { refreshAgentState(index) }
    }

    mutating func hold(callID: UInt32, device: String) -> ControlFailureCode? {
        guard var call = calls[callID], let connection = call.connection(at: device) else { return .invalidCstaCallIdentifier }
        guard connection.state == .connect else { return .noActiveCall }
        call.setState(.hold, at: device)
        calls[callID] = call
        if let index = agentIndex(forDevice: device) { statistics[agents[index].id, default: AgentStatistics()].heldCalls += 1 }
        emit(.callHeldEvent(CallHeldEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID, holdingDeviceType: .deviceIdentifier,
            localConnectionState: .hold, eventCause: .notApplicable,
            connectionDeviceID: device, holdingDeviceID: device)), agents: call.agentIDs)
        if let index = agentIndex(forDevice: device) { refreshAgentState(index) }
        return nil
    }

    mutating func retrieve(callID: UInt32, device: String) -> ControlFailureCode? {
        guard var call = calls[callID], let connection = call.connection(at: device) else { return .invalidCstaCallIdentifier }
        guard connection.state == .hold else { return .noHeldCall }
        call.setState(.connect, at: device)
        calls[callID] = call
        emit(.callRetrievedEvent(CallRetrievedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID, retrievingDeviceType: .deviceIdentifier,
            localConnectionState: .connect, eventCause: .notApplicable,
            connectionDeviceID: device, retrievingDeviceID: device)), agents: call.agentIDs)
        if let index = agentIndex(forDevice: device) { refreshAgentState(index) }
        return nil
    }

    // MARK: Release

    /// The external party (the caller, or the called number of an outbound call) hangs up.
    public mutating func releaseExternalParty(callID: UInt32) {
        guard let call = calls[callID],
              let external = call.connections.first(where: { $0.agentID == nil && $0.deviceType == .external })
        else { return }
        clearConnection(callID: callID, device: external.deviceID, cause: .notApplicable)
    }

    /// One device leaves the call (CALL_CONNECTION_CLEARED); a call left with fewer than two parties ends.
    mutating func clearConnection(callID: UInt32, device: String, cause: EventCause = .notApplicable) {
        guard var call = calls[callID], let connection = call.connection(at: device) else { return }
        call.removeConnection(at: device)
        call.timerGeneration &+= 1
        calls[callID] = call
        emit(.callConnectionClearedEvent(CallConnectionClearedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID,
            releasingDeviceType: connection.agentID == nil ? connection.deviceType : .deviceIdentifier,
            localConnectionState: .null, eventCause: cause,
            connectionDeviceID: device, releasingDeviceID: device)), agents: call.agentIDs + [connection.agentID].compactMap { $0 })
        if let agentID = connection.agentID, let index = agentIndex(id: agentID) {
            refreshAgentState(index)
        }
        if call.connections.filter({ $0.state != .queued }).count < 2 {
            clearCall(callID, cause: cause)
        }
    }

    /// The whole call ends: CALL_CLEARED, then END_CALL; every agent on it moves on.
    mutating func clearCall(_ callID: UInt32, cause: EventCause = .notApplicable) {
        guard let call = calls.removeValue(forKey: callID) else { return }
        for group in queues.keys.sorted() { queues[group]?.removeAll { $0 == callID } }
        let device = call.connections.first?.deviceID ?? call.dialedNumber
        let involved = call.agentIDs
        emit(.callClearedEvent(CallClearedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID,
            localConnectionState: .null, eventCause: cause, connectionDeviceID: device)), agents: involved)
        emit(.endCallEvent(EndCallEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: callID, connectionDeviceID: device)), agents: involved)
        for agentID in involved {
            if let index = agentIndex(id: agentID) { refreshAgentState(index) }
        }
    }

    // MARK: Event bodies

    func beginCallEvent(_ call: ModelCall, device: String) -> BeginCallEvent {
        BeginCallEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent, callType: call.type,
            connectionDeviceIDType: .static, connectionCallID: call.id, calledPartyDisposition: 0,
            connectionDeviceID: device, ani: call.ani, dnis: call.dnis, dialedNumber: call.dialedNumber,
            routerCallKeyDay: call.routerCallKeyDay, routerCallKeyCallID: call.routerCallKeyCallID,
            routerCallKeySequenceNumber: 0,
            callVariable1: call.callVariables[0], callVariable2: call.callVariables[1],
            callVariable3: call.callVariables[2], callVariable4: call.callVariables[3],
            callVariable5: call.callVariables[4], callVariable6: call.callVariables[5],
            callVariable7: call.callVariables[6], callVariable8: call.callVariables[7],
            callVariable9: call.callVariables[8], callVariable10: call.callVariables[9],
            callWrapupData: call.callWrapupData,
            namedVariables: call.namedVariables, namedArrays: call.namedArrays)
    }

    func callDeliveredEvent(_ call: ModelCall, device: String, state: LocalConnectionState, cause: EventCause) -> CallDeliveredEvent {
        CallDeliveredEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: call.id, lineHandle: 0, lineType: .inboundAcd,
            skillGroupNumber: call.skillGroup ?? GED188Protocol.nullID,
            skillGroupID: call.skillGroup.flatMap { skillGroups[$0]?.skillTargetID } ?? GED188Protocol.nullID,
            skillGroupPriority: 0,
            alertingDeviceType: agentIndex(forDevice: device) == nil ? .external : .deviceIdentifier,
            callingDeviceType: agentIndex(forDevice: call.ani) == nil ? .external : .deviceIdentifier,
            calledDeviceType: dialedNumbers[call.dialedNumber] != nil ? .routePoint : .deviceIdentifier,
            lastRedirectDeviceType: .notApplicable, localConnectionState: state, eventCause: cause,
            connectionDeviceID: device, alertingDeviceID: device, callingDeviceID: call.ani,
            calledDeviceID: call.dialedNumber, ani: call.ani, dnis: call.dnis, dialedNumber: call.dialedNumber,
            callVariable1: call.callVariables[0], callVariable2: call.callVariables[1],
            callVariable3: call.callVariables[2], callVariable4: call.callVariables[3],
            callVariable5: call.callVariables[4], callVariable6: call.callVariables[5],
            callVariable7: call.callVariables[6], callVariable8: call.callVariables[7],
            callVariable9: call.callVariables[8], callVariable10: call.callVariables[9],
            callWrapupData: call.callWrapupData,
            namedVariables: call.namedVariables, namedArrays: call.namedArrays)
    }

    func agentPreCallEvent(_ call: ModelCall, agent index: Int) -> AgentPreCallEvent {
        AgentPreCallEvent(
            serviceNumber: GED188Protocol.nullID, serviceID: GED188Protocol.nullID,
            skillGroupNumber: call.skillGroup ?? GED188Protocol.nullID,
            skillGroupID: call.skillGroup.flatMap { skillGroups[$0]?.skillTargetID } ?? GED188Protocol.nullID,
            skillGroupPriority: 0, mrdID: 1, agentSkillTargetID: agents[index].configuration.skillTargetID,
            agentInstrument: agents[index].instrument,
            routerCallKeyDay: call.routerCallKeyDay, routerCallKeyCallID: call.routerCallKeyCallID,
            routerCallKeySequenceNumber: 0, ani: call.ani, dialedNumber: call.dialedNumber,
            callVariable1: call.callVariables[0], callVariable2: call.callVariables[1],
            callVariable3: call.callVariables[2], callVariable4: call.callVariables[3],
            callVariable5: call.callVariables[4], callVariable6: call.callVariables[5],
            callVariable7: call.callVariables[6], callVariable8: call.callVariables[7],
            callVariable9: call.callVariables[8], callVariable10: call.callVariables[9],
            namedVariables: call.namedVariables, namedArrays: call.namedArrays, agentID: agents[index].id)
    }
}
