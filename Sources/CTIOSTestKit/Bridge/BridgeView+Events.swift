import GED188

extension BridgeView {
    mutating func applyAgentState(_ event: AgentStateEvent) {
        guard let id = event.agentID, !id.isEmpty else {
            note("AGENT_STATE_EVENT without an AgentID (instrument \(event.agentInstrument ?? "-"))")
            return
        }
        var groups: [UInt32: AgentState] = [:]
        for group in event.fltSkillGroups {
            guard let number = group.number else { continue }
            groups[UInt32(bitPattern: number)] = group.state ?? event.agentState
        }
        agents[id] = Agent(id: id, state: event.agentState, reasonCode: event.eventReasonCode, skillGroups: groups)
    }

    mutating func applyBeginCall(_ event: BeginCallEvent) {
        var call = calls[event.connectionCallID] ?? Call(id: event.connectionCallID)
        call.ani = event.ani ?? ""
        call.dnis = event.dnis ?? ""
        call.dialedNumber = event.dialedNumber ?? ""
        call.callVariables = [
            event.callVariable1, event.callVariable2, event.callVariable3, event.callVariable4, event.callVariable5,
            event.callVariable6, event.callVariable7, event.callVariable8, event.callVariable9, event.callVariable10,
        ]
        call.callWrapupData = event.callWrapupData
        call.namedVariables = event.namedVariables
        call.namedArrays = event.namedArrays
        calls[event.connectionCallID] = call
    }

    mutating func applyQueued(_ event: CallQueuedEvent) {
        updateCall(event.connectionCallID, "CALL_QUEUED_EVENT") { call in
            call.addCallerIfFirst(event.callingDeviceID, besides: event.connectionDeviceID)
            call.set(event.connectionDeviceID, Self.state(event.localConnectionState, else: .queued))
        }
    }

    mutating func applyDequeued(_ event: CallDequeuedEvent) {
        updateCall(event.connectionCallID, "CALL_DEQUEUED_EVENT") { call in
            // The queue's connection leaves as the call is routed; a real remaining state keeps it.
            let state = Self.state(event.localConnectionState, else: .null)
            if state == .null || state == .queued {
                call.remove(event.connectionDeviceID)
            } else {
                call.set(event.connectionDeviceID, state)
            }
        }
    }

    mutating func applyDelivered(_ event: CallDeliveredEvent) {
        updateCall(event.connectionCallID, "CALL_DELIVERED_EVENT") { call in
            call.addCallerIfFirst(event.callingDeviceID, besides: event.connectionDeviceID)
            call.set(event.connectionDeviceID, Self.state(event.localConnectionState, else: .alerting))
        }
    }

    mutating func applyEstablished(_ event: CallEstablishedEvent) {
        updateCall(event.connectionCallID, "CALL_ESTABLISHED_EVENT") { call in
            call.set(event.answeringDeviceID ?? event.connectionDeviceID,
                     Self.state(event.localConnectionState, else: .connect))
            // The party that was waiting for the answer is connected too.
            for index in call.connections.indices where call.connections[index].state == .initiate {
                call.connections[index].state = .connect
            }
        }
    }

    mutating func applyReachedNetwork(_ event: CallReachedNetworkEvent) {
        updateCall(event.connectionCallID, "CALL_REACHED_NETWORK_EVENT") { call in
            // The event's LocalConnectionState is the calling side's; the called party rings outside.
            guard let called = event.calledDeviceID, !called.isEmpty, call.state(of: called) == nil else { return }
            call.set(called, .alerting)
        }
    }

    /// CALL_TRANSFERRED and CALL_CONFERENCED: the primary call's connections become the listed parties, each in the
    /// state it had on the primary call, else on the secondary call; the controller (a conference's) takes the
    /// event's state. Queued connections are never listed as parties, so the primary's stay.
    mutating func applyMerge(
        _ name: String, primary: UInt32, secondary: UInt32, parties: [ConnectedParty],
        controller: (device: String, state: LocalConnectionState)?
    ) {
        let secondaryCall = calls[secondary]
        if secondary != primary, secondaryCall == nil {
            note("\(name) names secondary call \(secondary), which the view does not have")
        }
        updateCall(primary, name) { call in
            var merged: [Connection] = []
            for party in parties {
                guard let device = party.deviceID, !device.isEmpty,
                      !merged.contains(where: { $0.deviceID == device }) else { continue }
                let state: LocalConnectionState
                if let controller, controller.device == device {
                    state = controller.state
                } else {
                    state = call.state(of: device) ?? secondaryCall?.state(of: device) ?? .connect
                }
                merged.append(Connection(deviceID: device, state: state))
            }
            merged += call.connections.filter { connection in
                connection.state == .queued && !merged.contains { $0.deviceID == connection.deviceID }
            }
            call.connections = merged
        }
    }

    /// CALL_DATA_UPDATE: each call variable given replaces the old one; ECC variables replace by name (and index).
    mutating func applyCallDataUpdate(_ event: CallDataUpdateEvent) {
        updateCall(event.connectionCallID, "CALL_DATA_UPDATE_EVENT") { call in
            if let ani = event.ani { call.ani = ani }
            if let dnis = event.dnis { call.dnis = dnis }
            if let dialedNumber = event.dialedNumber { call.dialedNumber = dialedNumber }
            let given = [
                event.callVariable1, event.callVariable2, event.callVariable3, event.callVariable4, event.callVariable5,
                event.callVariable6, event.callVariable7, event.callVariable8, event.callVariable9, event.callVariable10,
            ]
            for (index, value) in given.enumerated() where value != nil { call.callVariables[index] = value }
            if let wrapup = event.callWrapupData { call.callWrapupData = wrapup }
            for variable in event.namedVariables {
                call.namedVariables.removeAll { $0.name == variable.name }
                call.namedVariables.append(variable)
            }
            for element in event.namedArrays {
                call.namedArrays.removeAll { $0.name == element.name && $0.index == element.index }
                call.namedArrays.append(element)
            }
        }
    }
}

extension BridgeView.Call {
    /// On a call with no connection yet (but `device`'s), the calling party (an inbound caller) is connected from
    /// the start.
    mutating func addCallerIfFirst(_ calling: String?, besides device: String) {
        guard let calling, !calling.isEmpty, calling != device,
              connections.allSatisfy({ $0.deviceID == device }) else { return }
        connections.insert(BridgeView.Connection(deviceID: calling, state: .connect), at: 0)
    }
}
