import GED188
import NIOCore
import Testing

// AGENT_STATE_EVENT (Client Events Service), SYSTEM_EVENT (Miscellaneous Service) and CONTROL_FAILURE_CONF
// (Client Control Service), written by hand from the layouts in /work/notes/ged188-core-layouts.md (v25 tables,
// unchanged since v24 per the v25 Changes appendix). Floating fields: tag USHORT, length USHORT, data
// (Messaging Conventions, Floating Part); tag numbers from the Tag Values table (Constants and Status Codes).

extension MessageVector {
    static let agentStateTalking = MessageVector(
        name: "AGENT_STATE_EVENT, talking, two FltSkillGroup quadruples and every optional field",
        hex: HexVector("""
            000000bb  # MHDR MessageLength = 187: 62 fixed + 125 floating (Messaging Conventions, MHDR)
            0000001e  # MHDR MessageType = 30 AGENT_STATE_EVENT (Messaging Conventions, Message Types)
            00000011  # MonitorID = 17 (Client Events Service, AGENT_STATE_EVENT)
            00001388  # PeripheralID = 5000 (Client Events Service, AGENT_STATE_EVENT)
            00000003  # SessionID = 3 (Client Events Service, AGENT_STATE_EVENT)
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT (Constants, PeripheralType)
            0004      # SkillGroupState = 4 TALKING (Constants, AgentState)
            0000001e  # StateDuration = 30 s (Client Events Service, AGENT_STATE_EVENT)
            00000065  # SkillGroupNumber = 101 (Client Events Service, AGENT_STATE_EVENT)
            0000138a  # SkillGroupID = 5002 (Client Events Service, AGENT_STATE_EVENT)
            0000      # SkillGroupPriority = 0 (Client Events Service, AGENT_STATE_EVENT)
            0004      # AgentState = 4 TALKING (Constants, AgentState)
            0000      # EventReasonCode = 0 (Client Events Service, AGENT_STATE_EVENT)
            00000001  # MRDID INT = 1 (Client Events Service, AGENT_STATE_EVENT)
            00000001  # NumTasks = 1 (Client Events Service, AGENT_STATE_EVENT)
            0001      # AgentMode = 1 ROUTABLE (Client Events Service, AGENT_STATE_EVENT, v25 text)
            00000001  # MaxTaskLimit = 1 (Client Events Service, AGENT_STATE_EVENT)
            00001771  # ICMAgentID INT = 6001 (Client Events Service, AGENT_STATE_EVENT)
            00000000  # AgentAvailabilityStatus = 0 NOT AVAILABLE (Client Events Service, AGENT_STATE_EVENT)
            0002      # NumFltSkillGroups = 2 (Client Events Service, AGENT_STATE_EVENT)
            00000007  # DepartmentID INT = 7 (Client Events Service, AGENT_STATE_EVENT; added v19)
            0003 0005 6465736b00  # CTIClientSignature tag 3 CLIENT_SIGNATURE_TAG, "desk" NUL (notes point 4)
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL (Client Events Service, AGENT_STATE_EVENT)
            0004 0005 3130303100  # AgentExtension tag 4, "1001" NUL (Client Events Service, AGENT_STATE_EVENT)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL (Client Events Service, AGENT_STATE_EVENT)
            0096 0004 0000003c    # Duration tag 150, UINT = 60 (Client Events Service, AGENT_STATE_EVENT)
            00f4 0004 00000001    # Direction tag 244, UINT = 1 In (Client Events Service, AGENT_STATE_EVENT)
            003e 0004 00000065    # FltSkillGroupNumber tag 62, INT = 101 (Client Events Service, AGENT_STATE_EVENT)
            003f 0004 0000138a    # FltSkillGroupID tag 63, UINT = 5002
            0040 0002 0000        # FltSkillGroupPriority tag 64, USHORT = 0
            0041 0002 0004        # FltSkillGroupState tag 65, USHORT = 4 TALKING
            003e 0004 00000066    # FltSkillGroupNumber tag 62, INT = 102
            003f 0004 0000138b    # FltSkillGroupID tag 63, UINT = 5003
            0040 0002 0001        # FltSkillGroupPriority tag 64, USHORT = 1
            0041 0002 0003        # FltSkillGroupState tag 65, USHORT = 3 AVAILABLE
            012f 0005 3130303100  # ActiveTerminal tag 303 FLT_TERM_DEVICE_NAME, "1001" NUL (notes point 4)
            010a 0004 00000000    # MaxBeyondTaskLimit tag 266, UINT = 0 (Client Events Service, AGENT_STATE_EVENT)
            """),
        expected: .agentStateEvent(AgentStateEvent(
            monitorID: 17, peripheralID: 5000, sessionID: 3, peripheralType: .enterpriseAgent,
            skillGroupState: .talking, stateDuration: 30, skillGroupNumber: 101, skillGroupID: 5002,
            skillGroupPriority: 0, agentState: .talking, eventReasonCode: 0, mrdID: 1, numTasks: 1, agentMode: 1,
            maxTaskLimit: 1, icmAgentID: 6001, agentAvailabilityStatus: 0, departmentID: 7,
            ctiClientSignature: "desk", agentID: "5001", agentExtension: "1001", agentInstrument: "1001",
            duration: 60, direction: 1,
            fltSkillGroups: [
                FltSkillGroup(number: 101, id: 5002, priority: 0, state: .talking),
                FltSkillGroup(number: 102, id: 5003, priority: 1, state: .available),
            ],
            activeTerminal: "1001", maxBeyondTaskLimit: 0
        ))
    )

