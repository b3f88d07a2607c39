import GED188
import NIOCore
import Testing

// Call context messages of the Client Events Service: BEGIN_CALL_EVENT, END_CALL_EVENT, CALL_DATA_UPDATE_EVENT,
// AGENT_PRE_CALL_EVENT and AGENT_PRE_CALL_ABORT_EVENT, written by hand from /work/notes/ged188-core-layouts.md
// (v25 tables, unchanged since v24 per the v25 Changes appendix). Floating fields: tag USHORT, length USHORT,
// data (Messaging Conventions, Floating Part); NAMEDVAR and NAMEDARRAY as in Messaging Conventions.

extension MessageVector {
    static let beginCall = MessageVector(
        name: "BEGIN_CALL_EVENT with router call key, named variables, one CTIClient and CallReferenceID",
        hex: HexVector("""
            000000aa  # MHDR MessageLength = 170: 26 fixed + 144 floating (Messaging Conventions, MHDR)
            00000017  # MHDR MessageType = 23 BEGIN_CALL_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, BEGIN_CALL_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT (Constants, PeripheralType)
            0001      # NumCTIClients = 1 (Client Events Service, BEGIN_CALL_EVENT)
            0002      # NumNamedVariables = 2
            0000      # NumNamedArrays = 0
            0001      # CallType = 1 CALLTYPE_ACD_IN (Constants, CallType)
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            0000      # CalledPartyDisposition = 0
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            0008 0008 3535353132333400    # ANI tag 8, "5551234" NUL
            0009 0002 abcd                # UserToUserInfo tag 9, UNSPEC, 2 raw bytes
            000a 0005 3830303000          # DNIS tag 10, "8000" NUL
            000b 0005 3830303000          # DialedNumber tag 11, "8000" NUL
            0048 0004 0000b5d2            # RouterCallKeyDay tag 72, UINT = 46546
            0049 0004 00000457            # RouterCallKeyCallID tag 73, UINT = 1111
            006e 0004 00000001            # RouterCallKeySequenceNumber tag 110, UINT = 1
            000d 0004 61626300            # CallVariable1 tag 13, "abc" NUL
            0011 0002 7100                # CallVariable5 tag 17, "q" NUL
            0052 000b 757365722e696400 343200          # NamedVariable tag 82: "user.id" NUL, "42" NUL
            0052 000d 757365722e6c616e6700 656e00      # NamedVariable tag 82: "user.lang" NUL, "en" NUL
            0017 0005 6465736b00          # CTIClientSignature tag 23, "desk" NUL
            0018 0004 60a1b2c3            # CTIClientTimestamp tag 24, TIME, right after its signature
            00df 0008 0102030405060708    # CallReferenceID tag 223, UNSPEC, 8 raw bytes
            """),
        expected: .beginCallEvent(BeginCallEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, callType: .acdIn,
            connectionDeviceIDType: .static, connectionCallID: 123_456, calledPartyDisposition: 0,
            connectionDeviceID: "1001", ani: "5551234", userToUserInfo: [0xAB, 0xCD], dnis: "8000",
            dialedNumber: "8000", routerCallKeyDay: 46546, routerCallKeyCallID: 1111, routerCallKeySequenceNumber: 1,
            callVariable1: "abc", callVariable5: "q",
            namedVariables: [
                NamedVariable(name: "user.id", value: "42"),
                NamedVariable(name: "user.lang", value: "en"),
            ],
            ctiClients: [CTIClient(signature: "desk", timestamp: GEDTime(secondsSince1970: 0x60A1_B2C3))],
            callReferenceID: [1, 2, 3, 4, 5, 6, 7, 8]
        ))
    )

    static let endCall = MessageVector(
        name: "END_CALL_EVENT",
        hex: HexVector("""
            00000019  # MHDR MessageLength = 25: 16 fixed + 9 floating (Messaging Conventions, MHDR)
            00000018  # MHDR MessageType = 24 END_CALL_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, END_CALL_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (required)
            """),
        expected: .endCallEvent(EndCallEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, connectionDeviceIDType: .static,
            connectionCallID: 123_456, connectionDeviceID: "1001"
        ))
    )

    static let callDataUpdate = MessageVector(
        name: "CALL_DATA_UPDATE_EVENT, new call ID, named array, two CTIClients and an unknown tag",
        hex: HexVector("""
            000000b3  # MHDR MessageLength = 179: 40 fixed + 139 floating (Messaging Conventions, MHDR)
            00000019  # MHDR MessageType = 25 CALL_DATA_UPDATE_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, CALL_DATA_UPDATE_EVENT)
            00001388  # PeripheralID = 5000
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT
            0002      # NumCTIClients = 2 (Client Events Service, CALL_DATA_UPDATE_EVENT)
            0001      # NumNamedVariables = 1
            0002      # NumNamedArrays = 2
            0001      # CallType = 1 CALLTYPE_ACD_IN (Constants, CallType)
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e240  # ConnectionCallID = 123456, the previous call ID
            0000      # NewConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001e244  # NewConnectionCallID = 123460
            0000      # CalledPartyDisposition = 0
            00000000  # CampaignID = 0, not used
            00000000  # QueryRuleID = 0, not used
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            002f 0005 3130303100          # NewConnectionDeviceID tag 47, "1001" NUL (required)
            000f 0003 686900              # CallVariable3 tag 15, "hi" NUL
            002e 0003 6f6b00              # CallWrapupData tag 46, "ok" NUL
            0052 000b 757365722e696400 343300          # NamedVariable tag 82: "user.id" NUL, "43" NUL
            0053 000c 00 757365722e61727200 6100       # NamedArray tag 83: index 0, "user.arr" NUL, "a" NUL
            0053 000c 01 757365722e61727200 6200       # NamedArray tag 83: index 1, "user.arr" NUL, "b" NUL
            005f 0008 3535353132333400    # CustomerPhoneNumber tag 95, "5551234" NUL
            0060 0003 413100              # CustomerAccountNumber tag 96, "A1" NUL
            0017 0005 6465736b00          # CTIClientSignature tag 23, "desk" NUL (client 1)
            0018 0004 60a1b2c3            # CTIClientTimestamp tag 24, TIME
            0017 0006 6374696f7300        # CTIClientSignature tag 23, "ctios" NUL (client 2)
            0018 0004 60a1b2d0            # CTIClientTimestamp tag 24, TIME
            0190 0002 beef                # tag 400, defined nowhere: kept, written back last
            """),
        expected: .callDataUpdateEvent(CallDataUpdateEvent(
            monitorID: 17, peripheralID: 5000, peripheralType: .enterpriseAgent, callType: .acdIn,
            connectionDeviceIDType: .static, connectionCallID: 123_456, newConnectionDeviceIDType: .static,
            newConnectionCallID: 123_460, calledPartyDisposition: 0, campaignID: 0, queryRuleID: 0,
            connectionDeviceID: "1001", newConnectionDeviceID: "1001", callVariable3: "hi", callWrapupData: "ok",
            namedVariables: [NamedVariable(name: "user.id", value: "43")],
            namedArrays: [
                NamedArrayElement(name: "user.arr", index: 0, value: "a"),
                NamedArrayElement(name: "user.arr", index: 1, value: "b"),
            ],
            customerPhoneNumber: "5551234", customerAccountNumber: "A1",
            ctiClients: [
                CTIClient(signature: "desk", timestamp: GEDTime(secondsSince1970: 0x60A1_B2C3)),
                CTIClient(signature: "ctios", timestamp: GEDTime(secondsSince1970: 0x60A1_B2D0)),
            ],
            unknownFields: [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])]
        ))
    )

    static let agentPreCall = MessageVector(
        name: "AGENT_PRE_CALL_EVENT with call context, CallTypeID, PreCallInvokeID and AgentID",
        hex: HexVector("""
            0000009f  # MHDR MessageLength = 159: 34 fixed + 125 floating (Messaging Conventions, MHDR)
            00000069  # MHDR MessageType = 105 AGENT_PRE_CALL_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, AGENT_PRE_CALL_EVENT)
            0001      # NumNamedVariables = 1
            0001      # NumNamedArrays = 1
            ffffffff  # ServiceNumber = NULL_SERVICE (Constants, Special Values)
            ffffffff  # ServiceID = NULL_SERVICE
            00000065  # SkillGroupNumber = 101
            0000138a  # SkillGroupID = 5002
            0000      # SkillGroupPriority = 0
            00000001  # MRDID INT = 1
            00001771  # AgentSkillTargetID = 6001 (added v20; notes point 8)
            0006 0005 3130303100          # AgentInstrument tag 6, "1001" NUL (required)
            0048 0004 0000b5d2            # RouterCallKeyDay tag 72, UINT = 46546
            0049 0004 00000457            # RouterCallKeyCallID tag 73, UINT = 1111
            006e 0004 00000001            # RouterCallKeySequenceNumber tag 110, UINT = 1
            0008 0008 3535353132333400    # ANI tag 8, "5551234" NUL
            000b 0005 3830303000          # DialedNumber tag 11, "8000" NUL
            000c 0003 313200              # CallerEnteredDigits tag 12, "12" NUL
            00d2 0004 00001394            # CallTypeID tag 210 CALL_TYPE_ID_TAG, UINT = 5012
            00dd 0004 00000005            # PreCallInvokeID tag 221, UINT = 5
            000e 0004 61626300            # CallVariable2 tag 14, "abc" NUL
            0052 000b 757365722e696400 343200          # NamedVariable tag 82: "user.id" NUL, "42" NUL
            0053 000c 01 757365722e61727200 7800       # NamedArray tag 83: index 1, "user.arr" NUL, "x" NUL
            0005 0005 3530303100          # AgentID tag 5, "5001" NUL (added v20)
            """),
        expected: .agentPreCallEvent(AgentPreCallEvent(
            monitorID: 17, serviceNumber: 0xFFFF_FFFF, serviceID: 0xFFFF_FFFF, skillGroupNumber: 101,
            skillGroupID: 5002, skillGroupPriority: 0, mrdID: 1, agentSkillTargetID: 6001,
            agentInstrument: "1001", routerCallKeyDay: 46546, routerCallKeyCallID: 1111,
            routerCallKeySequenceNumber: 1, ani: "5551234", dialedNumber: "8000", callerEnteredDigits: "12",
            callTypeID: 5012, preCallInvokeID: 5, callVariable2: "abc",
            namedVariables: [NamedVariable(name: "user.id", value: "42")],
            namedArrays: [NamedArrayElement(name: "user.arr", index: 1, value: "x")],
            agentID: "5001"
        ))
    )

    static let agentPreCallAbort = MessageVector(
        name: "AGENT_PRE_CALL_ABORT_EVENT",
        hex: HexVector("""
            00000029  # MHDR MessageLength = 41: 8 fixed + 33 floating (Messaging Conventions, MHDR)
            0000006a  # MHDR MessageType = 106 AGENT_PRE_CALL_ABORT_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, AGENT_PRE_CALL_ABORT_EVENT)
            00000001  # MRDID INT = 1
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            0048 0004 0000b5d2    # RouterCallKeyDay tag 72, UINT = 46546
            0049 0004 00000457    # RouterCallKeyCallID tag 73, UINT = 1111
            006e 0004 00000001    # RouterCallKeySequenceNumber tag 110, UINT = 1
            """),
        expected: .agentPreCallAbortEvent(AgentPreCallAbortEvent(
            monitorID: 17, mrdID: 1, agentInstrument: "1001", routerCallKeyDay: 46546, routerCallKeyCallID: 1111,
            routerCallKeySequenceNumber: 1
        ))
    )

    static let callData: [MessageVector] = [beginCall, endCall, callDataUpdate, agentPreCall, agentPreCallAbort]
}

