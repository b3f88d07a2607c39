import GED188

extension ContactCenter {
    /// Applies a client control request and returns its answer. Every request, confirmed or not, goes to the
    /// request log with its effect.
    public mutating func handle(_ request: GED188Message, context: RequestContext) -> RequestOutcome {
        let before = version
        let (invokeID, outcome, effect) = apply(request, context: context)
        let confirmed: Bool
        if case .confirmed = outcome { confirmed = true } else { confirmed = false }
        requestLog.append(RequestLog.Entry(
            sequence: requestLog.nextSequence, session: context.session, invokeID: invokeID,
            request: request.type.name ?? "\(request.type.rawValue)", effect: effect, confirmed: confirmed,
            version: version, timeMilliseconds: now.milliseconds))
        if !confirmed { precondition(version == before, "a failed request changed the model") }
        return outcome
    }

    private typealias Applied = (invokeID: UInt32, outcome: RequestOutcome, effect: String)

    private mutating func apply(_ request: GED188Message, context: RequestContext) -> Applied {
        switch request {
        case .setAgentStateReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.setAgentState(r, context) }
        case .answerCallReq(let r):
            return guarded(r.invokeID, r.peripheralID) {
                $0.callControl(r.invokeID, call: r.connectionCallID, device: r.connectionDeviceID ?? r.agentInstrument,
                               context, confirm: .answerCallConf(AnswerCallConf(invokeID: r.invokeID))) { center, index, call in
                    center.answer(agentIndex: index, callID: call).map { ($0, "") } ?? (nil, "answered call \(call)")
                }
            }
        case .holdCallReq(let r):
            return guarded(r.invokeID, r.peripheralID) {
                $0.callControl(r.invokeID, call: r.connectionCallID, device: r.connectionDeviceID ?? r.agentInstrument,
                               context, confirm: .holdCallConf(HoldCallConf(invokeID: r.invokeID))) { center, index, call in
                    center.hold(callID: call, device: center.agents[index].instrument).map { ($0, "") } ?? (nil, "held call \(call)")
                }
            }
        case .retrieveCallReq(let r):
            return guarded(r.invokeID, r.peripheralID) {
                $0.callControl(r.invokeID, call: r.heldConnectionCallID,
                               device: r.heldConnectionDeviceID ?? r.agentInstrument, context,
                               confirm: .retrieveCallConf(RetrieveCallConf(invokeID: r.invokeID))) { center, index, call in
                    center.retrieve(callID: call, device: center.agents[index].instrument).map { ($0, "") } ?? (nil, "retrieved call \(call)")
                }
            }
        case .clearConnectionReq(let r):
            return guarded(r.invokeID, r.peripheralID) {
                $0.callControl(r.invokeID, call: r.connectionCallID, device: r.connectionDeviceID ?? r.agentInstrument,
                               context, confirm: .clearConnectionConf(ClearConnectionConf(invokeID: r.invokeID))) { center, index, call in
                    center.clearConnection(callID: call, device: center.agents[index].instrument)
                    return (nil, "released \(center.agents[index].instrument) from call \(call)")
                }
            }
        case .clearCallReq(let r):
            return guarded(r.invokeID, r.peripheralID) {
                $0.callControl(r.invokeID, call: r.connectionCallID, device: r.connectionDeviceID ?? r.agentInstrument,
                               context, confirm: .clearCallConf(ClearCallConf(invokeID: r.invokeID))) { center, _, call in
                    center.clearCall(call)
                    return (nil, "cleared call \(call)")
                }
            }
        case .consultationCallReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.consult(r, context) }
        case .transferCallReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.transfer(r, context) }
        case .conferenceCallReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.conference(r, context) }
        case .makeCallReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.makeCall(r, context) }
        case .alternateCallReq(let r):
            return guarded(r.invokeID, r.peripheralID) {
                $0.callControl(r.invokeID, call: r.activeConnectionCallID, device: r.activeConnectionDeviceID,
                               context, confirm: .alternateCallConf(AlternateCallConf(invokeID: r.invokeID))) { center, index, call in
                    center.alternate(agentIndex: index, activeCall: call, otherCall: r.otherConnectionCallID)
                        .map { ($0, "") } ?? (nil, "alternated from call \(call) to \(r.otherConnectionCallID)")
                }
            }
        case .reconnectCallReq(let r):
            return guarded(r.invokeID, r.peripheralID) {
                $0.callControl(r.invokeID, call: r.activeConnectionCallID, device: r.activeConnectionDeviceID ?? r.agentInstrument,
                               context, confirm: .reconnectCallConf(ReconnectCallConf(invokeID: r.invokeID))) { center, index, call in
                    center.reconnect(agentIndex: index, activeCall: call, heldCall: r.heldConnectionCallID)
                        .map { ($0, "") } ?? (nil, "dropped call \(call), retrieved \(r.heldConnectionCallID)")
                }
            }
        case .deflectCallReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.deflect(r, context) }
        case .setCallDataReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.setCallData(r) }
        case .releaseCallReq(let r):
            return guarded(r.invokeID, r.peripheralID) { center in
                guard center.calls[r.connectionCallID] != nil else {
                    return (r.invokeID, .controlFailure(.invalidCstaCallIdentifier), "no call \(r.connectionCallID)")
                }
                return (r.invokeID, .confirmed(.releaseCallConf(ReleaseCallConf(invokeID: r.invokeID))), "released call data of \(r.connectionCallID)")
            }
        case .sendDTMFSignalReq(let r):
            return guarded(r.invokeID, r.peripheralID) {
                $0.callControl(r.invokeID, call: r.connectionCallID, device: r.connectionDeviceID ?? r.agentInstrument,
                               context, confirm: .sendDTMFSignalConf(SendDTMFSignalConf(invokeID: r.invokeID))) { center, index, call in
                    guard center.calls[call]?.connection(at: center.agents[index].instrument)?.state == .connect else {
                        return (.noActiveCall, "")
                    }
                    guard !r.dtmfString.isEmpty, r.dtmfString.allSatisfy({ "0123456789*#ABCD".contains($0) }) else {
                        return (.valueOutOfRange, "")
                    }
                    return (nil, "sent DTMF (\(r.dtmfString.count) digits) on call \(call)")
                }
            }
        case .queryAgentStateReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.queryAgentState(r, context) }
        case .snapshotCallReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.snapshotCall(r) }
        case .snapshotDeviceReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.snapshotDevice(r) }
        case .queryAgentStatisticsReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.agentStatistics(r, context) }
        case .querySkillGroupStatisticsReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.skillGroupStatistics(r) }
        case .queryDeviceInfoReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.deviceInfo(r) }
        case .superviseCallReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.supervise(r, context) }
        case .emergencyCallReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.emergencyCall(r, context) }
        case .supervisorAssistReq(let r): return guarded(r.invokeID, r.peripheralID) { $0.supervisorAssist(r, context) }
        case .listAgentTeamReq(let r): return listAgentTeams(r)
        default:
            return (0, .failure(.invalidMessageLength), "\(request.type.name ?? "type \(request.type.rawValue)") is not a control request")
        }
    }

    /// Refuses a request for another peripheral, or any request while the peripheral is offline.
    private mutating func guarded(_ invokeID: UInt32, _ peripheralID: UInt32, _ body: (inout ContactCenter) -> Applied) -> Applied {
        guard peripheralID == configuration.peripheralID else {
            return (invokeID, .failure(.invalidPeripheralId), "unknown peripheral \(peripheralID)")
        }
        guard peripheralOnline else {
            return (invokeID, .controlFailure(.resourceOutOfService), "peripheral offline")
        }
        return body(&self)
    }

    /// Finds the agent a request is about: by ID, instrument or extension, else the session's own agent. A
    /// CLIENT_EVENTS session may only act for its own agent.
    func resolveAgent(id: String? = nil, device: String? = nil, context: RequestContext) -> AgentLookup {
        var found: Int?
        if let id, !id.isEmpty { found = agentIndex(id: id) ?? agentIndex(forDevice: id) }
        if found == nil, let device, !device.isEmpty { found = agentIndex(forDevice: device) }
        if found == nil, id == nil || id!.isEmpty, device == nil || device!.isEmpty, let own = context.agentID {
            found = agentIndex(id: own)
        }
        guard let index = found else { return .refused(id == nil ? .invalidCstaDeviceIdentifier : .invalidAgentIdSpecified) }
        if let own = context.agentID, own != agents[index].id { return .refused(.privilegeViolationOnSpecifiedDevice) }
        return .found(index)
    }

    /// The agent and call a call-control request is about, or the request's refusal.
    private enum Located {
        case found(agent: Int, call: UInt32)
        case refused(Applied)
    }

    /// Finds the agent by device and the call (0xFFFFFFFF: the agent's latest call) it must be on.
    private func locate(_ invokeID: UInt32, call requestedCall: UInt32, device: String?, _ context: RequestContext) -> Located {
        let index: Int
        switch resolveAgent(device: device, context: context) {
        case .found(let found): index = found
        case .refused(let code): return .refused((invokeID, .controlFailure(code), "no agent at device \(device ?? "-")"))
        }
        var callID = requestedCall
        if callID == GED188Protocol.nullID {
            guard let latest = agents[index].calls.last else {
                return .refused((invokeID, .controlFailure(.noActiveCall), "agent \(agents[index].id) has no call"))
            }
            callID = latest
        }
        guard calls[callID]?.connection(at: agents[index].instrument) != nil else {
            return .refused((invokeID, .controlFailure(.invalidCstaConnectionIdentifier),
                             "agent \(agents[index].id) is not on call \(callID)"))
        }
        return .found(agent: index, call: callID)
    }

    /// The common shape of call control: locate the agent and call, act, confirm.
    private mutating func callControl(
        _ invokeID: UInt32, call requestedCall: UInt32, device: String?, _ context: RequestContext,
        confirm: GED188Message, _ act: (inout ContactCenter, Int, UInt32) -> (ControlFailureCode?, String)
    ) -> Applied {
        switch locate(invokeID, call: requestedCall, device: device, context) {
        case .refused(let applied):
            return applied
        case .found(let index, let callID):
            let (failure, effect) = act(&self, index, callID)
            if let failure { return (invokeID, .controlFailure(failure), "refused: \(failure)") }
            return (invokeID, .confirmed(confirm), effect)
        }
    }

    // MARK: Agent state

    private mutating func setAgentState(_ r: SetAgentStateReq, _ context: RequestContext) -> Applied {
        let index: Int
        switch resolveAgent(id: r.agentID, device: r.agentInstrument, context: context) {
        case .found(let found): index = found
        case .refused(let code): return (r.invokeID, .controlFailure(code), "no such agent")
        }
        let agent = agents[index]
        let confirm = RequestOutcome.confirmed(.setAgentStateConf(SetAgentStateConf(invokeID: r.invokeID)))
        switch r.agentState {
        case .login:
            guard !agent.isLoggedIn else { return (r.invokeID, .controlFailure(.specifiedAgentAlreadySignedOn), "agent \(agent.id) already logged in") }
            guard r.agentPassword?.bytes == Array(agent.configuration.password.utf8) else {
                return (r.invokeID, .controlFailure(.invalidPasswordSpecified), "wrong password for agent \(agent.id)")
            }
            if let instrument = r.agentInstrument, instrument != agent.instrument {
                return (r.invokeID, .controlFailure(.invalidLogonDeviceSpecified), "agent \(agent.id) cannot log in at \(instrument)")
            }
            let groups = r.skillGroups.compactMap(\.number).filter { agent.configuration.skillGroups.contains($0) }
            login(index, skillGroups: groups)
            return (r.invokeID, confirm, "agent \(agent.id) logged in (NOT_READY)")
        case .logout:
            guard agent.isLoggedIn else { return (r.invokeID, .controlFailure(.genericStateIncompatibility), "agent \(agent.id) is not logged in") }
            guard agent.calls.isEmpty else { return (r.invokeID, .controlFailure(.genericStateIncompatibility), "agent \(agent.id) has calls") }
            setAgentState(index, .logout, reason: r.eventReasonCode)
            return (r.invokeID, confirm, "agent \(agent.id) logged out (reason \(r.eventReasonCode))")
        case .notReady, .available, .workReady, .workNotReady:
            guard agent.isLoggedIn else { return (r.invokeID, .controlFailure(.genericStateIncompatibility), "agent \(agent.id) is not logged in") }
            if !agent.calls.isEmpty {
                agents[index].afterCallState = r.agentState
                agents[index].afterCallReason = r.eventReasonCode
                return (r.invokeID, confirm, "agent \(agent.id) goes \(r.agentState) after its calls")
            }
            if r.agentState == agent.state && (r.agentState != .notReady || r.eventReasonCode == agent.reasonCode) {
                return (r.invokeID, confirm, "agent \(agent.id) already \(r.agentState)")
            }
            setAgentState(index, r.agentState, reason: r.eventReasonCode)
            if !agent.configuration.isReserved, r.agentState == .workReady || r.agentState == .workNotReady {
                planAfterCall(agentIndex: index)
            }
            return (r.invokeID, confirm, "agent \(agent.id) \(r.agentState)" + (r.agentState == .notReady ? " (reason \(r.eventReasonCode))" : ""))
        default:
            return (r.invokeID, .controlFailure(.invalidObjectState), "agent state \(r.agentState) cannot be requested")
        }
    }

    // MARK: Calls

    private mutating func consult(_ r: ConsultationCallReq, _ context: RequestContext) -> Applied {
        let index: Int, callID: UInt32
        switch locate(r.invokeID, call: r.activeConnectionCallID, device: r.activeConnectionDeviceID, context) {
        case .refused(let applied): return applied
        case .found(let agent, let call): (index, callID) = (agent, call)
        }
        let destination = destination(of: r.dialedNumber)
        if let failure = check(destination) { return (r.invokeID, .controlFailure(failure), "cannot reach \(r.dialedNumber)") }
        let device = agents[index].instrument
        switch calls[callID]?.connection(at: device)?.state {
        case .connect?: _ = hold(callID: callID, device: device)
        case .hold?: break
        default: return (r.invokeID, .controlFailure(.noActiveCall), "call \(callID) is not connected")
        }
        var callContext = self.context(of: callID)
        overlay(&callContext, r.callVariable1, r.callVariable2, r.callVariable3, r.callVariable4, r.callVariable5,
                r.callVariable6, r.callVariable7, r.callVariable8, r.callVariable9, r.callVariable10,
                wrapup: r.callWrapupData, named: r.namedVariables, arrays: r.namedArrays)
        let new = placeCall(from: index, to: r.dialedNumber, type: .consult, context: callContext, consulting: callID)
        return (r.invokeID, .confirmed(.consultationCallConf(ConsultationCallConf(
            invokeID: r.invokeID, newConnectionCallID: new, newConnectionDeviceIDType: .static,
            lineHandle: 0, lineType: .inside, newConnectionDeviceID: device))),
                "consultation call \(new) from \(device) to \(r.dialedNumber), call \(callID) held")
    }

    private mutating func transfer(_ r: TransferCallReq, _ context: RequestContext) -> Applied {
        let singleStep = r.heldConnectionCallID == GED188Protocol.nullID
        if singleStep, r.dialedNumber == nil {
            return (r.invokeID, .controlFailure(.invalidDestination), "single-step transfer without DialedNumber")
        }
        let index: Int, active: UInt32
        switch locate(r.invokeID, call: r.activeConnectionCallID, device: r.activeConnectionDeviceID, context) {
        case .refused(let applied): return applied
        case .found(let agent, let call): (index, active) = (agent, call)
        }
        let failure = singleStep
            ? singleStepTransfer(agentIndex: index, call: active, to: r.dialedNumber!)
            : transfer(agentIndex: index, heldCall: r.heldConnectionCallID, activeCall: active)
        if let failure { return (r.invokeID, .controlFailure(failure), "refused: \(failure)") }
        let primary = singleStep ? active : r.heldConnectionCallID
        let call = calls[primary]
        return (r.invokeID, .confirmed(.transferCallConf(TransferCallConf(
            invokeID: r.invokeID, newConnectionCallID: primary, newConnectionDeviceIDType: .static,
            lineHandle: 0, lineType: .inside, newConnectionDeviceID: call?.connections.last?.deviceID,
            connectedParties: call.map(parties(of:)) ?? []))),
                singleStep ? "transferred call \(active) to \(r.dialedNumber!)"
                           : "transferred call \(r.heldConnectionCallID) to the parties of \(active)")
    }

    private mutating func conference(_ r: ConferenceCallReq, _ context: RequestContext) -> Applied {
        let singleStep = r.heldConnectionCallID == GED188Protocol.nullID
        if singleStep, r.dialedNumber == nil {
            return (r.invokeID, .controlFailure(.invalidDestination), "single-step conference without DialedNumber")
        }
        let index: Int, active: UInt32
        switch locate(r.invokeID, call: r.activeConnectionCallID, device: r.activeConnectionDeviceID ?? r.agentInstrument, context) {
        case .refused(let applied): return applied
        case .found(let agent, let call): (index, active) = (agent, call)
        }
        if singleStep {
            let destination = destination(of: r.dialedNumber!)
            if let failure = check(destination) { return (r.invokeID, .controlFailure(failure), "cannot reach \(r.dialedNumber!)") }
            guard calls[active]?.connection(at: agents[index].instrument)?.state == .connect else {
                return (r.invokeID, .controlFailure(.noActiveCall), "call \(active) is not connected")
            }
            connect(callID: active, to: destination)
        } else if let failure = conference(agentIndex: index, heldCall: r.heldConnectionCallID, activeCall: active) {
            return (r.invokeID, .controlFailure(failure), "refused: \(failure)")
        }
        let primary = singleStep ? active : r.heldConnectionCallID
        let call = calls[primary]
        return (r.invokeID, .confirmed(.conferenceCallConf(ConferenceCallConf(
            invokeID: r.invokeID, newConnectionCallID: primary, newConnectionDeviceIDType: .static,
            lineHandle: 0, lineType: .inside, newConnectionDeviceID: agents[index].instrument,
            connectedParties: call.map(parties(of:)) ?? []))),
                singleStep ? "conferenced \(r.dialedNumber!) into call \(active)"
                           : "conferenced call \(active) into \(r.heldConnectionCallID)")
    }

    private mutating func makeCall(_ r: MakeCallReq, _ context: RequestContext) -> Applied {
        let index: Int
        switch resolveAgent(device: r.agentInstrument, context: context) {
        case .found(let found): index = found
        case .refused(let code): return (r.invokeID, .controlFailure(code), "no agent at \(r.agentInstrument ?? "-")")
        }
        let agent = agents[index]
        guard agent.isLoggedIn else { return (r.invokeID, .controlFailure(.invalidCallingDevice), "agent \(agent.id) is not logged in") }
        guard agent.calls.allSatisfy({ calls[$0]?.connection(at: agent.instrument)?.state == .hold }),
              agent.state != .reserved else {
            return (r.invokeID, .controlFailure(.invalidObjectState), "agent \(agent.id) is busy")
        }
        let destination = destination(of: r.dialedNumber)
        if let failure = check(destination) { return (r.invokeID, .controlFailure(failure), "cannot reach \(r.dialedNumber)") }
        if agent.calls.isEmpty, agent.state == .notReady {
            agents[index].afterCallState = .notReady
            agents[index].afterCallReason = agent.reasonCode
        } else if agent.calls.isEmpty, agent.state == .available {
            agents[index].afterCallState = .available
        }
        var callContext = CallContext()
        overlay(&callContext, r.callVariable1, r.callVariable2, r.callVariable3, r.callVariable4, r.callVariable5,
                r.callVariable6, r.callVariable7, r.callVariable8, r.callVariable9, r.callVariable10,
                wrapup: r.callWrapupData, named: r.namedVariables, arrays: r.namedArrays)
        let type: CallType
        if case .external = destination { type = .agentOut } else { type = .agentInside }
        statistics[agent.id, default: AgentStatistics()].outboundCalls += 1
        let new = placeCall(from: index, to: r.dialedNumber, type: type, context: callContext)
        return (r.invokeID, .confirmed(.makeCallConf(MakeCallConf(
            invokeID: r.invokeID, newConnectionCallID: new, newConnectionDeviceIDType: .static, lineHandle: 0,
            lineType: .outbound, newConnectionDeviceID: agent.instrument))), "call \(new) from \(agent.instrument) to \(r.dialedNumber)")
    }

    private mutating func deflect(_ r: DeflectCallReq, _ context: RequestContext) -> Applied {
        callControl(r.invokeID, call: r.connectionCallID, device: r.connectionDeviceID ?? r.agentInstrument, context,
                    confirm: .deflectCallConf(DeflectCallConf(invokeID: r.invokeID))) { center, index, call in
            let device = center.agents[index].instrument
            guard center.calls[call]?.connection(at: device)?.state == .alerting else { return (.noCallToAnswer, "") }
            guard let target = r.calledDeviceID, !target.isEmpty else { return (.invalidCalledDevice, "") }
            let destination = center.destination(of: target)
            if let failure = center.check(destination) { return (failure, "") }
            center.calls[call]?.removeConnection(at: device)
            center.emit(.callDivertedEvent(CallDivertedEvent(
                peripheralID: center.configuration.peripheralID, peripheralType: .enterpriseAgent,
                connectionDeviceIDType: .static, connectionCallID: call, divertingDeviceType: .deviceIdentifier,
                calledDeviceType: .deviceIdentifier, localConnectionState: .null, eventCause: .redirected,
                connectionDeviceID: device, divertingDeviceID: device, calledDeviceID: target)),
                        agents: (center.calls[call]?.agentIDs ?? []) + [center.agents[index].id])
            center.agents[index].afterCallState = center.agents[index].configuration.isReserved ? .notReady : .available
            center.refreshAgentState(index)
            center.connect(callID: call, to: destination)
            return (nil, "deflected call \(call) from \(device) to \(target)")
        }
    }

    private mutating func setCallData(_ r: SetCallDataReq) -> Applied {
        guard var call = calls[r.connectionCallID] else {
            return (r.invokeID, .controlFailure(.invalidCstaCallIdentifier), "no call \(r.connectionCallID)")
        }
        var context = CallContext(callVariables: call.callVariables, callWrapupData: call.callWrapupData,
                                  namedVariables: call.namedVariables, namedArrays: call.namedArrays)
        overlay(&context, r.callVariable1, r.callVariable2, r.callVariable3, r.callVariable4, r.callVariable5,
                r.callVariable6, r.callVariable7, r.callVariable8, r.callVariable9, r.callVariable10,
                wrapup: r.callWrapupData, named: r.namedVariables, arrays: r.namedArrays)
        call.callVariables = context.callVariables
        call.callWrapupData = context.callWrapupData
        call.namedVariables = context.namedVariables
        call.namedArrays = context.namedArrays
        if let ani = r.ani { call.ani = ani }
        calls[r.connectionCallID] = call
        let device = r.connectionDeviceID
        emit(.callDataUpdateEvent(CallDataUpdateEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent, callType: call.type,
            connectionDeviceIDType: .static, connectionCallID: call.id, newConnectionDeviceIDType: .static,
            newConnectionCallID: call.id, calledPartyDisposition: 0, campaignID: 0, queryRuleID: 0,
            connectionDeviceID: device, newConnectionDeviceID: device, ani: call.ani,
            callVariable1: call.callVariables[0], callVariable2: call.callVariables[1],
            callVariable3: call.callVariables[2], callVariable4: call.callVariables[3],
            callVariable5: call.callVariables[4], callVariable6: call.callVariables[5],
            callVariable7: call.callVariables[6], callVariable8: call.callVariables[7],
            callVariable9: call.callVariables[8], callVariable10: call.callVariables[9],
            callWrapupData: call.callWrapupData, namedVariables: call.namedVariables, namedArrays: call.namedArrays)),
             agents: call.agentIDs)
        return (r.invokeID, .confirmed(.setCallDataConf(SetCallDataConf(invokeID: r.invokeID))), "set call data of call \(call.id)")
    }

    /// Applies a request's call data over a call's: a variable given replaces the old one; ECC variables replace
    /// by name (and index).
    func overlay(
        _ context: inout CallContext, _ v1: String?, _ v2: String?, _ v3: String?, _ v4: String?, _ v5: String?,
        _ v6: String?, _ v7: String?, _ v8: String?, _ v9: String?, _ v10: String?,
        wrapup: String?, named: [NamedVariable], arrays: [NamedArrayElement]
    ) {
        for (index, value) in [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10].enumerated() where value != nil {
            context.callVariables[index] = value
        }
        if let wrapup { context.callWrapupData = wrapup }
        for variable in named {
            context.namedVariables.removeAll { $0.name == variable.name }
            context.namedVariables.append(variable)
        }
        for element in arrays {
            context.namedArrays.removeAll { $0.name == element.name && $0.index == element.index }
            context.namedArrays.append(element)
        }
    }

}
