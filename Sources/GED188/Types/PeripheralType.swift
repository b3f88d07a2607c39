/// The kind of peripheral (ACD) where the activity occurred (PeripheralType, PT_*). Unified CCE agent peripherals are ENTERPRISE_AGENT (17).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, PeripheralType values (1, 16 and 23 are in version 24; version 25 removed them).
public struct PeripheralType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let notApplicable = PeripheralType(rawValue: 0xFFFF)
    public static let aspect = PeripheralType(rawValue: 1)
    public static let meridian = PeripheralType(rawValue: 2)
    public static let g2 = PeripheralType(rawValue: 3)
    public static let definityEcsNonEas = PeripheralType(rawValue: 4)
    public static let definityEcsEas = PeripheralType(rawValue: 5)
    public static let galaxy = PeripheralType(rawValue: 6)
    public static let spectrum = PeripheralType(rawValue: 7)
    public static let vru = PeripheralType(rawValue: 8)
    public static let vruPolled = PeripheralType(rawValue: 9)
    public static let dms100 = PeripheralType(rawValue: 10)
    public static let siemens9006 = PeripheralType(rawValue: 11)
    public static let siemens9005 = PeripheralType(rawValue: 12)
    public static let alcatel = PeripheralType(rawValue: 13)
    public static let necNeax2x00 = PeripheralType(rawValue: 14)
    public static let acp1000 = PeripheralType(rawValue: 15)
    public static let symposium = PeripheralType(rawValue: 16)
    public static let enterpriseAgent = PeripheralType(rawValue: 17)
    public static let md110 = PeripheralType(rawValue: 18)
    public static let mediaRouting = PeripheralType(rawValue: 19)
    public static let generic = PeripheralType(rawValue: 20)
    public static let acmiCrs = PeripheralType(rawValue: 21)
    public static let acmiIpcc = PeripheralType(rawValue: 22)
    public static let simplifiedIpcc = PeripheralType(rawValue: 23)
    public static let ars = PeripheralType(rawValue: 24)
    public static let acmiErs = PeripheralType(rawValue: 25)
    public static let acmiExpertAdvisor = PeripheralType(rawValue: 26)

    public static let knownNames: [UInt16: String] = [
        0xFFFF: "NONE",
        1: "ASPECT",
        2: "MERIDIAN",
        3: "G2",
        4: "DEFINITY_ECS_NON_EAS",
        5: "DEFINITY_ECS_EAS",
        6: "GALAXY",
        7: "SPECTRUM",
        8: "VRU",
        9: "VRU_POLLED",
        10: "DMS100",
        11: "SIEMENS_9006",
        12: "SIEMENS_9005",
        13: "ALCATEL",
        14: "NEC_NEAX_2x00",
        15: "ACP_1000",
        16: "SYMPOSIUM",
        17: "ENTERPRISE_AGENT",
        18: "MD110",
        19: "MEDIA_ROUTING",
        20: "GENERIC",
        21: "ACMI_CRS",
        22: "ACMI_IPCC",
        23: "SIMPLIFIED_IPCC",
        24: "ARS",
        25: "ACMI_ERS",
        26: "ACMI_EXPERT_ADVISOR",
    ]
}
