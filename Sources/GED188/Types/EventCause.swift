/// Why a call event happened (EventCause): CEC_* values, and in call-cleared events the extended CECX_* values from 1001 (named CECX_… here).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, EventCause values and Extended Call Cleared Event Causes. CECX 1046 is printed as 1056 in the guide; the sequence gives 1046.
public struct EventCause: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let notApplicable = EventCause(rawValue: 0xFFFF)
    public static let activeMonitor = EventCause(rawValue: 1)
    public static let alternate = EventCause(rawValue: 2)
    public static let busy = EventCause(rawValue: 3)
    public static let callBack = EventCause(rawValue: 4)
    public static let callCancelled = EventCause(rawValue: 5)
    public static let callForwardAlways = EventCause(rawValue: 6)
    public static let callForwardBusy = EventCause(rawValue: 7)
    public static let callForwardNoAnswer = EventCause(rawValue: 8)
    public static let callForward = EventCause(rawValue: 9)
    public static let callNotAnswered = EventCause(rawValue: 10)
    public static let callPickup = EventCause(rawValue: 11)
    public static let campOn = EventCause(rawValue: 12)
    public static let destNotObtainable = EventCause(rawValue: 13)
    public static let doNotDisturb = EventCause(rawValue: 14)
    public static let incompatibleDestination = EventCause(rawValue: 15)
    public static let invalidAccountCode = EventCause(rawValue: 16)
    public static let keyConference = EventCause(rawValue: 17)
    public static let lockout = EventCause(rawValue: 18)
    public static let maintenance = EventCause(rawValue: 19)
    public static let networkCongestion = EventCause(rawValue: 20)
    public static let networkNotObtainable = EventCause(rawValue: 21)
    public static let newCall = EventCause(rawValue: 22)
    public static let noAvailableAgents = EventCause(rawValue: 23)
    public static let override = EventCause(rawValue: 24)
    public static let park = EventCause(rawValue: 25)
    public static let overflow = EventCause(rawValue: 26)
    public static let recall = EventCause(rawValue: 27)
    public static let redirected = EventCause(rawValue: 28)
    public static let reorderTone = EventCause(rawValue: 29)
    public static let resourcesNotAvailable = EventCause(rawValue: 30)
    public static let silentMonitor = EventCause(rawValue: 31)
    public static let transfer = EventCause(rawValue: 32)
    public static let trunksBusy = EventCause(rawValue: 33)
    public static let voiceUnitInitiator = EventCause(rawValue: 34)
    public static let timeOut = EventCause(rawValue: 35)
    public static let newCallInterflow = EventCause(rawValue: 36)
    public static let simulationInitRequest = EventCause(rawValue: 37)
    public static let simulationResetRequest = EventCause(rawValue: 38)
    public static let ctiLinkDown = EventCause(rawValue: 39)
    public static let peripheralResetRequest = EventCause(rawValue: 40)
    public static let md110ConferenceTransfer = EventCause(rawValue: 41)
    public static let remainsInQ = EventCause(rawValue: 42)
    public static let supervisorAssist = EventCause(rawValue: 43)
    public static let emergencyCall = EventCause(rawValue: 44)
    public static let supervisorClear = EventCause(rawValue: 45)
    public static let supervisorMonitor = EventCause(rawValue: 46)
    public static let supervisorWhisper = EventCause(rawValue: 47)
    public static let supervisorBargeIn = EventCause(rawValue: 48)
    public static let supervisorIntercept = EventCause(rawValue: 49)
    public static let callPartyUpdateInd = EventCause(rawValue: 50)
    public static let consult = EventCause(rawValue: 51)
    public static let nicCallClear = EventCause(rawValue: 52)
    public static let dnp = EventCause(rawValue: 53)
    public static let routerRequeryBeforeAnswer = EventCause(rawValue: 54)
    public static let routerRequeryAfterAnswer = EventCause(rawValue: 55)
    public static let networkError = EventCause(rawValue: 56)
    public static let networkErrorBeforeAnswer = EventCause(rawValue: 57)
    public static let networkErrorAfterAnswer = EventCause(rawValue: 58)
    public static let greeting = EventCause(rawValue: 59)
    public static let recordAgentGreeting = EventCause(rawValue: 60)
    public static let snapshot = EventCause(rawValue: 61)
    public static let maxQueueExceeded = EventCause(rawValue: 62)
    public static let cecxAbandNetwork = EventCause(rawValue: 1001)
    public static let cecxAbandLocalQueue = EventCause(rawValue: 1002)
    public static let cecxAbandRing = EventCause(rawValue: 1003)
    public static let cecxAbandDelay = EventCause(rawValue: 1004)
    public static let cecxAbandInterflow = EventCause(rawValue: 1005)
    public static let cecxAbandAgentTerminal = EventCause(rawValue: 1006)
    public static let cecxShort = EventCause(rawValue: 1007)
    public static let cecxBusy = EventCause(rawValue: 1008)
    public static let cecxForcedBusy = EventCause(rawValue: 1009)
    public static let cecxDropNoAnswer = EventCause(rawValue: 1010)
    public static let cecxDropBusy = EventCause(rawValue: 1011)
    public static let cecxDropReorder = EventCause(rawValue: 1012)
    public static let cecxDropHandledPrimaryRoute = EventCause(rawValue: 1013)
    public static let cecxDropHandledOther = EventCause(rawValue: 1014)
    public static let cecxRedirected = EventCause(rawValue: 1015)
    public static let cecxCutThrough = EventCause(rawValue: 1016)
    public static let cecxIntraflow = EventCause(rawValue: 1017)
    public static let cecxInterflow = EventCause(rawValue: 1018)
    public static let cecxRingNoAnswer = EventCause(rawValue: 1019)
    public static let cecxInterceptReorder = EventCause(rawValue: 1020)
    public static let cecxInterceptDenial = EventCause(rawValue: 1021)
    public static let cecxTimeOut = EventCause(rawValue: 1022)
    public static let cecxVoiceEnergy = EventCause(rawValue: 1023)
    public static let cecxNonclassifiedEnergyDetect = EventCause(rawValue: 1024)
    public static let cecxNoCutThrough = EventCause(rawValue: 1025)
    public static let cecxUabort = EventCause(rawValue: 1026)
    public static let cecxFailedSoftware = EventCause(rawValue: 1027)
    public static let cecxBlindTransfer = EventCause(rawValue: 1028)
    public static let cecxAnnouncedTransfer = EventCause(rawValue: 1029)
    public static let cecxConferenced = EventCause(rawValue: 1030)
    public static let cecxDuplicateTransfer = EventCause(rawValue: 1031)
    public static let cecxUnmonitoredDevice = EventCause(rawValue: 1032)
    public static let cecxAnsweringMachine = EventCause(rawValue: 1033)
    public static let cecxNetworkBlindTransfer = EventCause(rawValue: 1034)
    public static let cecxTaskAbandonedInRouter = EventCause(rawValue: 1035)
    public static let cecxTaskAbandonedBeforeOffered = EventCause(rawValue: 1036)
    public static let cecxTaskAbandonedWhileOffered = EventCause(rawValue: 1037)
    public static let cecxNormalEndTask = EventCause(rawValue: 1038)
    public static let cecxCantObtainTaskId = EventCause(rawValue: 1039)
    public static let cecxAgentLoggedOutDuringTask = EventCause(rawValue: 1040)
    public static let cecxMaxTaskLifetimeExceeded = EventCause(rawValue: 1041)
    public static let cecxApplicationPathWentDown = EventCause(rawValue: 1042)
    public static let cecxIcmRoutingComplete = EventCause(rawValue: 1043)
    public static let cecxIcmRoutingDisabled = EventCause(rawValue: 1044)
    public static let cecxApplInvalidMrdId = EventCause(rawValue: 1045)
    public static let cecxApplInvalidDialogueId = EventCause(rawValue: 1046)
    public static let cecxApplDuplicateDialogueId = EventCause(rawValue: 1047)
    public static let cecxApplInvalidInvokeId = EventCause(rawValue: 1048)
    public static let cecxApplInvalidScriptSelector = EventCause(rawValue: 1049)
    public static let cecxApplTerminateDialogue = EventCause(rawValue: 1050)
    public static let cecxTaskEndedDuringAppInit = EventCause(rawValue: 1051)
    public static let cecxCalledPartyDisconnected = EventCause(rawValue: 1052)
    public static let cecxPartialCall = EventCause(rawValue: 1053)
    public static let cecxDropNetworkConsult = EventCause(rawValue: 1054)
    public static let cecxNetworkConsultTransfer = EventCause(rawValue: 1055)
    public static let cecxNetworkConference = EventCause(rawValue: 1056)
    public static let cecxAbandNetworkConsult = EventCause(rawValue: 1057)

    public static let knownNames: [UInt16: String] = [
        1001: "CECX_ABAND_NETWORK",
        1002: "CECX_ABAND_LOCAL_QUEUE",
        1003: "CECX_ABAND_RING",
        1004: "CECX_ABAND_DELAY",
        1005: "CECX_ABAND_INTERFLOW",
        1006: "CECX_ABAND_AGENT_TERMINAL",
        1007: "CECX_SHORT",
        1008: "CECX_BUSY",
        1009: "CECX_FORCED_BUSY",
        1010: "CECX_DROP_NO_ANSWER",
        1011: "CECX_DROP_BUSY",
        1012: "CECX_DROP_REORDER",
        1013: "CECX_DROP_HANDLED_PRIMARY_ROUTE",
        1014: "CECX_DROP_HANDLED_OTHER",
        1015: "CECX_REDIRECTED",
        1016: "CECX_CUT_THROUGH",
        1017: "CECX_INTRAFLOW",
        1018: "CECX_INTERFLOW",
        1019: "CECX_RING_NO_ANSWER",
        1020: "CECX_INTERCEPT_REORDER",
        1021: "CECX_INTERCEPT_DENIAL",
        1022: "CECX_TIME_OUT",
        1023: "CECX_VOICE_ENERGY",
        1024: "CECX_NONCLASSIFIED_ENERGY_DETECT",
        1025: "CECX_NO_CUT_THROUGH",
        1026: "CECX_UABORT",
        1027: "CECX_FAILED_SOFTWARE",
        1028: "CECX_BLIND_TRANSFER",
        1029: "CECX_ANNOUNCED_TRANSFER",
        1030: "CECX_CONFERENCED",
        1031: "CECX_DUPLICATE_TRANSFER",
        1032: "CECX_UNMONITORED_DEVICE",
        1033: "CECX_ANSWERING_MACHINE",
        1034: "CECX_NETWORK_BLIND_TRANSFER",
        1035: "CECX_TASK_ABANDONED_IN_ROUTER",
        1036: "CECX_TASK_ABANDONED_BEFORE_OFFERED",
        1037: "CECX_TASK_ABANDONED_WHILE_OFFERED",
        1038: "CECX_NORMAL_END_TASK",
        1039: "CECX_CANT_OBTAIN_TASK_ID",
        1040: "CECX_AGENT_LOGGED_OUT_DURING_TASK",
        1041: "CECX_MAX_TASK_LIFETIME_EXCEEDED",
        1042: "CECX_APPLICATION_PATH_WENT_DOWN",
        1043: "CECX_ICM_ROUTING_COMPLETE",
        1044: "CECX_ICM_ROUTING_DISABLED",
        1045: "CECX_APPL_INVALID_MRD_ID",
        1046: "CECX_APPL_INVALID_DIALOGUE_ID",
        1047: "CECX_APPL_DUPLICATE_DIALOGUE_ID",
        1048: "CECX_APPL_INVALID_INVOKE_ID",
        1049: "CECX_APPL_INVALID_SCRIPT_SELECTOR",
        1050: "CECX_APPL_TERMINATE_DIALOGUE",
        1051: "CECX_TASK_ENDED_DURING_APP_INIT",
        1052: "CECX_CALLED_PARTY_DISCONNECTED",
        1053: "CECX_PARTIAL_CALL",
        1054: "CECX_DROP_NETWORK_CONSULT",
        1055: "CECX_NETWORK_CONSULT_TRANSFER",
        1056: "CECX_NETWORK_CONFERENCE",
        1057: "CECX_ABAND_NETWORK_CONSULT",
        0xFFFF: "NONE",
        1: "ACTIVE_MONITOR",
        2: "ALTERNATE",
        3: "BUSY",
        4: "CALL_BACK",
        5: "CALL_CANCELLED",
        6: "CALL_FORWARD_ALWAYS",
        7: "CALL_FORWARD_BUSY",
        8: "CALL_FORWARD_NO_ANSWER",
        9: "CALL_FORWARD",
        10: "CALL_NOT_ANSWERED",
        11: "CALL_PICKUP",
        12: "CAMP_ON",
        13: "DEST_NOT_OBTAINABLE",
        14: "DO_NOT_DISTURB",
        15: "INCOMPATIBLE_DESTINATION",
        16: "INVALID_ACCOUNT_CODE",
        17: "KEY_CONFERENCE",
        18: "LOCKOUT",
        19: "MAINTENANCE",
        20: "NETWORK_CONGESTION",
        21: "NETWORK_NOT_OBTAINABLE",
        22: "NEW_CALL",
        23: "NO_AVAILABLE_AGENTS",
        24: "OVERRIDE",
        25: "PARK",
        26: "OVERFLOW",
        27: "RECALL",
        28: "REDIRECTED",
        29: "REORDER_TONE",
        30: "RESOURCES_NOT_AVAILABLE",
        31: "SILENT_MONITOR",
        32: "TRANSFER",
        33: "TRUNKS_BUSY",
        34: "VOICE_UNIT_INITIATOR",
        35: "TIME_OUT",
        36: "NEW_CALL_INTERFLOW",
        37: "SIMULATION_INIT_REQUEST",
        38: "SIMULATION_RESET_REQUEST",
        39: "CTI_LINK_DOWN",
        40: "PERIPHERAL_RESET_REQUEST",
        41: "MD110_CONFERENCE_TRANSFER",
        42: "REMAINS_IN_Q",
        43: "SUPERVISOR_ASSIST",
        44: "EMERGENCY_CALL",
        45: "SUPERVISOR_CLEAR",
        46: "SUPERVISOR_MONITOR",
        47: "SUPERVISOR_WHISPER",
        48: "SUPERVISOR_BARGE_IN",
        49: "SUPERVISOR_INTERCEPT",
        50: "CALL_PARTY_UPDATE_IND",
        51: "CONSULT",
        52: "NIC_CALL_CLEAR",
        53: "DNP",
        54: "ROUTER_REQUERY_BEFORE_ANSWER",
        55: "ROUTER_REQUERY_AFTER_ANSWER",
        56: "NETWORK_ERROR",
        57: "NETWORK_ERROR_BEFORE_ANSWER",
        58: "NETWORK_ERROR_AFTER_ANSWER",
        59: "GREETING",
        60: "RECORD_AGENT_GREETING",
        61: "SNAPSHOT",
        62: "MAX_QUEUE_EXCEEDED",
    ]
}
