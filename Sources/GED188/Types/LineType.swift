/// The kind of teleset line (LineType, LINETYPE_*); 0xFFFF when there is no line.
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, LineType values.
public struct LineType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let notApplicable = LineType(rawValue: 0xFFFF)
    public static let inboundAcd = LineType(rawValue: 0)
    public static let outboundAcd = LineType(rawValue: 1)
    public static let inside = LineType(rawValue: 2)
    public static let unknown = LineType(rawValue: 3)
    public static let supervisor = LineType(rawValue: 4)
    public static let message = LineType(rawValue: 5)
    public static let help = LineType(rawValue: 6)
    public static let outbound = LineType(rawValue: 7)
    public static let did = LineType(rawValue: 8)
    public static let silentMonitor = LineType(rawValue: 9)
    public static let nonAcdIn = LineType(rawValue: 10)
    public static let nonAcdOut = LineType(rawValue: 11)

    public static let knownNames: [UInt16: String] = [
        0xFFFF: "NONE",
        0: "INBOUND_ACD",
        1: "OUTBOUND_ACD",
        2: "INSIDE",
        3: "UNKNOWN",
        4: "SUPERVISOR",
        5: "MESSAGE",
        6: "HELP",
        7: "OUTBOUND",
        8: "DID",
        9: "SILENT_MONITOR",
        10: "NON_ACD_IN",
        11: "NON_ACD_OUT",
    ]
}
