/// The peripheral gateway's health (PGStatus): no bit set means normal operation.
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, PGStatus values.
public struct PGStatus: GED188Mask {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let opcDown = PGStatus(rawValue: 0x1)
    public static let ccDown = PGStatus(rawValue: 0x2)
    public static let peripheralOffline = PGStatus(rawValue: 0x4)
    public static let ctiServerOffline = PGStatus(rawValue: 0x8)
    public static let limitedFunction = PGStatus(rawValue: 0x10)

    public static let knownNames: [(PGStatus, String)] = [
        (.opcDown, "OPC_DOWN"),
        (.ccDown, "CC_DOWN"),
        (.peripheralOffline, "PERIPHERAL_OFFLINE"),
        (.ctiServerOffline, "CTI_SERVER_OFFLINE"),
        (.limitedFunction, "LIMITED_FUNCTION"),
    ]
}
