/// The type of a ConnectionDeviceID (CONNECTION_ID_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, ConnectionDeviceIDType values.
public struct ConnectionDeviceIDType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let notApplicable = ConnectionDeviceIDType(rawValue: 0xFFFF)
    public static let `static` = ConnectionDeviceIDType(rawValue: 0)
    public static let `dynamic` = ConnectionDeviceIDType(rawValue: 1)

    public static let knownNames: [UInt16: String] = [
        0xFFFF: "NONE",
        0: "STATIC",
        1: "DYNAMIC",
    ]
}
