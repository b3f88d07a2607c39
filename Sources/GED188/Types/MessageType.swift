/// The type of a GED-188 message (MessageType in the header).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Messaging Conventions, message types table.
public struct MessageType: GED188Enumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let failureConf = MessageType(rawValue: 1)
    public static let failureEvent = MessageType(rawValue: 2)
    public static let openReq = MessageType(rawValue: 3)
    public static let openConf = MessageType(rawValue: 4)
    public static let heartbeatReq = MessageType(rawValue: 5)
    public static let heartbeatConf = MessageType(rawValue: 6)
    public static let closeReq = MessageType(rawValue: 7)
    public static let closeConf = MessageType(rawValue: 8)
    public static let callDeliveredEvent = MessageType(rawValue: 9)
    public static let callEstablishedEvent = MessageType(rawValue: 10)
    public static let callHeldEvent = MessageType(rawValue: 11)
    public static let callRetrievedEvent = MessageType(rawValue: 12)
    public static let callClearedEvent = MessageType(rawValue: 13)
    public static let callConnectionClearedEvent = MessageType(rawValue: 14)
    public static let callOriginatedEvent = MessageType(rawValue: 15)
    public static let callFailedEvent = MessageType(rawValue: 16)
    public static let callConferencedEvent = MessageType(rawValue: 17)
    public static let callTransferredEvent = MessageType(rawValue: 18)
    public static let callDivertedEvent = MessageType(rawValue: 19)
    public static let callServiceInitiatedEvent = MessageType(rawValue: 20)
    public static let callQueuedEvent = MessageType(rawValue: 21)
    public static let callTranslationRouteEvent = MessageType(rawValue: 22)
    public static let beginCallEvent = MessageType(rawValue: 23)
    public static let endCallEvent = MessageType(rawValue: 24)
    public static let callDataUpdateEvent = MessageType(rawValue: 25)
    public static let setCallDataReq = MessageType(rawValue: 26)
    public static let setCallDataConf = MessageType(rawValue: 27)
    public static let releaseCallReq = MessageType(rawValue: 28)
    public static let releaseCallConf = MessageType(rawValue: 29)
    public static let agentStateEvent = MessageType(rawValue: 30)
    public static let systemEvent = MessageType(rawValue: 31)
    public static let callReachedNetworkEvent = MessageType(rawValue: 34)
    public static let controlFailureConf = MessageType(rawValue: 35)
    public static let queryAgentStateReq = MessageType(rawValue: 36)
    public static let queryAgentStateConf = MessageType(rawValue: 37)
    public static let setAgentStateReq = MessageType(rawValue: 38)
    public static let setAgentStateConf = MessageType(rawValue: 39)
    public static let alternateCallReq = MessageType(rawValue: 40)
    public static let alternateCallConf = MessageType(rawValue: 41)
    public static let answerCallReq = MessageType(rawValue: 42)
    public static let answerCallConf = MessageType(rawValue: 43)
    public static let clearCallReq = MessageType(rawValue: 44)
    public static let clearCallConf = MessageType(rawValue: 45)
    public static let clearConnectionReq = MessageType(rawValue: 46)
    public static let clearConnectionConf = MessageType(rawValue: 47)
    public static let conferenceCallReq = MessageType(rawValue: 48)
    public static let conferenceCallConf = MessageType(rawValue: 49)
    public static let consultationCallReq = MessageType(rawValue: 50)
    public static let consultationCallConf = MessageType(rawValue: 51)
    public static let deflectCallReq = MessageType(rawValue: 52)
    public static let deflectCallConf = MessageType(rawValue: 53)
    public static let holdCallReq = MessageType(rawValue: 54)
    public static let holdCallConf = MessageType(rawValue: 55)
    public static let makeCallReq = MessageType(rawValue: 56)
    public static let makeCallConf = MessageType(rawValue: 57)
    public static let reconnectCallReq = MessageType(rawValue: 60)
    public static let reconnectCallConf = MessageType(rawValue: 61)
    public static let retrieveCallReq = MessageType(rawValue: 62)
    public static let retrieveCallConf = MessageType(rawValue: 63)
    public static let transferCallReq = MessageType(rawValue: 64)
    public static let transferCallConf = MessageType(rawValue: 65)
    public static let snapshotCallReq = MessageType(rawValue: 82)
    public static let snapshotCallConf = MessageType(rawValue: 83)
    public static let snapshotDeviceReq = MessageType(rawValue: 84)
    public static let snapshotDeviceConf = MessageType(rawValue: 85)
    public static let callDequeuedEvent = MessageType(rawValue: 86)
    public static let sendDtmfSignalReq = MessageType(rawValue: 91)
    public static let sendDtmfSignalConf = MessageType(rawValue: 92)
    public static let agentPreCallEvent = MessageType(rawValue: 105)
    public static let agentPreCallAbortEvent = MessageType(rawValue: 106)
    public static let queryAgentStatisticsReq = MessageType(rawValue: 112)
    public static let queryAgentStatisticsConf = MessageType(rawValue: 113)
    public static let querySkillGroupStatisticsReq = MessageType(rawValue: 114)
    public static let querySkillGroupStatisticsConf = MessageType(rawValue: 115)
    public static let clientEventReportReq = MessageType(rawValue: 32)
    public static let clientEventReportConf = MessageType(rawValue: 33)
    public static let makePredictiveCallReq = MessageType(rawValue: 58)
    public static let makePredictiveCallConf = MessageType(rawValue: 59)
    public static let queryDeviceInfoReq = MessageType(rawValue: 78)
    public static let queryDeviceInfoConf = MessageType(rawValue: 79)
    public static let monitorStartReq = MessageType(rawValue: 93)
    public static let monitorStartConf = MessageType(rawValue: 94)
    public static let monitorStopReq = MessageType(rawValue: 95)
    public static let monitorStopConf = MessageType(rawValue: 96)
    public static let changeMonitorMaskReq = MessageType(rawValue: 97)
    public static let changeMonitorMaskConf = MessageType(rawValue: 98)
    public static let clientSessionOpenedEvent = MessageType(rawValue: 99)
    public static let clientSessionClosedEvent = MessageType(rawValue: 100)
    public static let sessionMonitorStartReq = MessageType(rawValue: 101)
    public static let sessionMonitorStartConf = MessageType(rawValue: 102)
    public static let sessionMonitorStopReq = MessageType(rawValue: 103)
    public static let sessionMonitorStopConf = MessageType(rawValue: 104)
    public static let userMessageReq = MessageType(rawValue: 107)
    public static let userMessageConf = MessageType(rawValue: 108)
    public static let userMessageEvent = MessageType(rawValue: 109)
    public static let registerVariablesReq = MessageType(rawValue: 110)
    public static let registerVariablesConf = MessageType(rawValue: 111)
    public static let rtpStartedEvent = MessageType(rawValue: 116)
    public static let rtpStoppedEvent = MessageType(rawValue: 117)
    public static let supervisorAssistReq = MessageType(rawValue: 118)
    public static let supervisorAssistConf = MessageType(rawValue: 119)
    public static let supervisorAssistEvent = MessageType(rawValue: 120)
    public static let emergencyCallReq = MessageType(rawValue: 121)
    public static let emergencyCallConf = MessageType(rawValue: 122)
    public static let emergencyCallEvent = MessageType(rawValue: 123)
    public static let superviseCallReq = MessageType(rawValue: 124)
    public static let superviseCallConf = MessageType(rawValue: 125)
    public static let agentTeamConfigReq = MessageType(rawValue: 126)
    public static let agentTeamConfigConf = MessageType(rawValue: 127)
    public static let agentTeamConfigEvent = MessageType(rawValue: 128)
    public static let setAppDataReq = MessageType(rawValue: 129)
    public static let setAppDataConf = MessageType(rawValue: 130)
    public static let agentDeskSettingsReq = MessageType(rawValue: 131)
    public static let agentDeskSettingsConf = MessageType(rawValue: 132)
    public static let listAgentTeamReq = MessageType(rawValue: 133)
    public static let listAgentTeamConf = MessageType(rawValue: 134)
    public static let monitorAgentTeamStartReq = MessageType(rawValue: 135)
    public static let monitorAgentTeamStartConf = MessageType(rawValue: 136)
    public static let monitorAgentTeamStopReq = MessageType(rawValue: 137)
    public static let monitorAgentTeamStopConf = MessageType(rawValue: 138)
    public static let badCallReq = MessageType(rawValue: 139)
    public static let badCallConf = MessageType(rawValue: 140)
    public static let setDeviceAttributesReq = MessageType(rawValue: 141)
    public static let setDeviceAttributesConf = MessageType(rawValue: 142)
    public static let registerServiceReq = MessageType(rawValue: 143)
    public static let registerServiceConf = MessageType(rawValue: 144)
    public static let unregisterServiceReq = MessageType(rawValue: 145)
    public static let unregisterServiceConf = MessageType(rawValue: 146)
    public static let startRecordingReq = MessageType(rawValue: 147)
    public static let startRecordingConf = MessageType(rawValue: 148)
    public static let stopRecordingReq = MessageType(rawValue: 149)
    public static let stopRecordingConf = MessageType(rawValue: 150)
    public static let requestKeyEvent = MessageType(rawValue: 230)
    public static let keyEvent = MessageType(rawValue: 231)
    public static let requestEvent = MessageType(rawValue: 232)
    public static let beginEvent = MessageType(rawValue: 233)
    public static let endEvent = MessageType(rawValue: 234)
    public static let serviceEvent = MessageType(rawValue: 235)
    public static let skillGroupEvent = MessageType(rawValue: 236)
    public static let agentEvent = MessageType(rawValue: 237)
    public static let deviceEvent = MessageType(rawValue: 238)
    public static let teamConfigReq = MessageType(rawValue: 242)
    public static let teamConfigEvent = MessageType(rawValue: 243)
    public static let teamConfigConf = MessageType(rawValue: 244)
    public static let callTypeEvent = MessageType(rawValue: 245)
    public static let callAgentGreetingEvent = MessageType(rawValue: 248)
    public static let agentGreetingControlReq = MessageType(rawValue: 249)
    public static let agentGreetingControlConf = MessageType(rawValue: 250)
    public static let mrdEvent = MessageType(rawValue: 254)
    public static let peripheralEvent = MessageType(rawValue: 260)
    public static let agentDeskSettingsEvent = MessageType(rawValue: 261)
    public static let standbyActiveEvent = MessageType(rawValue: 277)
    public static let activeMaintenanceReq = MessageType(rawValue: 278)
    public static let activeMaintenanceResp = MessageType(rawValue: 279)
    public static let activeMaintenanceEvent = MessageType(rawValue: 280)
    public static let stoppingRequestsToThisSideInd = MessageType(rawValue: 281)
    public static let agentServiceEvent = MessageType(rawValue: 282)

    public static let knownNames: [UInt32: String] = [
        1: "FAILURE_CONF",
        2: "FAILURE_EVENT",
        3: "OPEN_REQ",
        4: "OPEN_CONF",
        5: "HEARTBEAT_REQ",
        6: "HEARTBEAT_CONF",
        7: "CLOSE_REQ",
        8: "CLOSE_CONF",
        9: "CALL_DELIVERED_EVENT",
        10: "CALL_ESTABLISHED_EVENT",
        11: "CALL_HELD_EVENT",
        12: "CALL_RETRIEVED_EVENT",
        13: "CALL_CLEARED_EVENT",
        14: "CALL_CONNECTION_CLEARED_EVENT",
        15: "CALL_ORIGINATED_EVENT",
        16: "CALL_FAILED_EVENT",
        17: "CALL_CONFERENCED_EVENT",
        18: "CALL_TRANSFERRED_EVENT",
        19: "CALL_DIVERTED_EVENT",
        20: "CALL_SERVICE_INITIATED_EVENT",
        21: "CALL_QUEUED_EVENT",
        22: "CALL_TRANSLATION_ROUTE_EVENT",
        23: "BEGIN_CALL_EVENT",
        24: "END_CALL_EVENT",
        25: "CALL_DATA_UPDATE_EVENT",
        26: "SET_CALL_DATA_REQ",
        27: "SET_CALL_DATA_CONF",
        28: "RELEASE_CALL_REQ",
        29: "RELEASE_CALL_CONF",
        30: "AGENT_STATE_EVENT",
        31: "SYSTEM_EVENT",
        34: "CALL_REACHED_NETWORK_EVENT",
        35: "CONTROL_FAILURE_CONF",
        36: "QUERY_AGENT_STATE_REQ",
        37: "QUERY_AGENT_STATE_CONF",
        38: "SET_AGENT_STATE_REQ",
        39: "SET_AGENT_STATE_CONF",
        40: "ALTERNATE_CALL_REQ",
        41: "ALTERNATE_CALL_CONF",
        42: "ANSWER_CALL_REQ",
        43: "ANSWER_CALL_CONF",
        44: "CLEAR_CALL_REQ",
        45: "CLEAR_CALL_CONF",
        46: "CLEAR_CONNECTION_REQ",
        47: "CLEAR_CONNECTION_CONF",
        48: "CONFERENCE_CALL_REQ",
        49: "CONFERENCE_CALL_CONF",
        50: "CONSULTATION_CALL_REQ",
        51: "CONSULTATION_CALL_CONF",
        52: "DEFLECT_CALL_REQ",
        53: "DEFLECT_CALL_CONF",
        54: "HOLD_CALL_REQ",
        55: "HOLD_CALL_CONF",
        56: "MAKE_CALL_REQ",
        57: "MAKE_CALL_CONF",
        60: "RECONNECT_CALL_REQ",
        61: "RECONNECT_CALL_CONF",
        62: "RETRIEVE_CALL_REQ",
        63: "RETRIEVE_CALL_CONF",
        64: "TRANSFER_CALL_REQ",
        65: "TRANSFER_CALL_CONF",
        82: "SNAPSHOT_CALL_REQ",
        83: "SNAPSHOT_CALL_CONF",
        84: "SNAPSHOT_DEVICE_REQ",
        85: "SNAPSHOT_DEVICE_CONF",
        86: "CALL_DEQUEUED_EVENT",
        91: "SEND_DTMF_SIGNAL_REQ",
        92: "SEND_DTMF_SIGNAL_CONF",
        105: "AGENT_PRE_CALL_EVENT",
        106: "AGENT_PRE_CALL_ABORT_EVENT",
        112: "QUERY_AGENT_STATISTICS_REQ",
        113: "QUERY_AGENT_STATISTICS_CONF",
        114: "QUERY_SKILL_GROUP_STATISTICS_REQ",
        115: "QUERY_SKILL_GROUP_STATISTICS_CONF",
        32: "CLIENT_EVENT_REPORT_REQ",
        33: "CLIENT_EVENT_REPORT_CONF",
        58: "MAKE_PREDICTIVE_CALL_REQ",
        59: "MAKE_PREDICTIVE_CALL_CONF",
        78: "QUERY_DEVICE_INFO_REQ",
        79: "QUERY_DEVICE_INFO_CONF",
        93: "MONITOR_START_REQ",
        94: "MONITOR_START_CONF",
        95: "MONITOR_STOP_REQ",
        96: "MONITOR_STOP_CONF",
        97: "CHANGE_MONITOR_MASK_REQ",
        98: "CHANGE_MONITOR_MASK_CONF",
        99: "CLIENT_SESSION_OPENED_EVENT",
        100: "CLIENT_SESSION_CLOSED_EVENT",
        101: "SESSION_MONITOR_START_REQ",
        102: "SESSION_MONITOR_START_CONF",
        103: "SESSION_MONITOR_STOP_REQ",
        104: "SESSION_MONITOR_STOP_CONF",
        107: "USER_MESSAGE_REQ",
        108: "USER_MESSAGE_CONF",
        109: "USER_MESSAGE_EVENT",
        110: "REGISTER_VARIABLES_REQ",
        111: "REGISTER_VARIABLES_CONF",
        116: "RTP_STARTED_EVENT",
        117: "RTP_STOPPED_EVENT",
        118: "SUPERVISOR_ASSIST_REQ",
        119: "SUPERVISOR_ASSIST_CONF",
        120: "SUPERVISOR_ASSIST_EVENT",
        121: "EMERGENCY_CALL_REQ",
        122: "EMERGENCY_CALL_CONF",
        123: "EMERGENCY_CALL_EVENT",
        124: "SUPERVISE_CALL_REQ",
        125: "SUPERVISE_CALL_CONF",
        126: "AGENT_TEAM_CONFIG_REQ",
        127: "AGENT_TEAM_CONFIG_CONF",
        128: "AGENT_TEAM_CONFIG_EVENT",
        129: "SET_APP_DATA_REQ",
        130: "SET_APP_DATA_CONF",
        131: "AGENT_DESK_SETTINGS_REQ",
        132: "AGENT_DESK_SETTINGS_CONF",
        133: "LIST_AGENT_TEAM_REQ",
        134: "LIST_AGENT_TEAM_CONF",
        135: "MONITOR_AGENT_TEAM_START_REQ",
        136: "MONITOR_AGENT_TEAM_START_CONF",
        137: "MONITOR_AGENT_TEAM_STOP_REQ",
        138: "MONITOR_AGENT_TEAM_STOP_CONF",
        139: "BAD_CALL_REQ",
        140: "BAD_CALL_CONF",
        141: "SET_DEVICE_ATTRIBUTES_REQ",
        142: "SET_DEVICE_ATTRIBUTES_CONF",
        143: "REGISTER_SERVICE_REQ",
        144: "REGISTER_SERVICE_CONF",
        145: "UNREGISTER_SERVICE_REQ",
        146: "UNREGISTER_SERVICE_CONF",
        147: "START_RECORDING_REQ",
        148: "START_RECORDING_CONF",
        149: "STOP_RECORDING_REQ",
        150: "STOP_RECORDING_CONF",
        230: "CONFIG_REQUEST_KEY_EVENT",
        231: "CONFIG_KEY_EVENT",
        232: "CONFIG_REQUEST_EVENT",
        233: "CONFIG_BEGIN_EVENT",
        234: "CONFIG_END_EVENT",
        235: "CONFIG_SERVICE_EVENT",
        236: "CONFIG_SKILL_GROUP_EVENT",
        237: "CONFIG_AGENT_EVENT",
        238: "CONFIG_DEVICE_EVENT",
        242: "TEAM_CONFIG_REQ",
        243: "TEAM_CONFIG_EVENT",
        244: "TEAM_CONFIG_CONF",
        245: "CONFIG_CALL_TYPE_EVENT",
        248: "CALL_AGENT_GREETING_EVENT",
        249: "AGENT_GREETING_CONTROL_REQ",
        250: "AGENT_GREETING_CONTROL_CONF",
        254: "CONFIG_MRD_EVENT",
        260: "CONFIG_PERIPHERAL_EVENT",
        261: "CONFIG_AGENT_DESK_SETTINGS_EVENT",
        277: "STANDBY_ACTIVE_EVENT",
        278: "ACTIVE_MAINTENANCE_REQ",
        279: "ACTIVE_MAINTENANCE_RESP",
        280: "ACTIVE_MAINTENANCE_EVENT",
        281: "STOPPING_REQUESTS_TO_THIS_SIDE_IND",
        282: "CONFIG_AGENT_SERVICE_EVENT",
    ]

}
