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
    /// Open addressing over the lower-cased names' UTF-8 (FNV-1a): a slot holds a number, 0 when empty. Cheaper
    /// than a `Dictionary` of strings, which the encoder would consult for every key.
    private let slots: [UInt16]
    private let mask: Int

    /// - Precondition: names are unique ignoring case and fit the 16-bit numbering.
    public init(version: ProtocolVersion, keywords: [Keyword]) {
        precondition(keywords.count < Int(UInt16.max), "a keyword table holds at most 65,534 keywords")
        self.version = version
        self.keywords = keywords
        self.normalizedNames = keywords.map { Arguments.normalize($0.name) }
        var size = 16
        while size < keywords.count * 4 { size *= 2 }
        var slots = [UInt16](repeating: 0, count: size)
        for (index, name) in normalizedNames.enumerated() {
            var slot = Self.hash(name) & (size - 1)
            while slots[slot] != 0 {
                precondition(normalizedNames[Int(slots[slot]) - 1] != name, "keyword \(name) appears twice in the table")
                slot = (slot + 1) & (size - 1)
            }
            slots[slot] = UInt16(index + 1)
        }
        self.slots = slots
        self.mask = size - 1
    }

    private static func hash(_ normalized: String) -> Int { Int(fnv1a(normalized)) }

    /// FNV-1a over a string's UTF-8.
    static func fnv1a(_ string: String) -> UInt32 {
        func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return hash
        }
        if let hash = string.utf8.withContiguousStorageIfAvailable(fnv1a) { return hash }
        var copy = string
        return copy.withUTF8(fnv1a)
    }

    /// How many keywords the table numbers (1 … count).
    public var count: Int { keywords.count }

    /// A key's number, or `nil` when it travels as text.
    public func number(for key: String) -> UInt16? { number(forNormalized: Arguments.normalize(key)) }

    public func number(for keyword: Keyword) -> UInt16? { number(for: keyword.name) }

    /// The number of a key already in lookup form (trimmed, lower-cased).
    func number(forNormalized normalized: String) -> UInt16? {
        var slot = Self.hash(normalized) & mask
        while true {
            let number = slots[slot]
            if number == 0 { return nil }
            if normalizedNames[Int(number) - 1] == normalized { return number }
            slot = (slot + 1) & mask
        }
    }

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
        .messageFilter, .lastError, .callsQueuedTimeNow, .trunkUsedDeviceID, .configOperation,        // 144 … 148
    ])
}
