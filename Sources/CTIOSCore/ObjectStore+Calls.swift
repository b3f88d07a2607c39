import CTIOSWire
import GED188

// Call events: what each GED-188 call event does to the call's connection objects, and the CTI OS event it raises
// on each of them (every object of the call, before or after the event). Creations raise OnCallBegin first and
// deletions OnCallEnd last (at commit).

extension CallRecord {
    /// Puts the connection at `device` in `state`, adding it when the device is an agent device or a route point.
    mutating func setState(_ state: LocalConnectionState, at device: String, _ domain: Domain) {
        if let index = connectionIndex(device) {
            connections[index].state = state
        } else if let connection = domain.newConnection(device, state) {
            connections.append(connection)
        }
    }

    mutating func removeConnection(at device: String) {
        connections.removeAll { $0.device == device }
    }

    /// The context fields a call event carries: each one given replaces the old one.
    mutating func overlay(
        ani: String?, dnis: String?, dialedNumber: String?, callerEnteredDigits: String?, callVariables: [String?],
        callWrapupData: String?, namedVariables: [NamedVariable], namedArrays: [NamedArrayElement]
    ) {
        if let ani { self.ani = ani }
        if let dnis { self.dnis = dnis }
        if let dialedNumber { self.dialedNumber = dialedNumber }
        if let callerEnteredDigits { self.callerEnteredDigits = callerEnteredDigits }
        setCallVariables(callVariables, replacingAll: false)
        if let callWrapupData { self.callWrapupData = callWrapupData }
        overlayECC(namedVariables, namedArrays)
    }

    mutating func setSkillGroup(_ number: UInt32?) {
        if let number, number != GED188Protocol.nullID { skillGroupNumber = number }
    }
}

extension ObjectStore {
    /// The event's LocalConnectionState when it names a state a connection can be in, else `implied`.
    static func reported(_ state: LocalConnectionState, else implied: LocalConnectionState) -> LocalConnectionState {
        switch state {
        case .initiate, .alerting, .connect, .hold, .queued, .fail: state
        default: implied
        }
    }

    /// The arguments every call event carries.
    func callArguments(_ type: MessageType, callID: UInt32, device: String?, state: LocalConnectionState? = nil,
                       cause: EventCause? = nil) -> Arguments {
        var arguments = Arguments()
        arguments[.messageID] = .integer(Int64(type.rawValue))
        arguments[.peripheralID] = .integer(Int64(configuration.peripheralID))
        arguments[.connectionCallID] = .integer(Int64(callID))
        if let device { arguments[.connectionDeviceID] = .string(device) }
        if let state { arguments[.localConnectionState] = .integer(Int64(state.rawValue)) }
        if let cause { arguments[.eventCause] = .integer(Int64(cause.rawValue)) }
        return arguments
    }

    /// The call's context, as OnCallDelivered and OnCallDataUpdate carry it.
    static func addContext(_ call: CallRecord?, to arguments: inout Arguments) {
        guard let call else { return }
        if let callType = call.callType { arguments[.callType] = .integer(Int64(callType.rawValue)) }
        if let ani = call.ani { arguments[.ani] = .string(ani) }
        if let dnis = call.dnis { arguments[.dnis] = .string(dnis) }
        if let dialedNumber = call.dialedNumber { arguments[.dialedNumber] = .string(dialedNumber) }
        for index in 0..<10 {
            if let value = call.callVariables[index] { arguments.setValue(.string(value), for: Key.callVariables[index]) }
        }
        if let wrapup = call.callWrapupData { arguments[.callWrapupData] = .string(wrapup) }
        if let ecc = call.eccValue() { arguments[.eccVariables] = ecc }
        if let group = call.skillGroupNumber { arguments[.skillGroupNumber] = .integer(Int64(group)) }
    }

    static func put(_ arguments: inout Arguments, _ key: Keyword, _ value: String?) {
        if let value, !value.isEmpty { arguments[key] = .string(value) }
    }

