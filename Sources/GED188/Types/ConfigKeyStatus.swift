/// The answer to CONFIG_REQUEST_KEY_EVENT (CONFIG_KEY_EVENT ConfigKeyStatus).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Application Level Interfaces, CONFIG_KEY_EVENT.
public struct ConfigKeyStatus: GED188Enumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let success = ConfigKeyStatus(rawValue: 0)
    public static let serviceProvider = ConfigKeyStatus(rawValue: 1)
    public static let noKeySupport = ConfigKeyStatus(rawValue: 2)
    public static let unknownCustomer = ConfigKeyStatus(rawValue: 3)

    public static let knownNames: [UInt32: String] = [
        0: "CONFIG_SUCCESS",
        1: "CONFIG_SERVICE_PROVIDER",
        2: "CONFIG_NO_KEY_SUPPORT",
        3: "CONFIG_UNKNOWN_CUSTOMER",
    ]
}
