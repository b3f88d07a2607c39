import GED188
import NIOCore
import Testing

// Client control requests (agent state and call control on one call), written by hand from the layouts in
// /work/notes/ged188-catalog-layouts.md ("Call Data Update service" and "Client Control service": the version 25
// Application Level Interfaces tables, the same in version 24 but for CTIOSCILClientID, which version 24 still has).
// Floating fields: tag USHORT, length USHORT, data (Messaging Conventions, Floating Part); tag numbers from the Tag
// Values table (Constants and Status Codes), as listed in the notes' "Floating-field tag numbers" section.
// The requests that place or join calls (CONFERENCE, CONSULTATION, MAKE, TRANSFER) are in
// ControlCallSetupRequestVectorTests.swift; the confirmations in ControlConfVectorTests.swift.
//
// The call throughout: agent 5001 at extension 1001 on peripheral 5000, call ID 123456 (0x0001E240) from caller
// 5551234; the consult call 123459 (0x0001E243). Each request has its own InvokeID, which its CONF echoes.

extension MessageVector {
    static let setCallDataReq = MessageVector(
        name: "SET_CALL_DATA_REQ with every optional field, a named variable and a named array",
        hex: HexVector("""
            000000e4  # MHDR MessageLength = 228: 30 fixed + 198 floating (Messaging Conventions, MHDR)
            0000001a  # MHDR MessageType = 26 SET_CALL_DATA_REQ (Messaging Conventions, Message Types)
            000000c9  # InvokeID = 201 (Call Data Update Service, SET_CALL_DATA_REQ)
            00001388  # PeripheralID = 5000
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC, before ConnectionCallID here (SET_CALL_DATA_REQ)
            0001e240  # ConnectionCallID = 123456
            0001      # NumNamedVariables = 1
            0001      # NumNamedArrays = 1
            0001      # CallType = 1 CALLTYPE_ACD_IN (Constants, CallType)
            0000      # CalledPartyDisposition = 0
            00000000  # CampaignID = 0, unused (Call Data Update Service, SET_CALL_DATA_REQ)
            00000000  # QueryRuleID = 0, unused
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL (required)
            0008 0008 3535353132333400    # ANI tag 8, "5551234" NUL
            0009 0003 0a0b0c              # UserToUserInfo tag 9, UNSPEC, 3 raw bytes
            000c 0003 313200              # CallerEnteredDigits tag 12, "12" NUL
            000d 0003 763100              # CallVariable1 tag 13, "v1" NUL
            000e 0003 763200              # CallVariable2 tag 14, "v2" NUL
            000f 0003 763300              # CallVariable3 tag 15, "v3" NUL
            0010 0003 763400              # CallVariable4 tag 16, "v4" NUL
            0011 0003 763500              # CallVariable5 tag 17, "v5" NUL
            0012 0003 763600              # CallVariable6 tag 18, "v6" NUL
            0013 0003 763700              # CallVariable7 tag 19, "v7" NUL
            0014 0003 763800              # CallVariable8 tag 20, "v8" NUL
            0015 0003 763900              # CallVariable9 tag 21, "v9" NUL
            0016 0004 76313000            # CallVariable10 tag 22, "v10" NUL
            002e 0005 646f6e6500          # CallWrapupData tag 46, "done" NUL
            0052 000b 757365722e696400 343200          # NamedVariable tag 82: "user.id" NUL, "42" NUL (Messaging Conventions, NAMEDVAR)
            0053 000c 01 757365722e61727200 7800       # NamedArray tag 83: index 1, "user.arr" NUL, "x" NUL (Messaging Conventions, NAMEDARRAY)
            005f 0008 3535353132333400    # CustomerPhoneNumber tag 95, "5551234" NUL
            0060 0007 4143432d343200      # CustomerAccountNumber tag 96, "ACC-42" NUL
            0048 0004 000249f0            # RouterCallKeyDay tag 72, UINT = 150000
            0049 0004 00000457            # RouterCallKeyCallID tag 73, UINT = 1111
            006e 0004 00000001            # RouterCallKeySequenceNumber tag 110, UINT = 1
            00e8 0001 44                  # CallOriginatedFrom tag 232, UCHAR = 'D', dialer (Call Data Update Service, SET_CALL_DATA_REQ)
            """),
        expected: .setCallDataReq(SetCallDataReq(
            invokeID: 201, peripheralID: 5000, connectionDeviceIDType: .static, connectionCallID: 123_456,
            callType: .acdIn, calledPartyDisposition: 0, campaignID: 0, queryRuleID: 0, connectionDeviceID: "1001",
            ani: "5551234", userToUserInfo: [0x0A, 0x0B, 0x0C], callerEnteredDigits: "12", callVariable1: "v1",
            callVariable2: "v2", callVariable3: "v3", callVariable4: "v4", callVariable5: "v5", callVariable6: "v6",
            callVariable7: "v7", callVariable8: "v8", callVariable9: "v9", callVariable10: "v10", callWrapupData: "done",
            namedVariables: [NamedVariable(name: "user.id", value: "42")],
            namedArrays: [NamedArrayElement(name: "user.arr", index: 1, value: "x")],
            customerPhoneNumber: "5551234", customerAccountNumber: "ACC-42", routerCallKeyDay: 150_000,
            routerCallKeyCallID: 1111, routerCallKeySequenceNumber: 1, callOriginatedFrom: 0x44
        ))
    )