    static func put(_ arguments: inout Arguments, _ key: Keyword, number value: UInt32) {
        if value != GED188Protocol.nullID { arguments[key] = .integer(Int64(value)) }
    }

    // MARK: Events

    mutating func applyBeginCall(_ event: BeginCallEvent) {
        guard isOurs(event.peripheralID) else { return }
        changeCall(event.connectionCallID) { call, domain in
            call.callType = event.callType
            call.overlay(
                ani: event.ani, dnis: event.dnis, dialedNumber: event.dialedNumber,
                callerEnteredDigits: event.callerEnteredDigits,
                callVariables: [event.callVariable1, event.callVariable2, event.callVariable3, event.callVariable4,
                                event.callVariable5, event.callVariable6, event.callVariable7, event.callVariable8,
                                event.callVariable9, event.callVariable10],
                callWrapupData: event.callWrapupData, namedVariables: event.namedVariables, namedArrays: event.namedArrays)
            if let day = event.routerCallKeyDay { call.routerCallKeyDay = day }
            if let id = event.routerCallKeyCallID { call.routerCallKeyCallID = id }
            if call.connection(event.connectionDeviceID) == nil {
                call.setState(.null, at: event.connectionDeviceID, domain)
            }
        }
    }

    mutating func applyQueued(_ event: CallQueuedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let device = event.connectionDeviceID
        // Where a call queues is a route point (or a queue point), never an agent's phone.
        if domain.agentDevices[device] == nil { domain.routePoints.insert(device) }
        let state = Self.reported(event.localConnectionState, else: .queued)
        changeCall(event.connectionCallID) { call, domain in
            call.setState(state, at: device, domain)
            call.setSkillGroup(event.skillGroups.first?.number)
        }
        var arguments = callArguments(.callQueuedEvent, callID: event.connectionCallID, device: device, state: state,
                                      cause: event.eventCause)
        Self.put(&arguments, Key.queueDeviceID, event.queueDeviceID)
        Self.put(&arguments, .callingDeviceID, event.callingDeviceID)
        Self.put(&arguments, .calledDeviceID, event.calledDeviceID)
        arguments[Key.numQueued] = .integer(Int64(event.numQueued))
        if let group = event.skillGroups.first?.number { Self.put(&arguments, .skillGroupNumber, number: group) }
        raiseCallEvent(.onCallQueuedEvent, call: event.connectionCallID, arguments)
    }

    mutating func applyDequeued(_ event: CallDequeuedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let device = event.connectionDeviceID
        let state = Self.reported(event.localConnectionState, else: .null)
        changeExistingCall(event.connectionCallID) { call, domain in
            // The queue's connection leaves as the call is routed; a real remaining state keeps it.
            if state == .null || state == .queued {
                call.removeConnection(at: device)
            } else {
                call.setState(state, at: device, domain)
            }
        }
        var arguments = callArguments(.callDequeuedEvent, callID: event.connectionCallID, device: device,
                                      state: event.localConnectionState, cause: event.eventCause)
        arguments[Key.numQueued] = .integer(Int64(event.numQueued))
        if let group = event.skillGroups.first?.number { Self.put(&arguments, .skillGroupNumber, number: group) }
        raiseCallEvent(.onCallDequeuedEvent, call: event.connectionCallID, arguments)
    }

