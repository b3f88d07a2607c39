/// The CTI OS events a client raises, by Cisco's names.
public struct EventName: Hashable, Sendable, RawRepresentable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    // Calls
    public static let onAgentPrecallEvent: EventName = "OnAgentPrecallEvent"
    public static let onAgentPrecallAbortEvent: EventName = "OnAgentPrecallAbortEvent"
    public static let onCallBegin: EventName = "OnCallBegin"
    public static let onCallDelivered: EventName = "OnCallDelivered"
    public static let onCallEstablished: EventName = "OnCallEstablished"
    public static let onCallHeld: EventName = "OnCallHeld"
    public static let onCallRetrieved: EventName = "OnCallRetrieved"
    public static let onCallCleared: EventName = "OnCallCleared"
    public static let onCallConnectionCleared: EventName = "OnCallConnectionCleared"
    public static let onCallEnd: EventName = "OnCallEnd"
    public static let onCallDataUpdate: EventName = "OnCallDataUpdate"
    public static let onCallTransferred: EventName = "OnCallTransferred"
    public static let onCallConferenced: EventName = "OnCallConferenced"
    public static let onCallFailed: EventName = "OnCallFailed"
    public static let onCallQueuedEvent: EventName = "OnCallQueuedEvent"
    public static let onCallDequeuedEvent: EventName = "OnCallDequeuedEvent"
    public static let onCallDiverted: EventName = "OnCallDiverted"
    public static let onCallOriginated: EventName = "OnCallOriginated"
    public static let onCallServiceInitiated: EventName = "OnCallServiceInitiated"
    public static let onCallReachedNetwork: EventName = "OnCallReachedNetwork"
    // Agents
    public static let onAgentStateChange: EventName = "OnAgentStateChange"
    public static let onAgentStatistics: EventName = "OnAgentStatistics"
    public static let onEmergencyCall: EventName = "OnEmergencyCall"
    public static let onNewAgentTeamMember: EventName = "OnNewAgentTeamMember"
    // Skill groups
    public static let onSkillGroupStatisticsUpdated: EventName = "OnSkillGroupStatisticsUpdated"
    // Desktops
    public static let onButtonEnablementChange: EventName = "OnButtonEnablementChange"
    // Session
    public static let onCTIOSFailure: EventName = "OnCTIOSFailure"
}
