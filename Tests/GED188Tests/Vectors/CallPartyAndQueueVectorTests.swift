import GED188
import NIOCore
import Testing

// Call events with repeated groups: CALL_CONFERENCED_EVENT and CALL_TRANSFERRED_EVENT (ConnectedParty triples,
// tags 39/40/41) and CALL_QUEUED_EVENT and CALL_DEQUEUED_EVENT (skill group triples, tags 62/63/64), written by
// hand from /work/notes/ged188-core-layouts.md (Client Events Service; v25 tables, unchanged since v24).
// Floating fields: tag USHORT, length USHORT, data (Messaging Conventions, Floating Part).
//
// The call: customer 5551234 talks to agent extension 1001 (call 123456 = 0x0001E240), who consulted extension
// 1002 (call 123459 = 0x0001E243).

extension MessageVector {
    static let callConferenced = MessageVector(
        name: "CALL_CONFERENCED_EVENT, three parties",
        hex: HexVector("""
            0000009a  # MHDR MessageLength = 154: 46 fixed + 108 floating (Messaging Conventions, MHDR)
            00000011  # MHDR MessageType = 17 CALL_CONFERENCED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_CONFERENCED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT (Constants, PeripheralType)
            0000      # PrimaryDeviceIDType = 0 CONNECTION_ID_STATIC (Constants, ConnectionDeviceIDType)
            0001e240  # PrimaryCallID = 123456
            0000      # LineHandle = 0
            0000      # LineType = 0 LINETYPE_INBOUND_ACD
            00000065  # SkillGroupNumber = 101
            0000138a  # SkillGroupID = 5002
            0000      # SkillGroupPriority = 0
            0003      # NumParties = 3, at most 16 (Client Events Service, CALL_CONFERENCED_EVENT)
            0000      # SecondaryDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e243  # SecondaryCallID = 123459
            0000      # ControllerDeviceType = 0 DEVID_DEVICE_IDENTIFIER (Constants, DeviceIDType)
            0000      # AddedPartyDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            0003      # LocalConnectionState = 3 LCS_CONNECT
            0011      # EventCause = 17 CEC_KEY_CONFERENCE (Constants, EventCause)
            0023 0005 3130303100          # PrimaryDeviceID tag 35, "1001" NUL (required)
            0024 0005 3130303100          # SecondaryDeviceID tag 36, "1001" NUL (required)
            0025 0005 3130303100          # ControllerDeviceID tag 37, "1001" NUL
            0026 0005 3130303200          # AddedPartyDeviceID tag 38, "1002" NUL
            0027 0004 0001e240            # ConnectedPartyCallID tag 39, UINT = 123456 (party 1)
            0028 0002 004b                # ConnectedPartyDeviceIDType tag 40, USHORT = 75 DEVID_EXTERNAL
            0029 0008 3535353132333400    # ConnectedPartyDeviceID tag 41, "5551234" NUL
            0027 0004 0001e240            # ConnectedPartyCallID tag 39 (party 2)
            0028 0002 0000                # ConnectedPartyDeviceIDType tag 40 = DEVID_DEVICE_IDENTIFIER
            0029 0005 3130303100          # ConnectedPartyDeviceID tag 41, "1001" NUL
            0027 0004 0001e240            # ConnectedPartyCallID tag 39 (party 3)
            0028 0002 0000                # ConnectedPartyDeviceIDType tag 40 = DEVID_DEVICE_IDENTIFIER
            0029 0005 3130303200          # ConnectedPartyDeviceID tag 41, "1002" NUL
            """),
        expected: .callConferencedEvent(CallConferencedEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, primaryDeviceIDType: .static,
            primaryCallID: 123_456, lineHandle: 0, lineType: .inboundAcd, skillGroupNumber: 101, skillGroupID: 5002,
            skillGroupPriority: 0, secondaryDeviceIDType: .static, secondaryCallID: 123_459,
            controllerDeviceType: .deviceIdentifier, addedPartyDeviceType: .deviceIdentifier,
            localConnectionState: .connect, eventCause: .keyConference,
            primaryDeviceID: "1001", secondaryDeviceID: "1001", controllerDeviceID: "1001", addedPartyDeviceID: "1002",
            connectedParties: [
                ConnectedParty(callID: 123_456, deviceIDType: .external, deviceID: "5551234"),
                ConnectedParty(callID: 123_456, deviceIDType: .deviceIdentifier, deviceID: "1001"),
                ConnectedParty(callID: 123_456, deviceIDType: .deviceIdentifier, deviceID: "1002"),
            ]
        ))
    )

    static let callTransferred = MessageVector(
        name: "CALL_TRANSFERRED_EVENT, two parties remain",
        hex: HexVector("""
            00000083  # MHDR MessageLength = 131: 46 fixed + 85 floating (Messaging Conventions, MHDR)
            00000012  # MHDR MessageType = 18 CALL_TRANSFERRED_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_TRANSFERRED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # PrimaryDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # PrimaryCallID = 123456
            ffff      # LineHandle = 0xFFFF, none
            ffff      # LineType = 0xFFFF, none
            ffffffff  # SkillGroupNumber = NULL_SKILL_GROUP (Constants, Special Values)
            ffffffff  # SkillGroupID = NULL_SKILL_GROUP
            0000      # SkillGroupPriority = 0
            0002      # NumParties = 2 (Client Events Service, CALL_TRANSFERRED_EVENT)
            0000      # SecondaryDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e243  # SecondaryCallID = 123459
            0000      # TransferringDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            0000      # TransferredDeviceType = 0 DEVID_DEVICE_IDENTIFIER
            0000      # LocalConnectionState = 0 LCS_NULL
            0020      # EventCause = 32 CEC_TRANSFER
            0023 0005 3130303100          # PrimaryDeviceID tag 35, "1001" NUL (required)
            0024 0005 3130303100          # SecondaryDeviceID tag 36, "1001" NUL (required)
            002a 0005 3130303100          # TransferringDeviceID tag 42, "1001" NUL
            002b 0005 3130303200          # TransferredDeviceID tag 43, "1002" NUL
            0027 0004 0001e240            # ConnectedPartyCallID tag 39 = 123456 (party 1)
            0028 0002 004b                # ConnectedPartyDeviceIDType tag 40 = 75 DEVID_EXTERNAL
            0029 0008 3535353132333400    # ConnectedPartyDeviceID tag 41, "5551234" NUL
            0027 0004 0001e240            # ConnectedPartyCallID tag 39 = 123456 (party 2)
            0028 0002 0000                # ConnectedPartyDeviceIDType tag 40 = DEVID_DEVICE_IDENTIFIER
            0029 0005 3130303200          # ConnectedPartyDeviceID tag 41, "1002" NUL
            """),
        expected: .callTransferredEvent(CallTransferredEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, primaryDeviceIDType: .static,
            primaryCallID: 123_456, lineHandle: 0xFFFF, lineType: .notApplicable, skillGroupNumber: 0xFFFF_FFFF,
            skillGroupID: 0xFFFF_FFFF, skillGroupPriority: 0, secondaryDeviceIDType: .static, secondaryCallID: 123_459,
            transferringDeviceType: .deviceIdentifier, transferredDeviceType: .deviceIdentifier,
            localConnectionState: .null, eventCause: .transfer,
            primaryDeviceID: "1001", secondaryDeviceID: "1001", transferringDeviceID: "1001",
            transferredDeviceID: "1002",
            connectedParties: [
                ConnectedParty(callID: 123_456, deviceIDType: .external, deviceID: "5551234"),
                ConnectedParty(callID: 123_456, deviceIDType: .deviceIdentifier, deviceID: "1002"),
            ]
        ))
    )

    static let callQueued = MessageVector(
        name: "CALL_QUEUED_EVENT, queued to two skill groups",
        hex: HexVector("""
            00000079  # MHDR MessageLength = 121: 40 fixed + 81 floating (Messaging Conventions, MHDR)
            00000015  # MHDR MessageType = 21 CALL_QUEUED_EVENT (Messaging Conventions, Message Types)
            00000000  # MonitorID = 0, All Events Service (Client Events Service, CALL_QUEUED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            ffffffff  # ServiceNumber = NULL_SERVICE
            ffffffff  # ServiceID = NULL_SERVICE
            004d      # QueueDeviceType = 77 DEVID_QUEUE (Constants, DeviceIDType)
            004b      # CallingDeviceType = 75 DEVID_EXTERNAL
            004a      # CalledDeviceType = 74 DEVID_ROUTE_POINT
            ffff      # LastRedirectDeviceType = DEVID_NONE
            0001      # NumQueued = 1
            0002      # NumSkillGroups = 2, at most 20 (Client Events Service, CALL_QUEUED_EVENT)
            0005      # LocalConnectionState = 5 LCS_QUEUED
            ffff      # EventCause = CEC_NONE
            0019 0005 3830303000          # ConnectionDeviceID tag 25, "8000" NUL (required)
            002d 0003 513100              # QueueDeviceID tag 45, "Q1" NUL
            001b 0008 3535353132333400    # CallingDeviceID tag 27, "5551234" NUL
            001c 0005 3830303000          # CalledDeviceID tag 28, "8000" NUL
            003e 0004 00000065            # SkillGroupNumber tag 62 = 101 (group 1)
            003f 0004 0000138a            # SkillGroupID tag 63 = 5002
            0040 0002 0001                # SkillGroupPriority tag 64 = 1
            003e 0004 00000066            # SkillGroupNumber tag 62 = 102 (group 2)
            003f 0004 0000138b            # SkillGroupID tag 63 = 5003
            0040 0002 0002                # SkillGroupPriority tag 64 = 2
            """),
        expected: .callQueuedEvent(CallQueuedEvent(
            monitorID: 0, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, queueDeviceType: .queue, callingDeviceType: .external,
            calledDeviceType: .routePoint, lastRedirectDeviceType: .notApplicable, numQueued: 1,
            localConnectionState: .queued, eventCause: .notApplicable,
            connectionDeviceID: "8000", queueDeviceID: "Q1", callingDeviceID: "5551234", calledDeviceID: "8000",
            skillGroups: [
                QueuedSkillGroup(number: 101, id: 5002, priority: 1),
                QueuedSkillGroup(number: 102, id: 5003, priority: 2),
            ]
        ))
    )

    static let callDequeued = MessageVector(
        name: "CALL_DEQUEUED_EVENT, one skill group, DequeueType, and QueueDeviceID kept as unknown",
        hex: HexVector("""
            0000004e  # MHDR MessageLength = 78: 34 fixed + 44 floating (Messaging Conventions, MHDR)
            00000056  # MHDR MessageType = 86 CALL_DEQUEUED_EVENT (Messaging Conventions, Message Types)
            00000000  # MonitorID = 0 (Client Events Service, CALL_DEQUEUED_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            004d      # QueueDeviceType = 77 DEVID_QUEUE
            ffffffff  # ServiceNumber = NULL_SERVICE
            ffffffff  # ServiceID = NULL_SERVICE
            0000      # NumQueued = 0
            0001      # NumSkillGroups = 1 (Client Events Service, CALL_DEQUEUED_EVENT)
            ffff      # LocalConnectionState = LCS_NONE
            ffff      # EventCause = CEC_NONE
            0019 0005 3830303000    # ConnectionDeviceID tag 25, "8000" NUL (required)
            003e 0004 00000065      # SkillGroupNumber tag 62, UINT = 101
            003f 0004 0000138a      # SkillGroupID tag 63 = 5002
            0040 0002 0001          # SkillGroupPriority tag 64 = 1
            007c 0002 0001          # DequeueType tag 124 DEQUEUE_TYPE_TAG, USHORT assumed = 1 (Tag Values; notes point 3)
            002d 0003 513100        # tag 45 QueueDeviceID, "Q1" NUL: not in this message's table (notes), kept
            """),
        expected: .callDequeuedEvent(CallDequeuedEvent(
            monitorID: 0, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, queueDeviceType: .queue, numQueued: 0,
            localConnectionState: .notApplicable, eventCause: .notApplicable, connectionDeviceID: "8000",
            skillGroups: [QueuedSkillGroup(number: 101, id: 5002, priority: 1)], dequeueType: 1,
            unknownFields: [UnknownFloatingField(tag: .queueDeviceID, data: Array("Q1\0".utf8))]
        ))
    )

    static let callPartiesAndQueues: [MessageVector] = [callConferenced, callTransferred, callQueued, callDequeued]
}

