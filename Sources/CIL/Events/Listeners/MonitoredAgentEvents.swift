/// Cisco's `IMonitoredAgentEvents`: in agent mode, the events of the other agents the session sees (a supervisor's team).
///
/// Every method has an empty default implementation (Cisco's event adapter classes), so a listener implements
/// only what it uses. Methods run on the session's event thread, one at a time and in order, each after the
/// cache holds the objects as they are after the event: do not block in them.
public protocol MonitoredAgentEvents: EventListener {
    /// `OnMonitoredAgentStateChange`: a monitored agent's state changed (a supervisor's team member).
    func onMonitoredAgentStateChange(_ event: CILEvent)
    /// `OnMonitoredEmergencyCall`: a monitored agent's emergency or assistance call.
    func onMonitoredEmergencyCall(_ event: CILEvent)
    /// `OnMonitoredAgentPrecallEvent`: a call is about to be routed to a monitored agent.
    func onMonitoredAgentPrecallEvent(_ event: CILEvent)
}

extension MonitoredAgentEvents {
    /// Does nothing.
    public func onMonitoredAgentStateChange(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredEmergencyCall(_ event: CILEvent) {}
    /// Does nothing.
    public func onMonitoredAgentPrecallEvent(_ event: CILEvent) {}
}

extension MonitoredAgentEvents {
    /// Calls the method for the event's kind; `false` when this protocol has none.
    func dispatchMonitoredAgentEvents(_ kind: EventKind, _ event: CILEvent) -> Bool {
        switch kind {
        case .agentStateChange: onMonitoredAgentStateChange(event)
        case .emergencyCall: onMonitoredEmergencyCall(event)
        case .agentPrecallEvent: onMonitoredAgentPrecallEvent(event)
        default: return false
        }
        return true
    }
}