    mutating func applyDelivered(_ event: CallDeliveredEvent) {
        guard isOurs(event.peripheralID) else { return }
        let device = event.connectionDeviceID
        let state = Self.reported(event.localConnectionState, else: .alerting)
        changeCall(event.connectionCallID) { call, domain in
            call.overlay(
                ani: event.ani, dnis: event.dnis, dialedNumber: event.dialedNumber,
                callerEnteredDigits: event.callerEnteredDigits,
                callVariables: [event.callVariable1, event.callVariable2, event.callVariable3, event.callVariable4,
                                event.callVariable5, event.callVariable6, event.callVariable7, event.callVariable8,
                                event.callVariable9, event.callVariable10],
                callWrapupData: event.callWrapupData, namedVariables: event.namedVariables, namedArrays: event.namedArrays)
            call.setSkillGroup(event.skillGroupNumber)
            call.setState(state, at: device, domain)
        }
        var arguments = callArguments(.callDeliveredEvent, callID: event.connectionCallID, device: device, state: state,
                                      cause: event.eventCause)
        Self.put(&arguments, .alertingDeviceID, event.alertingDeviceID)
        Self.put(&arguments, .callingDeviceID, event.callingDeviceID)
        Self.put(&arguments, .calledDeviceID, event.calledDeviceID)
        Self.addContext(domain.calls[event.connectionCallID], to: &arguments)
        raiseCallEvent(.onCallDelivered, call: event.connectionCallID, arguments)
    }

    mutating func applyEstablished(_ event: CallEstablishedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let device = event.answeringDeviceID ?? event.connectionDeviceID
        let state = Self.reported(event.localConnectionState, else: .connect)
        changeCall(event.connectionCallID) { call, domain in
            call.setState(state, at: device, domain)
            // The party that was waiting for the answer is connected too.
            for index in call.connections.indices where call.connections[index].state == .initiate {
                call.connections[index].state = .connect
            }
            call.setSkillGroup(event.skillGroupNumber)
        }
        var arguments = callArguments(.callEstablishedEvent, callID: event.connectionCallID,
                                      device: event.connectionDeviceID, state: state, cause: event.eventCause)
        Self.put(&arguments, .answeringDeviceID, event.answeringDeviceID)
        Self.put(&arguments, .callingDeviceID, event.callingDeviceID)
        Self.put(&arguments, .calledDeviceID, event.calledDeviceID)
        Self.put(&arguments, .skillGroupNumber, number: event.skillGroupNumber)
        raiseCallEvent(.onCallEstablished, call: event.connectionCallID, arguments)
    }

    mutating func applyHeld(_ event: CallHeldEvent) {
        guard isOurs(event.peripheralID) else { return }
        let device = event.holdingDeviceID ?? event.connectionDeviceID
        let state = Self.reported(event.localConnectionState, else: .hold)
        changeCall(event.connectionCallID) { call, domain in call.setState(state, at: device, domain) }
        var arguments = callArguments(.callHeldEvent, callID: event.connectionCallID, device: event.connectionDeviceID,
                                      state: state, cause: event.eventCause)
        Self.put(&arguments, Key.holdingDeviceID, event.holdingDeviceID)
        raiseCallEvent(.onCallHeld, call: event.connectionCallID, arguments)
    }

    mutating func applyRetrieved(_ event: CallRetrievedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let device = event.retrievingDeviceID ?? event.connectionDeviceID
        let state = Self.reported(event.localConnectionState, else: .connect)
        changeCall(event.connectionCallID) { call, domain in call.setState(state, at: device, domain) }
        var arguments = callArguments(.callRetrievedEvent, callID: event.connectionCallID,
                                      device: event.connectionDeviceID, state: state, cause: event.eventCause)
        Self.put(&arguments, Key.retrievingDeviceID, event.retrievingDeviceID)
        raiseCallEvent(.onCallRetrieved, call: event.connectionCallID, arguments)
    }

    mutating func applyConnectionCleared(_ event: CallConnectionClearedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let device = event.connectionDeviceID
        changeExistingCall(event.connectionCallID) { call, _ in call.removeConnection(at: device) }
        var arguments = callArguments(.callConnectionClearedEvent, callID: event.connectionCallID, device: device,
                                      state: event.localConnectionState, cause: event.eventCause)
        Self.put(&arguments, Key.releasingDeviceID, event.releasingDeviceID)
        raiseCallEvent(.onCallConnectionCleared, call: event.connectionCallID, arguments)
    }

