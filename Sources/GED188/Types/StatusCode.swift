/// A CTI Server status code (E_CTI_*), carried by FAILURE_CONF, FAILURE_EVENT and CLOSE_REQ.
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, Status Codes table. Code 2 is E_CTI_INVALID_MESSAGE_LENGTH in the version 24 table (some editions: INVALID_MESSAGE_TYPE).
public struct StatusCode: GED188Enumeration {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let noError = StatusCode(rawValue: 0)
    public static let invalidVersion = StatusCode(rawValue: 1)
    public static let invalidMessageLength = StatusCode(rawValue: 2)
    public static let invalidFieldTag = StatusCode(rawValue: 3)
    public static let sessionNotOpen = StatusCode(rawValue: 4)
    public static let sessionAlreadyOpen = StatusCode(rawValue: 5)
    public static let requiredDataMissing = StatusCode(rawValue: 6)
    public static let invalidPeripheralId = StatusCode(rawValue: 7)
    public static let invalidAgentData = StatusCode(rawValue: 8)
    public static let agentNotLoggedOn = StatusCode(rawValue: 9)
    public static let deviceInUse = StatusCode(rawValue: 10)
    public static let newSessionOpened = StatusCode(rawValue: 11)
    public static let functionNotAvailable = StatusCode(rawValue: 12)
    public static let invalidCallid = StatusCode(rawValue: 13)
    public static let protectedVariable = StatusCode(rawValue: 14)
    public static let ctiServerOffline = StatusCode(rawValue: 15)
    public static let timeout = StatusCode(rawValue: 16)
    public static let unspecifiedFailure = StatusCode(rawValue: 17)
    public static let invalidTimeout = StatusCode(rawValue: 18)
    public static let invalidServiceMask = StatusCode(rawValue: 19)
    public static let invalidCallMsgMask = StatusCode(rawValue: 20)
    public static let invalidAgentStateMask = StatusCode(rawValue: 21)
    public static let invalidReservedField = StatusCode(rawValue: 22)
    public static let invalidFieldLength = StatusCode(rawValue: 23)
    public static let invalidDigits = StatusCode(rawValue: 24)
    public static let badMessageFormat = StatusCode(rawValue: 25)
    public static let invalidTagForMsgType = StatusCode(rawValue: 26)
    public static let invalidDeviceIdType = StatusCode(rawValue: 27)
    public static let invalidLclConnState = StatusCode(rawValue: 28)
    public static let invalidEventCause = StatusCode(rawValue: 29)
    public static let invalidNumParties = StatusCode(rawValue: 30)
    public static let invalidSysEventId = StatusCode(rawValue: 31)
    public static let inconsistentAgentData = StatusCode(rawValue: 32)
    public static let invalidConnectionIdType = StatusCode(rawValue: 33)
    public static let invalidCallType = StatusCode(rawValue: 34)
    public static let notCallParty = StatusCode(rawValue: 35)
    public static let invalidPassword = StatusCode(rawValue: 36)
    public static let clientDisconnected = StatusCode(rawValue: 37)
    public static let invalidMsgTypeForVersion = StatusCode(rawValue: 48)
    public static let invalidTagForVersion = StatusCode(rawValue: 49)
    public static let invalidClientForStandby = StatusCode(rawValue: 107)
    public static let invalidUniqueInstanceId = StatusCode(rawValue: 108)
    public static let duplicateUniqueInstanceId = StatusCode(rawValue: 109)
    public static let serverInMaintenanceMode = StatusCode(rawValue: 110)

    public static let knownNames: [UInt32: String] = [
        0: "E_CTI_NO_ERROR",
        1: "E_CTI_INVALID_VERSION",
        2: "E_CTI_INVALID_MESSAGE_LENGTH",
        3: "E_CTI_INVALID_FIELD_TAG",
        4: "E_CTI_SESSION_NOT_OPEN",
        5: "E_CTI_SESSION_ALREADY_OPEN",
        6: "E_CTI_REQUIRED_DATA_MISSING",
        7: "E_CTI_INVALID_PERIPHERAL_ID",
        8: "E_CTI_INVALID_AGENT_DATA",
        9: "E_CTI_AGENT_NOT_LOGGED_ON",
        10: "E_CTI_DEVICE_IN_USE",
        11: "E_CTI_NEW_SESSION_OPENED",
        12: "E_CTI_FUNCTION_NOT_AVAILABLE",
        13: "E_CTI_INVALID_CALLID",
        14: "E_CTI_PROTECTED_VARIABLE",
        15: "E_CTI_CTI_SERVER_OFFLINE",
        16: "E_CTI_TIMEOUT",
        17: "E_CTI_UNSPECIFIED_FAILURE",
        18: "E_CTI_INVALID_TIMEOUT",
        19: "E_CTI_INVALID_SERVICE_MASK",
        20: "E_CTI_INVALID_CALL_MSG_MASK",
        21: "E_CTI_INVALID_AGENT_STATE_MASK",
        22: "E_CTI_INVALID_RESERVED_FIELD",
        23: "E_CTI_INVALID_FIELD_LENGTH",
        24: "E_CTI_INVALID_DIGITS",
        25: "E_CTI_BAD_MESSAGE_FORMAT",
        26: "E_CTI_INVALID_TAG_FOR_MSG_TYPE",
        27: "E_CTI_INVALID_DEVICE_ID_TYPE",
        28: "E_CTI_INVALID_LCL_CONN_STATE",
        29: "E_CTI_INVALID_EVENT_CAUSE",
        30: "E_CTI_INVALID_NUM_PARTIES",
        31: "E_CTI_INVALID_SYS_EVENT_ID",
        32: "E_CTI_INCONSISTENT_AGENT_DATA",
        33: "E_CTI_INVALID_CONNECTION_ID_TYPE",
        34: "E_CTI_INVALID_CALL_TYPE",
        35: "E_CTI_NOT_CALL_PARTY",
        36: "E_CTI_INVALID_PASSWORD",
        37: "E_CTI_CLIENT_DISCONNECTED",
        48: "E_CTI_INVALID_MSG_TYPE_FOR_VERSION",
        49: "E_CTI_INVALID_TAG_FOR_VERSION",
        107: "E_CTI_INVALID_CLIENT_FOR_STANDBY",
        108: "E_CTI_INVALID_UNIQUE_INSTANCE_ID",
        109: "E_CTI_DUPLICATE_UNIQUE_INSTANCE_ID",
        110: "E_CTI_SERVER_IN_MAINTENANCE_MODE",
    ]
}
