/// What an AGENT_TEAM_CONFIG_EVENT changes (ConfigOperation).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Application Level Interfaces, AGENT_TEAM_CONFIG_EVENT.
public struct AgentTeamConfigOperation: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let restorePermanentConfig = AgentTeamConfigOperation(rawValue: 0)
    public static let addAgent = AgentTeamConfigOperation(rawValue: 1)
    public static let removeAgent = AgentTeamConfigOperation(rawValue: 2)

    public static let knownNames: [UInt16: String] = [
        0: "RESTORE_PERMANENT_CONFIG",
        1: "ADD_AGENT",
        2: "REMOVE_AGENT",
    ]
}