    mutating func applyCallCleared(_ event: CallClearedEvent) {
        guard isOurs(event.peripheralID) else { return }
        removeCall(event.connectionCallID)
        let arguments = callArguments(.callClearedEvent, callID: event.connectionCallID, device: event.connectionDeviceID,
                                      state: event.localConnectionState, cause: event.eventCause)
        raiseCallEvent(.onCallCleared, call: event.connectionCallID, arguments)
    }

    mutating func applyEndCall(_ event: EndCallEvent) {
        guard isOurs(event.peripheralID) else { return }
        // Any object left ends (OnCallEnd at commit).
        removeCall(event.connectionCallID)
    }

    mutating func applyServiceInitiated(_ event: CallServiceInitiatedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let state = Self.reported(event.localConnectionState, else: .initiate)
        changeCall(event.connectionCallID) { call, domain in
            call.setState(state, at: event.connectionDeviceID, domain)
            call.setSkillGroup(event.skillGroupNumber)
        }
        var arguments = callArguments(.callServiceInitiatedEvent, callID: event.connectionCallID,
                                      device: event.connectionDeviceID, state: state, cause: event.eventCause)
        Self.put(&arguments, .callingDeviceID, event.callingDeviceID)
        raiseCallEvent(.onCallServiceInitiated, call: event.connectionCallID, arguments)
    }

    mutating func applyOriginated(_ event: CallOriginatedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let state = Self.reported(event.localConnectionState, else: .initiate)
        changeCall(event.connectionCallID) { call, domain in
            call.setState(state, at: event.connectionDeviceID, domain)
            call.setSkillGroup(event.skillGroupNumber)
        }
        var arguments = callArguments(.callOriginatedEvent, callID: event.connectionCallID,
                                      device: event.connectionDeviceID, state: state, cause: event.eventCause)
        Self.put(&arguments, .callingDeviceID, event.callingDeviceID)
        Self.put(&arguments, .calledDeviceID, event.calledDeviceID)
        raiseCallEvent(.onCallOriginated, call: event.connectionCallID, arguments)
    }

    mutating func applyReachedNetwork(_ event: CallReachedNetworkEvent) {
        guard isOurs(event.peripheralID) else { return }
        // The called party is outside (no object); the event's state is the calling side's, which earlier events
        // already gave.
        var arguments = callArguments(.callReachedNetworkEvent, callID: event.connectionCallID,
                                      device: event.connectionDeviceID, state: event.localConnectionState,
                                      cause: event.eventCause)
        Self.put(&arguments, .calledDeviceID, event.calledDeviceID)
        Self.put(&arguments, Key.trunkUsedDeviceID, event.trunkUsedDeviceID)
        raiseCallEvent(.onCallReachedNetwork, call: event.connectionCallID, arguments)
    }

    mutating func applyDiverted(_ event: CallDivertedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let device = event.connectionDeviceID
        changeExistingCall(event.connectionCallID) { call, _ in call.removeConnection(at: device) }
        var arguments = callArguments(.callDivertedEvent, callID: event.connectionCallID, device: device,
                                      state: event.localConnectionState, cause: event.eventCause)
        Self.put(&arguments, Key.divertingDeviceID, event.divertingDeviceID)
        Self.put(&arguments, .calledDeviceID, event.calledDeviceID)
        raiseCallEvent(.onCallDiverted, call: event.connectionCallID, arguments)
    }

    mutating func applyFailed(_ event: CallFailedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let state = Self.reported(event.localConnectionState, else: .fail)
        changeCall(event.connectionCallID) { call, domain in call.setState(state, at: event.connectionDeviceID, domain) }
        var arguments = callArguments(.callFailedEvent, callID: event.connectionCallID, device: event.connectionDeviceID,
                                      state: state, cause: event.eventCause)
        Self.put(&arguments, .calledDeviceID, event.calledDeviceID)
        raiseCallEvent(.onCallFailed, call: event.connectionCallID, arguments)
    }