    static let releaseCallReq = MessageVector(
        name: "RELEASE_CALL_REQ",
        hex: HexVector("""
            00000017  # MHDR MessageLength = 23: 14 fixed + 9 floating (Messaging Conventions, MHDR)
            0000001c  # MHDR MessageType = 28 RELEASE_CALL_REQ (Messaging Conventions, Message Types)
            000000ca  # InvokeID = 202 (Call Data Update Service, RELEASE_CALL_REQ)
            00001388  # PeripheralID = 5000
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC, before ConnectionCallID (RELEASE_CALL_REQ)
            0001e240  # ConnectionCallID = 123456
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (required)
            """),
        expected: .releaseCallReq(ReleaseCallReq(
            invokeID: 202, peripheralID: 5000, connectionDeviceIDType: .static, connectionCallID: 123_456,
            connectionDeviceID: "1001"
        ))
    )

    static let queryAgentStateReq = MessageVector(
        name: "QUERY_AGENT_STATE_REQ, agent named by extension, ID and instrument",
        hex: HexVector("""
            0000002b  # MHDR MessageLength = 43: 16 fixed + 27 floating (Messaging Conventions, MHDR)
            00000024  # MHDR MessageType = 36 QUERY_AGENT_STATE_REQ (Messaging Conventions, Message Types)
            000000cb  # InvokeID = 203 (Client Control Service, QUERY_AGENT_STATE_REQ)
            00001388  # PeripheralID = 5000
            00000001  # MRDID INT = 1 (required, with one of the agent's identifiers)
            ffffffff  # ICMAgentID INT = -1; the floating fields name the agent
            0004 0005 3130303100  # AgentExtension tag 4, "1001" NUL
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .queryAgentStateReq(QueryAgentStateReq(
            invokeID: 203, peripheralID: 5000, mrdID: 1, icmAgentID: -1, agentExtension: "1001", agentID: "5001",
            agentInstrument: "1001"
        ))
    )

    static let setAgentStateReqLogin = MessageVector(
        name: "SET_AGENT_STATE_REQ, login with a password, every optional field and two skill groups",
        hex: HexVector("""
            0000006e  # MHDR MessageLength = 110: 21 fixed + 89 floating (Messaging Conventions, MHDR)
            00000026  # MHDR MessageType = 38 SET_AGENT_STATE_REQ (Messaging Conventions, Message Types)
            000000cc  # InvokeID = 204 (Client Control Service, SET_AGENT_STATE_REQ)
            00001388  # PeripheralID = 5000
            0000      # AgentState = 0 AGENT_STATE_LOGIN (Constants, AgentState)
            0002      # AgentWorkMode = 2 AWM_MANUAL_IN (Constants, AgentWorkMode)
            0002      # NumSkillGroups = 2 (SkillGroupNumber/SkillGroupPriority pairs)
            0000      # EventReasonCode = 0
            01        # ForcedFlag UCHAR = 1 TRUE: one byte, so the fixed part is 21 bytes (SET_AGENT_STATE_REQ)
            00000001  # AgentServiceReq = 0x1 OUTBOUND_SUPPORT (Constants, Agent Service Request masks)
            0006 0005 3130303100      # AgentInstrument tag 6, "1001" NUL
            012f 0008 5345503130303100  # ActiveTerminal tag 303, "SEP1001" NUL
            0005 0005 3530303100      # AgentID tag 5, "5001" NUL (required for LOGIN)
            0031 0005 3132333400      # AgentPassword tag 49, STRING 64: "1234" NUL (required for LOGIN unless SSOEnabled = 1)
            0044 0003 503100          # PositionID tag 68, "P1" NUL
            0045 0005 3531303000      # SupervisorID tag 69, "5100" NUL
            0101 0002 0000            # SSOEnabled tag 257, USHORT = 0 disabled (notes, open question 5: USHORT)
            003e 0004 00000065        # SkillGroupNumber tag 62, = 101
            0040 0002 0000            # SkillGroupPriority tag 64, USHORT = 0, follows its SkillGroupNumber
            003e 0004 00000066        # SkillGroupNumber tag 62, = 102
            0040 0002 0001            # SkillGroupPriority tag 64, USHORT = 1
            """),
        expected: .setAgentStateReq(SetAgentStateReq(
            invokeID: 204, peripheralID: 5000, agentState: .login, agentWorkMode: .manualIn, eventReasonCode: 0,
            forcedFlag: 1, agentServiceReq: 1, agentInstrument: "1001", activeTerminal: "SEP1001", agentID: "5001",
            // The guide types AgentPassword STRING 64, so the NUL is on the wire; a Secret keeps the bytes as sent.
            agentPassword: Secret([0x31, 0x32, 0x33, 0x34]), positionID: "P1", supervisorID: "5100",
            ssoEnabled: 0,
            skillGroups: [
                SkillGroupSelection(number: 101, priority: 0),
                SkillGroupSelection(number: 102, priority: 1),
            ]
        ))
    )

    static let setAgentStateReqNotReady = MessageVector(
        name: "SET_AGENT_STATE_REQ, not ready with a reason code",
        hex: HexVector("""
            00000027  # MHDR MessageLength = 39: 21 fixed + 18 floating (Messaging Conventions, MHDR)
            00000026  # MHDR MessageType = 38 SET_AGENT_STATE_REQ (Messaging Conventions, Message Types)
            000000cd  # InvokeID = 205 (Client Control Service, SET_AGENT_STATE_REQ)
            00001388  # PeripheralID = 5000
            0002      # AgentState = 2 AGENT_STATE_NOT_READY (Constants, AgentState)
            0000      # AgentWorkMode = 0 AWM_UNSPECIFIED
            0000      # NumSkillGroups = 0
            0020      # EventReasonCode = 32, the not-ready reason
            00        # ForcedFlag UCHAR = 0 FALSE
            00000000  # AgentServiceReq = 0
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL
            """),
        expected: .setAgentStateReq(SetAgentStateReq(
            invokeID: 205, peripheralID: 5000, agentState: .notReady, agentWorkMode: .unspecified,
            eventReasonCode: 32, forcedFlag: 0, agentServiceReq: 0, agentInstrument: "1001", agentID: "5001"
        ))
    )

    static let alternateCallReq = MessageVector(
        name: "ALTERNATE_CALL_REQ, from the consult call back to the held call",
        hex: HexVector("""
            0000002f  # MHDR MessageLength = 47: 20 fixed + 27 floating (Messaging Conventions, MHDR)
            00000028  # MHDR MessageType = 40 ALTERNATE_CALL_REQ (Messaging Conventions, Message Types)
            000000ce  # InvokeID = 206 (Client Control Service, ALTERNATE_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e243  # ActiveConnectionCallID = 123459, the consult call
            0001e240  # OtherConnectionCallID = 123456, the held call
            0000      # ActiveConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0000      # OtherConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0032 0005 3130303100  # ActiveConnectionDeviceID tag 50, "1001" NUL (required)
            0034 0005 3130303100  # OtherConnectionDeviceID tag 52, "1001" NUL (required)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .alternateCallReq(AlternateCallReq(
            invokeID: 206, peripheralID: 5000, activeConnectionCallID: 123_459, otherConnectionCallID: 123_456,
            activeConnectionDeviceIDType: .static, otherConnectionDeviceIDType: .static,
            activeConnectionDeviceID: "1001", otherConnectionDeviceID: "1001", agentInstrument: "1001"
        ))
    )

    static let answerCallReq = MessageVector(
        name: "ANSWER_CALL_REQ, alerting call ID not known (0xFFFFFFFF)",
        hex: HexVector("""
            00000020  # MHDR MessageLength = 32: 14 fixed + 18 floating (Messaging Conventions, MHDR)
            0000002a  # MHDR MessageType = 42 ANSWER_CALL_REQ (Messaging Conventions, Message Types)
            000000cf  # InvokeID = 207 (Client Control Service, ANSWER_CALL_REQ)
            00001388  # PeripheralID = 5000
            ffffffff  # ConnectionCallID = 0xFFFFFFFF, the alerting call's ID is not known (ANSWER_CALL_REQ)
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .answerCallReq(AnswerCallReq(
            invokeID: 207, peripheralID: 5000, connectionCallID: 0xFFFF_FFFF, connectionDeviceIDType: .static,
            connectionDeviceID: "1001", agentInstrument: "1001"
        ))
    )

    static let clearCallReq = MessageVector(
        name: "CLEAR_CALL_REQ, without the optional AgentInstrument",
        hex: HexVector("""
            00000017  # MHDR MessageLength = 23: 14 fixed + 9 floating (Messaging Conventions, MHDR)
            0000002c  # MHDR MessageType = 44 CLEAR_CALL_REQ (Messaging Conventions, Message Types)
            000000d0  # InvokeID = 208 (Client Control Service, CLEAR_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # ConnectionCallID = 123456
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL
            """),
        expected: .clearCallReq(ClearCallReq(
            invokeID: 208, peripheralID: 5000, connectionCallID: 123_456, connectionDeviceIDType: .static,
            connectionDeviceID: "1001"
        ))
    )

    static let clearConnectionReq = MessageVector(
        name: "CLEAR_CONNECTION_REQ, 14-byte fixed part, RequestingDeviceIDType floating (tag 220), CTIOSCILClientID",
        hex: HexVector("""
            00000038  # MHDR MessageLength = 56: 14 fixed + 42 floating (Messaging Conventions, MHDR)
            0000002e  # MHDR MessageType = 46 CLEAR_CONNECTION_REQ (Messaging Conventions, Message Types)
            000000d1  # InvokeID = 209 (Client Control Service, CLEAR_CONNECTION_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # ConnectionCallID = 123456
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC; the fixed part ends here (notes, open question 1)
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL, the connection to release
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            00db 0005 3130303100  # RequestingDeviceID tag 219, "1001" NUL
            00dc 0002 0000        # RequestingDeviceIDType tag 220, USHORT = 0 DEVID_DEVICE_IDENTIFIER (Constants, DeviceIDType)
            00d9 0005 43494c3100  # CTIOSCILClientID tag 217, "CIL1" NUL (version 24; removed in 25)
            """),
        expected: .clearConnectionReq(ClearConnectionReq(
            invokeID: 209, peripheralID: 5000, connectionCallID: 123_456, connectionDeviceIDType: .static,
            connectionDeviceID: "1001", agentInstrument: "1001", requestingDeviceID: "1001",
            requestingDeviceIDType: .deviceIdentifier, ctiosCILClientID: "CIL1"
        ))
    )

    static let deflectCallReq = MessageVector(
        name: "DEFLECT_CALL_REQ, to an external number",
        hex: HexVector("""
            0000002e  # MHDR MessageLength = 46: 16 fixed + 30 floating (Messaging Conventions, MHDR)
            00000034  # MHDR MessageType = 52 DEFLECT_CALL_REQ (Messaging Conventions, Message Types)
            000000d2  # InvokeID = 210 (Client Control Service, DEFLECT_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # ConnectionCallID = 123456, the alerting call
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            004b      # CalledDeviceType = 75 DEVID_EXTERNAL (Constants, DeviceIDType)
            0019 0005 3130303100          # ConnectionDeviceID tag 25, "1001" NUL, the alerting connection
            001c 0008 3535353938373600    # CalledDeviceID tag 28, "5559876" NUL, where the call goes
            0006 0005 3130303100          # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .deflectCallReq(DeflectCallReq(
            invokeID: 210, peripheralID: 5000, connectionCallID: 123_456, connectionDeviceIDType: .static,
            calledDeviceType: .external, connectionDeviceID: "1001", calledDeviceID: "5559876", agentInstrument: "1001"
        ))
    )

    static let holdCallReq = MessageVector(
        name: "HOLD_CALL_REQ with CTIOSCILClientID (tag 217), not a field of this message: kept as unknown",
        hex: HexVector("""
            0000002b  # MHDR MessageLength = 43: 16 fixed + 27 floating (Messaging Conventions, MHDR)
            00000036  # MHDR MessageType = 54 HOLD_CALL_REQ (Messaging Conventions, Message Types)
            000000d3  # InvokeID = 211 (Client Control Service, HOLD_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # ConnectionCallID = 123456
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0001      # Reservation BOOL = TRUE, keep the facility for the held call (HOLD_CALL_REQ)
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            00d9 0005 43494c3100  # tag 217 CTIOS_CIL_CLIENT_ID_TAG: not in this message's table, skipped and kept
            """),
        expected: .holdCallReq(HoldCallReq(
            invokeID: 211, peripheralID: 5000, connectionCallID: 123_456, connectionDeviceIDType: .static,
            reservation: true, connectionDeviceID: "1001", agentInstrument: "1001",
            unknownFields: [UnknownFloatingField(tag: .ctiosCILClientID, data: [0x43, 0x49, 0x4C, 0x31, 0x00])]
        ))
    )

    static let reconnectCallReq = MessageVector(
        name: "RECONNECT_CALL_REQ, drop the consult call and take back the held one",
        hex: HexVector("""
            0000002f  # MHDR MessageLength = 47: 20 fixed + 27 floating (Messaging Conventions, MHDR)
            0000003c  # MHDR MessageType = 60 RECONNECT_CALL_REQ (Messaging Conventions, Message Types)
            000000d4  # InvokeID = 212 (Client Control Service, RECONNECT_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e243  # ActiveConnectionCallID = 123459, the consult call
            0001e240  # HeldConnectionCallID = 123456
            0000      # ActiveConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0000      # HeldConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0032 0005 3130303100  # ActiveConnectionDeviceID tag 50, "1001" NUL
            0035 0005 3130303100  # HeldConnectionDeviceID tag 53, "1001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .reconnectCallReq(ReconnectCallReq(
            invokeID: 212, peripheralID: 5000, activeConnectionCallID: 123_459, heldConnectionCallID: 123_456,
            activeConnectionDeviceIDType: .static, heldConnectionDeviceIDType: .static,
            activeConnectionDeviceID: "1001", heldConnectionDeviceID: "1001", agentInstrument: "1001"
        ))
    )

    static let retrieveCallReq = MessageVector(
        name: "RETRIEVE_CALL_REQ",
        hex: HexVector("""
            00000020  # MHDR MessageLength = 32: 14 fixed + 18 floating (Messaging Conventions, MHDR)
            0000003e  # MHDR MessageType = 62 RETRIEVE_CALL_REQ (Messaging Conventions, Message Types)
            000000d5  # InvokeID = 213 (Client Control Service, RETRIEVE_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # HeldConnectionCallID = 123456
            0000      # HeldConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0035 0005 3130303100  # HeldConnectionDeviceID tag 53, "1001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .retrieveCallReq(RetrieveCallReq(
            invokeID: 213, peripheralID: 5000, heldConnectionCallID: 123_456, heldConnectionDeviceIDType: .static,
            heldConnectionDeviceID: "1001", agentInstrument: "1001"
        ))
    )

    static let sendDTMFSignalReq = MessageVector(
        name: "SEND_DTMF_SIGNAL_REQ with tone and pause durations and CTIOSCILClientID",
        hex: HexVector("""
            00000039  # MHDR MessageLength = 57: 20 fixed + 37 floating (Messaging Conventions, MHDR)
            0000005b  # MHDR MessageType = 91 SEND_DTMF_SIGNAL_REQ (Messaging Conventions, Message Types)
            000000d6  # InvokeID = 214 (Client Control Service, SEND_DTMF_SIGNAL_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # ConnectionCallID = 123456
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0064      # ToneDuration USHORT = 100 ms
            00000032  # PauseDuration UINT = 50 ms (a UINT, not a USHORT: notes, SEND_DTMF_SIGNAL_REQ)
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL
            0043 0006 313233342300  # DTMFString tag 67, "1234#" NUL (required)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            00d9 0005 43494c3100  # CTIOSCILClientID tag 217, "CIL1" NUL (version 24; removed in 25)
            """),
        expected: .sendDTMFSignalReq(SendDTMFSignalReq(
            invokeID: 214, peripheralID: 5000, connectionCallID: 123_456, connectionDeviceIDType: .static,
            toneDuration: 100, pauseDuration: 50, connectionDeviceID: "1001", dtmfString: "1234#",
            agentInstrument: "1001", ctiosCILClientID: "CIL1"
        ))
    )

    static let controlRequests: [MessageVector] = [
        setCallDataReq, releaseCallReq, queryAgentStateReq, setAgentStateReqLogin, setAgentStateReqNotReady,
        alternateCallReq, answerCallReq, clearCallReq, clearConnectionReq, deflectCallReq, holdCallReq,
        reconnectCallReq, retrieveCallReq, sendDTMFSignalReq,
    ]
}

