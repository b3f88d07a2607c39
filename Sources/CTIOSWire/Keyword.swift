/// A CTI OS keyword: a key Cisco's CTI OS gives a name to (`AgentID`, `AgentState`, `UniqueObjectID`, …).
///
/// Keys are case-insensitive; a keyword is just a well-known key, and an application may use its own strings too.
/// The wire protocol gives each keyword a number (``KeywordTable``) so that frequent keys cost two bytes.
public struct Keyword: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// Cisco's spelling.
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral value: String) { self.name = value }

    public var description: String { name }
}

extension Keyword {
    // Objects
    public static let uniqueObjectID: Keyword = "UniqueObjectID"
    public static let peripheralID: Keyword = "PeripheralID"
    public static let messageID: Keyword = "MessageID"
    // Agents
    public static let agentID: Keyword = "AgentID"
    public static let agentExtension: Keyword = "AgentExtension"
    public static let agentInstrument: Keyword = "AgentInstrument"
    public static let agentPassword: Keyword = "AgentPassword"
    public static let agentState: Keyword = "AgentState"
    public static let reasonCode: Keyword = "ReasonCode"
    public static let stateDuration: Keyword = "StateDuration"
    public static let skillGroups: Keyword = "SkillGroups"
    public static let skillGroupNumber: Keyword = "SkillGroupNumber"
    public static let skillGroupID: Keyword = "SkillGroupID"
    public static let skillGroupState: Keyword = "SkillGroupState"
    public static let teamID: Keyword = "TeamID"
    public static let teamName: Keyword = "TeamName"
    public static let isSupervisor: Keyword = "IsSupervisor"
    public static let firstName: Keyword = "FirstName"
    public static let lastName: Keyword = "LastName"
    public static let loginName: Keyword = "LoginName"
    public static let agentSkillTargetID: Keyword = "AgentSkillTargetID"
    // Calls
    public static let connectionCallID: Keyword = "ConnectionCallID"
    public static let connectionDeviceID: Keyword = "ConnectionDeviceID"
    public static let connectionDeviceIDType: Keyword = "ConnectionDeviceIDType"
    public static let localConnectionState: Keyword = "LocalConnectionState"
    public static let callType: Keyword = "CallType"
    public static let ani: Keyword = "ANI"
    public static let dnis: Keyword = "DNIS"
    public static let dialedNumber: Keyword = "DialedNumber"
    public static let callerEnteredDigits: Keyword = "CallerEnteredDigits"
    public static let callWrapupData: Keyword = "CallWrapupData"
    public static let eccVariables: Keyword = "ECC"
    public static let eccArrays: Keyword = "ECCArrays"
    public static let eventCause: Keyword = "EventCause"
    public static let callingDeviceID: Keyword = "CallingDeviceID"
    public static let calledDeviceID: Keyword = "CalledDeviceID"
    public static let alertingDeviceID: Keyword = "AlertingDeviceID"
    public static let answeringDeviceID: Keyword = "AnsweringDeviceID"
    public static let parties: Keyword = "Parties"
    public static let routerCallKeyDay: Keyword = "RouterCallKeyDay"
    public static let routerCallKeyCallID: Keyword = "RouterCallKeyCallID"
    /// `CallVariable1` … `CallVariable10`.
    public static func callVariable(_ number: Int) -> Keyword { Keyword("CallVariable\(number)") }
    // Desktop behaviour
    public static let buttonEnablementMask: Keyword = "ButtonEnablementMask"
    // Skill groups (statistics)
    public static let agentsLoggedOn: Keyword = "AgentsLoggedOn"
    public static let agentsAvailable: Keyword = "AgentsAvail"
    public static let agentsNotReady: Keyword = "AgentsNotReady"
    public static let agentsTalking: Keyword = "AgentsTalkingIn"
    public static let callsQueuedNow: Keyword = "CallsQNow"
    public static let longestCallQueuedNow: Keyword = "LongestCallQNow"
    public static let skillGroupName: Keyword = "SkillGroupName"
    // Requests and failures
    public static let invokeID: Keyword = "InvokeID"
    public static let errorCode: Keyword = "ErrorCode"
    public static let errorMessage: Keyword = "ErrorMessage"
    public static let systemEventID: Keyword = "SystemEventID"
    public static let failureCode: Keyword = "FailureCode"
}