    static let agentStateNotReady = MessageVector(
        name: "AGENT_STATE_EVENT, not ready with a reason code, pending logout, and an unknown tag",
        hex: HexVector("""
            00000053  # MHDR MessageLength = 83: 62 fixed + 21 floating (Messaging Conventions, MHDR)
            0000001e  # MHDR MessageType = 30 AGENT_STATE_EVENT (Messaging Conventions, Message Types)
            00000000  # MonitorID = 0, All Events (Client Events Service, AGENT_STATE_EVENT)
            00001388  # PeripheralID = 5000
            00000000  # SessionID = 0
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT (Constants, PeripheralType)
            0002      # SkillGroupState = 2 NOT_READY (Constants, AgentState)
            00000000  # StateDuration = 0
            ffffffff  # SkillGroupNumber = NULL_SKILL_GROUP (Constants, Special Values)
            ffffffff  # SkillGroupID = NULL_SKILL_GROUP
            0000      # SkillGroupPriority = 0
            0002      # AgentState = 2 NOT_READY (Constants, AgentState)
            0020      # EventReasonCode = 32 (Client Events Service, AGENT_STATE_EVENT: Not Ready and Logout only)
            00000001  # MRDID INT = 1
            00000000  # NumTasks = 0
            0001      # AgentMode = 1 ROUTABLE
            00000001  # MaxTaskLimit = 1
            00001771  # ICMAgentID INT = 6001
            00000000  # AgentAvailabilityStatus = 0 NOT AVAILABLE
            0000      # NumFltSkillGroups = 0: the fixed skill group is the only one (Client Events Service, AGENT_STATE_EVENT)
            00000000  # DepartmentID INT = 0
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL (Client Events Service, AGENT_STATE_EVENT)
            007b 0002 0001        # NextAgentState tag 123 EXT_AGENT_STATE_TAG, USHORT = 1 LOGOUT (Tag Values)
            00ff 0002 0003        # tag 255 INTERNAL_AGENT_STATE_TAG, a QUERY_AGENT_STATE_CONF field: unknown here, kept
            """),
        expected: .agentStateEvent(AgentStateEvent(
            monitorID: 0, peripheralID: 5000, sessionID: 0, peripheralType: .enterpriseAgent,
            skillGroupState: .notReady, stateDuration: 0, skillGroupNumber: 0xFFFF_FFFF, skillGroupID: 0xFFFF_FFFF,
            skillGroupPriority: 0, agentState: .notReady, eventReasonCode: 32, mrdID: 1, numTasks: 0, agentMode: 1,
            maxTaskLimit: 1, icmAgentID: 6001, agentAvailabilityStatus: 0, departmentID: 0,
            agentID: "5001", nextAgentState: .logout,
            unknownFields: [UnknownFloatingField(tag: .internalAgentState, data: [0x00, 0x03])]
        ))
    )

