import GED188
import NIOCore
import Testing

// Client control requests that place or join calls (MAKE_CALL, CONSULTATION_CALL, CONFERENCE_CALL, TRANSFER_CALL),
// written by hand from the layouts in /work/notes/ged188-catalog-layouts.md ("Client Control service"; the version 25
// Application Level Interfaces tables, unchanged in version 24 but for the PostRoute wording). Floating fields: tag
// USHORT, length USHORT, data (Messaging Conventions, Floating Part); tag numbers from the Tag Values table
// (Constants and Status Codes). Enumerations (CallPlacementType, CallMannerType, ConsultType, ...) from the notes'
// "Enumerations" section.
//
// The same call as ControlRequestVectorTests.swift: agent 5001 at extension 1001 on peripheral 5000, call ID 123456
// (0x0001E240), consult call 123459 (0x0001E243).

extension MessageVector {
    static let makeCallReq = MessageVector(
        name: "MAKE_CALL_REQ, outbound with a skill group, call data, a named variable, access codes and CCT",
        hex: HexVector("""
            0000007e  # MHDR MessageLength = 126: 32 fixed + 94 floating (Messaging Conventions, MHDR)
            00000038  # MHDR MessageType = 56 MAKE_CALL_REQ (Messaging Conventions, Message Types)
            000000dc  # InvokeID = 220 (Client Control Service, MAKE_CALL_REQ)
            00001388  # PeripheralID = 5000
            0002      # CallPlacementType = 2 CPT_OUTBOUND (Constants, CallPlacementType)
            0001      # CallMannerType = 1 CMT_POLITE (Constants, CallMannerType)
            0000      # AlertRings = 0, the peripheral's default
            0000      # CallOption = 0 COPT_UNSPECIFIED (Constants, CallOption)
            0000      # FacilityType = 0 FT_UNSPECIFIED (Constants, FacilityType)
            0000      # AnsweringMachine = 0 AM_UNSPECIFIED (Constants, AnsweringMachine)
            0000      # Priority BOOL = FALSE
            0000      # PostRoute BOOL = FALSE
            0001      # NumNamedVariables = 1
            0000      # NumNamedArrays = 0
            00000065  # SkillGroupNumber = 101, the skill group to call for (added in version 14)
            0006 0005 3130303100          # AgentInstrument tag 6, "1001" NUL
            000b 0009 393535353938373600  # DialedNumber tag 11, "95559876" NUL (required)
            0009 0002 beef                # UserToUserInfo tag 9, UNSPEC, 2 raw bytes
            000d 0004 61626300            # CallVariable1 tag 13, "abc" NUL
            000f 0003 633300              # CallVariable3 tag 15, "c3" NUL
            002e 0002 7700                # CallWrapupData tag 46, "w" NUL
            0052 000b 757365722e696400 343200  # NamedVariable tag 82: "user.id" NUL, "42" NUL (Messaging Conventions, NAMEDVAR)
            0033 0002 3900                # FacilityCode tag 51, "9" NUL
            004d 0005 3132333400          # AuthorizationCode tag 77, "1234" NUL
            004e 0003 373700              # AccountCode tag 78, "77" NUL
            0054 0004 43543100            # CCT tag 84 CALL_CONTROL_TABLE_TAG, STRING 4: "CT1" NUL (required for CPT_OUTBOUND)
            """),
        expected: .makeCallReq(MakeCallReq(
            invokeID: 220, peripheralID: 5000, callPlacementType: .outbound, callMannerType: .polite, alertRings: 0,
            callOption: .unspecified, facilityType: .unspecified, answeringMachine: .unspecified, priority: false,
            postRoute: false, skillGroupNumber: 101, agentInstrument: "1001", dialedNumber: "95559876",
            userToUserInfo: [0xBE, 0xEF], callVariable1: "abc", callVariable3: "c3", callWrapupData: "w",
            namedVariables: [NamedVariable(name: "user.id", value: "42")], facilityCode: "9",
            authorizationCode: "1234", accountCode: "77", callControlTable: "CT1"
        ))
    )

