/// Cisco's `ISkillGroupEvents`: skill group statistics.
///
/// Every method has an empty default implementation (Cisco's event adapter classes), so a listener implements
/// only what it uses. Methods run on the session's event thread, one at a time and in order, each after the
/// cache holds the objects as they are after the event: do not block in them.
public protocol SkillGroupEvents: EventListener {
    /// `OnSkillGroupStatisticsUpdated`: a skill group's statistics changed (`AgentsLoggedOn`, `AgentsAvail`, `CallsQNow`, …).
    func onSkillGroupStatisticsUpdated(_ event: CILEvent)
}

extension SkillGroupEvents {
    /// Does nothing.
    public func onSkillGroupStatisticsUpdated(_ event: CILEvent) {}
}

extension SkillGroupEvents {
    /// Calls the method for the event's kind; `false` when this protocol has none.
    func dispatchSkillGroupEvents(_ kind: EventKind, _ event: CILEvent) -> Bool {
        switch kind {
        case .skillGroupStatisticsUpdated: onSkillGroupStatisticsUpdated(event)
        default: return false
        }
        return true
    }
}