    static let systemEventPeripheralOnline = MessageVector(
        name: "SYSTEM_EVENT, peripheral online, no floating part",
        hex: HexVector("""
            0000001a  # MHDR MessageLength = 26 (Messaging Conventions, MHDR)
            0000001f  # MHDR MessageType = 31 SYSTEM_EVENT (Messaging Conventions, Message Types)
            00000000  # PGStatus = 0, all up (Miscellaneous Service, SYSTEM_EVENT; Constants, PGStatus)
            60a1b2c3  # ICMCentralControllerTime TIME (Miscellaneous Service, SYSTEM_EVENT)
            00000003  # SystemEventID = 3 SYS_PERIPHERAL_ONLINE (Constants, SystemEventID)
            00001388  # SystemEventArg1 = 5000, the PeripheralID (Constants, SystemEventID)
            00000000  # SystemEventArg2 = 0
            00000000  # SystemEventArg3 = 0
            ffff      # EventDeviceType = 0xFFFF DEVID_NONE, no EventDeviceID (Miscellaneous Service, SYSTEM_EVENT)
            """),
        expected: .systemEvent(SystemEvent(
            pgStatus: [], icmCentralControllerTime: GEDTime(secondsSince1970: 0x60A1_B2C3),
            systemEventID: .peripheralOnline, systemEventArg1: 5000, systemEventArg2: 0, systemEventArg3: 0,
            eventDeviceType: .notApplicable
        ))
    )

    static let systemEventInstrumentOut = MessageVector(
        name: "SYSTEM_EVENT, instrument out of service, with Text and EventDeviceID",
        hex: HexVector("""
            0000002c  # MHDR MessageLength = 44: 26 fixed + 18 floating (Messaging Conventions, MHDR)
            0000001f  # MHDR MessageType = 31 SYSTEM_EVENT (Messaging Conventions, Message Types)
            00000004  # PGStatus = 0x4 PGS_PERIPHERAL_OFFLINE (Constants, PGStatus)
            60a1b2c4  # ICMCentralControllerTime TIME (Miscellaneous Service, SYSTEM_EVENT)
            0000000a  # SystemEventID = 10 SYS_INSTRUMENT_OUT_OF_SERVICE (Constants, SystemEventID)
            00001388  # SystemEventArg1 = 5000, the PeripheralID (Constants, SystemEventID)
            00000000  # SystemEventArg2 = 0
            00000000  # SystemEventArg3 = 0
            0000      # EventDeviceType = 0 DEVID_DEVICE_IDENTIFIER (Constants, DeviceIDType)
            0007 0005 3130303100  # Text tag 7, "1001" NUL, the AgentInstrument (Constants, SystemEventID)
            00ce 0005 3130303100  # EventDeviceID tag 206, "1001" NUL (Miscellaneous Service, SYSTEM_EVENT)
            """),
        expected: .systemEvent(SystemEvent(
            pgStatus: .peripheralOffline, icmCentralControllerTime: GEDTime(secondsSince1970: 0x60A1_B2C4),
            systemEventID: .instrumentOutOfService, systemEventArg1: 5000, systemEventArg2: 0, systemEventArg3: 0,
            eventDeviceType: .deviceIdentifier, text: "1001", eventDeviceID: "1001"
        ))
    )

    static let controlFailureConf = MessageVector(
        name: "CONTROL_FAILURE_CONF, no active call",
        hex: HexVector("""
            0000000a  # MHDR MessageLength = 10 (Messaging Conventions, MHDR)
            00000023  # MHDR MessageType = 35 CONTROL_FAILURE_CONF (Messaging Conventions, Message Types)
            0000000c  # InvokeID = 12 (Client Control Service, CONTROL_FAILURE_CONF)
            0018      # FailureCode USHORT = 24 CF_NO_ACTIVE_CALL (Constants, ControlFailureCode)
            00000000  # PeripheralErrorCode = 0, none (Client Control Service, CONTROL_FAILURE_CONF)
            """),
        expected: .controlFailureConf(ControlFailureConf(invokeID: 12, failureCode: .noActiveCall, peripheralErrorCode: 0))
    )

    static let controlFailureConfCILClient = MessageVector(
        name: "CONTROL_FAILURE_CONF with CTIOS_CIL_CLIENT_ID (tag 217), which the spec keeps as unknown",
        hex: HexVector("""
            00000014  # MHDR MessageLength = 20: 10 fixed + 10 floating (Messaging Conventions, MHDR)
            00000023  # MHDR MessageType = 35 CONTROL_FAILURE_CONF (Messaging Conventions, Message Types)
            0000000d  # InvokeID = 13 (Client Control Service, CONTROL_FAILURE_CONF)
            0102      # FailureCode USHORT = 258 CF_INVALID_AGENT_ID_OR_PASSWORD_SPECIFIED (Constants, ControlFailureCode)
            00000035  # PeripheralErrorCode = 53, peripheral-specific (Client Control Service, CONTROL_FAILURE_CONF)
            00d9 0006 63696c303100  # tag 217 CTIOS_CIL_CLIENT_ID_TAG, "cil01" NUL (Tag Values lists it for this message)
            """),
        expected: .controlFailureConf(ControlFailureConf(
            invokeID: 13, failureCode: .invalidAgentIdOrPasswordSpecified, peripheralErrorCode: 53,
            unknownFields: [UnknownFloatingField(tag: .ctiosCILClientID, data: Array("cil01\0".utf8))]
        ))
    )

