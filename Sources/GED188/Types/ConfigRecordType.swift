/// What a configuration record does (RecordType: CONFIG_RECORD_ADD, CHANGE, DELETE).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Application Level Interfaces, Configuration Acquisition Messages.
public struct ConfigRecordType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let add = ConfigRecordType(rawValue: 0)
    public static let change = ConfigRecordType(rawValue: 1)
    public static let delete = ConfigRecordType(rawValue: 2)

    public static let knownNames: [UInt16: String] = [
        0: "ADD",
        1: "CHANGE",
        2: "DELETE",
    ]
}