@Suite struct ControlRequestVectorTests {
    @Test func setCallData() throws {
        let message = try MessageVector.setCallDataReq.check(as: SetCallDataReq.self)
        #expect(message.connectionDeviceIDType == .static)
        #expect(message.connectionCallID == 123_456)
        #expect(message.callType == .acdIn)
        #expect(message.callVariable10 == "v10")
        #expect(message.numNamedVariables == 1)
        #expect(message.namedArrays == [NamedArrayElement(name: "user.arr", index: 1, value: "x")])
        #expect(message.customerAccountNumber == "ACC-42")
        #expect(message.routerCallKeyDay == 150_000)
        #expect(message.callOriginatedFrom == UInt8(ascii: "D"))
    }

    @Test func releaseCall() throws {
        let message = try MessageVector.releaseCallReq.check(as: ReleaseCallReq.self)
        #expect(message.connectionCallID == 123_456)
        #expect(message.connectionDeviceID == "1001")
    }

    @Test func queryAgentState() throws {
        let message = try MessageVector.queryAgentStateReq.check(as: QueryAgentStateReq.self)
        #expect(message.mrdID == 1)
        #expect(message.icmAgentID == -1)
        #expect(message.agentExtension == "1001")
        #expect(message.agentID == "5001")
    }

    @Test func setAgentStateLogin() throws {
        let message = try MessageVector.setAgentStateReqLogin.check(as: SetAgentStateReq.self)
        #expect(message.agentState == .login)
        #expect(message.agentWorkMode == .manualIn)
        #expect(message.forcedFlag == 1)
        #expect(message.agentServiceReq == 1)
        #expect(message.activeTerminal == "SEP1001")
        #expect(message.agentPassword == Secret([0x31, 0x32, 0x33, 0x34]))
        #expect(message.ssoEnabled == 0)
        #expect(message.numSkillGroups == 2)
        #expect(message.skillGroups.map(\.number) == [101, 102])
        #expect(message.skillGroups.map(\.priority) == [0, 1])
    }

