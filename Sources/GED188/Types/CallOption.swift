/// Options for an outgoing call (CallOption, COPT_*); 2 to 5 are obsolete.
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, CallOption values.
public struct CallOption: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unspecified = CallOption(rawValue: 0)
    public static let callingAgentOnline = CallOption(rawValue: 1)
    public static let callingAgentReserved = CallOption(rawValue: 2)
    public static let callingAgentNotReserved = CallOption(rawValue: 3)
    public static let callingAgentBuzzBase = CallOption(rawValue: 4)
    public static let callingAgentBeepHset = CallOption(rawValue: 5)
    public static let serviceCircuitOn = CallOption(rawValue: 6)

    public static let knownNames: [UInt16: String] = [
        0: "COPT_UNSPECIFIED",
        1: "COPT_CALLING_AGENT_ONLINE",
        2: "COPT_CALLING_AGENT_RESERVED",
        3: "COPT_CALLING_AGENT_NOT_RESERVED",
        4: "COPT_CALLING_AGENT_BUZZ_BASE",
        5: "COPT_CALLING_AGENT_BEEP_HSET",
        6: "COPT_SERVICE_CIRCUIT_ON",
    ]
}
