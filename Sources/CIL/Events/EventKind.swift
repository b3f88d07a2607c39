/// Every event name a listener protocol has a method for, read once per event so that dispatching is a `switch`.
package enum EventKind: UInt8, Sendable {
    /// `OnConnection`.
    case connection
    /// `OnConnectionClosed`.
    case connectionClosed
    /// `OnConnectionFailure`.
    case connectionFailure
    /// `OnConnectionRejected`.
    case connectionRejected
    /// `OnCTIOSFailure`.
    case ctiosFailure
    /// `OnCurrentAgentReset`.
    case currentAgentReset
    /// `OnCurrentCallChanged`.
    case currentCallChanged
    /// `OnHeartbeat`.
    case heartbeat
    /// `OnMissingHeartbeat`.
    case missingHeartbeat
    /// `OnMonitorModeEstablished`.
    case monitorModeEstablished
    /// `OnSessionRecovered`.
    case sessionRecovered
    /// `OnAgentStateChange`.
    case agentStateChange
    /// `OnAgentStatistics`.
    case agentStatistics
    /// `OnAgentInfoEvent`.
    case agentInfoEvent
    /// `OnChatMessage`.
    case chatMessage
    /// `OnEmergencyCall`.
    case emergencyCall
    /// `OnNewAgentTeamMember`.
    case newAgentTeamMember
    /// `OnPreLogout`.
    case preLogout
    /// `OnPostLogout`.
    case postLogout
    /// `OnLogoutFailed`.
    case logoutFailed
    /// `OnQueryAgentStateConf`.
    case queryAgentStateConf
    /// `OnSetAgentModeEvent`.
    case setAgentModeEvent
    /// `OnStartMonitoringAgent`.
    case startMonitoringAgent
    /// `OnStopMonitoringAgent`.
    case stopMonitoringAgent
    /// `OnSupervisorButtonChange`.
    case supervisorButtonChange
    /// `OnAgentPrecallEvent`.
    case agentPrecallEvent
    /// `OnAgentPrecallAbortEvent`.
    case agentPrecallAbortEvent
    /// `OnCallBegin`.
    case callBegin
    /// `OnCallDelivered`.
    case callDelivered
    /// `OnCallEstablished`.
    case callEstablished
    /// `OnCallHeld`.
    case callHeld
    /// `OnCallRetrieved`.
    case callRetrieved
    /// `OnCallCleared`.
    case callCleared
    /// `OnCallConnectionCleared`.
    case callConnectionCleared
    /// `OnCallEnd`.
    case callEnd
    /// `OnCallDataUpdate`.
    case callDataUpdate
    /// `OnCallTransferred`.
    case callTransferred
    /// `OnCallConferenced`.
    case callConferenced
    /// `OnCallFailed`.
    case callFailed
    /// `OnCallQueuedEvent`.
    case callQueuedEvent
    /// `OnCallDequeuedEvent`.
    case callDequeuedEvent
    /// `OnCallDiverted`.
    case callDiverted
    /// `OnCallOriginated`.
    case callOriginated
    /// `OnCallServiceInitiated`.
    case callServiceInitiated
    /// `OnCallReachedNetwork`.
    case callReachedNetwork
    /// `OnSkillGroupStatisticsUpdated`.
    case skillGroupStatisticsUpdated
    /// `OnButtonEnablementChange`.
    case buttonEnablementChange
    /// A name no listener protocol has a method for: only `GenericEvents` and the event stream see it.
    case other

    /// The kind of an event name.
    package init(name: String) {
        self = Self.byName[name] ?? .other
    }

    static let byName: [String: EventKind] = [
        "OnConnection": .connection,
        "OnConnectionClosed": .connectionClosed,
        "OnConnectionFailure": .connectionFailure,
        "OnConnectionRejected": .connectionRejected,
        "OnCTIOSFailure": .ctiosFailure,
        "OnCurrentAgentReset": .currentAgentReset,
        "OnCurrentCallChanged": .currentCallChanged,
        "OnHeartbeat": .heartbeat,
        "OnMissingHeartbeat": .missingHeartbeat,
        "OnMonitorModeEstablished": .monitorModeEstablished,
        "OnSessionRecovered": .sessionRecovered,
        "OnAgentStateChange": .agentStateChange,
        "OnAgentStatistics": .agentStatistics,
        "OnAgentInfoEvent": .agentInfoEvent,
        "OnChatMessage": .chatMessage,
        "OnEmergencyCall": .emergencyCall,
        "OnNewAgentTeamMember": .newAgentTeamMember,
        "OnPreLogout": .preLogout,
        "OnPostLogout": .postLogout,
        "OnLogoutFailed": .logoutFailed,
        "OnQueryAgentStateConf": .queryAgentStateConf,
        "OnSetAgentModeEvent": .setAgentModeEvent,
        "OnStartMonitoringAgent": .startMonitoringAgent,
        "OnStopMonitoringAgent": .stopMonitoringAgent,
        "OnSupervisorButtonChange": .supervisorButtonChange,
        "OnAgentPrecallEvent": .agentPrecallEvent,
        "OnAgentPrecallAbortEvent": .agentPrecallAbortEvent,
        "OnCallBegin": .callBegin,
        "OnCallDelivered": .callDelivered,
        "OnCallEstablished": .callEstablished,
        "OnCallHeld": .callHeld,
        "OnCallRetrieved": .callRetrieved,
        "OnCallCleared": .callCleared,
        "OnCallConnectionCleared": .callConnectionCleared,
        "OnCallEnd": .callEnd,
        "OnCallDataUpdate": .callDataUpdate,
        "OnCallTransferred": .callTransferred,
        "OnCallConferenced": .callConferenced,
        "OnCallFailed": .callFailed,
        "OnCallQueuedEvent": .callQueuedEvent,
        "OnCallDequeuedEvent": .callDequeuedEvent,
        "OnCallDiverted": .callDiverted,
        "OnCallOriginated": .callOriginated,
        "OnCallServiceInitiated": .callServiceInitiated,
        "OnCallReachedNetwork": .callReachedNetwork,
        "OnSkillGroupStatisticsUpdated": .skillGroupStatisticsUpdated,
        "OnButtonEnablementChange": .buttonEnablementChange,
    ]

    /// Which of Cisco's interfaces the event belongs to.
    package var category: CILEvent.Category {
        switch self {
        case .connection, .connectionClosed, .connectionFailure, .connectionRejected, .ctiosFailure, .currentAgentReset, .currentCallChanged, .heartbeat, .missingHeartbeat, .monitorModeEstablished, .sessionRecovered: .session
        case .agentStateChange, .agentStatistics, .agentInfoEvent, .chatMessage, .emergencyCall, .newAgentTeamMember, .preLogout, .postLogout, .logoutFailed, .queryAgentStateConf, .setAgentModeEvent, .startMonitoringAgent, .stopMonitoringAgent, .supervisorButtonChange: .agent
        case .agentPrecallEvent, .agentPrecallAbortEvent, .callBegin, .callDelivered, .callEstablished, .callHeld, .callRetrieved, .callCleared, .callConnectionCleared, .callEnd, .callDataUpdate, .callTransferred, .callConferenced, .callFailed, .callQueuedEvent, .callDequeuedEvent, .callDiverted, .callOriginated, .callServiceInitiated, .callReachedNetwork: .call
        case .skillGroupStatisticsUpdated: .skillGroup
        case .buttonEnablementChange: .buttonEnablement
        case .other: .other
        }
    }
}
