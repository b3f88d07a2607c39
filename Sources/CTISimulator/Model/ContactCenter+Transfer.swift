import GED188

/// Where a dialed number leads: an agent's device, a skill group's route point, or outside the contact center.
enum Destination {
    case agent(Int)
    case skillGroup(UInt32, dialedNumber: String)
    case external(String)
}

/// The context a new call copies from the call it is placed about, with the request's values on top.
struct CallContext {
    var callVariables: [String?] = Array(repeating: nil, count: 10)
    var callWrapupData: String?
    var namedVariables: [NamedVariable] = []
    var namedArrays: [NamedArrayElement] = []
}

extension ContactCenter {
    func destination(of number: String) -> Destination {
        if let index = agentIndex(forDevice: number) { return .agent(index) }
        if let group = dialedNumbers[number] { return .skillGroup(group, dialedNumber: number) }
        return .external(number)
    }

    /// Whether a new call can be placed to `destination` now; the failure says why not.
    func check(_ destination: Destination) -> ControlFailureCode? {
        guard case .agent(let index) = destination else { return nil }
        guard agents[index].isLoggedIn else { return .invalidCalledDevice }
        guard agents[index].calls.isEmpty, agents[index].state != .reserved else { return .resourceBusy }
        return nil
    }

    // MARK: Outbound calls and consultations

