/// A call's silent monitoring role at a device (SNAPSHOT_DEVICE_CONF SilentMonitorStatus).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Application Level Interfaces, SNAPSHOT_DEVICE_CONF.
public struct SilentMonitorStatus: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let notApplicable = SilentMonitorStatus(rawValue: 0)
    public static let initiator = SilentMonitorStatus(rawValue: 1)
    public static let target = SilentMonitorStatus(rawValue: 2)

    public static let knownNames: [UInt16: String] = [
        0: "NONE",
        1: "INITIATOR",
        2: "TARGET",
    ]
}
