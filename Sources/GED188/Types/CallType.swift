/// The general classification of a call (CallType, CALLTYPE_*); 0xFFFF when unknown (NULL_CALLTYPE).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, CallType values. 27 is RESERVATION_PREVIEW since version 19, when NON_ACD moved to 38.
public struct CallType: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let nullCalltype = CallType(rawValue: 0xFFFF)
    public static let acdIn = CallType(rawValue: 1)
    public static let prerouteAcdIn = CallType(rawValue: 2)
    public static let prerouteDirectAgent = CallType(rawValue: 3)
    public static let transferIn = CallType(rawValue: 4)
    public static let overflowIn = CallType(rawValue: 5)
    public static let otherIn = CallType(rawValue: 6)
    public static let autoOut = CallType(rawValue: 7)
    public static let agentOut = CallType(rawValue: 8)
    public static let out = CallType(rawValue: 9)
    public static let agentInside = CallType(rawValue: 10)
    public static let offered = CallType(rawValue: 11)
    public static let consult = CallType(rawValue: 12)
    public static let consultOfferred = CallType(rawValue: 13)
    public static let consultConference = CallType(rawValue: 14)
    public static let conference = CallType(rawValue: 15)
    public static let unmonitored = CallType(rawValue: 16)
    public static let preview = CallType(rawValue: 17)
    public static let reservation = CallType(rawValue: 18)
    public static let assist = CallType(rawValue: 19)
    public static let emergency = CallType(rawValue: 20)
    public static let supervisorMonitor = CallType(rawValue: 21)
    public static let supervisorWhisper = CallType(rawValue: 22)
    public static let supervisorBargein = CallType(rawValue: 23)
    public static let supervisorIntercept = CallType(rawValue: 24)
    public static let taskRoutedByIcm = CallType(rawValue: 25)
    public static let taskRoutedByApplication = CallType(rawValue: 26)
    public static let reservationPreview = CallType(rawValue: 27)
    public static let reservationPreviewDirect = CallType(rawValue: 28)
    public static let reservationPredictive = CallType(rawValue: 29)
    public static let reservationCallback = CallType(rawValue: 30)
    public static let reservationPersonalCallback = CallType(rawValue: 31)
    public static let customerPreview = CallType(rawValue: 32)
    public static let customerPreviewDirect = CallType(rawValue: 33)
    public static let customerPredictive = CallType(rawValue: 34)
    public static let customerCallback = CallType(rawValue: 35)
    public static let customerPersonal = CallType(rawValue: 36)
    public static let customerIvr = CallType(rawValue: 37)
    public static let nonAcd = CallType(rawValue: 38)
    public static let playAgentGreeting = CallType(rawValue: 39)
    public static let recordAgentGreeting = CallType(rawValue: 40)
    public static let voiceCallBack = CallType(rawValue: 41)

    public static let knownNames: [UInt16: String] = [
        0xFFFF: "NULL_CALLTYPE",
        1: "ACD_IN",
        2: "PREROUTE_ACD_IN",
        3: "PREROUTE_DIRECT_AGENT",
        4: "TRANSFER_IN",
        5: "OVERFLOW_IN",
        6: "OTHER_IN",
        7: "AUTO_OUT",
        8: "AGENT_OUT",
        9: "OUT",
        10: "AGENT_INSIDE",
        11: "OFFERED",
        12: "CONSULT",
        13: "CONSULT_OFFERRED",
        14: "CONSULT_CONFERENCE",
        15: "CONFERENCE",
        16: "UNMONITORED",
        17: "PREVIEW",
        18: "RESERVATION",
        19: "ASSIST",
        20: "EMERGENCY",
        21: "SUPERVISOR_MONITOR",
        22: "SUPERVISOR_WHISPER",
        23: "SUPERVISOR_BARGEIN",
        24: "SUPERVISOR_INTERCEPT",
        25: "TASK_ROUTED_BY_ICM",
        26: "TASK_ROUTED_BY_APPLICATION",
        27: "RESERVATION_PREVIEW",
        28: "RESERVATION_PREVIEW_DIRECT",
        29: "RESERVATION_PREDICTIVE",
        30: "RESERVATION_CALLBACK",
        31: "RESERVATION_PERSONAL_CALLBACK",
        32: "CUSTOMER_PREVIEW",
        33: "CUSTOMER_PREVIEW_DIRECT",
        34: "CUSTOMER_PREDICTIVE",
        35: "CUSTOMER_CALLBACK",
        36: "CUSTOMER_PERSONAL",
        37: "CUSTOMER_IVR",
        38: "NON_ACD",
        39: "PLAY_AGENT_GREETING",
        40: "RECORD_AGENT_GREETING",
        41: "VOICE_CALL_BACK",
    ]
}