@Suite struct CallDataVectorTests {
    @Test func beginCall() throws {
        let message = try MessageVector.beginCall.check(as: BeginCallEvent.self)
        #expect(message.callType == .acdIn)
        #expect(message.numCTIClients == 1)
        #expect(message.userToUserInfo == [0xAB, 0xCD])
        #expect(message.routerCallKeyCallID == 1111)
        #expect(message.namedVariables.map(\.name) == ["user.id", "user.lang"])
        #expect(message.ctiClients == [CTIClient(signature: "desk", timestamp: GEDTime(secondsSince1970: 0x60A1_B2C3))])
        #expect(message.callReferenceID?.count == 8)
    }

    @Test func endCall() throws {
        let message = try MessageVector.endCall.check(as: EndCallEvent.self)
        #expect(message.connectionCallID == 123_456)
        #expect(message.connectionDeviceID == "1001")
    }

    @Test func callDataUpdate() throws {
        let message = try MessageVector.callDataUpdate.check(as: CallDataUpdateEvent.self)
        #expect(message.newConnectionCallID == 123_460)
        #expect(message.numNamedArrays == 2)
        #expect(message.namedArrays.map(\.value) == ["a", "b"])
        #expect(message.customerAccountNumber == "A1")
        #expect(message.ctiClients.map(\.signature) == ["desk", "ctios"])
        #expect(message.unknownFields.map(\.tag.rawValue) == [400])
    }

