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
    public static let invalidObjectState = StatusCode(rawValue: 38)
    public static let invalidNumSkillGroups = StatusCode(rawValue: 39)
    public static let invalidNumLines = StatusCode(rawValue: 40)
    public static let invalidLineType = StatusCode(rawValue: 41)
    public static let invalidAllocationState = StatusCode(rawValue: 42)
    public static let invalidAnsweringMachine = StatusCode(rawValue: 43)
    public static let invalidCallMannerType = StatusCode(rawValue: 44)
    public static let invalidCallPlacementType = StatusCode(rawValue: 45)
    public static let invalidConsultType = StatusCode(rawValue: 46)
    public static let invalidFacilityType = StatusCode(rawValue: 47)
    public static let invalidMsgTypeForVersion = StatusCode(rawValue: 48)
    public static let invalidTagForVersion = StatusCode(rawValue: 49)
    public static let invalidAgentWorkMode = StatusCode(rawValue: 50)
    public static let invalidCallOption = StatusCode(rawValue: 51)
    public static let invalidDestinationCountry = StatusCode(rawValue: 52)
    public static let invalidAnswerDetectMode = StatusCode(rawValue: 53)
    public static let mutuallyExclusDeviceidTypes = StatusCode(rawValue: 54)
    public static let invalidMonitorid = StatusCode(rawValue: 55)
    public static let sessionMonitorAlreadyExists = StatusCode(rawValue: 56)
    public static let sessionMonitorIsClients = StatusCode(rawValue: 57)
    public static let invalidCallControlMask = StatusCode(rawValue: 58)
    public static let invalidFeatureMask = StatusCode(rawValue: 59)
    public static let invalidTransferConferenceSetupMask = StatusCode(rawValue: 60)
    public static let invalidArrayIndex = StatusCode(rawValue: 61)
    public static let invalidCharacter = StatusCode(rawValue: 62)
    public static let clientNotFound = StatusCode(rawValue: 63)
    public static let supervisorNotFound = StatusCode(rawValue: 64)
    public static let teamNotFound = StatusCode(rawValue: 65)
    public static let noCallActive = StatusCode(rawValue: 66)
    public static let namedVariableNotConfigured = StatusCode(rawValue: 67)
    public static let namedArrayNotConfigured = StatusCode(rawValue: 68)
    public static let invalidCallVariableMask = StatusCode(rawValue: 69)
    public static let elementNotFound = StatusCode(rawValue: 70)
    public static let invalidDistributionType = StatusCode(rawValue: 71)
    public static let invalidSkillGroup = StatusCode(rawValue: 72)
    public static let tooMuchData = StatusCode(rawValue: 73)
    public static let valueTooLong = StatusCode(rawValue: 74)
    public static let scalarFunctionOnArray = StatusCode(rawValue: 75)
    public static let arrayFunctionOnScalar = StatusCode(rawValue: 76)
    public static let invalidNumNamedVariables = StatusCode(rawValue: 77)
    public static let invalidNumNamedArrays = StatusCode(rawValue: 78)
    public static let invalidRtpDirection = StatusCode(rawValue: 79)
    public static let invalidRtpType = StatusCode(rawValue: 80)
    public static let calledPartyDisposition = StatusCode(rawValue: 81)
    public static let invalidSupervisoryAction = StatusCode(rawValue: 82)
    public static let agentTeamMonitorAlreadyExists = StatusCode(rawValue: 83)
    public static let invalidService = StatusCode(rawValue: 84)
    public static let serviceConflict = StatusCode(rawValue: 85)
    public static let skillGroupConflict = StatusCode(rawValue: 86)
    public static let invalidDevice = StatusCode(rawValue: 87)
    public static let invalidMrDomain = StatusCode(rawValue: 88)
    public static let monitorAlreadyExists = StatusCode(rawValue: 89)
    public static let monitorTerminated = StatusCode(rawValue: 90)
    public static let invalidTaskMsgMask = StatusCode(rawValue: 91)
    public static let serverNotMaster = StatusCode(rawValue: 92)
    public static let invalidCsd = StatusCode(rawValue: 93)
    public static let jtapiCcmProblem = StatusCode(rawValue: 94)
    public static let invalidConfigMsgMask = StatusCode(rawValue: 95)
    public static let autoConfigReset = StatusCode(rawValue: 96)
    public static let invalidMonitorStatus = StatusCode(rawValue: 97)
    public static let invalidRequestType = StatusCode(rawValue: 98)
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
        38: "E_CTI_INVALID_OBJECT_STATE",
        39: "E_CTI_INVALID_NUM_SKILL_GROUPS",
        40: "E_CTI_INVALID_NUM_LINES",
        41: "E_CTI_INVALID_LINE_TYPE",
        42: "E_CTI_INVALID_ALLOCATION_STATE",
        43: "E_CTI_INVALID_ANSWERING_MACHINE",
        44: "E_CTI_INVALID_CALL_MANNER_TYPE",
        45: "E_CTI_INVALID_CALL_PLACEMENT_TYPE",
        46: "E_CTI_INVALID_CONSULT_TYPE",
        47: "E_CTI_INVALID_FACILITY_TYPE",
        48: "E_CTI_INVALID_MSG_TYPE_FOR_VERSION",
        49: "E_CTI_INVALID_TAG_FOR_VERSION",
        50: "E_CTI_INVALID_AGENT_WORK_MODE",
        51: "E_CTI_INVALID_CALL_OPTION",
        52: "E_CTI_INVALID_DESTINATION_COUNTRY",
        53: "E_CTI_INVALID_ANSWER_DETECT_MODE",
        54: "E_CTI_MUTUALLY_EXCLUS_DEVICEID_TYPES",
        55: "E_CTI_INVALID_MONITORID",
        56: "E_CTI_SESSION_MONITOR_ALREADY_EXISTS",
        57: "E_CTI_SESSION_MONITOR_IS_CLIENTS",
        58: "E_CTI_INVALID_CALL_CONTROL_MASK",
        59: "E_CTI_INVALID_FEATURE_MASK",
        60: "E_CTI_INVALID_TRANSFER_CONFERENCE_SETUP_MASK",
        61: "E_CTI_INVALID_ARRAY_INDEX",
        62: "E_CTI_INVALID_CHARACTER",
        63: "E_CTI_CLIENT_NOT_FOUND",
        64: "E_CTI_SUPERVISOR_NOT_FOUND",
        65: "E_CTI_TEAM_NOT_FOUND",
        66: "E_CTI_NO_CALL_ACTIVE",
        67: "E_CTI_NAMED_VARIABLE_NOT_CONFIGURED",
        68: "E_CTI_NAMED_ARRAY_NOT_CONFIGURED",
        69: "E_CTI_INVALID_CALL_VARIABLE_MASK",
        70: "E_CTI_ELEMENT_NOT_FOUND",
        71: "E_CTI_INVALID_DISTRIBUTION_TYPE",
        72: "E_CTI_INVALID_SKILL_GROUP",
        73: "E_CTI_TOO_MUCH_DATA",
        74: "E_CTI_VALUE_TOO_LONG",
        75: "E_CTI_SCALAR_FUNCTION_ON_ARRAY",
        76: "E_CTI_ARRAY_FUNCTION_ON_SCALAR",
        77: "E_CTI_INVALID_NUM_NAMED_VARIABLES",
        78: "E_CTI_INVALID_NUM_NAMED_ARRAYS",
        79: "E_CTI_INVALID_RTP_DIRECTION",
        80: "E_CTI_INVALID_RTP_TYPE",
        81: "E_CTI_CALLED_PARTY_DISPOSITION",
        82: "E_CTI_INVALID_SUPERVISORY_ACTION",
        83: "E_CTI_AGENT_TEAM_MONITOR_ALREADY_EXISTS",
        84: "E_CTI_INVALID_SERVICE",
        85: "E_CTI_SERVICE_CONFLICT",
        86: "E_CTI_SKILL_GROUP_CONFLICT",
        87: "E_CTI_INVALID_DEVICE",
        88: "E_CTI_INVALID_MR_DOMAIN",
        89: "E_CTI_MONITOR_ALREADY_EXISTS",
        90: "E_CTI_MONITOR_TERMINATED",
        91: "E_CTI_INVALID_TASK_MSG_MASK",
        92: "E_CTI_SERVER_NOT_MASTER",
        93: "E_CTI_INVALID_CSD",
        94: "E_CTI_JTAPI_CCM_PROBLEM",
        95: "E_CTI_INVALID_CONFIG_MSG_MASK",
        96: "E_CTI_AUTO_CONFIG_RESET",
        97: "E_CTI_INVALID_MONITOR_STATUS",
        98: "E_CTI_INVALID_REQUEST_TYPE",
        107: "E_CTI_INVALID_CLIENT_FOR_STANDBY",
        108: "E_CTI_INVALID_UNIQUE_INSTANCE_ID",
        109: "E_CTI_DUPLICATE_UNIQUE_INSTANCE_ID",
        110: "E_CTI_SERVER_IN_MAINTENANCE_MODE",
    ]
}
