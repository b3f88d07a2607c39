/// The listeners of a session, each kept once per protocol it conforms to (found when it is added, not per event),
/// and the dispatch of one event to them.
struct ListenerRegistry: Sendable {
    private var all: [any EventListener] = []
    private var session: [any SessionEvents] = []
    private var agent: [any AgentEvents] = []
    private var call: [any CallEvents] = []
    private var skillGroup: [any SkillGroupEvents] = []
    private var buttons: [any ButtonEnablementEvents] = []
    private var monitoredAgent: [any MonitoredAgentEvents] = []
    private var monitoredCall: [any MonitoredCallEvents] = []
    private var generic: [any GenericEvents] = []

    var isEmpty: Bool { all.isEmpty }

    /// Adds a listener (once: adding it again changes nothing).
    mutating func add(_ listener: any EventListener) {
        guard !all.contains(where: { $0 === listener }) else { return }
        all.append(listener)
        rebuild()
    }

    /// Removes a listener.
    mutating func remove(_ listener: any EventListener) {
        all.removeAll { $0 === listener }
        rebuild()
    }

    private mutating func rebuild() {
        session = all.compactMap { $0 as? any SessionEvents }
        agent = all.compactMap { $0 as? any AgentEvents }
        call = all.compactMap { $0 as? any CallEvents }
        skillGroup = all.compactMap { $0 as? any SkillGroupEvents }
        buttons = all.compactMap { $0 as? any ButtonEnablementEvents }
        monitoredAgent = all.compactMap { $0 as? any MonitoredAgentEvents }
        monitoredCall = all.compactMap { $0 as? any MonitoredCallEvents }
        generic = all.compactMap { $0 as? any GenericEvents }
    }

    /// Calls every listener that has a method for the event.
    func dispatch(_ event: CILEvent) {
        let kind = event.kind
        switch event.category {
        case .session:
            for listener in session { _ = listener.dispatchSessionEvents(kind, event) }
        case .agent where event.isMonitored, .call where event.isMonitored:
            for listener in monitoredAgent { _ = listener.dispatchMonitoredAgentEvents(kind, event) }
            for listener in monitoredCall { _ = listener.dispatchMonitoredCallEvents(kind, event) }
        case .agent:
            for listener in agent { _ = listener.dispatchAgentEvents(kind, event) }
        case .call:
            for listener in call { _ = listener.dispatchCallEvents(kind, event) }
        case .skillGroup:
            for listener in skillGroup { _ = listener.dispatchSkillGroupEvents(kind, event) }
        case .buttonEnablement:
            if !event.isMonitored {
                for listener in buttons { _ = listener.dispatchButtonEnablementEvents(kind, event) }
            }
        case .other:
            break
        }
        for listener in generic { listener.onEvent(event) }
    }
}
