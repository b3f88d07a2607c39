import GED188

extension ContactCenter {
    typealias Answer = (invokeID: UInt32, outcome: RequestOutcome, effect: String)

    mutating func queryAgentState(_ r: QueryAgentStateReq, _ context: RequestContext) -> Answer {
        var index: Int?
        if r.icmAgentID > 0 {
            index = agents.firstIndex { $0.configuration.skillTargetID == UInt32(bitPattern: r.icmAgentID) }
        }
        if index == nil, case .found(let found) = resolveAgent(id: r.agentID, device: r.agentInstrument ?? r.agentExtension, context: context) {
            index = found
        }
        guard let index else { return (r.invokeID, .controlFailure(.invalidAgentIdSpecified), "no such agent") }
        let agent = agents[index]
        return (r.invokeID, .confirmed(.queryAgentStateConf(QueryAgentStateConf(
            invokeID: r.invokeID, agentState: agent.state, mrdID: 1, numTasks: UInt32(agent.calls.count), agentMode: 1,
            maxTaskLimit: 1, icmAgentID: Int32(bitPattern: agent.configuration.skillTargetID),
            agentAvailabilityStatus: agent.state == .available ? 1 : 0, departmentID: 0,
            agentID: agent.id, agentExtension: agent.configuration.extension, agentInstrument: agent.instrument,
            skillGroups: agent.loggedInSkillGroups.map {
                SkillGroupMembership(number: $0, id: skillGroups[$0]?.skillTargetID, priority: 0,
                                     state: agentState(index, inSkillGroup: $0))
            }))), "queried agent \(agent.id)")
    }

    mutating func snapshotCall(_ r: SnapshotCallReq) -> Answer {
        guard let call = calls[r.connectionCallID] else {
            return (r.invokeID, .controlFailure(.invalidCstaCallIdentifier), "no call \(r.connectionCallID)")
        }
        return (r.invokeID, .confirmed(.snapshotCallConf(SnapshotCallConf(
            invokeID: r.invokeID, callType: call.type, calledPartyDisposition: 0,
            ani: call.ani, dnis: call.dnis, dialedNumber: call.dialedNumber,
            routerCallKeyDay: call.routerCallKeyDay, routerCallKeyCallID: call.routerCallKeyCallID,
            callVariable1: call.callVariables[0], callVariable2: call.callVariables[1],
            callVariable3: call.callVariables[2], callVariable4: call.callVariables[3],
            callVariable5: call.callVariables[4], callVariable6: call.callVariables[5],
            callVariable7: call.callVariables[6], callVariable8: call.callVariables[7],
            callVariable9: call.callVariables[8], callVariable10: call.callVariables[9],
            callWrapupData: call.callWrapupData, namedVariables: call.namedVariables, namedArrays: call.namedArrays,
            callDevices: call.connections.map {
                CallDevice(connectionCallID: call.id, connectionDeviceIDType: .static, connectionDeviceID: $0.deviceID,
                           deviceIDType: $0.agentID == nil ? $0.deviceType : .deviceIdentifier, deviceID: $0.deviceID,
                           connectionState: $0.state)
            }))), "snapshot of call \(call.id)")
    }

    mutating func snapshotDevice(_ r: SnapshotDeviceReq) -> Answer {
        guard let device = r.agentInstrument, !device.isEmpty else {
            return (r.invokeID, .controlFailure(.invalidCstaDeviceIdentifier), "no device named")
        }
        let atDevice = calls.keys.sorted().compactMap { id in calls[id]?.connection(at: device).map { (id, $0) } }
        return (r.invokeID, .confirmed(.snapshotDeviceConf(SnapshotDeviceConf(
            invokeID: r.invokeID,
            calls: atDevice.map { id, connection in
                DeviceCall(connectionCallID: id, connectionDeviceIDType: .static, connectionDeviceID: device,
                           state: connection.state, silentMonitorStatus: .none)
            }))), "snapshot of device \(device)")
    }