    static let makeCallReqMinimal = MessageVector(
        name: "MAKE_CALL_REQ, inside call with NULL_SKILL_GROUP and only instrument and number",
        hex: HexVector("""
            00000032  # MHDR MessageLength = 50: 32 fixed + 18 floating (Messaging Conventions, MHDR)
            00000038  # MHDR MessageType = 56 MAKE_CALL_REQ (Messaging Conventions, Message Types)
            000000dd  # InvokeID = 221 (Client Control Service, MAKE_CALL_REQ)
            00001388  # PeripheralID = 5000
            0000      # CallPlacementType = 0 CPT_UNSPECIFIED
            0000      # CallMannerType = 0 CMT_UNSPECIFIED
            0000      # AlertRings = 0
            0000      # CallOption = 0 COPT_UNSPECIFIED
            0000      # FacilityType = 0 FT_UNSPECIFIED
            0000      # AnsweringMachine = 0 AM_UNSPECIFIED
            0000      # Priority BOOL = FALSE
            0000      # PostRoute BOOL = FALSE
            0000      # NumNamedVariables = 0
            0000      # NumNamedArrays = 0
            ffffffff  # SkillGroupNumber = NULL_SKILL_GROUP, the default (Constants, Special Values)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            000b 0005 3130303200  # DialedNumber tag 11, "1002" NUL (required)
            """),
        expected: .makeCallReq(MakeCallReq(
            invokeID: 221, peripheralID: 5000, skillGroupNumber: 0xFFFF_FFFF, agentInstrument: "1001",
            dialedNumber: "1002"
        ))
    )

    static let consultationCallReq = MessageVector(
        name: "CONSULTATION_CALL_REQ before a transfer, with call variables and a named array",
        hex: HexVector("""
            0000005f  # MHDR MessageLength = 95: 36 fixed + 59 floating (Messaging Conventions, MHDR)
            00000032  # MHDR MessageType = 50 CONSULTATION_CALL_REQ (Messaging Conventions, Message Types)
            000000de  # InvokeID = 222 (Client Control Service, CONSULTATION_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # ActiveConnectionCallID = 123456
            0000      # ActiveConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0000      # CallPlacementType = 0 CPT_UNSPECIFIED
            0000      # CallMannerType = 0 CMT_UNSPECIFIED
            0001      # ConsultType = 1 CT_TRANSFER (Constants, ConsultType)
            0004      # AlertRings = 4 rings
            0000      # CallOption = 0 COPT_UNSPECIFIED
            0000      # FacilityType = 0 FT_UNSPECIFIED
            0000      # AnsweringMachine = 0 AM_UNSPECIFIED
            0000      # Priority BOOL = FALSE
            0000      # PostRoute BOOL = FALSE
            0000      # NumNamedVariables = 0
            0001      # NumNamedArrays = 1
            0032 0005 3130303100  # ActiveConnectionDeviceID tag 50, "1001" NUL (required)
            000b 0005 3130303200  # DialedNumber tag 11, "1002" NUL (required)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            000d 0004 61626300    # CallVariable1 tag 13, "abc" NUL, in place of the active call's
            0016 0004 78797a00    # CallVariable10 tag 22, "xyz" NUL
            0053 000c 00 757365722e61727200 7900  # NamedArray tag 83: index 0, "user.arr" NUL, "y" NUL (Messaging Conventions, NAMEDARRAY)
            """),
        expected: .consultationCallReq(ConsultationCallReq(
            invokeID: 222, peripheralID: 5000, activeConnectionCallID: 123_456, activeConnectionDeviceIDType: .static,
            consultType: .transfer, alertRings: 4, activeConnectionDeviceID: "1001", dialedNumber: "1002",
            agentInstrument: "1001", callVariable1: "abc", callVariable10: "xyz",
            namedArrays: [NamedArrayElement(name: "user.arr", index: 0, value: "y")]
        ))
    )

