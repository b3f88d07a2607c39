/// The type of a device ID floating field (DeviceIDType, DEVID_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, DeviceIDType values.
public struct DeviceIDType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let notApplicable = DeviceIDType(rawValue: 0xFFFF)
    public static let deviceIdentifier = DeviceIDType(rawValue: 0)
    public static let trunkIdentifier = DeviceIDType(rawValue: 70)
    public static let trunkGroupIdentifier = DeviceIDType(rawValue: 71)
    public static let ipPhoneMacIdentifier = DeviceIDType(rawValue: 72)
    public static let ctiPort = DeviceIDType(rawValue: 73)
    public static let routePoint = DeviceIDType(rawValue: 74)
    public static let external = DeviceIDType(rawValue: 75)
    public static let agentDevice = DeviceIDType(rawValue: 76)
    public static let queue = DeviceIDType(rawValue: 77)
    public static let nonAcdDeviceIdentifier = DeviceIDType(rawValue: 78)
    public static let sharedDeviceIdentifier = DeviceIDType(rawValue: 79)

    public static let knownNames: [UInt16: String] = [
        0xFFFF: "NONE",
        0: "DEVICE_IDENTIFIER",
        70: "TRUNK_IDENTIFIER",
        71: "TRUNK_GROUP_IDENTIFIER",
        72: "IP_PHONE_MAC_IDENTIFIER",
        73: "CTI_PORT",
        74: "ROUTE_POINT",
        75: "EXTERNAL",
        76: "AGENT_DEVICE",
        77: "QUEUE",
        78: "NON_ACD_DEVICE_IDENTIFIER",
        79: "SHARED_DEVICE_IDENTIFIER",
    ]
}
