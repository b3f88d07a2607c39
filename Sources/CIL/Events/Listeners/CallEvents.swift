/// Cisco's `ICallEvents`: the agent's calls (in agent mode), or any call the filter matches (in monitor mode).
///
/// Every method has an empty default implementation (Cisco's event adapter classes), so a listener implements
/// only what it uses. Methods run on the session's event thread, one at a time and in order, each after the
/// cache holds the objects as they are after the event: do not block in them.
public protocol CallEvents: EventListener {
    /// `OnAgentPrecallEvent`: a call is about to be routed to the agent (its call data, before it rings).
    func onAgentPrecallEvent(_ event: CILEvent)
    /// `OnAgentPrecallAbortEvent`: a call announced by OnAgentPrecallEvent will not come.
    func onAgentPrecallAbortEvent(_ event: CILEvent)
    /// `OnCallBegin`: a call object was created (a call appeared at the device).
    func onCallBegin(_ event: CILEvent)
    /// `OnCallDelivered`: a call rings: `ANI`, `DNIS`, `DialedNumber`, `CallVariable1`…`10`, `ECC`, `AlertingDeviceID`, `CallingDeviceID`, `CalledDeviceID`; the screen-pop event.
    func onCallDelivered(_ event: CILEvent)
    /// `OnCallEstablished`: a call was answered.
    func onCallEstablished(_ event: CILEvent)
    /// `OnCallHeld`: a call was put on hold.
    func onCallHeld(_ event: CILEvent)
    /// `OnCallRetrieved`: a held call was taken back.
    func onCallRetrieved(_ event: CILEvent)
    /// `OnCallCleared`: the whole call ended.
    func onCallCleared(_ event: CILEvent)
    /// `OnCallConnectionCleared`: one party left the call.
    func onCallConnectionCleared(_ event: CILEvent)
    /// `OnCallEnd`: the call object is gone (raised last; a monitor-mode application deletes its Call here).
    func onCallEnd(_ event: CILEvent)
    /// `OnCallDataUpdate`: the call's data changed.
    func onCallDataUpdate(_ event: CILEvent)
    /// `OnCallTransferred`: the call was transferred.
    func onCallTransferred(_ event: CILEvent)
    /// `OnCallConferenced`: the call became a conference.
    func onCallConferenced(_ event: CILEvent)
    /// `OnCallFailed`: the call failed.
    func onCallFailed(_ event: CILEvent)
    /// `OnCallQueuedEvent`: the call was queued.
    func onCallQueuedEvent(_ event: CILEvent)
    /// `OnCallDequeuedEvent`: the call left its queue.
    func onCallDequeuedEvent(_ event: CILEvent)
    /// `OnCallDiverted`: the call left a device unanswered (ring no answer, deflect).
    func onCallDiverted(_ event: CILEvent)
    /// `OnCallOriginated`: an outbound call was dialled.
    func onCallOriginated(_ event: CILEvent)
    /// `OnCallServiceInitiated`: the device went off hook to make a call.
    func onCallServiceInitiated(_ event: CILEvent)
    /// `OnCallReachedNetwork`: an outbound call reached the network.
    func onCallReachedNetwork(_ event: CILEvent)
}

extension CallEvents {
    /// Does nothing.
    public func onAgentPrecallEvent(_ event: CILEvent) {}
    /// Does nothing.
    public func onAgentPrecallAbortEvent(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallBegin(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallDelivered(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallEstablished(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallHeld(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallRetrieved(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallCleared(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallConnectionCleared(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallEnd(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallDataUpdate(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallTransferred(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallConferenced(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallFailed(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallQueuedEvent(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallDequeuedEvent(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallDiverted(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallOriginated(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallServiceInitiated(_ event: CILEvent) {}
    /// Does nothing.
    public func onCallReachedNetwork(_ event: CILEvent) {}
}

extension CallEvents {
    /// Calls the method for the event's kind; `false` when this protocol has none.
    func dispatchCallEvents(_ kind: EventKind, _ event: CILEvent) -> Bool {
        switch kind {
        case .agentPrecallEvent: onAgentPrecallEvent(event)
        case .agentPrecallAbortEvent: onAgentPrecallAbortEvent(event)
        case .callBegin: onCallBegin(event)
        case .callDelivered: onCallDelivered(event)
        case .callEstablished: onCallEstablished(event)
        case .callHeld: onCallHeld(event)
        case .callRetrieved: onCallRetrieved(event)
        case .callCleared: onCallCleared(event)
        case .callConnectionCleared: onCallConnectionCleared(event)
        case .callEnd: onCallEnd(event)
        case .callDataUpdate: onCallDataUpdate(event)
        case .callTransferred: onCallTransferred(event)
        case .callConferenced: onCallConferenced(event)
        case .callFailed: onCallFailed(event)
        case .callQueuedEvent: onCallQueuedEvent(event)
        case .callDequeuedEvent: onCallDequeuedEvent(event)
        case .callDiverted: onCallDiverted(event)
        case .callOriginated: onCallOriginated(event)
        case .callServiceInitiated: onCallServiceInitiated(event)
        case .callReachedNetwork: onCallReachedNetwork(event)
        default: return false
        }
        return true
    }
}
