/// What every listener protocol refines: an object that a ``Session`` calls with events. Register one with
/// ``Session/addEventListener(_:)``; it gets the events of each protocol it conforms to.
public protocol EventListener: AnyObject, Sendable {}

/// Cisco's `IGenericEvents`: every event, by name, in one method (including events no other protocol has a method
/// for).
public protocol GenericEvents: EventListener {
    /// Any event. Runs on the session's event thread, in order, after the cache holds the objects as they are after
    /// the event.
    func onEvent(_ event: CILEvent)
}

extension GenericEvents {
    /// Does nothing.
    public func onEvent(_ event: CILEvent) {}
}

/// Cisco's `IAllInOne`: every interface at once (session, agent, call, skill group, button enablement, monitored
/// agent and monitored call events). Conform and implement the few methods you need.
public protocol AllInOne: SessionEvents, AgentEvents, CallEvents, SkillGroupEvents, ButtonEnablementEvents,
    MonitoredAgentEvents, MonitoredCallEvents {}
