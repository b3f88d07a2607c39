/// Cisco's `ISessionEvents`: the connection and the session.
///
/// Every method has an empty default implementation (Cisco's event adapter classes), so a listener implements
/// only what it uses. Methods run on the session's event thread, one at a time and in order, each after the
/// cache holds the objects as they are after the event: do not block in them.
public protocol SessionEvents: EventListener {
    /// `OnConnection`: the session is connected to a server (again, after a loss): `CurrentServer`, `CurrentPort`, `Heartbeat` (ms), `ServerID`.
    func onConnection(_ event: CILEvent)
    /// `OnConnectionClosed`: the application disconnected the session.
    func onConnectionClosed(_ event: CILEvent)
    /// `OnConnectionFailure`: the connection was lost: `FailureCode` (protocol mismatch 0, missed heartbeats 1, transport error 2, connect fail 3, other 4), `ErrorMessage`, `CurrentServer`, `CurrentPort`; the session reconnects by itself.
    func onConnectionFailure(_ event: CILEvent)
    /// `OnConnectionRejected`: a server does not speak this CIL's protocol version: `ErrorMessage` lists both sides' versions.
    func onConnectionRejected(_ event: CILEvent)
    /// `OnCTIOSFailure`: the CTI Server or the peripheral went offline or came back: `FailureCode`, `SystemEventID` (CTI Server offline 7, online 8, peripheral offline 3, online 4, …), `SystemEventArg1`, `ErrorMessage`.
    func onCTIOSFailure(_ event: CILEvent)
    /// `OnCurrentAgentReset`: the session's current agent changed (a new `setAgent`).
    func onCurrentAgentReset(_ event: CILEvent)
    /// `OnCurrentCallChanged`: the session's current call changed: `UniqueObjectID` of the new one, absent when there is none.
    func onCurrentCallChanged(_ event: CILEvent)
    /// `OnHeartbeat`: not raised by this CIL (heartbeats are its own business); kept for Cisco's interface.
    func onHeartbeat(_ event: CILEvent)
    /// `OnMissingHeartbeat`: nothing came from the server for two heartbeat intervals or more: `MissedHeartbeats`, `MaxHeartbeats`.
    func onMissingHeartbeat(_ event: CILEvent)
    /// `OnMonitorModeEstablished`: monitor mode is set and its objects are in the cache: `MessageFilter`.
    func onMonitorModeEstablished(_ event: CILEvent)
    /// `OnSessionRecovered`: after a loss, the session is connected again with its mode restored and its cache current (this project's event): `Duration` (ms since the loss), `Recovery` (`backlog`, `snapshot` or `none`), `Moved` (true when the server asked the session to move to its peer, a drain, rather than failing), `CurrentServer`, `CurrentPort`; `ErrorMessage` when the mode could not be set again.
    func onSessionRecovered(_ event: CILEvent)
}

extension SessionEvents {
    /// Does nothing.
    public func onConnection(_ event: CILEvent) {}
    /// Does nothing.
    public func onConnectionClosed(_ event: CILEvent) {}
    /// Does nothing.
    public func onConnectionFailure(_ event: CILEvent) {}
    /// Does nothing.
    public func onConnectionRejected(_ event: CILEvent) {}
    /// Does nothing.
    public func onCTIOSFailure(_ event: CILEvent) {}
    /// Does nothing.
    public func onCurrentAgentReset(_ event: CILEvent) {}
    /// Does nothing.
    public func onCurrentCallChanged(_ event: CILEvent) {}
    /// Does nothing.
    public func onHeartbeat(_ event: CILEvent) {}
    /// Does nothing.
    public func onMissingHeartbeat(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitorModeEstablished(_ event: CILEvent) {}
    /// Does nothing.
    public func onSessionRecovered(_ event: CILEvent) {}
}

extension SessionEvents {
    /// Calls the method for the event's kind; `false` when this protocol has none.
    func dispatchSessionEvents(_ kind: EventKind, _ event: CILEvent) -> Bool {
        switch kind {
        case .connection: onConnection(event)
        case .connectionClosed: onConnectionClosed(event)
        case .connectionFailure: onConnectionFailure(event)
        case .connectionRejected: onConnectionRejected(event)
        case .ctiosFailure: onCTIOSFailure(event)
        case .currentAgentReset: onCurrentAgentReset(event)
        case .currentCallChanged: onCurrentCallChanged(event)
        case .heartbeat: onHeartbeat(event)
        case .missingHeartbeat: onMissingHeartbeat(event)
        case .monitorModeEstablished: onMonitorModeEstablished(event)
        case .sessionRecovered: onSessionRecovered(event)
        default: return false
        }
        return true
    }
}