@Suite struct CallPartyAndQueueVectorTests {
    @Test func callConferenced() throws {
        let message = try MessageVector.callConferenced.check(as: CallConferencedEvent.self)
        #expect(message.numParties == 3)
        #expect(message.secondaryCallID == 123_459)
        #expect(message.addedPartyDeviceID == "1002")
        #expect(message.connectedParties.map(\.deviceID) == ["5551234", "1001", "1002"])
        #expect(message.connectedParties[0].deviceIDType == .external)
    }

    @Test func callTransferred() throws {
        let message = try MessageVector.callTransferred.check(as: CallTransferredEvent.self)
        #expect(message.numParties == 2)
        #expect(message.eventCause == .transfer)
        #expect(message.transferredDeviceID == "1002")
        #expect(message.connectedParties.map(\.callID) == [123_456, 123_456])
    }

    @Test func callQueued() throws {
        let message = try MessageVector.callQueued.check(as: CallQueuedEvent.self)
        #expect(message.queueDeviceType == .queue)
        #expect(message.localConnectionState == .queued)
        #expect(message.queueDeviceID == "Q1")
        #expect(message.lastRedirectDeviceID == nil)
        #expect(message.skillGroups.map(\.number) == [101, 102])
        #expect(message.skillGroups.map(\.priority) == [1, 2])
    }

