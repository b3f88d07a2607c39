/// Cisco's `IAgentEvents`: the session's agent (in agent mode), or any agent (in monitor mode).
///
/// Every method has an empty default implementation (Cisco's event adapter classes), so a listener implements
/// only what it uses. Methods run on the session's event thread, one at a time and in order, each after the
/// cache holds the objects as they are after the event: do not block in them.
public protocol AgentEvents: EventListener {
    /// `OnAgentStateChange`: the agent's state, reason code or skill group states changed: `AgentState`, `ReasonCode`, `SkillGroupNumber`, `SkillGroupState`, `StateDuration`.
    func onAgentStateChange(_ event: CILEvent)
    /// `OnAgentStatistics`: the agent's statistics.
    func onAgentStatistics(_ event: CILEvent)
    /// `OnAgentInfoEvent`: information about the agent.
    func onAgentInfoEvent(_ event: CILEvent)
    /// `OnChatMessage`: a chat message for the agent.
    func onChatMessage(_ event: CILEvent)
    /// `OnEmergencyCall`: an agent of the supervisor's team made an emergency call, or asked for assistance.
    func onEmergencyCall(_ event: CILEvent)
    /// `OnNewAgentTeamMember`: a team's membership changed.
    func onNewAgentTeamMember(_ event: CILEvent)
    /// `OnPreLogout`: the agent is about to log out.
    func onPreLogout(_ event: CILEvent)
    /// `OnPostLogout`: the agent logged out.
    func onPostLogout(_ event: CILEvent)
    /// `OnLogoutFailed`: a logout failed.
    func onLogoutFailed(_ event: CILEvent)
    /// `OnQueryAgentStateConf`: the answer to QueryAgentState (also returned by ``Agent/queryAgentState()``).
    func onQueryAgentStateConf(_ event: CILEvent)
    /// `OnSetAgentModeEvent`: agent mode is set and its objects are in the cache: `PeripheralID`, `AgentID`, `AgentInstrument`.
    func onSetAgentModeEvent(_ event: CILEvent)
    /// `OnStartMonitoringAgent`: a supervisor started monitoring an agent.
    func onStartMonitoringAgent(_ event: CILEvent)
    /// `OnStopMonitoringAgent`: a supervisor stopped monitoring an agent.
    func onStopMonitoringAgent(_ event: CILEvent)
    /// `OnSupervisorButtonChange`: the supervisor's buttons changed.
    func onSupervisorButtonChange(_ event: CILEvent)
}

extension AgentEvents {
    /// Does nothing.
    public func onAgentStateChange(_ event: CILEvent) {}
    /// Does nothing.
    public func onAgentStatistics(_ event: CILEvent) {}
    /// Does nothing.
    public func onAgentInfoEvent(_ event: CILEvent) {}
    /// Does nothing.
    public func onChatMessage(_ event: CILEvent) {}
    /// Does nothing.
    public func onEmergencyCall(_ event: CILEvent) {}
    /// Does nothing.
    public func onNewAgentTeamMember(_ event: CILEvent) {}
    /// Does nothing.
    public func onPreLogout(_ event: CILEvent) {}
    /// Does nothing.
    public func onPostLogout(_ event: CILEvent) {}
    /// Does nothing.
    public func onLogoutFailed(_ event: CILEvent) {}
    /// Does nothing.
    public func onQueryAgentStateConf(_ event: CILEvent) {}
    /// Does nothing.
    public func onSetAgentModeEvent(_ event: CILEvent) {}
    /// Does nothing.
    public func onStartMonitoringAgent(_ event: CILEvent) {}
    /// Does nothing.
    public func onStopMonitoringAgent(_ event: CILEvent) {}
    /// Does nothing.
    public func onSupervisorButtonChange(_ event: CILEvent) {}
}

extension AgentEvents {
    /// Calls the method for the event's kind; `false` when this protocol has none.
    func dispatchAgentEvents(_ kind: EventKind, _ event: CILEvent) -> Bool {
        switch kind {
        case .agentStateChange: onAgentStateChange(event)
        case .agentStatistics: onAgentStatistics(event)
        case .agentInfoEvent: onAgentInfoEvent(event)
        case .chatMessage: onChatMessage(event)
        case .emergencyCall: onEmergencyCall(event)
        case .newAgentTeamMember: onNewAgentTeamMember(event)
        case .preLogout: onPreLogout(event)
        case .postLogout: onPostLogout(event)
        case .logoutFailed: onLogoutFailed(event)
        case .queryAgentStateConf: onQueryAgentStateConf(event)
        case .setAgentModeEvent: onSetAgentModeEvent(event)
        case .startMonitoringAgent: onStartMonitoringAgent(event)
        case .stopMonitoringAgent: onStopMonitoringAgent(event)
        case .supervisorButtonChange: onSupervisorButtonChange(event)
        default: return false
        }
        return true
    }
}
