/// How an agent takes calls after a state change (SET_AGENT_STATE_REQ AgentWorkMode).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, AgentWorkMode values.
public struct AgentWorkMode: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unspecified = AgentWorkMode(rawValue: 0)
    public static let autoIn = AgentWorkMode(rawValue: 1)
    public static let manualIn = AgentWorkMode(rawValue: 2)
    public static let raCallByCall = AgentWorkMode(rawValue: 3)
    public static let raNailedConnection = AgentWorkMode(rawValue: 4)

    public static let knownNames: [UInt16: String] = [
        0: "AWM_UNSPECIFIED",
        1: "AWM_AUTO_IN",
        2: "AWM_MANUAL_IN",
        3: "RA_CALL_BY_CALL",
        4: "RA_NAILED_CONNECTION",
    ]
}
