/// Which agent states a client wants AGENT_STATE_EVENTs for (OPEN_REQ AgentStateMask). UNKNOWN has no bit.
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Session Management, AgentStateMask values.
public struct AgentStateMask: GED188Mask {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let login = AgentStateMask(rawValue: 0x1)
    public static let logout = AgentStateMask(rawValue: 0x2)
    public static let notReady = AgentStateMask(rawValue: 0x4)
    public static let available = AgentStateMask(rawValue: 0x8)
    public static let talking = AgentStateMask(rawValue: 0x10)
    public static let workNotReady = AgentStateMask(rawValue: 0x20)
    public static let workReady = AgentStateMask(rawValue: 0x40)
    public static let busyOther = AgentStateMask(rawValue: 0x80)
    public static let reserved = AgentStateMask(rawValue: 0x100)
    public static let hold = AgentStateMask(rawValue: 0x200)
    public static let active = AgentStateMask(rawValue: 0x400)
    public static let paused = AgentStateMask(rawValue: 0x800)
    public static let interrupted = AgentStateMask(rawValue: 0x1000)
    public static let notActive = AgentStateMask(rawValue: 0x2000)

    public static let knownNames: [(AgentStateMask, String)] = [
        (.login, "LOGIN"),
        (.logout, "LOGOUT"),
        (.notReady, "NOT_READY"),
        (.available, "AVAILABLE"),
        (.talking, "TALKING"),
        (.workNotReady, "WORK_NOT_READY"),
        (.workReady, "WORK_READY"),
        (.busyOther, "BUSY_OTHER"),
        (.reserved, "RESERVED"),
        (.hold, "HOLD"),
        (.active, "ACTIVE"),
        (.paused, "PAUSED"),
        (.interrupted, "INTERRUPTED"),
        (.notActive, "NOT_ACTIVE"),
    ]
}
