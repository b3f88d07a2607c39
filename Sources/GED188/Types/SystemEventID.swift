/// What a SYSTEM_EVENT reports (SystemEventID, SYS_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, SystemEventID values.
public struct SystemEventID: GED188Enumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let centralControllerOnline = SystemEventID(rawValue: 1)
    public static let centralControllerOffline = SystemEventID(rawValue: 2)
    public static let peripheralOnline = SystemEventID(rawValue: 3)
    public static let peripheralOffline = SystemEventID(rawValue: 4)
    public static let textFyi = SystemEventID(rawValue: 5)
    public static let peripheralGatewayOffline = SystemEventID(rawValue: 6)
    public static let ctiServerOffline = SystemEventID(rawValue: 7)
    public static let ctiServerOnline = SystemEventID(rawValue: 8)
    public static let halfHourChange = SystemEventID(rawValue: 9)
    public static let instrumentOutOfService = SystemEventID(rawValue: 10)
    public static let instrumentBackInService = SystemEventID(rawValue: 11)

    public static let knownNames: [UInt32: String] = [
        1: "CENTRAL_CONTROLLER_ONLINE",
        2: "CENTRAL_CONTROLLER_OFFLINE",
        3: "PERIPHERAL_ONLINE",
        4: "PERIPHERAL_OFFLINE",
        5: "TEXT_FYI",
        6: "PERIPHERAL_GATEWAY_OFFLINE",
        7: "CTI_SERVER_OFFLINE",
        8: "CTI_SERVER_ONLINE",
        9: "HALF_HOUR_CHANGE",
        10: "INSTRUMENT_OUT_OF_SERVICE",
        11: "INSTRUMENT_BACK_IN_SERVICE",
    ]
}