    @Test func agentPreCall() throws {
        let message = try MessageVector.agentPreCall.check(as: AgentPreCallEvent.self)
        #expect(message.agentSkillTargetID == 6001)
        #expect(message.agentInstrument == "1001")
        #expect(message.callTypeID == 5012)
        #expect(message.preCallInvokeID == 5)
        #expect(message.agentID == "5001")
        #expect(message.namedArrays == [NamedArrayElement(name: "user.arr", index: 1, value: "x")])
    }

    @Test func agentPreCallAbort() throws {
        let message = try MessageVector.agentPreCallAbort.check(as: AgentPreCallAbortEvent.self)
        #expect(message.mrdID == 1)
        #expect(message.routerCallKeySequenceNumber == 1)
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as the research notes give them.
    @Test func fixedPartLengths() {
        // notes, BEGIN_CALL_EVENT (23): "Fixed (26 bytes)".
        #expect(BeginCallEvent.fixedPartLength == 26)
        // notes, END_CALL_EVENT (24): "Fixed (16 bytes)"; v9 maximum 90 = 8 + 16 + 66.
        #expect(EndCallEvent.fixedPartLength == 16)
        // notes, CALL_DATA_UPDATE_EVENT (25): its field list (MonitorID 4, PeripheralID 4, PeripheralType 2,
        // NumCTIClients 2, NumNamedVariables 2, NumNamedArrays 2, CallType 2, ConnectionDeviceIDType 2,
        // ConnectionCallID 4, NewConnectionDeviceIDType 2, NewConnectionCallID 4, CalledPartyDisposition 2,
        // CampaignID 4, QueryRuleID 4) adds up to 40, as does the v25 table itself. The notes' headline figure
        // "44 bytes" (also in their summary) is an addition slip: no table has a 15th field.
        #expect(CallDataUpdateEvent.fixedPartLength == 40)
        // notes, AGENT_PRE_CALL_EVENT (105): "Fixed (v25; 34 bytes)" (30 before v20's AgentSkillTargetID).
        #expect(AgentPreCallEvent.fixedPartLength == 34)
        // notes, AGENT_PRE_CALL_ABORT_EVENT (106): "Fixed (8 bytes)".
        #expect(AgentPreCallAbortEvent.fixedPartLength == 8)
    }

    // MARK: Twins

    @Test func changedTimestampIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.callDataUpdate
        // The second CTIClientTimestamp's low byte (0xd0) comes just before the unknown field (6 bytes).
        let offset = vector.hex.bytes.count - 7
        #expect(vector.hex.bytes[offset] == 0xD0)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: offset, with: 0xD1)))
        #expect(decoded != vector.expected)
        guard case .callDataUpdateEvent(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.ctiClients[1].timestamp == GEDTime(secondsSince1970: 0x60A1_B2D1))
    }

    @Test func changedArrayIndexNoLongerEncodesToTheVector() throws {
        guard case .callDataUpdateEvent(var message) = MessageVector.callDataUpdate.expected else {
            Issue.record("not CALL_DATA_UPDATE_EVENT")
            return
        }
        message.namedArrays[1].index = 2
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.callDataUpdate.hex.bytes)
    }
}
