/// When an outgoing call may be placed relative to the device's state (CallMannerType, CMT_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, CallMannerType values.
public struct CallMannerType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unspecified = CallMannerType(rawValue: 0)
    public static let polite = CallMannerType(rawValue: 1)
    public static let belligerent = CallMannerType(rawValue: 2)
    public static let semiPolite = CallMannerType(rawValue: 3)
    public static let reserved = CallMannerType(rawValue: 4)

    public static let knownNames: [UInt16: String] = [
        0: "CMT_UNSPECIFIED",
        1: "CMT_POLITE",
        2: "CMT_BELLIGERENT",
        3: "CMT_SEMI_POLITE",
        4: "CMT_RESERVED",
    ]
}