    mutating func applyTransferred(_ event: CallTransferredEvent) {
        guard isOurs(event.peripheralID) else { return }
        merge(primary: event.primaryCallID, secondary: event.secondaryCallID, parties: event.connectedParties,
              controller: nil, skillGroup: event.skillGroupNumber)
        var arguments = callArguments(.callTransferredEvent, callID: event.primaryCallID, device: event.primaryDeviceID,
                                      state: event.localConnectionState, cause: event.eventCause)
        arguments[Key.primaryCallID] = .integer(Int64(event.primaryCallID))
        arguments[Key.secondaryCallID] = .integer(Int64(event.secondaryCallID))
        Self.put(&arguments, Key.transferringDeviceID, event.transferringDeviceID)
        Self.put(&arguments, Key.transferredDeviceID, event.transferredDeviceID)
        arguments[.parties] = .array(event.connectedParties.compactMap { $0.deviceID.map(ArgumentValue.string) })
        if event.secondaryCallID != event.primaryCallID {
            raiseCallEvent(.onCallTransferred, call: event.secondaryCallID, arguments)
        }
        raiseCallEvent(.onCallTransferred, call: event.primaryCallID, arguments)
    }

    mutating func applyConferenced(_ event: CallConferencedEvent) {
        guard isOurs(event.peripheralID) else { return }
        let state = Self.reported(event.localConnectionState, else: .connect)
        merge(primary: event.primaryCallID, secondary: event.secondaryCallID, parties: event.connectedParties,
              controller: event.controllerDeviceID.map { ($0, state) }, skillGroup: event.skillGroupNumber)
        var arguments = callArguments(.callConferencedEvent, callID: event.primaryCallID, device: event.primaryDeviceID,
                                      state: event.localConnectionState, cause: event.eventCause)
        arguments[Key.primaryCallID] = .integer(Int64(event.primaryCallID))
        arguments[Key.secondaryCallID] = .integer(Int64(event.secondaryCallID))
        Self.put(&arguments, Key.controllerDeviceID, event.controllerDeviceID)
        Self.put(&arguments, Key.addedPartyDeviceID, event.addedPartyDeviceID)
        arguments[.parties] = .array(event.connectedParties.compactMap { $0.deviceID.map(ArgumentValue.string) })
        if event.secondaryCallID != event.primaryCallID {
            raiseCallEvent(.onCallConferenced, call: event.secondaryCallID, arguments)
        }
        raiseCallEvent(.onCallConferenced, call: event.primaryCallID, arguments)
    }

    /// CALL_TRANSFERRED and CALL_CONFERENCED: the primary call's connections become the listed parties (those of
    /// agent devices and route points), each in the state it had on the primary call, else on the secondary call
    /// (a conference's controller takes the event's state); queued connections are kept. The secondary call's
    /// objects are gone: a connection that moved is a new object of the primary call.
    mutating func merge(primary: UInt32, secondary: UInt32, parties: [ConnectedParty],
                        controller: (device: String, state: LocalConnectionState)?, skillGroup: UInt32) {
        for party in parties where party.deviceIDType == .routePoint {
            if let device = party.deviceID, !device.isEmpty, domain.agentDevices[device] == nil {
                domain.routePoints.insert(device)
            }
        }
        let secondaryCall = secondary == primary ? nil : domain.calls[secondary]
        let primaryKnown = domain.calls[primary] != nil
        if secondary != primary { removeCall(secondary) }
        changeCall(primary) { call, domain in
            if !primaryKnown, let secondaryCall {
                let connections = call.connections
                call = secondaryCall
                call.id = primary
                call.connections = connections
            }
            var merged: [ConnectionRecord] = []
            for party in parties {
                guard let device = party.deviceID, !device.isEmpty, !merged.contains(where: { $0.device == device })
                else { continue }
                let state = controller?.device == device ? controller!.state
                    : call.connection(device)?.state ?? secondaryCall?.connection(device)?.state ?? .connect
                if var existing = call.connection(device) ?? secondaryCall?.connection(device) {
                    existing.state = state
                    merged.append(existing)
                } else if let connection = domain.newConnection(device, state) {
                    merged.append(connection)
                }
            }
            for connection in call.connections where connection.state == .queued
                && !merged.contains(where: { $0.device == connection.device }) {
                merged.append(connection)
            }
            call.connections = merged
            call.setSkillGroup(skillGroup)
        }
    }