    static let conferenceCallReq = MessageVector(
        name: "CONFERENCE_CALL_REQ, held and consult calls joined, priority, every optional call-data field",
        hex: HexVector("""
            0000008d  # MHDR MessageLength = 141: 40 fixed + 101 floating (Messaging Conventions, MHDR)
            00000030  # MHDR MessageType = 48 CONFERENCE_CALL_REQ (Messaging Conventions, Message Types)
            000000df  # InvokeID = 223 (Client Control Service, CONFERENCE_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # HeldConnectionCallID = 123456: Held comes before Active in the fixed part
            0001e243  # ActiveConnectionCallID = 123459, the consult call
            0000      # HeldConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0000      # ActiveConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0000      # CallPlacementType = 0 CPT_UNSPECIFIED
            0000      # CallMannerType = 0 CMT_UNSPECIFIED
            0000      # AlertRings = 0
            0000      # CallOption = 0 COPT_UNSPECIFIED
            0000      # FacilityType = 0 FT_UNSPECIFIED
            0000      # AnsweringMachine = 0 AM_UNSPECIFIED
            0001      # Priority BOOL = TRUE
            0000      # PostRoute BOOL = FALSE
            0001      # NumNamedVariables = 1
            0001      # NumNamedArrays = 1
            0032 0005 3130303100  # ActiveConnectionDeviceID tag 50, "1001" NUL: Active comes first in the floating part
            0035 0005 3130303100  # HeldConnectionDeviceID tag 53, "1001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            0009 0002 cafe        # UserToUserInfo tag 9, UNSPEC, 2 raw bytes
            000e 0005 636f6e6600  # CallVariable2 tag 14, "conf" NUL
            002e 0002 7700        # CallWrapupData tag 46, "w" NUL
            0052 000b 757365722e696400 343200      # NamedVariable tag 82: "user.id" NUL, "42" NUL
            0053 000c 00 757365722e61727200 7900   # NamedArray tag 83: index 0, "user.arr" NUL, "y" NUL
            0033 0002 3900        # FacilityCode tag 51, "9" NUL
            004d 0005 3132333400  # AuthorizationCode tag 77, "1234" NUL
            004e 0003 373700      # AccountCode tag 78, "77" NUL
            """),
        expected: .conferenceCallReq(ConferenceCallReq(
            invokeID: 223, peripheralID: 5000, heldConnectionCallID: 123_456, activeConnectionCallID: 123_459,
            heldConnectionDeviceIDType: .static, activeConnectionDeviceIDType: .static, priority: true,
            postRoute: false, activeConnectionDeviceID: "1001", heldConnectionDeviceID: "1001",
            agentInstrument: "1001", userToUserInfo: [0xCA, 0xFE], callVariable2: "conf", callWrapupData: "w",
            namedVariables: [NamedVariable(name: "user.id", value: "42")],
            namedArrays: [NamedArrayElement(name: "user.arr", index: 0, value: "y")], facilityCode: "9",
            authorizationCode: "1234", accountCode: "77"
        ))
    )

    static let transferCallReqConsultative = MessageVector(
        name: "TRANSFER_CALL_REQ, the held call to the consult call's party",
        hex: HexVector("""
            00000043  # MHDR MessageLength = 67: 40 fixed + 27 floating (Messaging Conventions, MHDR)
            00000040  # MHDR MessageType = 64 TRANSFER_CALL_REQ (Messaging Conventions, Message Types)
            000000e0  # InvokeID = 224 (Client Control Service, TRANSFER_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e243  # ActiveConnectionCallID = 123459, the consult call
            0001e240  # HeldConnectionCallID = 123456
            0000      # ActiveConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0000      # HeldConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            0000      # CallPlacementType = 0 CPT_UNSPECIFIED
            0000      # CallMannerType = 0 CMT_UNSPECIFIED
            0000      # AlertRings = 0
            0000      # CallOption = 0 COPT_UNSPECIFIED
            0000      # FacilityType = 0 FT_UNSPECIFIED
            0000      # AnsweringMachine = 0 AM_UNSPECIFIED
            0000      # Priority BOOL = FALSE
            0000      # PostRoute BOOL = FALSE
            0000      # NumNamedVariables = 0
            0000      # NumNamedArrays = 0
            0032 0005 3130303100  # ActiveConnectionDeviceID tag 50, "1001" NUL (required)
            0035 0005 3130303100  # HeldConnectionDeviceID tag 53, "1001" NUL
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            """),
        expected: .transferCallReq(TransferCallReq(
            invokeID: 224, peripheralID: 5000, activeConnectionCallID: 123_459, heldConnectionCallID: 123_456,
            activeConnectionDeviceIDType: .static, heldConnectionDeviceIDType: .static,
            activeConnectionDeviceID: "1001", heldConnectionDeviceID: "1001", agentInstrument: "1001"
        ))
    )

