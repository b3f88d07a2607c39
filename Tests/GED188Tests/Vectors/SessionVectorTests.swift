import GED188
import NIOCore
import Testing

// Session management messages, written by hand from Cisco's CTI Server Message Reference Guide (Protocol
// Version 24), chapters "Messaging Conventions" and "Session Management", as quoted in
// /work/notes/ged188-core-layouts.md. Floating fields are tag USHORT, length USHORT, data (Messaging Conventions,
// Floating Part); tag numbers from the Tag Values table (Constants and Status Codes).

extension MessageVector {
    static let failureConf8 = MessageVector(
        name: "FAILURE_CONF, 8-byte layout (InvokeID, Status)",
        hex: HexVector("""
            00000008  # MHDR MessageLength = 8 (Messaging Conventions, MHDR)
            00000001  # MHDR MessageType = 1 FAILURE_CONF (Messaging Conventions, Message Types)
            00000007  # InvokeID = 7 (Messaging Conventions, FAILURE_CONF; v9-v17 Table 3-9)
            00000006  # Status UINT = 6 E_CTI_REQUIRED_DATA_MISSING (Constants and Status Codes, Status Codes)
            """),
        expected: .failureConf(FailureConf(invokeID: 7, status: .requiredDataMissing))
    )

    static let failureConf10 = MessageVector(
        name: "FAILURE_CONF, 10-byte layout (InvokeID, FailureCode, PeripheralErrorCode)",
        hex: HexVector("""
            0000000a  # MHDR MessageLength = 10 (Messaging Conventions, MHDR)
            00000001  # MHDR MessageType = 1 FAILURE_CONF (Messaging Conventions, Message Types)
            00000008  # InvokeID = 8 (Messaging Conventions, FAILURE_CONF, v24 table)
            0024      # FailureCode USHORT = 36 E_CTI_INVALID_PASSWORD (Messaging Conventions, FAILURE_CONF, v24 table)
            00000000  # PeripheralErrorCode = 0, none (Messaging Conventions, FAILURE_CONF, v24 table)
            """),
        expected: .failureConf(FailureConf(invokeID: 8, status: .invalidPassword, peripheralErrorCode: 0))
    )

