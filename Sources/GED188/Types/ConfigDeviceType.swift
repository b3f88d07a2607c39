/// The kind of device a CONFIG_DEVICE_EVENT record describes (DeviceType).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Application Level Interfaces, CONFIG_DEVICE_EVENT.
public struct ConfigDeviceType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unknown = ConfigDeviceType(rawValue: 0)
    public static let service = ConfigDeviceType(rawValue: 1)
    public static let skillGroup = ConfigDeviceType(rawValue: 2)
    public static let agentId = ConfigDeviceType(rawValue: 3)
    public static let agentDeviceExtension = ConfigDeviceType(rawValue: 4)
    public static let routePoint = ConfigDeviceType(rawValue: 5)
    public static let ctiPort = ConfigDeviceType(rawValue: 6)
    public static let callControlGroup = ConfigDeviceType(rawValue: 7)

    public static let knownNames: [UInt16: String] = [
        0: "UNKNOWN",
        1: "SERVICE",
        2: "SKILL_GROUP",
        3: "AGENT_ID",
        4: "AGENT_DEVICE_EXTENSION",
        5: "ROUTE_POINT",
        6: "CTI_PORT",
        7: "CALL_CONTROL_GROUP",
    ]
}
