/// What a supervisor does to an agent's call (SUPERVISE_CALL_REQ SupervisoryAction).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Application Level Interfaces, SUPERVISE_CALL_REQ, SupervisoryAction values.
public struct SupervisoryAction: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let supervisorClear = SupervisoryAction(rawValue: 0)
    public static let supervisorMonitor = SupervisoryAction(rawValue: 1)
    public static let supervisorWhisper = SupervisoryAction(rawValue: 2)
    public static let supervisorBargeIn = SupervisoryAction(rawValue: 3)
    public static let supervisorIntercept = SupervisoryAction(rawValue: 4)

    public static let knownNames: [UInt16: String] = [
        0: "SUPERVISOR_CLEAR",
        1: "SUPERVISOR_MONITOR",
        2: "SUPERVISOR_WHISPER",
        3: "SUPERVISOR_BARGE_IN",
        4: "SUPERVISOR_INTERCEPT",
    ]
}