    /// Places a call from an agent's device to `dialedNumber` (MAKE_CALL, and the second half of a consultation).
    /// Returns the new call's ID.
    mutating func placeCall(
        from index: Int, to dialedNumber: String, type: CallType, context: CallContext, consulting: UInt32? = nil
    ) -> UInt32 {
        let id = newCallID()
        let device = agents[index].instrument
        let destination = destination(of: dialedNumber)
        var call = ModelCall(
            id: id, type: type, ani: device, dnis: dialedNumber, dialedNumber: dialedNumber,
            routerCallKeyDay: routerCallKeyDay, routerCallKeyCallID: id, startedAt: now)
        call.callVariables = context.callVariables
        call.callWrapupData = context.callWrapupData
        call.namedVariables = context.namedVariables
        call.namedArrays = context.namedArrays
        call.consultedCall = consulting
        call.connections = [CallConnection(deviceID: device, deviceType: .deviceIdentifier, state: .initiate,
                                           agentID: agents[index].id)]
        if consulting == nil, let group = agents[index].loggedInSkillGroups.first { call.skillGroup = group }
        calls[id] = call
        agents[index].calls.append(id)
        let agentID = agents[index].id
        emit(.beginCallEvent(beginCallEvent(call, device: device)), agents: [agentID])
        emit(.callServiceInitiatedEvent(CallServiceInitiatedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: id, lineHandle: 0, lineType: .inside,
            callingDeviceType: .deviceIdentifier, localConnectionState: .initiate, eventCause: .newCall,
            connectionDeviceID: device, callingDeviceID: device,
            cocConnectionCallID: consulting, cocCallConnectionDeviceIDType: consulting.map { _ in .static },
            cocCallConnectionDeviceID: consulting.map { _ in device })), agents: [agentID])
        emit(.callOriginatedEvent(CallOriginatedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: id, lineHandle: 0, lineType: .inside,
            callingDeviceType: .deviceIdentifier,
            calledDeviceType: {
                switch destination {
                case .agent: .deviceIdentifier
                case .skillGroup: .routePoint
                case .external: .external
                }
            }(),
            localConnectionState: .initiate, eventCause: .newCall,
            connectionDeviceID: device, callingDeviceID: device, calledDeviceID: dialedNumber)), agents: [agentID])
        refreshAgentState(index)
        connect(callID: id, to: destination)
        return id
    }

    /// The far end of a new call: ring the agent, queue to the skill group, or go out to the network.
    mutating func connect(callID: UInt32, to destination: Destination) {
        switch destination {
        case .agent(let target):
            ring(callID: callID, atAgent: target, cause: .newCall)
        case .skillGroup(let group, let number):
            enqueue(callID: callID, skillGroup: group, device: number)
        case .external(let number):
            guard var call = calls[callID] else { return }
            let origin = call.connections.first { $0.agentID != nil } ?? call.connections[0]
            call.connections.append(CallConnection(deviceID: number, deviceType: .external, state: .alerting))
            calls[callID] = call
            emit(.callReachedNetworkEvent(CallReachedNetworkEvent(
                peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
                connectionDeviceIDType: .static, connectionCallID: callID, lineHandle: 0, lineType: .outbound,
                trunkUsedDeviceType: .trunkIdentifier, calledDeviceType: .external,
                localConnectionState: origin.state, eventCause: .newCall,
                connectionDeviceID: origin.deviceID, trunkUsedDeviceID: "trunk-1",
                calledDeviceID: number)), agents: call.agentIDs)
            scheduler.schedule(.externalAnswer(call: callID, device: number, generation: call.timerGeneration),
                               at: now + .seconds(traffic.externalAnswerSeconds))
        }
    }

    func context(of callID: UInt32?) -> CallContext {
        guard let callID, let call = calls[callID] else { return CallContext() }
        return CallContext(callVariables: call.callVariables, callWrapupData: call.callWrapupData,
                           namedVariables: call.namedVariables, namedArrays: call.namedArrays)
    }

    // MARK: Transfer and conference

    /// Moves every party of `secondary` except `leaving` onto `primary`; the secondary call ends (END_CALL).
    /// Returns the devices that moved.
    mutating func merge(secondary: UInt32, into primary: UInt32, leaving: String?) -> [CallConnection] {
        guard var primaryCall = calls[primary], let secondaryCall = calls.removeValue(forKey: secondary) else { return [] }
        // A secondary call still waiting in a queue hands its place to the primary call.
        for group in queues.keys.sorted() {
            guard let position = queues[group]?.firstIndex(of: secondary) else { continue }
            if queues[group]!.contains(primary) {
                queues[group]?.remove(at: position)
            } else {
                queues[group]?[position] = primary
                primaryCall.skillGroup = group
                primaryCall.queuedAt = secondaryCall.queuedAt
            }
        }
        let moving = secondaryCall.connections.filter { $0.deviceID != leaving && primaryCall.connection(at: $0.deviceID) == nil }
        primaryCall.connections.append(contentsOf: moving)
        if let leaving { primaryCall.removeConnection(at: leaving) }
        calls[primary] = primaryCall
        for connection in moving {
            guard let agentID = connection.agentID, let index = agentIndex(id: agentID) else { continue }
            agents[index].calls.removeAll { $0 == secondary }
            agents[index].calls.append(primary)
        }
        return moving
    }

    /// Consultative transfer: the held call's customer and the consulted party stay together on the held call;
    /// the transferring agent leaves both calls.
    mutating func transfer(agentIndex index: Int, heldCall primary: UInt32, activeCall secondary: UInt32) -> ControlFailureCode? {
        let device = agents[index].instrument
        guard calls[primary]?.connection(at: device)?.state == .hold else { return .noHeldCall }
        guard let active = calls[secondary]?.connection(at: device), [.connect, .initiate].contains(active.state)
        else { return .noActiveCall }
        let moved = merge(secondary: secondary, into: primary, leaving: nil)
        guard var call = calls[primary] else { return .invalidCstaCallIdentifier }
        call.removeConnection(at: device)
        calls[primary] = call
        emit(.callTransferredEvent(CallTransferredEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            primaryDeviceIDType: .static, primaryCallID: primary, lineHandle: 0, lineType: .inboundAcd,
            skillGroupNumber: call.skillGroup ?? GED188Protocol.nullID,
            skillGroupID: call.skillGroup.flatMap { skillGroups[$0]?.skillTargetID } ?? GED188Protocol.nullID,
            secondaryDeviceIDType: .static, secondaryCallID: secondary,
            transferringDeviceType: .deviceIdentifier, transferredDeviceType: moved.first?.deviceType ?? .notApplicable,
            localConnectionState: .connect, eventCause: .transfer,
            primaryDeviceID: device, secondaryDeviceID: device, transferringDeviceID: device,
            transferredDeviceID: moved.first?.deviceID, connectedParties: parties(of: call))),
             agents: call.agentIDs + [agents[index].id])
        emit(.endCallEvent(EndCallEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: secondary, connectionDeviceID: device)),
             agents: call.agentIDs + [agents[index].id])
        refreshAgentState(index)
        for connection in moved { if let agent = connection.agentID, let target = agentIndex(id: agent) { refreshAgentState(target) } }
        return nil
    }

    /// Single-step (blind) transfer: the agent leaves and the active call goes straight to `dialedNumber`.
    mutating func singleStepTransfer(agentIndex index: Int, call callID: UInt32, to dialedNumber: String) -> ControlFailureCode? {
        let device = agents[index].instrument
        guard let connection = calls[callID]?.connection(at: device), connection.state == .connect else { return .noActiveCall }
        let destination = destination(of: dialedNumber)
        if let failure = check(destination) { return failure }
        guard var call = calls[callID] else { return .invalidCstaCallIdentifier }
        call.removeConnection(at: device)
        call.timerGeneration &+= 1
        calls[callID] = call
        emit(.callTransferredEvent(CallTransferredEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            primaryDeviceIDType: .static, primaryCallID: callID, lineHandle: 0, lineType: .inboundAcd,
            skillGroupNumber: call.skillGroup ?? GED188Protocol.nullID,
            skillGroupID: call.skillGroup.flatMap { skillGroups[$0]?.skillTargetID } ?? GED188Protocol.nullID,
            secondaryDeviceIDType: .static, secondaryCallID: callID,
            transferringDeviceType: .deviceIdentifier, transferredDeviceType: .deviceIdentifier,
            localConnectionState: .connect, eventCause: .transfer,
            primaryDeviceID: device, secondaryDeviceID: device, transferringDeviceID: device,
            transferredDeviceID: dialedNumber, connectedParties: parties(of: call))),
             agents: call.agentIDs + [agents[index].id])
        refreshAgentState(index)
        connect(callID: callID, to: destination)
        return nil
    }

    /// Conference: the consulted party joins the held call, the agent is back on it, the consultation call ends.
    mutating func conference(agentIndex index: Int, heldCall primary: UInt32, activeCall secondary: UInt32) -> ControlFailureCode? {
        let device = agents[index].instrument
        guard calls[primary]?.connection(at: device)?.state == .hold else { return .noHeldCall }
        guard calls[secondary]?.connection(at: device)?.state == .connect else { return .noActiveCall }
        let moved = merge(secondary: secondary, into: primary, leaving: nil)
        guard var call = calls[primary] else { return .invalidCstaCallIdentifier }
        call.setState(.connect, at: device)
        calls[primary] = call
        agents[index].calls.removeAll { $0 == secondary }
        emit(.callConferencedEvent(CallConferencedEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            primaryDeviceIDType: .static, primaryCallID: primary, lineHandle: 0, lineType: .inboundAcd,
            skillGroupNumber: call.skillGroup ?? GED188Protocol.nullID,
            skillGroupID: call.skillGroup.flatMap { skillGroups[$0]?.skillTargetID } ?? GED188Protocol.nullID,
            secondaryDeviceIDType: .static, secondaryCallID: secondary,
            controllerDeviceType: .deviceIdentifier, addedPartyDeviceType: moved.first?.deviceType ?? .notApplicable,
            localConnectionState: .connect, eventCause: .notApplicable,
            primaryDeviceID: device, secondaryDeviceID: device, controllerDeviceID: device,
            addedPartyDeviceID: moved.first?.deviceID, connectedParties: parties(of: call))), agents: call.agentIDs)
        emit(.endCallEvent(EndCallEvent(
            peripheralID: configuration.peripheralID, peripheralType: .enterpriseAgent,
            connectionDeviceIDType: .static, connectionCallID: secondary, connectionDeviceID: device)), agents: call.agentIDs)
        refreshAgentState(index)
        for connection in moved { if let agent = connection.agentID, let target = agentIndex(id: agent) { refreshAgentState(target) } }
        return nil
    }

    /// Alternate: hold the active call, retrieve the held one.
    mutating func alternate(agentIndex index: Int, activeCall: UInt32, otherCall: UInt32) -> ControlFailureCode? {
        let device = agents[index].instrument
        guard calls[activeCall]?.connection(at: device)?.state == .connect else { return .noActiveCall }
        guard calls[otherCall]?.connection(at: device)?.state == .hold else { return .noHeldCall }
        _ = hold(callID: activeCall, device: device)
        _ = retrieve(callID: otherCall, device: device)
        return nil
    }

    /// Reconnect: drop the active (consultation) call, retrieve the held one.
    mutating func reconnect(agentIndex index: Int, activeCall: UInt32, heldCall: UInt32) -> ControlFailureCode? {
        let device = agents[index].instrument
        guard calls[activeCall]?.connection(at: device) != nil else { return .noActiveCall }
        guard calls[heldCall]?.connection(at: device)?.state == .hold else { return .noHeldCall }
        clearConnection(callID: activeCall, device: device)
        _ = retrieve(callID: heldCall, device: device)
        return nil
    }

    /// The parties of a call, as CALL_CONFERENCED / CALL_TRANSFERRED list them.
    func parties(of call: ModelCall) -> [ConnectedParty] {
        call.connections.map {
            ConnectedParty(callID: call.id, deviceIDType: $0.agentID == nil ? $0.deviceType : .deviceIdentifier,
                           deviceID: $0.deviceID)
        }
    }
}
