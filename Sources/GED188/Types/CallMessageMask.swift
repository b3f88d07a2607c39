/// Which call events a client wants (OPEN_REQ CallMsgMask).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Session Management, CallMsgMask values.
public struct CallMessageMask: GED188Mask {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let delivered = CallMessageMask(rawValue: 0x1)
    public static let queued = CallMessageMask(rawValue: 0x2)
    public static let established = CallMessageMask(rawValue: 0x4)
    public static let held = CallMessageMask(rawValue: 0x8)
    public static let retrieved = CallMessageMask(rawValue: 0x10)
    public static let cleared = CallMessageMask(rawValue: 0x20)
    public static let connectionCleared = CallMessageMask(rawValue: 0x40)
    public static let originated = CallMessageMask(rawValue: 0x80)
    public static let conferenced = CallMessageMask(rawValue: 0x100)
    public static let transferred = CallMessageMask(rawValue: 0x200)
    public static let diverted = CallMessageMask(rawValue: 0x400)
    public static let serviceInitiated = CallMessageMask(rawValue: 0x800)
    public static let translationRoute = CallMessageMask(rawValue: 0x1000)
    public static let beginCall = CallMessageMask(rawValue: 0x2000)
    public static let endCall = CallMessageMask(rawValue: 0x4000)
    public static let callDataUpdate = CallMessageMask(rawValue: 0x8000)
    public static let failed = CallMessageMask(rawValue: 0x10000)
    public static let reachedNetwork = CallMessageMask(rawValue: 0x20000)
    public static let dequeued = CallMessageMask(rawValue: 0x40000)
    public static let agentPreCall = CallMessageMask(rawValue: 0x80000)
    public static let agentPreCallAbort = CallMessageMask(rawValue: 0x100000)

    public static let knownNames: [(CallMessageMask, String)] = [
        (.delivered, "DELIVERED"),
        (.queued, "QUEUED"),
        (.established, "ESTABLISHED"),
        (.held, "HELD"),
        (.retrieved, "RETRIEVED"),
        (.cleared, "CLEARED"),
        (.connectionCleared, "CONNECTION_CLEARED"),
        (.originated, "ORIGINATED"),
        (.conferenced, "CONFERENCED"),
        (.transferred, "TRANSFERRED"),
        (.diverted, "DIVERTED"),
        (.serviceInitiated, "SERVICE_INITIATED"),
        (.translationRoute, "TRANSLATION_ROUTE"),
        (.beginCall, "BEGIN_CALL"),
        (.endCall, "END_CALL"),
        (.callDataUpdate, "CALL_DATA_UPDATE"),
        (.failed, "FAILED"),
        (.reachedNetwork, "REACHED_NETWORK"),
        (.dequeued, "DEQUEUED"),
        (.agentPreCall, "AGENT_PRE_CALL"),
        (.agentPreCallAbort, "AGENT_PRE_CALL_ABORT"),
    ]
}
