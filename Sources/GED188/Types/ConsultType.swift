/// What a consultation call is for (CONSULTATION_CALL_REQ ConsultType, CT_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, ConsultType values.
public struct ConsultType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unspecified = ConsultType(rawValue: 0)
    public static let transfer = ConsultType(rawValue: 1)
    public static let conference = ConsultType(rawValue: 2)

    public static let knownNames: [UInt16: String] = [
        0: "CT_UNSPECIFIED",
        1: "CT_TRANSFER",
        2: "CT_CONFERENCE",
    ]
}