    static let agentAndSystem: [MessageVector] = [
        agentStateTalking, agentStateNotReady, systemEventPeripheralOnline, systemEventInstrumentOut,
        controlFailureConf, controlFailureConfCILClient,
    ]
}

@Suite struct AgentAndSystemVectorTests {
    @Test func agentStateTalking() throws {
        let message = try MessageVector.agentStateTalking.check(as: AgentStateEvent.self)
        #expect(message.agentState == .talking)
        #expect(message.icmAgentID == 6001)
        #expect(message.departmentID == 7)
        #expect(message.ctiClientSignature == "desk")
        #expect(message.direction == 1)
        #expect(message.fltSkillGroups.count == 2)
        #expect(message.fltSkillGroups[1] == FltSkillGroup(number: 102, id: 5003, priority: 1, state: .available))
        #expect(message.activeTerminal == "1001")
        #expect(message.unknownFields.isEmpty)
    }

    @Test func agentStateNotReadyWithUnknownTag() throws {
        let message = try MessageVector.agentStateNotReady.check(as: AgentStateEvent.self)
        #expect(message.eventReasonCode == 32)
        #expect(message.skillGroupNumber == 0xFFFF_FFFF)
        #expect(message.nextAgentState == .logout)
        #expect(message.fltSkillGroups.isEmpty)
        #expect(message.agentExtension == nil)
        #expect(message.unknownFields.map(\.tag) == [.internalAgentState])
    }

    @Test func systemEventPeripheralOnline() throws {
        let message = try MessageVector.systemEventPeripheralOnline.check(as: SystemEvent.self)
        #expect(message.systemEventID == .peripheralOnline)
        #expect(message.systemEventArg1 == 5000)
        #expect(message.eventDeviceType == .notApplicable)
        #expect(message.text == nil)
    }

    @Test func systemEventInstrumentOutOfService() throws {
        let message = try MessageVector.systemEventInstrumentOut.check(as: SystemEvent.self)
        #expect(message.pgStatus == .peripheralOffline)
        #expect(message.systemEventID == .instrumentOutOfService)
        #expect(message.text == "1001")
        #expect(message.eventDeviceID == "1001")
    }

    @Test func controlFailureConf() throws {
        let message = try MessageVector.controlFailureConf.check(as: ControlFailureConf.self)
        #expect(message.invokeID == 12)
        #expect(message.failureCode == .noActiveCall)
        #expect(message.peripheralErrorCode == 0)
    }

    @Test func controlFailureConfWithCILClientID() throws {
        let message = try MessageVector.controlFailureConfCILClient.check(as: ControlFailureConf.self)
        #expect(message.failureCode.rawValue == 258)
        #expect(message.peripheralErrorCode == 53)
        #expect(message.unknownFields.first?.tag.rawValue == 217)
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as the research notes give them.
    @Test func fixedPartLengths() {
        // notes, AGENT_STATE_EVENT (30): "Fixed (62 bytes)".
        #expect(AgentStateEvent.fixedPartLength == 62)
        // notes, SYSTEM_EVENT (31): "Fixed (26 bytes)".
        #expect(SystemEvent.fixedPartLength == 26)
        // notes, CONTROL_FAILURE_CONF (35): "Fixed (10 bytes)"; FACTS: InvokeID UINT, FailureCode USHORT, PeripheralErrorCode UINT.
        #expect(ControlFailureConf.fixedPartLength == 10)
    }

    // MARK: Twins

    @Test func changedSkillGroupStateIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.agentStateTalking
        // The second FltSkillGroupState's low byte comes just before ActiveTerminal (9 bytes) and
        // MaxBeyondTaskLimit (8 bytes), the last two fields: count - 17 - 1.
        let offset = vector.hex.bytes.count - 18
        #expect(vector.hex.bytes[offset] == 0x03)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: offset, with: 0x02)))
        #expect(decoded != vector.expected)
        guard case .agentStateEvent(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.fltSkillGroups[1].state == .notReady)
    }

    @Test func droppedUnknownFieldNoLongerEncodesToTheVector() throws {
        guard case .agentStateEvent(var message) = MessageVector.agentStateNotReady.expected else {
            Issue.record("not AGENT_STATE_EVENT")
            return
        }
        message.unknownFields = []
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.agentStateNotReady.hex.bytes)
    }
}