    @Test func setAgentStateNotReady() throws {
        let message = try MessageVector.setAgentStateReqNotReady.check(as: SetAgentStateReq.self)
        #expect(message.agentState == .notReady)
        #expect(message.eventReasonCode == 32)
        #expect(message.agentPassword == nil)
        #expect(message.skillGroups.isEmpty)
    }

    @Test func alternateCall() throws {
        let message = try MessageVector.alternateCallReq.check(as: AlternateCallReq.self)
        #expect(message.activeConnectionCallID == 123_459)
        #expect(message.otherConnectionCallID == 123_456)
        #expect(message.otherConnectionDeviceID == "1001")
    }

    @Test func answerCall() throws {
        let message = try MessageVector.answerCallReq.check(as: AnswerCallReq.self)
        #expect(message.connectionCallID == 0xFFFF_FFFF)
        #expect(message.agentInstrument == "1001")
    }

    @Test func clearCall() throws {
        let message = try MessageVector.clearCallReq.check(as: ClearCallReq.self)
        #expect(message.connectionDeviceID == "1001")
        #expect(message.agentInstrument == nil)
    }

    @Test func clearConnection() throws {
        let message = try MessageVector.clearConnectionReq.check(as: ClearConnectionReq.self)
        #expect(message.requestingDeviceID == "1001")
        #expect(message.requestingDeviceIDType == .deviceIdentifier)
        #expect(message.ctiosCILClientID == "CIL1")
        #expect(message.unknownFields.isEmpty)
    }