// More of Cisco's keywords: what requests, events and object properties commonly carry. Every keyword here has a
// number in the wire's keyword table (``KeywordTable``).
extension Keyword {
    // Objects and messages
    public static let classIdentifier: Keyword = "ClassIdentifier"
    public static let peripheralType: Keyword = "PeripheralType"
    public static let eventName: Keyword = "EventName"
    public static let eventTime: Keyword = "EventTime"
    // Agents
    public static let agentWorkMode: Keyword = "AgentWorkMode"
    public static let agentAvailabilityStatus: Keyword = "AgentAvailabilityStatus"
    public static let numSkillGroups: Keyword = "NumSkillGroups"
    public static let skillGroupPriority: Keyword = "SkillGroupPriority"
    public static let supervisorID: Keyword = "SupervisorID"
    public static let supervisorInstrument: Keyword = "SupervisorInstrument"
    public static let supervisoryAction: Keyword = "SupervisoryAction"
    public static let monitoredUniqueObjectID: Keyword = "MonitoredUniqueObjectID"
    public static let teamMembers: Keyword = "TeamMembers"
    public static let duration: Keyword = "Duration"
    public static let maxBeyondNotReadyTime: Keyword = "MaxBeyondNotReadyTime"
    public static let chatMessage: Keyword = "ChatMessage"
    public static let distribution: Keyword = "Distribution"
    public static let autoLogin: Keyword = "AutoLogin"
    // Calls
    public static let callStatus: Keyword = "CallStatus"
    public static let lineHandle: Keyword = "LineHandle"
    public static let lineType: Keyword = "LineType"
    public static let serviceNumber: Keyword = "ServiceNumber"
    public static let serviceID: Keyword = "ServiceID"
    public static let userToUserInfo: Keyword = "UserToUserInfo"
    public static let numCTIClients: Keyword = "NumCTIClients"
    public static let ctiClientSignature: Keyword = "CTIClientSignature"
    public static let ctiClientTimestamp: Keyword = "CTIClientTimestamp"
    public static let callPlacementType: Keyword = "CallPlacementType"
    public static let callMannerType: Keyword = "CallMannerType"
    public static let callOption: Keyword = "CallOption"
    public static let alertRings: Keyword = "AlertRings"
    public static let facilityCode: Keyword = "FacilityCode"
    public static let authorizationCode: Keyword = "AuthorizationCode"
    public static let accountCode: Keyword = "AccountCode"
    public static let postRoute: Keyword = "PostRoute"
    public static let priority: Keyword = "Priority"
    public static let dtmfString: Keyword = "DTMFString"
    public static let transferType: Keyword = "TransferType"
    public static let conferenceType: Keyword = "ConferenceType"
    public static let primaryUniqueObjectID: Keyword = "PrimaryUniqueObjectID"
    public static let secondaryUniqueObjectID: Keyword = "SecondaryUniqueObjectID"
    public static let primaryCallID: Keyword = "PrimaryCallID"
    public static let secondaryCallID: Keyword = "SecondaryCallID"
    public static let transferringDeviceID: Keyword = "TransferringDeviceID"
    public static let transferredDeviceID: Keyword = "TransferredDeviceID"
    public static let controllerDeviceID: Keyword = "ControllerDeviceID"
    public static let addedPartyDeviceID: Keyword = "AddedPartyDeviceID"
    public static let releasingDeviceID: Keyword = "ReleasingDeviceID"
    public static let divertingDeviceID: Keyword = "DivertingDeviceID"
    public static let holdingDeviceID: Keyword = "HoldingDeviceID"
    public static let retrievingDeviceID: Keyword = "RetrievingDeviceID"
    public static let queueDeviceID: Keyword = "QueueDeviceID"
    public static let numQueued: Keyword = "NumQueued"
    public static let numParties: Keyword = "NumParties"
    public static let wrapupRequired: Keyword = "WrapupRequired"
    public static let trunkUsedDeviceID: Keyword = "TrunkUsedDeviceID"
    // Skill group statistics
    public static let agentsReady: Keyword = "AgentsReady"
    public static let agentsTalkingOut: Keyword = "AgentsTalkingOut"
    public static let agentsTalkingOther: Keyword = "AgentsTalkingOther"
    public static let agentsWorkNotReady: Keyword = "AgentsWorkNotReady"
    public static let agentsWorkReady: Keyword = "AgentsWorkReady"
    public static let agentsBusyOther: Keyword = "AgentsBusyOther"
    public static let agentsReserved: Keyword = "AgentsReserved"
    public static let agentsHold: Keyword = "AgentsHold"
    public static let routerCallsQueuedNow: Keyword = "RouterCallsQNow"
    public static let longestRouterCallQueuedNow: Keyword = "LongestRouterCallQNow"
    public static let callsQueuedTimeNow: Keyword = "CallsQTimeNow"
    // Session (the CIL's properties)
    public static let ctiosA: Keyword = "CtiosA"
    public static let ctiosB: Keyword = "CtiosB"
    public static let portA: Keyword = "PortA"
    public static let portB: Keyword = "PortB"
    public static let heartbeat: Keyword = "Heartbeat"
    public static let maxHeartbeats: Keyword = "MaxHeartbeats"
    public static let currentServer: Keyword = "CurrentServer"
    public static let currentPort: Keyword = "CurrentPort"
    public static let connectionMode: Keyword = "ConnectionMode"
    public static let messageFilter: Keyword = "MessageFilter"
    public static let lastError: Keyword = "LastError"
    // Requests and failures
    public static let peripheralErrorCode: Keyword = "PeripheralErrorCode"
    public static let systemEventArg1: Keyword = "SystemEventArg1"
    public static let systemEventArg2: Keyword = "SystemEventArg2"
    public static let systemEventArg3: Keyword = "SystemEventArg3"
    public static let text: Keyword = "Text"
    // Configuration
    public static let configOperation: Keyword = "ConfigOperation"
}
