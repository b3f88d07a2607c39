import CTIOSWire

/// The keys the store writes that `Keyword` does not (yet) name. Internal, so that they can never clash with
/// constants the wire module adds; each is Cisco's spelling.
enum Key {
    static let teamMembers: Keyword = "TeamMembers"
    static let configOperation: Keyword = "ConfigOperation"
    static let primaryCallID: Keyword = "PrimaryCallID"
    static let secondaryCallID: Keyword = "SecondaryCallID"
    static let holdingDeviceID: Keyword = "HoldingDeviceID"
    static let retrievingDeviceID: Keyword = "RetrievingDeviceID"
    static let releasingDeviceID: Keyword = "ReleasingDeviceID"
    static let divertingDeviceID: Keyword = "DivertingDeviceID"
    static let transferringDeviceID: Keyword = "TransferringDeviceID"
    static let transferredDeviceID: Keyword = "TransferredDeviceID"
    static let controllerDeviceID: Keyword = "ControllerDeviceID"
    static let addedPartyDeviceID: Keyword = "AddedPartyDeviceID"
    static let queueDeviceID: Keyword = "QueueDeviceID"
    static let numQueued: Keyword = "NumQueued"
    static let systemEventArg1: Keyword = "SystemEventArg1"
    static let eventName: Keyword = "EventName"
    static let trunkUsedDeviceID: Keyword = "TrunkUsedDeviceID"
    static let agentsReady: Keyword = "AgentsReady"
    static let agentsTalkingOut: Keyword = "AgentsTalkingOut"
    static let agentsTalkingOther: Keyword = "AgentsTalkingOther"
    static let agentsWorkNotReady: Keyword = "AgentsWorkNotReady"
    static let agentsWorkReady: Keyword = "AgentsWorkReady"
    static let agentsBusyOther: Keyword = "AgentsBusyOther"
    static let agentsReserved: Keyword = "AgentsReserved"
    static let agentsHold: Keyword = "AgentsHold"
    static let routerCallsQNow: Keyword = "RouterCallsQNow"
    static let callsQTimeNow: Keyword = "CallsQTimeNow"
    static let longestRouterCallQNow: Keyword = "LongestRouterCallQNow"

    /// `CallVariable1` … `CallVariable10`, index 0 is CallVariable1.
    static let callVariables: [String] = (1...10).map { "CallVariable\($0)" }
}

/// CTI OS's `OnCTIOSFailure` failure codes the store raises (Cisco's `enumCTIOS_FailureCode`).
public enum CTIOSFailureCode {
    /// `eServerConnectionStatus`: the CTI Server or a peripheral went offline or came back; `SystemEventID` says
    /// which. The guide numbers the enumeration from 1 with one "+ 1" missing after `eRequiredArgMissing` (8); we
    /// read that as a typo, so `eInvalidObjectState` is 9 and this is 10.
    public static let serverConnectionStatus: Int64 = 10
}