    static let transferCallReqSingleStep = MessageVector(
        name: "TRANSFER_CALL_REQ, single step to a dialed number, with a named variable and an unknown tag",
        hex: HexVector("""
            0000005f  # MHDR MessageLength = 95: 40 fixed + 55 floating (Messaging Conventions, MHDR)
            00000040  # MHDR MessageType = 64 TRANSFER_CALL_REQ (Messaging Conventions, Message Types)
            000000e1  # InvokeID = 225 (Client Control Service, TRANSFER_CALL_REQ)
            00001388  # PeripheralID = 5000
            0001e240  # ActiveConnectionCallID = 123456
            ffffffff  # HeldConnectionCallID = 0xFFFFFFFF: no held call, single step (TRANSFER_CALL_REQ)
            0000      # ActiveConnectionDeviceIDType = 0 CONNECTION_ID_STATIC
            ffff      # HeldConnectionDeviceIDType = 0xFFFF CONNECTION_ID_NONE, and no HeldConnectionDeviceID
            0000      # CallPlacementType = 0 CPT_UNSPECIFIED
            0000      # CallMannerType = 0 CMT_UNSPECIFIED
            0000      # AlertRings = 0
            0000      # CallOption = 0 COPT_UNSPECIFIED
            0000      # FacilityType = 0 FT_UNSPECIFIED
            0000      # AnsweringMachine = 0 AM_UNSPECIFIED
            0000      # Priority BOOL = FALSE
            0000      # PostRoute BOOL = FALSE
            0001      # NumNamedVariables = 1
            0000      # NumNamedArrays = 0
            0032 0005 3130303100  # ActiveConnectionDeviceID tag 50, "1001" NUL (required)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL
            000b 0005 3130303200  # DialedNumber tag 11, "1002" NUL, the single-step target
            0011 0003 763500      # CallVariable5 tag 17, "v5" NUL
            0052 000b 757365722e696400 343300  # NamedVariable tag 82: "user.id" NUL, "43" NUL
            0190 0002 beef        # tag 400, defined nowhere: kept, written back last (Messaging Conventions, unknown tags are skipped)
            """),
        expected: .transferCallReq(TransferCallReq(
            invokeID: 225, peripheralID: 5000, activeConnectionCallID: 123_456, heldConnectionCallID: 0xFFFF_FFFF,
            activeConnectionDeviceIDType: .static, heldConnectionDeviceIDType: .notApplicable,
            activeConnectionDeviceID: "1001", agentInstrument: "1001", dialedNumber: "1002", callVariable5: "v5",
            namedVariables: [NamedVariable(name: "user.id", value: "43")],
            unknownFields: [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])]
        ))
    )

    static let controlCallSetupRequests: [MessageVector] = [
        makeCallReq, makeCallReqMinimal, consultationCallReq, conferenceCallReq, transferCallReqConsultative,
        transferCallReqSingleStep,
    ]
}

@Suite struct ControlCallSetupRequestVectorTests {
    @Test func makeCall() throws {
        let message = try MessageVector.makeCallReq.check(as: MakeCallReq.self)
        #expect(message.callPlacementType == .outbound)
        #expect(message.callMannerType == .polite)
        #expect(message.skillGroupNumber == 101)
        #expect(message.dialedNumber == "95559876")
        #expect(message.numNamedVariables == 1)
        #expect(message.numNamedArrays == 0)
        #expect(message.authorizationCode == "1234")
        #expect(message.callControlTable == "CT1")
    }

    @Test func makeCallMinimal() throws {
        let message = try MessageVector.makeCallReqMinimal.check(as: MakeCallReq.self)
        #expect(message.skillGroupNumber == 0xFFFF_FFFF)
        #expect(message.callPlacementType == .unspecified)
        #expect(message.userToUserInfo == nil)
        #expect(message.namedVariables.isEmpty)
    }

    @Test func consultationCall() throws {
        let message = try MessageVector.consultationCallReq.check(as: ConsultationCallReq.self)
        #expect(message.consultType == .transfer)
        #expect(message.alertRings == 4)
        #expect(message.activeConnectionDeviceID == "1001")
        #expect(message.dialedNumber == "1002")
        #expect(message.namedArrays.map(\.index) == [0])
    }

    @Test func conferenceCall() throws {
        let message = try MessageVector.conferenceCallReq.check(as: ConferenceCallReq.self)
        #expect(message.heldConnectionCallID == 123_456)
        #expect(message.activeConnectionCallID == 123_459)
        #expect(message.priority)
        #expect(!message.postRoute)
        #expect(message.userToUserInfo == [0xCA, 0xFE])
        #expect(message.callVariable2 == "conf")
        #expect(message.dialedNumber == nil)
        #expect(message.accountCode == "77")
    }