    mutating func agentStatistics(_ r: QueryAgentStatisticsReq, _ context: RequestContext) -> Answer {
        let index: Int
        switch resolveAgent(id: r.agentID, device: r.agentInstrument ?? r.agentExtension, context: context) {
        case .found(let found): index = found
        case .refused(let code): return (r.invokeID, .controlFailure(code), "no such agent")
        }
        let agent = agents[index]
        var stats = statistics[agent.id, default: AgentStatistics()]
        stats.leave(agent.state, after: now - agent.stateSince)
        let loggedOn = agent.isLoggedIn ? (now - stats.loggedInAt).wholeSeconds : 0
        var conf = QueryAgentStatisticsConf(invokeID: r.invokeID, peripheralID: configuration.peripheralID,
                                            agentExtension: agent.configuration.extension, agentID: agent.id,
                                            agentInstrument: agent.instrument)
        conf.availTimeSession = stats.availableTime.wholeSeconds
        conf.loggedOnTimeSession = loggedOn
        conf.notReadyTimeSession = stats.notReadyTime.wholeSeconds
        conf.handledCallsSession = stats.handledCalls
        conf.handledCallsTalkTimeSession = stats.talkTime.wholeSeconds
        conf.handledCallsAfterCallTimeSession = stats.wrapUpTime.wholeSeconds
        conf.agentOutCallsSession = stats.outboundCalls
        conf.incomingCallsHeldSession = stats.heldCalls
        conf.incomingCallsHeldTimeSession = stats.holdTime.wholeSeconds
        conf.availTimeToday = conf.availTimeSession
        conf.loggedOnTimeToday = conf.loggedOnTimeSession
        conf.notReadyTimeToday = conf.notReadyTimeSession
        conf.handledCallsToday = conf.handledCallsSession
        conf.handledCallsTalkTimeToday = conf.handledCallsTalkTimeSession
        conf.handledCallsAfterCallTimeToday = conf.handledCallsAfterCallTimeSession
        conf.agentOutCallsToday = conf.agentOutCallsSession
        conf.incomingCallsHeldToday = conf.incomingCallsHeldSession
        conf.incomingCallsHeldTimeToday = conf.incomingCallsHeldTimeSession
        return (r.invokeID, .confirmed(.queryAgentStatisticsConf(conf)), "statistics of agent \(agent.id)")
    }

    mutating func skillGroupStatistics(_ r: QuerySkillGroupStatisticsReq) -> Answer {
        let group = configuration.skillGroups.first {
            $0.number == r.skillGroupNumber || (r.skillGroupNumber == GED188Protocol.nullID && $0.skillTargetID == r.skillGroupID)
        }
        guard let group else { return (r.invokeID, .controlFailure(.invalidSkillGroupSpecified), "no such skill group") }
        let members = agents.indices.filter { agents[$0].loggedInSkillGroups.contains(group.number) }
        func count(_ states: AgentState...) -> UInt32 {
            UInt32(members.filter { states.contains(agentState($0, inSkillGroup: group.number)) }.count)
        }
        let queued = queues[group.number] ?? []
        let waits = queued.compactMap { calls[$0]?.queuedAt }.map { (now - $0).wholeSeconds }
        var conf = QuerySkillGroupStatisticsConf(invokeID: r.invokeID, peripheralID: configuration.peripheralID,
                                                 skillGroupNumber: group.number, skillGroupID: group.skillTargetID)
        conf.agentsLoggedOn = UInt32(members.count)
        conf.agentsAvail = count(.available)
        conf.agentsNotReady = count(.notReady)
        conf.agentsReady = count(.available, .talking, .hold, .reserved, .workReady, .busyOther)
        conf.agentsTalkingIn = count(.talking)
        conf.agentsWorkNotReady = count(.workNotReady)
        conf.agentsWorkReady = count(.workReady)
        conf.agentsBusyOther = count(.busyOther)
        conf.agentsReserved = count(.reserved)
        conf.agentsHold = count(.hold)
        conf.agentsICMAvailable = conf.agentsAvail
        conf.callsQNow = UInt32(queued.count)
        conf.routerCallsQNow = UInt32(queued.count)
        conf.callsQTimeNow = waits.reduce(0, +)
        conf.longestCallQNow = waits.max() ?? 0
        conf.longestRouterCallQNow = conf.longestCallQNow
        return (r.invokeID, .confirmed(.querySkillGroupStatisticsConf(conf)), "statistics of skill group \(group.number)")
    }

    mutating func deviceInfo(_ r: QueryDeviceInfoReq) -> Answer {
        guard let device = r.agentInstrument, agentIndex(forDevice: device) != nil else {
            return (r.invokeID, .controlFailure(.invalidCstaDeviceIdentifier), "no device \(r.agentInstrument ?? "-")")
        }
        return (r.invokeID, .confirmed(.queryDeviceInfoConf(QueryDeviceInfoConf(
            invokeID: r.invokeID, peripheralType: .enterpriseAgent, typeOfDevice: .station, classOfDevice: 0x80,
            maxActiveCalls: 1, maxHeldCalls: 1, maxDevicesInConference: 6, makeCallSetup: 0,
            transferConferenceSetup: 0x01, callEventsSupported: CallMessageMask(rawValue: 0x1F_FFFF),
            callControlSupported: 0x7F7FF, otherFeaturesSupported: 0,
            lines: [DeviceLine(handle: 0, type: .inboundAcd)]))), "device info of \(device)")
    }
}
