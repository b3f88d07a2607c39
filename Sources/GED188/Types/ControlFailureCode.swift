/// Why a client control request failed (CONTROL_FAILURE_CONF FailureCode, CF_*).
///
/// Source: Cisco, CTI Server Message Reference Guide (Protocol Version 24), Constants and Status Codes, Control Failure Codes and Extended Control Failure Codes.
public struct ControlFailureCode: GED188Enumeration {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let genericUnspecified = ControlFailureCode(rawValue: 0)
    public static let genericOperation = ControlFailureCode(rawValue: 1)
    public static let requestIncompatibleWithObject = ControlFailureCode(rawValue: 2)
    public static let valueOutOfRange = ControlFailureCode(rawValue: 3)
    public static let objectNotKnown = ControlFailureCode(rawValue: 4)
    public static let invalidCallingDevice = ControlFailureCode(rawValue: 5)
    public static let invalidCalledDevice = ControlFailureCode(rawValue: 6)
    public static let invalidForwardingDestination = ControlFailureCode(rawValue: 7)
    public static let privilegeViolationOnSpecifiedDevice = ControlFailureCode(rawValue: 8)
    public static let privilegeViolationOnCalledDevice = ControlFailureCode(rawValue: 9)
    public static let privilegeViolationOnCallingDevice = ControlFailureCode(rawValue: 10)
    public static let invalidCstaCallIdentifier = ControlFailureCode(rawValue: 11)
    public static let invalidCstaDeviceIdentifier = ControlFailureCode(rawValue: 12)
    public static let invalidCstaConnectionIdentifier = ControlFailureCode(rawValue: 13)
    public static let invalidDestination = ControlFailureCode(rawValue: 14)
    public static let invalidFeature = ControlFailureCode(rawValue: 15)
    public static let invalidAllocationState = ControlFailureCode(rawValue: 16)
    public static let invalidCrossRefId = ControlFailureCode(rawValue: 17)
    public static let invalidObjectType = ControlFailureCode(rawValue: 18)
    public static let securityViolation = ControlFailureCode(rawValue: 19)
    public static let genericStateIncompatibility = ControlFailureCode(rawValue: 21)
    public static let invalidObjectState = ControlFailureCode(rawValue: 22)
    public static let invalidConnectionIdForActiveCall = ControlFailureCode(rawValue: 23)
    public static let noActiveCall = ControlFailureCode(rawValue: 24)
    public static let noHeldCall = ControlFailureCode(rawValue: 25)
    public static let noCallToClear = ControlFailureCode(rawValue: 26)
    public static let noConnectionToClear = ControlFailureCode(rawValue: 27)
    public static let noCallToAnswer = ControlFailureCode(rawValue: 28)
    public static let noCallToComplete = ControlFailureCode(rawValue: 29)
    public static let genericSystemResourceAvailability = ControlFailureCode(rawValue: 31)
    public static let serviceBusy = ControlFailureCode(rawValue: 32)
    public static let resourceBusy = ControlFailureCode(rawValue: 33)
    public static let resourceOutOfService = ControlFailureCode(rawValue: 34)
    public static let networkBusy = ControlFailureCode(rawValue: 35)
    public static let networkOutOfService = ControlFailureCode(rawValue: 36)
    public static let overallMonitorLimitExceeded = ControlFailureCode(rawValue: 37)
    public static let conferenceMemberLimitExceeded = ControlFailureCode(rawValue: 38)
    public static let genericSubscribedResourceAvailability = ControlFailureCode(rawValue: 41)
    public static let objectMonitorLimitExceeded = ControlFailureCode(rawValue: 42)
    public static let externalTrunkLimitExceeded = ControlFailureCode(rawValue: 43)
    public static let outstandingRequestLimitExceeded = ControlFailureCode(rawValue: 44)
    public static let genericPerformanceManagement = ControlFailureCode(rawValue: 51)
    public static let performanceLimitExceeded = ControlFailureCode(rawValue: 52)
    public static let sequenceNumberViolated = ControlFailureCode(rawValue: 61)
    public static let timeStampViolated = ControlFailureCode(rawValue: 62)
    public static let pacViolated = ControlFailureCode(rawValue: 63)
    public static let sealViolated = ControlFailureCode(rawValue: 64)
    public static let genericUnspecifiedRejection = ControlFailureCode(rawValue: 70)
    public static let genericOperationRejection = ControlFailureCode(rawValue: 71)
    public static let duplicateInvocationRejection = ControlFailureCode(rawValue: 72)
    public static let unrecognizedOperationRejection = ControlFailureCode(rawValue: 73)
    public static let mistypedArgumentRejection = ControlFailureCode(rawValue: 74)
    public static let resourceLimitationRejection = ControlFailureCode(rawValue: 75)
    public static let acsHandleTerminationRejection = ControlFailureCode(rawValue: 76)
    public static let serviceTerminationRejection = ControlFailureCode(rawValue: 77)
    public static let requestTimeoutRejection = ControlFailureCode(rawValue: 78)
    public static let requestsOnDeviceExceededRejection = ControlFailureCode(rawValue: 79)
    public static let invalidAgentIdSpecified = ControlFailureCode(rawValue: 256)
    public static let invalidPasswordSpecified = ControlFailureCode(rawValue: 257)
    public static let invalidAgentIdOrPasswordSpecified = ControlFailureCode(rawValue: 258)
    public static let specifiedAgentAlreadySignedOn = ControlFailureCode(rawValue: 259)
    public static let invalidLogonDeviceSpecified = ControlFailureCode(rawValue: 260)
    public static let invalidAnsweringDeviceSpecified = ControlFailureCode(rawValue: 261)
    public static let invalidSkillGroupSpecified = ControlFailureCode(rawValue: 262)
    public static let invalidClassOfServiceSpecified = ControlFailureCode(rawValue: 263)
    public static let invalidTeamSpecified = ControlFailureCode(rawValue: 264)
    public static let invalidAgentWorkmode = ControlFailureCode(rawValue: 265)
    public static let invalidAgentReasonCode = ControlFailureCode(rawValue: 266)
    public static let adjunctSwitchCommError = ControlFailureCode(rawValue: 267)
    public static let agentNotPartyOnCall = ControlFailureCode(rawValue: 268)
    public static let internalProcessingError = ControlFailureCode(rawValue: 269)
    public static let takeCallControlRejection = ControlFailureCode(rawValue: 270)
    public static let takeDomainControlRejection = ControlFailureCode(rawValue: 271)
    public static let requestedServiceNotRegistered = ControlFailureCode(rawValue: 272)
    public static let invalidConsultType = ControlFailureCode(rawValue: 273)
    public static let ansmapOrAdparamFieldNotValid = ControlFailureCode(rawValue: 274)
    public static let invalidCallControlTableSpecified = ControlFailureCode(rawValue: 275)
    public static let invalidDigitsRnatimeoutAmsdelayOrCountry = ControlFailureCode(rawValue: 276)
    public static let answerDetectPortUnavailable = ControlFailureCode(rawValue: 277)
    public static let virtualAgentUnavailable = ControlFailureCode(rawValue: 278)
    public static let takebackNXferRouteEnd = ControlFailureCode(rawValue: 279)
    public static let wrapupDataRequired = ControlFailureCode(rawValue: 280)
    public static let reasonCodeRequired = ControlFailureCode(rawValue: 281)
    public static let invalidTrunkIdSpecified = ControlFailureCode(rawValue: 282)
    public static let specifiedExtensionAlreadyInUse = ControlFailureCode(rawValue: 283)
    public static let arbitraryConfOrXferNotSupported = ControlFailureCode(rawValue: 284)
    public static let networkTransferOrConsult = ControlFailureCode(rawValue: 285)
    public static let networkTransferOrConsultFailed = ControlFailureCode(rawValue: 286)
    public static let deviceRestricted = ControlFailureCode(rawValue: 287)
    public static let lineRestricted = ControlFailureCode(rawValue: 288)
    public static let agentAccountLockedOut = ControlFailureCode(rawValue: 289)
    public static let dropAnyPartyNotEnabledCti = ControlFailureCode(rawValue: 290)
    public static let maximumLineLimitExceeded = ControlFailureCode(rawValue: 291)
    public static let sharedLinesNotSupported = ControlFailureCode(rawValue: 292)
    public static let extensionNotUnique = ControlFailureCode(rawValue: 293)

