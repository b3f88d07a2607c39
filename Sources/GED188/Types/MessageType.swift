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
    public static let monitorAgentTeamStartReq = MessageType(rawValue: 135)
    public static let monitorAgentTeamStartConf = MessageType(rawValue: 136)
    public static let monitorAgentTeamStopReq = MessageType(rawValue: 137)
    public static let monitorAgentTeamStopConf = MessageType(rawValue: 138)

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
        135: "MONITOR_AGENT_TEAM_START_REQ",
        136: "MONITOR_AGENT_TEAM_START_CONF",
        137: "MONITOR_AGENT_TEAM_STOP_REQ",
        138: "MONITOR_AGENT_TEAM_STOP_CONF",
    ]

}
