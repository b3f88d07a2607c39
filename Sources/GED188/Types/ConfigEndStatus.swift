/// How a configuration block ended (CONFIG_END_EVENT ConfigEndStatus).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Application Level Interfaces, CONFIG_END_EVENT.
public struct ConfigEndStatus: GED188Enumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let success = ConfigEndStatus(rawValue: 0)
    public static let noServiceProvider = ConfigEndStatus(rawValue: 1)
    public static let unknownCustomer = ConfigEndStatus(rawValue: 2)
    public static let invalid = ConfigEndStatus(rawValue: 3)
    public static let empty = ConfigEndStatus(rawValue: 4)
    public static let partial = ConfigEndStatus(rawValue: 5)

    public static let knownNames: [UInt32: String] = [
        0: "CONFIGEND_SUCCESS",
        1: "CONFIGEND_NO_SERVICE_PROVIDER",
        2: "CONFIGEND_UNKNOWN_CUSTOMER",
        3: "CONFIGEND_INVALID",
        4: "CONFIGEND_EMPTY",
        5: "CONFIGEND_PARTIAL",
    ]
}
