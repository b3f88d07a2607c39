/// The state of an agent (AgentState).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, AgentState values.
public struct AgentState: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let login = AgentState(rawValue: 0)
    public static let logout = AgentState(rawValue: 1)
    public static let notReady = AgentState(rawValue: 2)
    public static let available = AgentState(rawValue: 3)
    public static let talking = AgentState(rawValue: 4)
    public static let workNotReady = AgentState(rawValue: 5)
    public static let workReady = AgentState(rawValue: 6)
    public static let busyOther = AgentState(rawValue: 7)
    public static let reserved = AgentState(rawValue: 8)
    public static let unknown = AgentState(rawValue: 9)
    public static let hold = AgentState(rawValue: 10)
    public static let active = AgentState(rawValue: 11)
    public static let paused = AgentState(rawValue: 12)
    public static let interrupted = AgentState(rawValue: 13)
    public static let notActive = AgentState(rawValue: 14)

    public static let knownNames: [UInt16: String] = [
        0: "LOGIN",
        1: "LOGOUT",
        2: "NOT_READY",
        3: "AVAILABLE",
        4: "TALKING",
        5: "WORK_NOT_READY",
        6: "WORK_READY",
        7: "BUSY_OTHER",
        8: "RESERVED",
        9: "UNKNOWN",
        10: "HOLD",
        11: "ACTIVE",
        12: "PAUSED",
        13: "INTERRUPTED",
        14: "NOT_ACTIVE",
    ]
}
