/// The state of the local end of a call connection (LocalConnectionState, LCS_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, LocalConnectionState values.
public struct LocalConnectionState: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let notApplicable = LocalConnectionState(rawValue: 0xFFFF)
    public static let `null` = LocalConnectionState(rawValue: 0)
    public static let initiate = LocalConnectionState(rawValue: 1)
    public static let alerting = LocalConnectionState(rawValue: 2)
    public static let connect = LocalConnectionState(rawValue: 3)
    public static let hold = LocalConnectionState(rawValue: 4)
    public static let queued = LocalConnectionState(rawValue: 5)
    public static let fail = LocalConnectionState(rawValue: 6)

    public static let knownNames: [UInt16: String] = [
        0xFFFF: "NONE",
        0: "NULL",
        1: "INITIATE",
        2: "ALERTING",
        3: "CONNECT",
        4: "HOLD",
        5: "QUEUED",
        6: "FAIL",
    ]
}
