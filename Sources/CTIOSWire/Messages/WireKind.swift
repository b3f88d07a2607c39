/// The kind byte of a frame: which ``WireMessage`` its body holds.
///
/// 0x01 … 0x0F: session (the same in every version), 0x10 … 0x1F: requests and answers, 0x20 … 0x2F: the object
/// stream. 0x40 … 0x7F are kept for the peer link between the two servers of a pair.
public enum WireKind: UInt8, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case hello = 0x01
    case welcome = 0x02
    case reject = 0x03
    case heartbeat = 0x04
    case goodbye = 0x05
    case setAgentMode = 0x10
    case setMonitorMode = 0x11
    case request = 0x12
    case response = 0x13
    case batch = 0x20
    case snapshotBegin = 0x21
    case snapshotObjects = 0x22
    case snapshotEnd = 0x23
    case caughtUp = 0x24

    public var description: String {
        switch self {
        case .hello: "hello"
        case .welcome: "welcome"
        case .reject: "reject"
        case .heartbeat: "heartbeat"
        case .goodbye: "goodbye"
        case .setAgentMode: "setAgentMode"
        case .setMonitorMode: "setMonitorMode"
        case .request: "request"
        case .response: "response"
        case .batch: "batch"
        case .snapshotBegin: "snapshotBegin"
        case .snapshotObjects: "snapshotObjects"
        case .snapshotEnd: "snapshotEnd"
        case .caughtUp: "caughtUp"
        }
    }
}
