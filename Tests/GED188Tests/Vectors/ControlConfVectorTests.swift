import GED188
import NIOCore
import Testing

// Client control confirmations, written by hand from the layouts in /work/notes/ged188-catalog-layouts.md ("Call
// Data Update service" and "Client Control service"; the version 25 Application Level Interfaces tables, the same in
// version 24). Floating fields: tag USHORT, length USHORT, data (Messaging Conventions, Floating Part); tag numbers
// from the Tag Values table (Constants and Status Codes).
//
// Each CONF echoes the InvokeID of its request in ControlRequestVectorTests.swift or
// ControlCallSetupRequestVectorTests.swift. A failed request is answered with CONTROL_FAILURE_CONF instead (its
// vector is in AgentAndSystemVectorTests.swift).

extension MessageVector {
    static let setCallDataConf = MessageVector(
        name: "SET_CALL_DATA_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            0000001b  # MHDR MessageType = 27 SET_CALL_DATA_CONF (Messaging Conventions, Message Types)
            000000c9  # InvokeID = 201, the request's (Client Control Service, SET_CALL_DATA_CONF)
            """),
        expected: .setCallDataConf(SetCallDataConf(invokeID: 201))
    )

    static let releaseCallConf = MessageVector(
        name: "RELEASE_CALL_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            0000001d  # MHDR MessageType = 29 RELEASE_CALL_CONF (Messaging Conventions, Message Types)
            000000ca  # InvokeID = 202, the request's (Client Control Service, RELEASE_CALL_CONF)
            """),
        expected: .releaseCallConf(ReleaseCallConf(invokeID: 202))
    )

    static let queryAgentStateConf = MessageVector(
        name: "QUERY_AGENT_STATE_CONF, available agent in two skill groups (SkillGroupMembership groups)",
        hex: HexVector("""
            00000083  # MHDR MessageLength = 131: 34 fixed + 97 floating (Messaging Conventions, MHDR)
            00000025  # MHDR MessageType = 37 QUERY_AGENT_STATE_CONF (Messaging Conventions, Message Types)
            000000cb  # InvokeID = 203, the request's (Client Control Service, QUERY_AGENT_STATE_CONF)
            0003      # AgentState = 3 AGENT_STATE_AVAILABLE (Constants, AgentState)
            0002      # NumSkillGroups = 2
            00000001  # MRDID INT = 1, as asked
            00000000  # NumTasks = 0
            0001      # AgentMode USHORT = 1 ROUTABLE
            00000001  # MaxTaskLimit = 1
            000013ed  # ICMAgentID INT = 5101, the agent's skill target ID
            00000001  # AgentAvailabilityStatus = 1 ICM AVAILABLE
            0000000c  # DepartmentID INT = 12 (added in version 19)
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL
            0004 0005 3130303100  # AgentExtension tag 4, "1001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            003e 0004 00000065    # SkillGroupNumber tag 62, = 101 (first SkillGroupMembership)
            003f 0004 0000138a    # SkillGroupID tag 63, = 5002
            0040 0002 0000        # SkillGroupPriority tag 64, USHORT = 0
            0041 0002 0003        # SkillGroupState tag 65, USHORT = 3 AGENT_STATE_AVAILABLE
            003e 0004 00000066    # SkillGroupNumber tag 62, = 102 (second SkillGroupMembership)
            003f 0004 0000138b    # SkillGroupID tag 63, = 5003
            0040 0002 0001        # SkillGroupPriority tag 64, USHORT = 1
            0041 0002 0002        # SkillGroupState tag 65, USHORT = 2 AGENT_STATE_NOT_READY
            00ff 0002 0003        # InternalAgentState tag 255, USHORT = 3 (Cisco internal; added in version 19)
            010a 0004 00000000    # MaxBeyondTaskLimit tag 266, UINT = 0 (added in version 22)
            """),
        expected: .queryAgentStateConf(QueryAgentStateConf(
            invokeID: 203, agentState: .available, mrdID: 1, numTasks: 0, agentMode: 1, maxTaskLimit: 1,
            icmAgentID: 5101, agentAvailabilityStatus: 1, departmentID: 12, agentID: "5001", agentExtension: "1001",
            agentInstrument: "1001",
            skillGroups: [
                SkillGroupMembership(number: 101, id: 5002, priority: 0, state: .available),
                SkillGroupMembership(number: 102, id: 5003, priority: 1, state: .notReady),
            ],
            internalAgentState: 3, maxBeyondTaskLimit: 0
        ))
    )

    static let setAgentStateConf = MessageVector(
        name: "SET_AGENT_STATE_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            00000027  # MHDR MessageType = 39 SET_AGENT_STATE_CONF (Messaging Conventions, Message Types)
            000000cc  # InvokeID = 204, the login request's (Client Control Service, SET_AGENT_STATE_CONF)
            """),
        expected: .setAgentStateConf(SetAgentStateConf(invokeID: 204))
    )

    static let alternateCallConf = MessageVector(
        name: "ALTERNATE_CALL_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            00000029  # MHDR MessageType = 41 ALTERNATE_CALL_CONF (Messaging Conventions, Message Types)
            000000ce  # InvokeID = 206, the request's (Client Control Service, ALTERNATE_CALL_CONF)
            """),
        expected: .alternateCallConf(AlternateCallConf(invokeID: 206))
    )

    static let answerCallConf = MessageVector(
        name: "ANSWER_CALL_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            0000002b  # MHDR MessageType = 43 ANSWER_CALL_CONF (Messaging Conventions, Message Types)
            000000cf  # InvokeID = 207, the request's (Client Control Service, ANSWER_CALL_CONF)
            """),
        expected: .answerCallConf(AnswerCallConf(invokeID: 207))
    )

    static let clearCallConf = MessageVector(
        name: "CLEAR_CALL_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            0000002d  # MHDR MessageType = 45 CLEAR_CALL_CONF (Messaging Conventions, Message Types)
            000000d0  # InvokeID = 208, the request's (Client Control Service, CLEAR_CALL_CONF)
            """),
        expected: .clearCallConf(ClearCallConf(invokeID: 208))
    )

    static let clearConnectionConf = MessageVector(
        name: "CLEAR_CONNECTION_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            0000002f  # MHDR MessageType = 47 CLEAR_CONNECTION_CONF (Messaging Conventions, Message Types)
            000000d1  # InvokeID = 209, the request's (Client Control Service, CLEAR_CONNECTION_CONF)
            """),
        expected: .clearConnectionConf(ClearConnectionConf(invokeID: 209))
    )

    static let conferenceCallConf = MessageVector(
        name: "CONFERENCE_CALL_CONF, three parties (ConnectedParty groups)",
        hex: HexVector("""
            00000061  # MHDR MessageLength = 97: 16 fixed + 81 floating (Messaging Conventions, MHDR)
            00000031  # MHDR MessageType = 49 CONFERENCE_CALL_CONF (Messaging Conventions, Message Types)
            000000df  # InvokeID = 223, the request's (Client Control Service, CONFERENCE_CALL_CONF)
            0001e244  # NewConnectionCallID = 123460, the conference
            0000      # NewConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0003      # NumParties = 3 (at most 16)
            0000      # LineHandle = 0
            0000      # LineType = 0 LINETYPE_INBOUND_ACD (Constants, LineType)
            002f 0005 3130303100          # NewConnectionDeviceID tag 47, "1001" NUL
            0027 0004 0001e244            # ConnectedPartyCallID tag 39, UINT = 123460 (first party)
            0028 0002 0000                # ConnectedPartyDeviceIDType tag 40, USHORT = 0 DEVID_DEVICE_IDENTIFIER
            0029 0005 3130303100          # ConnectedPartyDeviceID tag 41, "1001" NUL
            0027 0004 0001e244            # ConnectedPartyCallID tag 39, UINT = 123460 (second party)
            0028 0002 004b                # ConnectedPartyDeviceIDType tag 40, USHORT = 75 DEVID_EXTERNAL
            0029 0008 3535353132333400    # ConnectedPartyDeviceID tag 41, "5551234" NUL
            0027 0004 0001e244            # ConnectedPartyCallID tag 39, UINT = 123460 (third party)
            0028 0002 0000                # ConnectedPartyDeviceIDType tag 40, USHORT = 0 DEVID_DEVICE_IDENTIFIER
            0029 0005 3130303200          # ConnectedPartyDeviceID tag 41, "1002" NUL
            """),
        expected: .conferenceCallConf(ConferenceCallConf(
            invokeID: 223, newConnectionCallID: 123_460, newConnectionDeviceIDType: .static, lineHandle: 0,
            lineType: .inboundAcd, newConnectionDeviceID: "1001",
            connectedParties: [
                ConnectedParty(callID: 123_460, deviceIDType: .deviceIdentifier, deviceID: "1001"),
                ConnectedParty(callID: 123_460, deviceIDType: .external, deviceID: "5551234"),
                ConnectedParty(callID: 123_460, deviceIDType: .deviceIdentifier, deviceID: "1002"),
            ]
        ))
    )

    static let consultationCallConf = MessageVector(
        name: "CONSULTATION_CALL_CONF, the consult call on an inside line",
        hex: HexVector("""
            00000017  # MHDR MessageLength = 23: 14 fixed + 9 floating (Messaging Conventions, MHDR)
            00000033  # MHDR MessageType = 51 CONSULTATION_CALL_CONF (Messaging Conventions, Message Types)
            000000de  # InvokeID = 222, the request's (Client Control Service, CONSULTATION_CALL_CONF)
            0001e243  # NewConnectionCallID = 123459, the consult call
            0000      # NewConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001      # LineHandle = 1
            0002      # LineType = 2 LINETYPE_INSIDE (Constants, LineType)
            002f 0005 3130303100  # NewConnectionDeviceID tag 47, "1001" NUL
            """),
        expected: .consultationCallConf(ConsultationCallConf(
            invokeID: 222, newConnectionCallID: 123_459, newConnectionDeviceIDType: .static, lineHandle: 1,
            lineType: .inside, newConnectionDeviceID: "1001"
        ))
    )

    static let deflectCallConf = MessageVector(
        name: "DEFLECT_CALL_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            00000035  # MHDR MessageType = 53 DEFLECT_CALL_CONF (Messaging Conventions, Message Types)
            000000d2  # InvokeID = 210, the request's (Client Control Service, DEFLECT_CALL_CONF)
            """),
        expected: .deflectCallConf(DeflectCallConf(invokeID: 210))
    )

    static let holdCallConf = MessageVector(
        name: "HOLD_CALL_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            00000037  # MHDR MessageType = 55 HOLD_CALL_CONF (Messaging Conventions, Message Types)
            000000d3  # InvokeID = 211, the request's (Client Control Service, HOLD_CALL_CONF)
            """),
        expected: .holdCallConf(HoldCallConf(invokeID: 211))
    )

    static let makeCallConf = MessageVector(
        name: "MAKE_CALL_CONF, line not known (LineHandle and LineType 0xFFFF)",
        hex: HexVector("""
            00000017  # MHDR MessageLength = 23: 14 fixed + 9 floating (Messaging Conventions, MHDR)
            00000039  # MHDR MessageType = 57 MAKE_CALL_CONF (Messaging Conventions, Message Types)
            000000dc  # InvokeID = 220, the request's (Client Control Service, MAKE_CALL_CONF)
            0001e242  # NewConnectionCallID = 123458, the new call
            0000      # NewConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            ffff      # LineHandle = 0xFFFF, not known (MAKE_CALL_CONF)
            ffff      # LineType = 0xFFFF, none
            002f 0005 3130303100  # NewConnectionDeviceID tag 47, "1001" NUL
            """),
        expected: .makeCallConf(MakeCallConf(
            invokeID: 220, newConnectionCallID: 123_458, newConnectionDeviceIDType: .static, lineHandle: 0xFFFF,
            lineType: .notApplicable, newConnectionDeviceID: "1001"
        ))
    )

    static let reconnectCallConf = MessageVector(
        name: "RECONNECT_CALL_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            0000003d  # MHDR MessageType = 61 RECONNECT_CALL_CONF (Messaging Conventions, Message Types)
            000000d4  # InvokeID = 212, the request's (Client Control Service, RECONNECT_CALL_CONF)
            """),
        expected: .reconnectCallConf(ReconnectCallConf(invokeID: 212))
    )

    static let retrieveCallConf = MessageVector(
        name: "RETRIEVE_CALL_CONF with a floating field (tag 400) no CONF defines: kept as unknown",
        hex: HexVector("""
            0000000a  # MHDR MessageLength = 10: 4 fixed + 6 floating (Messaging Conventions, MHDR)
            0000003f  # MHDR MessageType = 63 RETRIEVE_CALL_CONF (Messaging Conventions, Message Types)
            000000d5  # InvokeID = 213, the request's (Client Control Service, RETRIEVE_CALL_CONF)
            0190 0002 beef  # tag 400, defined nowhere: kept, written back last (Messaging Conventions, unknown tags are skipped)
            """),
        expected: .retrieveCallConf(RetrieveCallConf(
            invokeID: 213, unknownFields: [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])]
        ))
    )

    static let transferCallConf = MessageVector(
        name: "TRANSFER_CALL_CONF, two parties left on the call (ConnectedParty groups), line not known",
        hex: HexVector("""
            0000004a  # MHDR MessageLength = 74: 16 fixed + 58 floating (Messaging Conventions, MHDR)
            00000041  # MHDR MessageType = 65 TRANSFER_CALL_CONF (Messaging Conventions, Message Types)
            000000e0  # InvokeID = 224, the request's (Client Control Service, TRANSFER_CALL_CONF)
            0001e240  # NewConnectionCallID = 123456
            0000      # NewConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0002      # NumParties = 2
            ffff      # LineHandle = 0xFFFF, not known
            ffff      # LineType = 0xFFFF, none
            002f 0005 3130303200          # NewConnectionDeviceID tag 47, "1002" NUL
            0027 0004 0001e240            # ConnectedPartyCallID tag 39, UINT = 123456 (first party)
            0028 0002 004b                # ConnectedPartyDeviceIDType tag 40, USHORT = 75 DEVID_EXTERNAL
            0029 0008 3535353132333400    # ConnectedPartyDeviceID tag 41, "5551234" NUL
            0027 0004 0001e240            # ConnectedPartyCallID tag 39, UINT = 123456 (second party)
            0028 0002 0000                # ConnectedPartyDeviceIDType tag 40, USHORT = 0 DEVID_DEVICE_IDENTIFIER
            0029 0005 3130303200          # ConnectedPartyDeviceID tag 41, "1002" NUL
            """),
        expected: .transferCallConf(TransferCallConf(
            invokeID: 224, newConnectionCallID: 123_456, newConnectionDeviceIDType: .static, lineHandle: 0xFFFF,
            lineType: .notApplicable, newConnectionDeviceID: "1002",
            connectedParties: [
                ConnectedParty(callID: 123_456, deviceIDType: .external, deviceID: "5551234"),
                ConnectedParty(callID: 123_456, deviceIDType: .deviceIdentifier, deviceID: "1002"),
            ]
        ))
    )

    static let sendDTMFSignalConf = MessageVector(
        name: "SEND_DTMF_SIGNAL_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            0000005c  # MHDR MessageType = 92 SEND_DTMF_SIGNAL_CONF (Messaging Conventions, Message Types)
            000000d6  # InvokeID = 214, the request's (Client Control Service, SEND_DTMF_SIGNAL_CONF)
            """),
        expected: .sendDTMFSignalConf(SendDTMFSignalConf(invokeID: 214))
    )

    static let controlConfs: [MessageVector] = [
        setCallDataConf, releaseCallConf, queryAgentStateConf, setAgentStateConf, alternateCallConf, answerCallConf,
        clearCallConf, clearConnectionConf, conferenceCallConf, consultationCallConf, deflectCallConf, holdCallConf,
        makeCallConf, reconnectCallConf, retrieveCallConf, transferCallConf, sendDTMFSignalConf,
    ]
}

@Suite struct ControlConfVectorTests {
    @Test func invokeIDOnlyConfs() throws {
        #expect(try MessageVector.setCallDataConf.check(as: SetCallDataConf.self).invokeID == 201)
        #expect(try MessageVector.releaseCallConf.check(as: ReleaseCallConf.self).invokeID == 202)
        #expect(try MessageVector.setAgentStateConf.check(as: SetAgentStateConf.self).invokeID == 204)
        #expect(try MessageVector.alternateCallConf.check(as: AlternateCallConf.self).invokeID == 206)
        #expect(try MessageVector.answerCallConf.check(as: AnswerCallConf.self).invokeID == 207)
        #expect(try MessageVector.clearCallConf.check(as: ClearCallConf.self).invokeID == 208)
        #expect(try MessageVector.clearConnectionConf.check(as: ClearConnectionConf.self).invokeID == 209)
        #expect(try MessageVector.deflectCallConf.check(as: DeflectCallConf.self).invokeID == 210)
        #expect(try MessageVector.holdCallConf.check(as: HoldCallConf.self).invokeID == 211)
        #expect(try MessageVector.reconnectCallConf.check(as: ReconnectCallConf.self).invokeID == 212)
        #expect(try MessageVector.sendDTMFSignalConf.check(as: SendDTMFSignalConf.self).invokeID == 214)
    }

    @Test func retrieveCallConfWithUnknownTag() throws {
        let message = try MessageVector.retrieveCallConf.check(as: RetrieveCallConf.self)
        #expect(message.invokeID == 213)
        #expect(message.unknownFields == [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])])
    }

    @Test func queryAgentState() throws {
        let message = try MessageVector.queryAgentStateConf.check(as: QueryAgentStateConf.self)
        #expect(message.agentState == .available)
        #expect(message.numSkillGroups == 2)
        #expect(message.mrdID == 1)
        #expect(message.icmAgentID == 5101)
        #expect(message.departmentID == 12)
        #expect(message.agentID == "5001")
        #expect(message.skillGroups.map(\.id) == [5002, 5003])
        #expect(message.skillGroups.map(\.state) == [.available, .notReady])
        #expect(message.internalAgentState == 3)
        #expect(message.maxBeyondTaskLimit == 0)
    }

    @Test func conferenceCall() throws {
        let message = try MessageVector.conferenceCallConf.check(as: ConferenceCallConf.self)
        #expect(message.newConnectionCallID == 123_460)
        #expect(message.numParties == 3)
        #expect(message.lineType == .inboundAcd)
        #expect(message.connectedParties.map(\.deviceID) == ["1001", "5551234", "1002"])
        #expect(message.connectedParties[1].deviceIDType == .external)
    }

    @Test func consultationCall() throws {
        let message = try MessageVector.consultationCallConf.check(as: ConsultationCallConf.self)
        #expect(message.newConnectionCallID == 123_459)
        #expect(message.lineHandle == 1)
        #expect(message.lineType == .inside)
    }

    @Test func makeCall() throws {
        let message = try MessageVector.makeCallConf.check(as: MakeCallConf.self)
        #expect(message.newConnectionCallID == 123_458)
        #expect(message.lineHandle == 0xFFFF)
        #expect(message.lineType == .notApplicable)
        #expect(message.newConnectionDeviceID == "1001")
    }

    @Test func transferCall() throws {
        let message = try MessageVector.transferCallConf.check(as: TransferCallConf.self)
        #expect(message.numParties == 2)
        #expect(message.newConnectionDeviceID == "1002")
        #expect(message.connectedParties.map(\.deviceIDType) == [.external, .deviceIdentifier])
    }

    /// Each CONF vector answers a request vector: same InvokeID, and the request's type + 1.
    @Test func confsEchoTheirRequestsInvokeID() throws {
        let requests = MessageVector.controlRequests + MessageVector.controlCallSetupRequests
        for conf in MessageVector.controlConfs {
            let invokeID = conf.hex.bytes[8..<12].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let request = requests.first { $0.hex.bytes[8..<12].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } == invokeID }
            let matched = try #require(request, "no request vector with InvokeID \(invokeID) for \(conf.name)")
            #expect(matched.expected.type.rawValue + 1 == conf.expected.type.rawValue, "\(conf.name)")
        }
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as the research notes give them.
    @Test func fixedPartLengths() {
        // notes: SET_CALL_DATA_CONF (27), RELEASE_CALL_CONF (29), SET_AGENT_STATE_CONF (39), ALTERNATE_CALL_CONF
        // (41, "Max 12"), ANSWER (43), CLEAR_CALL (45), CLEAR_CONNECTION (47), DEFLECT (53), HOLD (55),
        // RECONNECT (61), RETRIEVE (63), SEND_DTMF_SIGNAL_CONF (92): "fixed 4: InvokeID".
        let invokeIDOnly: [any GED188MessageBody.Type] = [
            SetCallDataConf.self, ReleaseCallConf.self, SetAgentStateConf.self, AlternateCallConf.self,
            AnswerCallConf.self, ClearCallConf.self, ClearConnectionConf.self, DeflectCallConf.self,
            HoldCallConf.self, ReconnectCallConf.self, RetrieveCallConf.self, SendDTMFSignalConf.self,
        ]
        for body in invokeIDOnly {
            #expect(body.fixedPartLength == 4, "\(body)")
        }
        // notes, QUERY_AGENT_STATE_CONF (37): "fixed 34 (matches GED188-FACTS)".
        #expect(QueryAgentStateConf.fixedPartLength == 34)
        // notes, CONFERENCE_CALL_CONF (49) and TRANSFER_CALL_CONF (65): "fixed 16".
        #expect(ConferenceCallConf.fixedPartLength == 16)
        #expect(TransferCallConf.fixedPartLength == 16)
        // notes, CONSULTATION_CALL_CONF (51) and MAKE_CALL_CONF (57): "fixed 14"; V9 MAKE_CALL_CONF maximum 88 = 8 + 14 + 66.
        #expect(ConsultationCallConf.fixedPartLength == 14)
        #expect(MakeCallConf.fixedPartLength == 14)
    }

    // MARK: Twins: the same checks fail when one byte or one field differs

    @Test func changedPartyDeviceTypeIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.conferenceCallConf
        // Second party's ConnectedPartyDeviceIDType: 8 + 16 + 9 (NewConnectionDeviceID) + 23 (first party) + 8 = 64
        // is its tag; its low data byte is at 69 (75 DEVID_EXTERNAL). Make it 74 DEVID_ROUTE_POINT.
        #expect(vector.hex.bytes[64...65].elementsEqual([0x00, 0x28]))
        #expect(vector.hex.bytes[69] == 0x4B)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 69, with: 0x4A)))
        #expect(decoded != vector.expected)
        guard case .conferenceCallConf(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.connectedParties[1].deviceIDType == .routePoint)
        #expect(message.connectedParties.count == 3)
    }

    @Test func changedSkillGroupStateIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.queryAgentStateConf
        // Second group's SkillGroupState: 8 + 34 + 27 (agent fields) + 28 (first group) + 22 = 119 is its tag; its
        // low data byte is at 124 (2 NOT_READY). Make it 4 TALKING.
        #expect(vector.hex.bytes[119...120].elementsEqual([0x00, 0x41]))
        #expect(vector.hex.bytes[124] == 0x02)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 124, with: 0x04)))
        #expect(decoded != vector.expected)
        guard case .queryAgentStateConf(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.skillGroups[1].state == .talking)
    }

    @Test func reorderedPartiesNoLongerEncodeToTheVector() throws {
        guard case .transferCallConf(var message) = MessageVector.transferCallConf.expected else {
            Issue.record("not TRANSFER_CALL_CONF")
            return
        }
        message.connectedParties.reverse()
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.transferCallConf.hex.bytes)
    }

    @Test func droppedSkillGroupNoLongerEncodesToTheVector() throws {
        guard case .queryAgentStateConf(var message) = MessageVector.queryAgentStateConf.expected else {
            Issue.record("not QUERY_AGENT_STATE_CONF")
            return
        }
        message.skillGroups.removeLast()
        let encoded = Array(try message.encoded().readableBytesView)
        #expect(encoded != MessageVector.queryAgentStateConf.hex.bytes)
        #expect(encoded[14...15].elementsEqual([0x00, 0x01]))  // NumSkillGroups follows the array
    }
}
