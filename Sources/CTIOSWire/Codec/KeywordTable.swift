/// The wire numbers of CTI OS keywords: a key found in the table travels as its number (one to three bytes), any
/// other key as its UTF-8 text.
///
/// A table belongs to a protocol version and never changes once that version is published: a later version's
/// table keeps every number of the one before and only appends. Number 0 is never used. Lookups ignore case and
/// surrounding spaces, like ``Arguments``; a key that travelled as a number arrives spelled as Cisco spells it
/// (`agentid` leaves, `AgentID` arrives: the same key).
public final class KeywordTable: Sendable {
    /// The protocol version whose table this is.
    public let version: ProtocolVersion
    /// The keywords in number order: `keywords[0]` has number 1.
    public let keywords: [Keyword]
    /// Lower-cased names, in number order (what ``Arguments`` stores as a key's lookup form).
    let normalizedNames: [String]
    let numbers: [String: UInt16]

    /// - Precondition: names are unique ignoring case and fit the 16-bit numbering.
    public init(version: ProtocolVersion, keywords: [Keyword]) {
        precondition(keywords.count < Int(UInt16.max), "a keyword table holds at most 65,534 keywords")
        self.version = version
        self.keywords = keywords
        self.normalizedNames = keywords.map { Arguments.normalize($0.name) }
        var numbers: [String: UInt16] = [:]
        for (index, name) in normalizedNames.enumerated() {
            let previous = numbers.updateValue(UInt16(index + 1), forKey: name)
            precondition(previous == nil, "keyword \(name) appears twice in the table")
        }
        self.numbers = numbers
    }

    /// How many keywords the table numbers (1 … count).
    public var count: Int { keywords.count }

    /// A key's number, or `nil` when it travels as text.
    public func number(for key: String) -> UInt16? { number(forNormalized: Arguments.normalize(key)) }

    public func number(for keyword: Keyword) -> UInt16? { number(for: keyword.name) }

    /// The number of a key already in lookup form (trimmed, lower-cased).
    func number(forNormalized normalized: String) -> UInt16? { numbers[normalized] }

    /// The keyword with this number, or `nil` outside 1 … count.
    public func keyword(for number: UInt16) -> Keyword? {
        number >= 1 && Int(number) <= keywords.count ? keywords[Int(number) - 1] : nil
    }

    /// The table of a protocol version, or `nil` for a version this build does not know.
    public static func table(for version: ProtocolVersion) -> KeywordTable? {
        version == .v1 ? v1 : nil
    }

    /// The table of ``ProtocolVersion/current``.
    public static var current: KeywordTable { v1 }

    /// Version 1. Frozen: numbers are listed in Docs/Protocol.md and checked by the tests. The most frequent keys
    /// come first, so that numbers 1 … 63 (one byte on the wire) cover an agent state change and a call event.
    public static let v1 = KeywordTable(version: .v1, keywords: [
        // 1 … 63: one byte on the wire.
        .uniqueObjectID, .agentState, .agentID, .peripheralID, .reasonCode,                          // 1 … 5
        .stateDuration, .buttonEnablementMask, .agentInstrument, .agentExtension, .skillGroupNumber,   // 6 … 10
        .skillGroupID, .skillGroupState, .skillGroups, .connectionCallID, .connectionDeviceID,        // 11 … 15
        .connectionDeviceIDType, .localConnectionState, .callType, .ani, .dnis,                       // 16 … 20
        .dialedNumber, .eventCause, .callingDeviceID, .calledDeviceID, .alertingDeviceID,             // 21 … 25
        .answeringDeviceID, .callVariable(1), .callVariable(2), .callVariable(3), .callVariable(4),    // 26 … 30
        .callVariable(5), .callVariable(6), .callVariable(7), .callVariable(8), .callVariable(9),     // 31 … 35
        .callVariable(10), .eccVariables, .callerEnteredDigits, .callWrapupData, .userToUserInfo,     // 36 … 40
        .routerCallKeyDay, .routerCallKeyCallID, .messageID, .teamID, .isSupervisor,                  // 41 … 45
        .agentWorkMode, .agentAvailabilityStatus, .callStatus, .lineHandle, .lineType,                // 46 … 50
        .serviceNumber, .serviceID, .parties, .numParties, .agentsLoggedOn,                           // 51 … 55
        .agentsAvailable, .agentsNotReady, .agentsTalking, .callsQueuedNow, .longestCallQueuedNow,    // 56 … 60
        .errorCode, .errorMessage, .failureCode,                                                      // 61 … 63
        // 64 and up: two bytes.
        .agentPassword, .firstName, .lastName, .loginName, .agentSkillTargetID,                       // 64 … 68
        .teamName, .skillGroupName, .skillGroupPriority, .numSkillGroups, .supervisorID,              // 69 … 73
        .supervisorInstrument, .supervisoryAction, .monitoredUniqueObjectID, .teamMembers, .duration, // 74 … 78
        .maxBeyondNotReadyTime, .chatMessage, .distribution, .autoLogin, .classIdentifier,            // 79 … 83
        .peripheralType, .eventName, .eventTime, .invokeID, .systemEventID,                           // 84 … 88
        .systemEventArg1, .systemEventArg2, .systemEventArg3, .peripheralErrorCode, .text,            // 89 … 93
        .eccArrays, .numCTIClients, .ctiClientSignature, .ctiClientTimestamp, .callPlacementType,     // 94 … 98
        .callMannerType, .callOption, .alertRings, .facilityCode, .authorizationCode,                 // 99 … 103
        .accountCode, .postRoute, .priority, .dtmfString, .transferType,                              // 104 … 108
        .conferenceType, .primaryUniqueObjectID, .secondaryUniqueObjectID, .primaryCallID,            // 109 … 112
        .secondaryCallID, .transferringDeviceID, .transferredDeviceID, .controllerDeviceID,           // 113 … 116
        .addedPartyDeviceID, .releasingDeviceID, .divertingDeviceID, .holdingDeviceID,                // 117 … 120
        .retrievingDeviceID, .queueDeviceID, .numQueued, .wrapupRequired, .agentsReady,               // 121 … 125
        .agentsTalkingOut, .agentsTalkingOther, .agentsWorkNotReady, .agentsWorkReady,                // 126 … 129
        .agentsBusyOther, .agentsReserved, .agentsHold, .routerCallsQueuedNow,                        // 130 … 133
        .longestRouterCallQueuedNow, .ctiosA, .ctiosB, .portA, .portB,                                // 134 … 138
        .heartbeat, .maxHeartbeats, .currentServer, .currentPort, .connectionMode,                    // 139 … 143
        .messageFilter, .lastError,                                                                   // 144 … 145
    ])
}