    @Test func callDequeued() throws {
        let message = try MessageVector.callDequeued.check(as: CallDequeuedEvent.self)
        #expect(message.numSkillGroups == 1)
        #expect(message.skillGroups == [QueuedSkillGroup(number: 101, id: 5002, priority: 1)])
        #expect(message.dequeueType == 1)
        #expect(message.unknownFields.map(\.tag) == [.queueDeviceID])
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as the research notes give them.
    @Test func fixedPartLengths() {
        // notes, CALL_CONFERENCED_EVENT (17) and CALL_TRANSFERRED_EVENT (18): "Fixed (46 bytes)".
        #expect(CallConferencedEvent.fixedPartLength == 46)
        #expect(CallTransferredEvent.fixedPartLength == 46)
        // notes, CALL_QUEUED_EVENT (21): "Fixed (40 bytes)"; v9/v14 maximum 698 = 8 + 40 + 5 × 66 + 20 × 16.
        #expect(CallQueuedEvent.fixedPartLength == 40)
        // notes, CALL_DEQUEUED_EVENT (86): "Fixed (34 bytes)".
        #expect(CallDequeuedEvent.fixedPartLength == 34)
    }

    // MARK: Twins

    @Test func changedPartyCallIDIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.callConferenced
        // The third party's ConnectedPartyCallID (0001e240) starts 23 bytes from the end: its own 8 bytes, then
        // the type (6) and "1002" (9). Its low byte 0x40 is at count - 15 - 1.
        let offset = vector.hex.bytes.count - 16
        #expect(vector.hex.bytes[offset] == 0x40)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: offset, with: 0x43)))
        #expect(decoded != vector.expected)
        guard case .callConferencedEvent(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.connectedParties[2].callID == 123_459)
    }

    @Test func reorderedSkillGroupsNoLongerEncodeToTheVector() throws {
        guard case .callQueuedEvent(var message) = MessageVector.callQueued.expected else {
            Issue.record("not CALL_QUEUED_EVENT")
            return
        }
        message.skillGroups.reverse()
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.callQueued.hex.bytes)
    }
}