    public static let knownNames: [UInt16: String] = [
        0: "GENERIC_UNSPECIFIED",
        1: "GENERIC_OPERATION",
        2: "REQUEST_INCOMPATIBLE_WITH_OBJECT",
        3: "VALUE_OUT_OF_RANGE",
        4: "OBJECT_NOT_KNOWN",
        5: "INVALID_CALLING_DEVICE",
        6: "INVALID_CALLED_DEVICE",
        7: "INVALID_FORWARDING_DESTINATION",
        8: "PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE",
        9: "PRIVILEGE_VIOLATION_ON_CALLED_DEVICE",
        10: "PRIVILEGE_VIOLATION_ON_CALLING_DEVICE",
        11: "INVALID_CSTA_CALL_IDENTIFIER",
        12: "INVALID_CSTA_DEVICE_IDENTIFIER",
        13: "INVALID_CSTA_CONNECTION_IDENTIFIER",
        14: "INVALID_DESTINATION",
        15: "INVALID_FEATURE",
        16: "INVALID_ALLOCATION_STATE",
        17: "INVALID_CROSS_REF_ID",
        18: "INVALID_OBJECT_TYPE",
        19: "SECURITY_VIOLATION",
        21: "GENERIC_STATE_INCOMPATIBILITY",
        22: "INVALID_OBJECT_STATE",
        23: "INVALID_CONNECTION_ID_FOR_ACTIVE_CALL",
        24: "NO_ACTIVE_CALL",
        25: "NO_HELD_CALL",
        26: "NO_CALL_TO_CLEAR",
        27: "NO_CONNECTION_TO_CLEAR",
        28: "NO_CALL_TO_ANSWER",
        29: "NO_CALL_TO_COMPLETE",
        31: "GENERIC_SYSTEM_RESOURCE_AVAILABILITY",
        32: "SERVICE_BUSY",
        33: "RESOURCE_BUSY",
        34: "RESOURCE_OUT_OF_SERVICE",
        35: "NETWORK_BUSY",
        36: "NETWORK_OUT_OF_SERVICE",
        37: "OVERALL_MONITOR_LIMIT_EXCEEDED",
        38: "CONFERENCE_MEMBER_LIMIT_EXCEEDED",
        41: "GENERIC_SUBSCRIBED_RESOURCE_AVAILABILITY",
        42: "OBJECT_MONITOR_LIMIT_EXCEEDED",
        43: "EXTERNAL_TRUNK_LIMIT_EXCEEDED",
        44: "OUTSTANDING_REQUEST_LIMIT_EXCEEDED",
        51: "GENERIC_PERFORMANCE_MANAGEMENT",
        52: "PERFORMANCE_LIMIT_EXCEEDED",
        61: "SEQUENCE_NUMBER_VIOLATED",
        62: "TIME_STAMP_VIOLATED",
        63: "PAC_VIOLATED",
        64: "SEAL_VIOLATED",
        70: "GENERIC_UNSPECIFIED_REJECTION",
        71: "GENERIC_OPERATION_REJECTION",
        72: "DUPLICATE_INVOCATION_REJECTION",
        73: "UNRECOGNIZED_OPERATION_REJECTION",
        74: "MISTYPED_ARGUMENT_REJECTION",
        75: "RESOURCE_LIMITATION_REJECTION",
        76: "ACS_HANDLE_TERMINATION_REJECTION",
        77: "SERVICE_TERMINATION_REJECTION",
        78: "REQUEST_TIMEOUT_REJECTION",
        79: "REQUESTS_ON_DEVICE_EXCEEDED_REJECTION",
        256: "INVALID_AGENT_ID_SPECIFIED",
        257: "INVALID_PASSWORD_SPECIFIED",
        258: "INVALID_AGENT_ID_OR_PASSWORD_SPECIFIED",
        259: "SPECIFIED_AGENT_ALREADY_SIGNED_ON",
        260: "INVALID_LOGON_DEVICE_SPECIFIED",
        261: "INVALID_ANSWERING_DEVICE_SPECIFIED",
        262: "INVALID_SKILL_GROUP_SPECIFIED",
        263: "INVALID_CLASS_OF_SERVICE_SPECIFIED",
        264: "INVALID_TEAM_SPECIFIED",
        265: "INVALID_AGENT_WORKMODE",
        266: "INVALID_AGENT_REASON_CODE",
        267: "ADJUNCT_SWITCH_COMM_ERROR",
        268: "AGENT_NOT_PARTY_ON_CALL",
        269: "INTERNAL_PROCESSING_ERROR",
        270: "TAKE_CALL_CONTROL_REJECTION",
        271: "TAKE_DOMAIN_CONTROL_REJECTION",
        272: "REQUESTED_SERVICE_NOT_REGISTERED",
        273: "INVALID_CONSULT_TYPE",
        274: "ANSMAP_OR_ADPARAM_FIELD_NOT_VALID",
        275: "INVALID_CALL_CONTROL_TABLE_SPECIFIED",
        276: "INVALID_DIGITS_RNATIMEOUT_AMSDELAY_OR_COUNTRY",
        277: "ANSWER_DETECT_PORT_UNAVAILABLE",
        278: "VIRTUAL_AGENT_UNAVAILABLE",
        279: "TAKEBACK_N_XFER_ROUTE_END",
        280: "WRAPUP_DATA_REQUIRED",
        281: "REASON_CODE_REQUIRED",
        282: "INVALID_TRUNK_ID_SPECIFIED",
        283: "SPECIFIED_EXTENSION_ALREADY_IN_USE",
        284: "ARBITRARY_CONF_OR_XFER_NOT_SUPPORTED",
        285: "NETWORK_TRANSFER_OR_CONSULT",
        286: "NETWORK_TRANSFER_OR_CONSULT_FAILED",
        287: "DEVICE_RESTRICTED",
        288: "LINE_RESTRICTED",
        289: "AGENT_ACCOUNT_LOCKED_OUT",
        290: "DROP_ANY_PARTY_NOT_ENABLED_CTI",
        291: "MAXIMUM_LINE_LIMIT_EXCEEDED",
        292: "SHARED_LINES_NOT_SUPPORTED",
        293: "EXTENSION_NOT_UNIQUE",
    ]
}