    @Test func transferCallConsultative() throws {
        let message = try MessageVector.transferCallReqConsultative.check(as: TransferCallReq.self)
        #expect(message.activeConnectionCallID == 123_459)
        #expect(message.heldConnectionDeviceID == "1001")
        #expect(message.dialedNumber == nil)
    }

    @Test func transferCallSingleStepWithUnknownTag() throws {
        let message = try MessageVector.transferCallReqSingleStep.check(as: TransferCallReq.self)
        #expect(message.heldConnectionCallID == 0xFFFF_FFFF)
        #expect(message.heldConnectionDeviceIDType == .notApplicable)
        #expect(message.heldConnectionDeviceID == nil)
        #expect(message.dialedNumber == "1002")
        #expect(message.namedVariables == [NamedVariable(name: "user.id", value: "43")])
        #expect(message.unknownFields == [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])])
    }

    /// Fixed-part sizes (bytes after the 8-byte header). For three of these the notes' heading and their own field
    /// list disagree; the field list, which is the guide's table, is what counts (BOOL is 2 bytes).
    @Test func fixedPartLengths() {
        // notes, CONFERENCE_CALL_REQ (48): "fixed 40": 4 UINTs + 12 two-byte fields.
        #expect(ConferenceCallReq.fixedPartLength == 40)
        // notes, CONSULTATION_CALL_REQ (50): heading "fixed 38", but its list (3 UINTs + 12 two-byte fields) is 36;
        // the V25-ALI table (MessageType = 50) has the same 15 fields.
        #expect(ConsultationCallReq.fixedPartLength == 36)
        // notes, MAKE_CALL_REQ (56): heading "fixed 36 (v14+; 32 before v14)", but its table (2 UINTs, 10 two-byte
        // fields, SkillGroupNumber UINT) sums to 32, SkillGroupNumber included; V25-ALI (MessageType = 56) agrees.
        #expect(MakeCallReq.fixedPartLength == 32)
        // notes, TRANSFER_CALL_REQ (64): heading "fixed 36", but its table (4 UINTs + 12 two-byte fields) sums to 40,
        // the same shape as CONFERENCE_CALL_REQ; V25-ALI (MessageType = 64) agrees.
        #expect(TransferCallReq.fixedPartLength == 40)
    }

    // MARK: Twins: the same checks fail when one byte or one field differs

    @Test func changedDialedNumberByteIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.makeCallReq
        // DialedNumber follows AgentInstrument (9 bytes): tag at 8 + 32 + 9 = 49, first data byte "9" at 53.
        #expect(vector.hex.bytes[49...50].elementsEqual([0x00, 0x0B]))
        #expect(vector.hex.bytes[53] == 0x39)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 53, with: 0x38)))
        #expect(decoded != vector.expected)
        guard case .makeCallReq(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.dialedNumber == "85559876")
    }

    @Test func changedPriorityByteIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.conferenceCallReq
        // Priority is the 13th fixed field: low byte at 8 + 4 × 4 + 8 × 2 + 1 = 41.
        #expect(vector.hex.bytes[40...41].elementsEqual([0x00, 0x01]))
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 41, with: 0x00)))
        #expect(decoded != vector.expected)
        guard case .conferenceCallReq(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(!message.priority)
    }

    @Test func swappedConferenceCallIDsNoLongerEncodeToTheVector() throws {
        // Held comes before Active in the fixed part: swapping the two IDs must change the bytes.
        guard case .conferenceCallReq(var message) = MessageVector.conferenceCallReq.expected else {
            Issue.record("not CONFERENCE_CALL_REQ")
            return
        }
        swap(&message.heldConnectionCallID, &message.activeConnectionCallID)
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.conferenceCallReq.hex.bytes)
    }

    @Test func changedNamedVariableNoLongerEncodesToTheVector() throws {
        guard case .transferCallReq(var message) = MessageVector.transferCallReqSingleStep.expected else {
            Issue.record("not TRANSFER_CALL_REQ")
            return
        }
        message.namedVariables[0].value = "42"
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.transferCallReqSingleStep.hex.bytes)
    }
}
