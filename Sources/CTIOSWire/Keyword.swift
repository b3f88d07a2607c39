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
