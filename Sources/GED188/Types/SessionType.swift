/// Whether an open session is on the active or the standby CTI Server (OPEN_CONF SessionType).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), OPEN_CONF.
public struct SessionType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unknown = SessionType(rawValue: 0)
    public static let active = SessionType(rawValue: 1)
    public static let standby = SessionType(rawValue: 2)

    public static let knownNames: [UInt16: String] = [
        0: "UNKNOWN",
        1: "ACTIVE",
        2: "STANDBY",
    ]
}