    @Test func deflectCall() throws {
        let message = try MessageVector.deflectCallReq.check(as: DeflectCallReq.self)
        #expect(message.calledDeviceType == .external)
        #expect(message.calledDeviceID == "5559876")
    }

    @Test func holdCallWithUnknownTag() throws {
        let message = try MessageVector.holdCallReq.check(as: HoldCallReq.self)
        #expect(message.reservation)
        #expect(message.connectionDeviceID == "1001")
        #expect(message.unknownFields == [UnknownFloatingField(tag: FloatingTag(rawValue: 217), data: Array("CIL1\0".utf8))])
    }

    @Test func reconnectCall() throws {
        let message = try MessageVector.reconnectCallReq.check(as: ReconnectCallReq.self)
        #expect(message.activeConnectionCallID == 123_459)
        #expect(message.heldConnectionCallID == 123_456)
        #expect(message.heldConnectionDeviceID == "1001")
    }

    @Test func retrieveCall() throws {
        let message = try MessageVector.retrieveCallReq.check(as: RetrieveCallReq.self)
        #expect(message.heldConnectionCallID == 123_456)
        #expect(message.heldConnectionDeviceID == "1001")
    }

    @Test func sendDTMFSignal() throws {
        let message = try MessageVector.sendDTMFSignalReq.check(as: SendDTMFSignalReq.self)
        #expect(message.toneDuration == 100)
        #expect(message.pauseDuration == 50)
        #expect(message.dtmfString == "1234#")
        #expect(message.ctiosCILClientID == "CIL1")
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as the research notes give them.
    @Test func fixedPartLengths() {
        // notes, SET_CALL_DATA_REQ (26): "fixed 30"; RELEASE_CALL_REQ (28): "fixed 14".
        #expect(SetCallDataReq.fixedPartLength == 30)
        #expect(ReleaseCallReq.fixedPartLength == 14)
        // notes, QUERY_AGENT_STATE_REQ (36): "fixed 16".
        #expect(QueryAgentStateReq.fixedPartLength == 16)
        // notes, SET_AGENT_STATE_REQ (38): "fixed 21 (odd length because ForcedFlag is a UCHAR)".
        #expect(SetAgentStateReq.fixedPartLength == 21)
        // notes, ALTERNATE_CALL_REQ (40): "fixed 20"; V9/V14/V15 maximum 226 = 8 + 20 + 3 × 66.
        #expect(AlternateCallReq.fixedPartLength == 20)
        // notes, ANSWER_CALL_REQ (42) and CLEAR_CALL_REQ (44): "fixed 14".
        #expect(AnswerCallReq.fixedPartLength == 14)
        #expect(ClearCallReq.fixedPartLength == 14)
        // notes, CLEAR_CONNECTION_REQ (46): "fixed 14 recommended (V25/V15/V17 tables print 16)"; the printed
        // maximum 220 = 8 + 14 + 3 × 66, and RequestingDeviceIDType is floating tag 220.
        #expect(ClearConnectionReq.fixedPartLength == 14)
        // notes, DEFLECT_CALL_REQ (52) and HOLD_CALL_REQ (54): "fixed 16".
        #expect(DeflectCallReq.fixedPartLength == 16)
        #expect(HoldCallReq.fixedPartLength == 16)
        // notes, RECONNECT_CALL_REQ (60): "fixed 20"; RETRIEVE_CALL_REQ (62): "fixed 14".
        #expect(ReconnectCallReq.fixedPartLength == 20)
        #expect(RetrieveCallReq.fixedPartLength == 14)
        // notes, SEND_DTMF_SIGNAL_REQ (91): "fixed 20".
        #expect(SendDTMFSignalReq.fixedPartLength == 20)
    }

    // MARK: Twins: the same checks fail when one byte or one field differs

    @Test func changedForcedFlagIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.setAgentStateReqLogin
        // ForcedFlag is the one-byte field at 8 + 16 = 24 (after InvokeID, PeripheralID and four USHORTs); make it
        // 2, authenticate only. AgentServiceReq follows at once, with no padding.
        #expect(vector.hex.bytes[24] == 0x01)
        #expect(vector.hex.bytes[25...28].elementsEqual([0x00, 0x00, 0x00, 0x01]))
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 24, with: 0x02)))
        #expect(decoded != vector.expected)
        guard case .setAgentStateReq(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.forcedFlag == 2)
        #expect(message.agentServiceReq == 1)
    }

    @Test func changedPasswordByteIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.setAgentStateReqLogin
        // AgentPassword is the fourth floating field: 8 + 21 + 9 + 12 + 9 = 59 is its tag, 63 its first data byte.
        #expect(vector.hex.bytes[59...60].elementsEqual([0x00, 0x31]))
        #expect(vector.hex.bytes[63] == 0x31)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 63, with: 0x39)))
        #expect(decoded != vector.expected)
        guard case .setAgentStateReq(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.agentPassword == Secret([0x39, 0x32, 0x33, 0x34]))
    }

    @Test func changedSkillGroupPriorityNoLongerEncodesToTheVector() throws {
        guard case .setAgentStateReq(var message) = MessageVector.setAgentStateReqLogin.expected else {
            Issue.record("not SET_AGENT_STATE_REQ")
            return
        }
        message.skillGroups[1].priority = 2
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.setAgentStateReqLogin.hex.bytes)
    }

    @Test func droppedUnknownFieldNoLongerEncodesToTheVector() throws {
        guard case .holdCallReq(var message) = MessageVector.holdCallReq.expected else {
            Issue.record("not HOLD_CALL_REQ")
            return
        }
        message.unknownFields = []
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.holdCallReq.hex.bytes)
    }

    @Test func setCallDataOrderIsNotTheControlRequestsOrder() throws {
        // SET_CALL_DATA_REQ puts ConnectionDeviceIDType before ConnectionCallID. Read in the CLEAR_CALL_REQ order,
        // its bytes would give another call ID: the vector pins the order.
        let bytes = MessageVector.setCallDataReq.hex.bytes
        #expect(bytes[16...17].elementsEqual([0x00, 0x00]))              // ConnectionDeviceIDType
        #expect(bytes[18...21].elementsEqual([0x00, 0x01, 0xE2, 0x40]))  // ConnectionCallID
        guard case .setCallDataReq(var message) = MessageVector.setCallDataReq.expected else {
            Issue.record("not SET_CALL_DATA_REQ")
            return
        }
        message.connectionDeviceIDType = .dynamic
        let encoded = Array(try message.encoded().readableBytesView)
        #expect(encoded[16...17].elementsEqual([0x00, 0x01]))
        #expect(encoded != bytes)
    }
}