    static let failureEvent = MessageVector(
        name: "FAILURE_EVENT, CTI Server offline",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            00000002  # MHDR MessageType = 2 FAILURE_EVENT (Messaging Conventions, Message Types)
            0000000f  # Status = 15 E_CTI_CTI_SERVER_OFFLINE (Messaging Conventions, FAILURE_EVENT)
            """),
        expected: .failureEvent(FailureEvent(status: .ctiServerOffline))
    )

    static let openReqAllEvents = MessageVector(
        name: "OPEN_REQ, ALL_EVENTS bridge, only the required floating fields",
        hex: HexVector("""
            0000003a  # MHDR MessageLength = 58: 44 fixed + 10 + 4 floating (Messaging Conventions, MHDR)
            00000003  # MHDR MessageType = 3 OPEN_REQ (Messaging Conventions, Message Types)
            00000001  # InvokeID = 1 (Session Management, OPEN_REQ)
            00000018  # VersionNumber = 24 (Session Management, OPEN_REQ)
            00000050  # IdleTimeout = 80 s, 4 x a 20 s heartbeat (Session Management, OPEN_REQ)
            ffffffff  # PeripheralID = 0xFFFFFFFF, not a CLIENT_EVENTS session (Session Management, OPEN_REQ)
            00000010  # ServicesRequested = 0x10 CTI_SERVICE_ALL_EVENTS (Constants, ServicesMask)
            001fffff  # CallMsgMask = every call event, 0x1 .. 0x100000 (Constants, CallEventMessageMask)
            00003fff  # AgentStateMask = every agent state, 0x1 .. 0x2000 (Constants, AgentStateMask)
            00000000  # ConfigMsgMask = 0 (Session Management, OPEN_REQ)
            00000000  # Reserved1 = 0 (Session Management, OPEN_REQ)
            00000000  # Reserved2 = 0 (Session Management, OPEN_REQ)
            00000000  # Reserved3 = 0 (Session Management, OPEN_REQ)
            0001 0006 4354494f5300  # ClientID tag 1, length 6, "CTIOS" NUL (Session Management, OPEN_REQ)
            0002 0000               # ClientPassword tag 2, length 0: required but may be empty (Session Management, OPEN_REQ)
            """),
        expected: .openReq(OpenReq(
            invokeID: 1, versionNumber: 24, idleTimeout: 80, peripheralID: 0xFFFF_FFFF,
            servicesRequested: .allEvents, callMsgMask: CallMessageMask(rawValue: 0x1F_FFFF),
            agentStateMask: AgentStateMask(rawValue: 0x3FFF),
            clientID: "CTIOS", clientPassword: Secret([])
        ))
    )

    static let openReqAgent = MessageVector(
        name: "OPEN_REQ, agent desktop with every optional field and an unknown tag",
        hex: HexVector("""
            0000006f  # MHDR MessageLength = 111: 44 fixed + 67 floating (Messaging Conventions, MHDR)
            00000003  # MHDR MessageType = 3 OPEN_REQ (Messaging Conventions, Message Types)
            00000002  # InvokeID = 2 (Session Management, OPEN_REQ)
            00000018  # VersionNumber = 24 (Session Management, OPEN_REQ)
            00000168  # IdleTimeout = 360 s, 4 x a 90 s heartbeat (Session Management, OPEN_REQ)
            00001388  # PeripheralID = 5000, required for CLIENT_EVENTS (Session Management, OPEN_REQ)
            00000007  # ServicesRequested = CLIENT_EVENTS | CALL_DATA_UPDATE | CLIENT_CONTROL (Constants, ServicesMask)
            00006025  # CallMsgMask = DELIVERED | ESTABLISHED | CLEARED | BEGIN_CALL | END_CALL (Constants, CallEventMessageMask)
            0000007f  # AgentStateMask = LOGIN .. WORK_READY (Constants, AgentStateMask)
            00000000  # ConfigMsgMask = 0 (Session Management, OPEN_REQ)
            00000000  # Reserved1 = 0 (Session Management, OPEN_REQ)
            00000000  # Reserved2 = 0 (Session Management, OPEN_REQ)
            00000000  # Reserved3 = 0 (Session Management, OPEN_REQ)
            0001 0007 6167656e743100  # ClientID tag 1, length 7, "agent1" NUL (Session Management, OPEN_REQ)
            0002 0002 7077            # ClientPassword tag 2, length 2, UNSPEC "pw", no NUL (Session Management, OPEN_REQ)
            0003 0005 6465736b00      # ClientSignature tag 3, length 5, "desk" NUL (Session Management, OPEN_REQ)
            0004 0005 3130303100      # AgentExtension tag 4, length 5, "1001" NUL (Session Management, OPEN_REQ)
            0005 0005 3530303100      # AgentID tag 5, length 5, "5001" NUL (Session Management, OPEN_REQ)
            0006 0005 3130303100      # AgentInstrument tag 6, length 5, "1001" NUL (Session Management, OPEN_REQ)
            0061 0004 ffffffff        # ApplicationPathID tag 97, INT = -1 (Session Management, OPEN_REQ)
            0190 0002 beef            # tag 400, defined nowhere: kept, written back last (Messaging Conventions, unknown tags are skipped)
            """),
        expected: .openReq(OpenReq(
            invokeID: 2, versionNumber: 24, idleTimeout: 360, peripheralID: 5000,
            servicesRequested: [.clientEvents, .callDataUpdate, .clientControl],
            callMsgMask: [.delivered, .established, .cleared, .beginCall, .endCall],
            agentStateMask: AgentStateMask(rawValue: 0x7F),
            clientID: "agent1", clientPassword: Secret("pw"), clientSignature: "desk",
            agentExtension: "1001", agentID: "5001", agentInstrument: "1001", applicationPathID: -1,
            unknownFields: [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])]
        ))
    )

    static let openConfAgent = MessageVector(
        name: "OPEN_CONF, CLIENT_EVENTS session with the agent's identity",
        hex: HexVector("""
            0000003b  # MHDR MessageLength = 59: 32 fixed + 27 floating (Messaging Conventions, MHDR)
            00000004  # MHDR MessageType = 4 OPEN_CONF (Messaging Conventions, Message Types)
            00000002  # InvokeID = 2 (Session Management, OPEN_CONF)
            00000007  # ServicesGranted = CLIENT_EVENTS | CALL_DATA_UPDATE | CLIENT_CONTROL (Session Management, OPEN_CONF)
            00000011  # MonitorID = 17 (Session Management, OPEN_CONF)
            00000000  # PGStatus = 0, all up (Constants, PGStatus)
            60a1b2c3  # ICMCentralControllerTime TIME = 0x60A1B2C3 s since 1970 (Session Management, OPEN_CONF)
            0001      # PeripheralOnline BOOL (2 bytes) = true (Messaging Conventions, data types; Session Management, OPEN_CONF)
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT (Constants, PeripheralType)
            0002      # AgentState = 2 NOT_READY (Constants, AgentState)
            0000000c  # DepartmentID INT = 12 (Session Management, OPEN_CONF; added v19)
            0001      # SessionType = 1 active (Session Management, OPEN_CONF; added v24)
            0004 0005 3130303100  # AgentExtension tag 4, "1001" NUL (Session Management, OPEN_CONF)
            0005 0005 3530303100  # AgentID tag 5, "5001" NUL (Session Management, OPEN_CONF)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL (Session Management, OPEN_CONF)
            """),
        expected: .openConf(OpenConf(
            invokeID: 2, servicesGranted: [.clientEvents, .callDataUpdate, .clientControl], monitorID: 17,
            pgStatus: [], icmCentralControllerTime: GEDTime(secondsSince1970: 0x60A1_B2C3), peripheralOnline: true,
            peripheralType: .enterpriseAgent, agentState: .notReady, departmentID: 12, sessionType: .active,
            agentExtension: "1001", agentID: "5001", agentInstrument: "1001"
        ))
    )

    static let openConfPeripherals = MessageVector(
        name: "OPEN_CONF, ALL_EVENTS session listing two peripherals (PeripheralLine group)",
        hex: HexVector("""
            00000042  # MHDR MessageLength = 66: 32 fixed + 34 floating (Messaging Conventions, MHDR)
            00000004  # MHDR MessageType = 4 OPEN_CONF (Messaging Conventions, Message Types)
            00000001  # InvokeID = 1 (Session Management, OPEN_CONF)
            00000010  # ServicesGranted = 0x10 ALL_EVENTS (Session Management, OPEN_CONF)
            00000000  # MonitorID = 0 (Session Management, OPEN_CONF)
            00000004  # PGStatus = 0x4 PGS_PERIPHERAL_OFFLINE (Constants, PGStatus)
            60a1b2c3  # ICMCentralControllerTime TIME (Session Management, OPEN_CONF)
            0000      # PeripheralOnline BOOL = false (Session Management, OPEN_CONF)
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT (Constants, PeripheralType)
            0000      # AgentState = 0 LOGIN, unused outside CLIENT_EVENTS (Constants, AgentState)
            ffffffff  # DepartmentID INT = -1 (Session Management, OPEN_CONF)
            0002      # SessionType = 2 standby (Session Management, OPEN_CONF)
            00e4 0002 0002      # NumPeripherals tag 228, USHORT = 2 (Session Management, OPEN_CONF)
            00d0 0004 00001388  # FltPeripheralID tag 208 PERIPHERAL_ID_TAG, UINT = 5000 (Session Management, OPEN_CONF; notes point 5)
            00e0 0002 0001      # MultilineAgentControl tag 224, USHORT = 1 multiline (Session Management, OPEN_CONF)
            00d0 0004 00001389  # FltPeripheralID tag 208, UINT = 5001 (Session Management, OPEN_CONF)
            00e0 0002 0000      # MultilineAgentControl tag 224, USHORT = 0 single line (Session Management, OPEN_CONF)
            """),
        expected: .openConf(OpenConf(
            invokeID: 1, servicesGranted: .allEvents, monitorID: 0, pgStatus: .peripheralOffline,
            icmCentralControllerTime: GEDTime(secondsSince1970: 0x60A1_B2C3), peripheralOnline: false,
            peripheralType: .enterpriseAgent, agentState: .login, departmentID: -1, sessionType: .standby,
            numPeripherals: 2,
            peripherals: [
                PeripheralLine(peripheralID: 5000, multilineAgentControl: 1),
                PeripheralLine(peripheralID: 5001, multilineAgentControl: 0),
            ]
        ))
    )

    static let heartbeatReq = MessageVector(
        name: "HEARTBEAT_REQ",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            00000005  # MHDR MessageType = 5 HEARTBEAT_REQ (Messaging Conventions, Message Types)
            0000002a  # InvokeID = 42 (Session Management, HEARTBEAT_REQ)
            """),
        expected: .heartbeatReq(HeartbeatReq(invokeID: 42))
    )

    static let heartbeatConf = MessageVector(
        name: "HEARTBEAT_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            00000006  # MHDR MessageType = 6 HEARTBEAT_CONF (Messaging Conventions, Message Types)
            0000002a  # InvokeID = 42, the request's (Session Management, HEARTBEAT_CONF)
            """),
        expected: .heartbeatConf(HeartbeatConf(invokeID: 42))
    )

    static let closeReq = MessageVector(
        name: "CLOSE_REQ, timeout",
        hex: HexVector("""
            00000008  # MHDR MessageLength = 8 (Messaging Conventions, MHDR)
            00000007  # MHDR MessageType = 7 CLOSE_REQ (Messaging Conventions, Message Types)
            00000063  # InvokeID = 99 (Session Management, CLOSE_REQ)
            00000010  # Status = 16 E_CTI_TIMEOUT (Session Management, CLOSE_REQ)
            """),
        expected: .closeReq(CloseReq(invokeID: 99, status: .timeout))
    )

    static let closeConf = MessageVector(
        name: "CLOSE_CONF",
        hex: HexVector("""
            00000004  # MHDR MessageLength = 4 (Messaging Conventions, MHDR)
            00000008  # MHDR MessageType = 8 CLOSE_CONF (Messaging Conventions, Message Types)
            00000063  # InvokeID = 99, the request's (Session Management, CLOSE_CONF)
            """),
        expected: .closeConf(CloseConf(invokeID: 99))
    )

    static let session: [MessageVector] = [
        failureConf8, failureConf10, failureEvent, openReqAllEvents, openReqAgent, openConfAgent, openConfPeripherals,
        heartbeatReq, heartbeatConf, closeReq, closeConf,
    ]
}

@Suite struct SessionVectorTests {
    @Test func failureConfEightBytes() throws {
        let message = try MessageVector.failureConf8.check(as: FailureConf.self)
        #expect(message.invokeID == 7)
        #expect(message.status == .requiredDataMissing)
        #expect(message.peripheralErrorCode == nil)
    }

    @Test func failureConfTenBytes() throws {
        let message = try MessageVector.failureConf10.check(as: FailureConf.self)
        #expect(message.invokeID == 8)
        #expect(message.status == .invalidPassword)
        #expect(message.peripheralErrorCode == 0)
    }

    @Test func failureConfNineBytesIsInvalidLayout() throws {
        let bytes = HexVector("""
            00000009  # MHDR MessageLength = 9: neither 8 nor 10 (Messaging Conventions, MHDR)
            00000001  # MHDR MessageType = 1 FAILURE_CONF
            00000007  # InvokeID = 7
            00000006  # Status = 6
            00        # one byte too many for the 8-byte layout, one too few for the 10-byte one
            """).bytes
        #expect(throws: GED188Error.self) { _ = try decodeMessage(bytes) }
        do {
            _ = try decodeMessage(bytes)
        } catch let error as GED188Error {
            // Read as the 8-byte layout, the ninth byte starts a floating field that cannot fit.
            #expect(error.code == .fieldOverrun)
            #expect(error.messageName == "FAILURE_CONF")
            #expect(error.offset == 16)
        }
    }

    @Test func failureEvent() throws {
        let message = try MessageVector.failureEvent.check(as: FailureEvent.self)
        #expect(message.status == .ctiServerOffline)
    }

    @Test func openReqAllEvents() throws {
        let message = try MessageVector.openReqAllEvents.check(as: OpenReq.self)
        #expect(message.versionNumber == 24)
        #expect(message.peripheralID == 0xFFFF_FFFF)
        #expect(message.servicesRequested == .allEvents)
        #expect(message.clientID == "CTIOS")
        #expect(message.clientPassword.bytes.isEmpty)
        #expect(message.agentID == nil)
        #expect(message.unknownFields.isEmpty)
    }

    @Test func openReqAgentWithUnknownTag() throws {
        let message = try MessageVector.openReqAgent.check(as: OpenReq.self)
        #expect(message.idleTimeout == 360)
        #expect(message.callMsgMask.rawValue == 0x6025)
        #expect(message.clientPassword == Secret("pw"))
        #expect(message.clientSignature == "desk")
        #expect(message.agentInstrument == "1001")
        #expect(message.applicationPathID == -1)
        #expect(message.unknownFields == [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])])
    }

    @Test func openConfAgent() throws {
        let message = try MessageVector.openConfAgent.check(as: OpenConf.self)
        #expect(message.monitorID == 17)
        #expect(message.peripheralOnline)
        #expect(message.agentState == .notReady)
        #expect(message.sessionType == .active)
        #expect(message.agentID == "5001")
        #expect(message.peripherals.isEmpty)
    }

    @Test func openConfPeripherals() throws {
        let message = try MessageVector.openConfPeripherals.check(as: OpenConf.self)
        #expect(message.pgStatus == .peripheralOffline)
        #expect(message.departmentID == -1)
        #expect(message.numPeripherals == 2)
        #expect(message.peripherals.map(\.peripheralID) == [5000, 5001])
        #expect(message.peripherals.map(\.multilineAgentControl) == [1, 0])
    }

    @Test func heartbeats() throws {
        #expect(try MessageVector.heartbeatReq.check(as: HeartbeatReq.self).invokeID == 42)
        #expect(try MessageVector.heartbeatConf.check(as: HeartbeatConf.self).invokeID == 42)
    }

    @Test func close() throws {
        let request = try MessageVector.closeReq.check(as: CloseReq.self)
        #expect(request.invokeID == 99)
        #expect(request.status == .timeout)
        #expect(try MessageVector.closeConf.check(as: CloseConf.self).invokeID == 99)
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as the sources give them.
    @Test func fixedPartLengths() {
        // FACTS, Layouts: "FAILURE_CONF (1): InvokeID UINT, Status UINT (8 bytes ...)"; the v24 table gives 10.
        #expect(FailureConf.fixedPartLength == 8)
        #expect(FailureConf.alternateFixedPartLength == 10)
        // FACTS, Layouts: "FAILURE_EVENT (2): Status UINT" (4 bytes); notes, max-size table: 8 + 4 = 12.
        #expect(FailureEvent.fixedPartLength == 4)
        // FACTS, Layouts: "OPEN_REQ (3), 44 bytes fixed"; notes, OPEN_REQ (3): "Fixed (44 bytes)".
        #expect(OpenReq.fixedPartLength == 44)
        // notes, OPEN_CONF (4): "Fixed (32 bytes in v24/v25)".
        #expect(OpenConf.fixedPartLength == 32)
        // notes, HEARTBEAT_REQ (5) / HEARTBEAT_CONF (6): "Fixed (4 bytes each)".
        #expect(HeartbeatReq.fixedPartLength == 4)
        #expect(HeartbeatConf.fixedPartLength == 4)
        // notes, CLOSE_REQ (7): "fixed (8 bytes)"; CLOSE_CONF (8): "fixed (4 bytes)".
        #expect(CloseReq.fixedPartLength == 8)
        #expect(CloseConf.fixedPartLength == 4)
    }

    // MARK: Twins: the same checks fail when one byte or one field differs

    @Test func changedByteInClientIDIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.openReqAgent
        // Offset 8 + 44 + 4 = 56 is the first data byte of ClientID, "a" (0x61); make it "b".
        #expect(vector.hex.bytes[56] == 0x61)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 56, with: 0x62)))
        #expect(decoded != vector.expected)
        guard case .openReq(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.clientID == "bgent1")
    }

    @Test func changedFieldNoLongerEncodesToTheVector() throws {
        guard case .openConf(var message) = MessageVector.openConfPeripherals.expected else {
            Issue.record("not OPEN_CONF")
            return
        }
        message.peripherals[1].multilineAgentControl = 1
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.openConfPeripherals.hex.bytes)
    }

    @Test func failureConfLayoutsAreDistinct() throws {
        // The same InvokeID and code in the two layouts are different messages: the 10-byte one keeps its
        // PeripheralErrorCode, so it is re-encoded in its own layout.
        let eight = FailureConf(invokeID: 8, status: .invalidPassword)
        #expect(GED188Message.failureConf(eight) != MessageVector.failureConf10.expected)
        #expect(Array(try eight.encoded().readableBytesView) != MessageVector.failureConf10.hex.bytes)
    }
}