    mutating func applyCallDataUpdate(_ event: CallDataUpdateEvent) {
        guard isOurs(event.peripheralID) else { return }
        changeExistingCall(event.connectionCallID) { call, _ in
            call.callType = event.callType
            call.overlay(
                ani: event.ani, dnis: event.dnis, dialedNumber: event.dialedNumber,
                callerEnteredDigits: event.callerEnteredDigits,
                callVariables: [event.callVariable1, event.callVariable2, event.callVariable3, event.callVariable4,
                                event.callVariable5, event.callVariable6, event.callVariable7, event.callVariable8,
                                event.callVariable9, event.callVariable10],
                callWrapupData: event.callWrapupData, namedVariables: event.namedVariables, namedArrays: event.namedArrays)
            if let day = event.routerCallKeyDay { call.routerCallKeyDay = day }
            if let id = event.routerCallKeyCallID { call.routerCallKeyCallID = id }
        }
        var arguments = callArguments(.callDataUpdateEvent, callID: event.connectionCallID,
                                      device: event.connectionDeviceID)
        Self.addContext(domain.calls[event.connectionCallID], to: &arguments)
        raiseCallEvent(.onCallDataUpdate, call: event.connectionCallID, arguments)
    }

    /// SNAPSHOT_CALL_CONF: the call as the CTI Server reports it now (context and every connection). The
    /// confirmation does not carry the skill group, so the store keeps the one it had.
    mutating func applySnapshotCall(_ conf: SnapshotCallConf) {
        guard let id = conf.callDevices.lazy.compactMap(\.connectionCallID).first else { return }
        for device in conf.callDevices where device.deviceIDType == .routePoint {
            if let name = device.deviceID ?? device.connectionDeviceID, !name.isEmpty, domain.agentDevices[name] == nil {
                domain.routePoints.insert(name)
            }
        }
        changeCall(id) { call, domain in
            call.callType = conf.callType
            call.ani = conf.ani
            call.dnis = conf.dnis
            call.dialedNumber = conf.dialedNumber
            call.callerEnteredDigits = conf.callerEnteredDigits
            call.setCallVariables([conf.callVariable1, conf.callVariable2, conf.callVariable3, conf.callVariable4,
                                   conf.callVariable5, conf.callVariable6, conf.callVariable7, conf.callVariable8,
                                   conf.callVariable9, conf.callVariable10], replacingAll: true)
            call.callWrapupData = conf.callWrapupData
            call.namedVariables = []
            call.namedArrays = []
            call.overlayECC(conf.namedVariables, conf.namedArrays)
            call.routerCallKeyDay = conf.routerCallKeyDay
            call.routerCallKeyCallID = conf.routerCallKeyCallID
            var connections: [ConnectionRecord] = []
            for device in conf.callDevices {
                guard let name = device.deviceID ?? device.connectionDeviceID, !name.isEmpty,
                      !connections.contains(where: { $0.device == name }) else { continue }
                let state = device.connectionState ?? .null
                if var existing = call.connection(name) {
                    existing.state = state
                    connections.append(existing)
                } else if let connection = domain.newConnection(name, state) {
                    connections.append(connection)
                }
            }
            call.connections = connections
        }
    }
}
