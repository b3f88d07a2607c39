/// How an outgoing call is placed (CallPlacementType, CPT_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, CallPlacementType values.
public struct CallPlacementType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unspecified = CallPlacementType(rawValue: 0)
    public static let lineCall = CallPlacementType(rawValue: 1)
    public static let outbound = CallPlacementType(rawValue: 2)
    public static let outboundNoAccessCode = CallPlacementType(rawValue: 3)
    public static let directPosition = CallPlacementType(rawValue: 4)
    public static let directAgent = CallPlacementType(rawValue: 5)
    public static let supervisorAssist = CallPlacementType(rawValue: 6)

    public static let knownNames: [UInt16: String] = [
        0: "CPT_UNSPECIFIED",
        1: "CPT_LINE_CALL",
        2: "CPT_OUTBOUND",
        3: "CPT_OUTBOUND_NO_ACCESS_CODE",
        4: "CPT_DIRECT_POSITION",
        5: "CPT_DIRECT_AGENT",
        6: "CPT_SUPERVISOR_ASSIST",
    ]
}
