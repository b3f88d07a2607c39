/// The kind of facility named by FacilityCode (FacilityType, FT_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, FacilityType values.
public struct FacilityType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let unspecified = FacilityType(rawValue: 0)
    public static let trunkGroup = FacilityType(rawValue: 1)
    public static let skillGroup = FacilityType(rawValue: 2)

    public static let knownNames: [UInt16: String] = [
        0: "FT_UNSPECIFIED",
        1: "FT_TRUNK_GROUP",
        2: "FT_SKILL_GROUP",
    ]
}
