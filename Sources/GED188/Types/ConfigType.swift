/// Why a configuration block is sent (CONFIG_BEGIN_EVENT ConfigType).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Application Level Interfaces, CONFIG_BEGIN_EVENT.
public struct ConfigType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unused = ConfigType(rawValue: 0)
    public static let solicited = ConfigType(rawValue: 1)
    public static let unsolicited = ConfigType(rawValue: 2)

    public static let knownNames: [UInt16: String] = [
        0: "UNUSED",
        1: "SOLICITED",
        2: "UNSOLICITED",
    ]
}
