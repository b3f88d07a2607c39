/// Cisco's `IMonitoredCallEvents`: in agent mode, the call events of the other agents the session sees (a supervisor's team).
///
/// Every method has an empty default implementation (Cisco's event adapter classes), so a listener implements
/// only what it uses. Methods run on the session's event thread, one at a time and in order, each after the
/// cache holds the objects as they are after the event: do not block in them.
public protocol MonitoredCallEvents: EventListener {
    /// `OnMonitoredCallBegin`: a monitored agent's call object was created (a monitored agent's call appeared at the device).
    func onMonitoredCallBegin(_ event: CILEvent)
    /// `OnMonitoredCallDelivered`: a monitored agent's call rings: `ANI`, `DNIS`, `DialedNumber`, `CallVariable1`…`10`, `ECC`, `AlertingDeviceID`, `CallingDeviceID`, `CalledDeviceID`; the screen-pop event.
    func onMonitoredCallDelivered(_ event: CILEvent)
    /// `OnMonitoredCallEstablished`: a monitored agent's call was answered.
    func onMonitoredCallEstablished(_ event: CILEvent)
    /// `OnMonitoredCallHeld`: a monitored agent's call was put on hold.
    func onMonitoredCallHeld(_ event: CILEvent)
    /// `OnMonitoredCallRetrieved`: a held call was taken back.
    func onMonitoredCallRetrieved(_ event: CILEvent)
    /// `OnMonitoredCallCleared`: the whole call ended.
    func onMonitoredCallCleared(_ event: CILEvent)
    /// `OnMonitoredCallConnectionCleared`: one party left a monitored agent's call.
    func onMonitoredCallConnectionCleared(_ event: CILEvent)
    /// `OnMonitoredCallEnd`: a monitored agent's call object is gone (raised last; a monitor-mode application deletes its Call here).
    func onMonitoredCallEnd(_ event: CILEvent)
    /// `OnMonitoredCallDataUpdate`: a monitored agent's call's data changed.
    func onMonitoredCallDataUpdate(_ event: CILEvent)
    /// `OnMonitoredCallTransferred`: a monitored agent's call was transferred.
    func onMonitoredCallTransferred(_ event: CILEvent)
    /// `OnMonitoredCallConferenced`: a monitored agent's call became a conference.
    func onMonitoredCallConferenced(_ event: CILEvent)
    /// `OnMonitoredCallFailed`: a monitored agent's call failed.
    func onMonitoredCallFailed(_ event: CILEvent)
    /// `OnMonitoredCallQueuedEvent`: a monitored agent's call was queued.
    func onMonitoredCallQueuedEvent(_ event: CILEvent)
    /// `OnMonitoredCallDequeuedEvent`: a monitored agent's call left its queue.
    func onMonitoredCallDequeuedEvent(_ event: CILEvent)
    /// `OnMonitoredCallDiverted`: a monitored agent's call left a device unanswered (ring no answer, deflect).
    func onMonitoredCallDiverted(_ event: CILEvent)
    /// `OnMonitoredCallOriginated`: an outbound call was dialled.
    func onMonitoredCallOriginated(_ event: CILEvent)
    /// `OnMonitoredCallServiceInitiated`: the device went off hook to make a monitored agent's call.
    func onMonitoredCallServiceInitiated(_ event: CILEvent)
    /// `OnMonitoredCallReachedNetwork`: an outbound call reached the network.
    func onMonitoredCallReachedNetwork(_ event: CILEvent)
}

extension MonitoredCallEvents {
    /// Does nothing.
    public func onMonitoredCallBegin(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallDelivered(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallEstablished(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallHeld(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallRetrieved(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallCleared(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallConnectionCleared(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallEnd(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallDataUpdate(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallTransferred(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallConferenced(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallFailed(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallQueuedEvent(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallDequeuedEvent(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallDiverted(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallOriginated(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallServiceInitiated(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredCallReachedNetwork(_ event: CILEvent) {}
}

extension MonitoredCallEvents {
    /// Calls the method for the event's kind; `false` when this protocol has none.
    func dispatchMonitoredCallEvents(_ kind: EventKind, _ event: CILEvent) -> Bool {
        switch kind {
        case .callBegin: onMonitoredCallBegin(event)
        case .callDelivered: onMonitoredCallDelivered(event)
        case .callEstablished: onMonitoredCallEstablished(event)
        case .callHeld: onMonitoredCallHeld(event)
        case .callRetrieved: onMonitoredCallRetrieved(event)
        case .callCleared: onMonitoredCallCleared(event)
        case .callConnectionCleared: onMonitoredCallConnectionCleared(event)
        case .callEnd: onMonitoredCallEnd(event)
        case .callDataUpdate: onMonitoredCallDataUpdate(event)
        case .callTransferred: onMonitoredCallTransferred(event)
        case .callConferenced: onMonitoredCallConferenced(event)
        case .callFailed: onMonitoredCallFailed(event)
        case .callQueuedEvent: onMonitoredCallQueuedEvent(event)
        case .callDequeuedEvent: onMonitoredCallDequeuedEvent(event)
        case .callDiverted: onMonitoredCallDiverted(event)
        case .callOriginated: onMonitoredCallOriginated(event)
        case .callServiceInitiated: onMonitoredCallServiceInitiated(event)
        case .callReachedNetwork: onMonitoredCallReachedNetwork(event)
        default: return false
        }
        return true
    }
}
