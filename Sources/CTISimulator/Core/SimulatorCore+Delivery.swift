import GED188
import NIOCore

extension SimulatorCore {
    /// Hands the model's new events to the sessions that want them: a bridge (ALL_EVENTS) session gets every event
    /// its masks allow, encoded once for all bridges; a CLIENT_EVENTS session gets the events of its agent and of the
    /// teams it monitors, with its own MonitorID.
    mutating func distributeEvents() {
        let events = center.takeEvents()
        counters.eventsGenerated += UInt64(events.count)
        if deliveryPaused {
            pausedEvents += events
            if pausedEvents.count > settings.maximumPausedEvents {
                pausedEvents.removeAll()
                dropAllSessions()
                output.problems.append("more than \(settings.maximumPausedEvents) events waited while delivery was paused: every session was reset")
            }
            return
        }
        if !pausedEvents.isEmpty {
            let waiting = pausedEvents
            pausedEvents.removeAll()
            for event in waiting { deliver(event) }
        }
        for event in events { deliver(event) }
    }

    private mutating func deliver(_ event: SimulatorEvent) {
        let filter = EventFilter(event.message)
        var shared: ByteBuffer?
        for id in order {
            guard let session = sessions[id], sides[session.side] == .online, let open = session.open else { continue }
            guard filter.passes(callMask: open.callMask, agentStateMask: open.agentStateMask) else { continue }
            if open.isBridge {
                if shared == nil {
                    var buffer = ByteBuffer()
                    do {
                        try event.message.encode(into: &buffer)
                    } catch {
                        output.problems.append("could not encode \(event.message.type.name ?? "an event"): \(error)")
                        return
                    }
                    shared = buffer
                }
                var bytes = pending.removeValue(forKey: id) ?? ByteBuffer()
                bytes.writeImmutableBuffer(shared!)
                pending[id] = bytes
                counters.messagesSent += 1
            } else if let monitorID = monitorID(for: event, open: open) {
                send(event.message.settingMonitorID(monitorID), to: id)
            }
        }
    }

    /// The MonitorID a CLIENT_EVENTS session sees an event under, or `nil` when the event is not for it.
    private func monitorID(for event: SimulatorEvent, open: ServerSession.OpenSession) -> UInt32? {
        guard !event.agents.isEmpty else { return nil }
        if let agent = open.agentID, event.agents.contains(agent) { return open.monitorID }
        for (team, monitorID) in open.teamMonitors.sorted(by: { $0.key < $1.key }) {
            let members = center.teamAgentIDs(team)
            if event.agents.contains(where: members.contains) { return monitorID }
        }
        return nil
    }
}

/// Which mask bit decides whether a session gets an event.
struct EventFilter {
    var callBit: CallMessageMask?
    var agentStateBit: AgentStateMask?

    init(_ message: GED188Message) {
        switch message {
        case .callDeliveredEvent: callBit = .delivered
        case .callQueuedEvent: callBit = .queued
        case .callEstablishedEvent: callBit = .established
        case .callHeldEvent: callBit = .held
        case .callRetrievedEvent: callBit = .retrieved
        case .callClearedEvent: callBit = .cleared
        case .callConnectionClearedEvent: callBit = .connectionCleared
        case .callOriginatedEvent: callBit = .originated
        case .callConferencedEvent: callBit = .conferenced
        case .callTransferredEvent: callBit = .transferred
        case .callDivertedEvent: callBit = .diverted
        case .callServiceInitiatedEvent: callBit = .serviceInitiated
        case .beginCallEvent: callBit = .beginCall
        case .endCallEvent: callBit = .endCall
        case .callDataUpdateEvent: callBit = .callDataUpdate
        case .callFailedEvent: callBit = .failed
        case .callReachedNetworkEvent: callBit = .reachedNetwork
        case .callDequeuedEvent: callBit = .dequeued
        case .agentPreCallEvent: callBit = .agentPreCall
        case .agentPreCallAbortEvent: callBit = .agentPreCallAbort
        case .agentStateEvent(let event): agentStateBit = AgentStateMask(event.agentState)
        default: break
        }
    }

    func passes(callMask: CallMessageMask, agentStateMask: AgentStateMask) -> Bool {
        if let callBit { return callMask.contains(callBit) }
        if let agentStateBit { return agentStateMask.contains(agentStateBit) }
        return true
    }
}

extension AgentStateMask {
    /// The mask bit of an agent state (UNKNOWN has none, so it is never filtered out).
    init?(_ state: AgentState) {
        switch state {
        case .login: self = .login
        case .logout: self = .logout
        case .notReady: self = .notReady
        case .available: self = .available
        case .talking: self = .talking
        case .workNotReady: self = .workNotReady
        case .workReady: self = .workReady
        case .busyOther: self = .busyOther
        case .reserved: self = .reserved
        case .hold: self = .hold
        case .active: self = .active
        case .paused: self = .paused
        case .interrupted: self = .interrupted
        case .notActive: self = .notActive
        default: return nil
        }
    }
}

extension GED188Message {
    /// The same event under another MonitorID (events that carry one).
    func settingMonitorID(_ monitorID: UInt32) -> GED188Message {
        switch self {
        case .callDeliveredEvent(var e): e.monitorID = monitorID; return .callDeliveredEvent(e)
        case .callEstablishedEvent(var e): e.monitorID = monitorID; return .callEstablishedEvent(e)
        case .callHeldEvent(var e): e.monitorID = monitorID; return .callHeldEvent(e)
        case .callRetrievedEvent(var e): e.monitorID = monitorID; return .callRetrievedEvent(e)
        case .callClearedEvent(var e): e.monitorID = monitorID; return .callClearedEvent(e)
        case .callConnectionClearedEvent(var e): e.monitorID = monitorID; return .callConnectionClearedEvent(e)
        case .callOriginatedEvent(var e): e.monitorID = monitorID; return .callOriginatedEvent(e)
        case .callFailedEvent(var e): e.monitorID = monitorID; return .callFailedEvent(e)
        case .callConferencedEvent(var e): e.monitorID = monitorID; return .callConferencedEvent(e)
        case .callTransferredEvent(var e): e.monitorID = monitorID; return .callTransferredEvent(e)
        case .callDivertedEvent(var e): e.monitorID = monitorID; return .callDivertedEvent(e)
        case .callServiceInitiatedEvent(var e): e.monitorID = monitorID; return .callServiceInitiatedEvent(e)
        case .callQueuedEvent(var e): e.monitorID = monitorID; return .callQueuedEvent(e)
        case .beginCallEvent(var e): e.monitorID = monitorID; return .beginCallEvent(e)
        case .endCallEvent(var e): e.monitorID = monitorID; return .endCallEvent(e)
        case .callDataUpdateEvent(var e): e.monitorID = monitorID; return .callDataUpdateEvent(e)
        case .callReachedNetworkEvent(var e): e.monitorID = monitorID; return .callReachedNetworkEvent(e)
        case .callDequeuedEvent(var e): e.monitorID = monitorID; return .callDequeuedEvent(e)
        case .agentPreCallEvent(var e): e.monitorID = monitorID; return .agentPreCallEvent(e)
        case .agentPreCallAbortEvent(var e): e.monitorID = monitorID; return .agentPreCallAbortEvent(e)
        case .agentStateEvent(var e): e.monitorID = monitorID; return .agentStateEvent(e)
        default: return self
        }
    }
}
