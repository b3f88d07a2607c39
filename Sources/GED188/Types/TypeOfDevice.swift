/// The kind of device (QUERY_DEVICE_INFO_CONF TypeOfDevice, DEVT_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, TypeOfDevice values.
public struct TypeOfDevice: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let station = TypeOfDevice(rawValue: 0)
    public static let line = TypeOfDevice(rawValue: 1)
    public static let button = TypeOfDevice(rawValue: 2)
    public static let acd = TypeOfDevice(rawValue: 3)
    public static let trunk = TypeOfDevice(rawValue: 4)
    public static let `operator` = TypeOfDevice(rawValue: 5)
    public static let stationGroup = TypeOfDevice(rawValue: 16)
    public static let lineGroup = TypeOfDevice(rawValue: 17)
    public static let buttonGroup = TypeOfDevice(rawValue: 18)
    public static let acdGroup = TypeOfDevice(rawValue: 19)
    public static let trunkGroup = TypeOfDevice(rawValue: 20)
    public static let operatorGroup = TypeOfDevice(rawValue: 21)
    public static let ctiPortSccp = TypeOfDevice(rawValue: 22)
    public static let ctiPortSip = TypeOfDevice(rawValue: 23)
    public static let other = TypeOfDevice(rawValue: 255)

    public static let knownNames: [UInt16: String] = [
        0: "DEVT_STATION",
        1: "DEVT_LINE",
        2: "DEVT_BUTTON",
        3: "DEVT_ACD",
        4: "DEVT_TRUNK",
        5: "DEVT_OPERATOR",
        16: "DEVT_STATION_GROUP",
        17: "DEVT_LINE_GROUP",
        18: "DEVT_BUTTON_GROUP",
        19: "DEVT_ACD_GROUP",
        20: "DEVT_TRUNK_GROUP",
        21: "DEVT_OPERATOR_GROUP",
        22: "DEVT_CTI_PORT_SCCP",
        23: "DEVT_CTI_PORT_SIP",
        255: "DEVT_OTHER",
    ]
}
