import GED188
import NIOCore
import Testing

// Snapshots and device information of the Client Control Service (SNAPSHOT_CALL_REQ/CONF, SNAPSHOT_DEVICE_REQ/CONF,
// QUERY_DEVICE_INFO_REQ/CONF), written by hand from the layouts in /work/notes/ged188-catalog-layouts.md (v25
// Application Level Interfaces tables, unchanged since v24 per the v24 and v25 change logs; section "Snapshots" and
// "Client Control service"). Floating fields: tag USHORT, length USHORT, data (Messaging Conventions, Floating Part);
// tag numbers from the Tag Values table (Constants and Status Codes), as the notes' "Floating-field tag numbers"
// table lists them.
//
// The call throughout: agent 5001 at extension 1001 on peripheral 5000 (0x1388), call ID 123456 (0x0001E240),
// caller 5551234, DNIS 8000; the consult call 123459 (0x0001E243) from 1001 to 1002.

extension MessageVector {
    static let snapshotCallReq = MessageVector(
        name: "SNAPSHOT_CALL_REQ, the agent's call",
        hex: HexVector("""
            00000017  # MHDR MessageLength = 23: 14 fixed + 9 floating (Messaging Conventions, MHDR)
            00000052  # MHDR MessageType = 82 SNAPSHOT_CALL_REQ (Messaging Conventions, Message Types)
            00000021  # InvokeID = 33 (Client Control Service, SNAPSHOT_CALL_REQ)
            00001388  # PeripheralID = 5000 (Client Control Service, SNAPSHOT_CALL_REQ)
            0001e240  # ConnectionCallID = 123456 (Client Control Service, SNAPSHOT_CALL_REQ)
            0000      # ConnectionDeviceIDType = 0 CONNECTION_ID_STATIC (Constants, ConnectionDeviceIDType)
            0019 0005 3130303100  # ConnectionDeviceID tag 25, "1001" NUL (Client Control Service, SNAPSHOT_CALL_REQ)
            """),
        expected: .snapshotCallReq(SnapshotCallReq(
            invokeID: 33, peripheralID: 5000, connectionCallID: 123_456, connectionDeviceIDType: .static,
            connectionDeviceID: "1001"
        ))
    )

    static let snapshotCallConfConsult = MessageVector(
        name: "SNAPSHOT_CALL_CONF, consult call with every call context field, two CTI clients, two devices, COC and v24 fields",
        hex: HexVector("""
            00000172  # MHDR MessageLength = 370: 16 fixed + 354 floating (Messaging Conventions, MHDR)
            00000053  # MHDR MessageType = 83 SNAPSHOT_CALL_CONF (Messaging Conventions, Message Types)
            00000021  # InvokeID = 33, the request's (Client Control Service, SNAPSHOT_CALL_CONF)
            000c      # CallType = 12 CALLTYPE_CONSULT (Constants, CallType)
            0002      # NumCTIClients = 2 (Client Control Service, SNAPSHOT_CALL_CONF)
            0002      # NumCallDevices = 2 (Client Control Service, SNAPSHOT_CALL_CONF)
            0001      # NumNamedVariables = 1 (Client Control Service, SNAPSHOT_CALL_CONF)
            0001      # NumNamedArrays = 1 (Client Control Service, SNAPSHOT_CALL_CONF)
            0000      # CalledPartyDisposition = 0 (Client Control Service, SNAPSHOT_CALL_CONF)
            0008 0008 3535353132333400  # ANI tag 8, "5551234" NUL (Client Control Service, SNAPSHOT_CALL_CONF)
            0009 0003 010203            # UserToUserInfo tag 9, UNSPEC, 3 raw bytes (SNAPSHOT_CALL_CONF)
            000a 0005 3830303000        # DNIS tag 10, "8000" NUL (SNAPSHOT_CALL_CONF)
            000b 0005 3830303000        # DialedNumber tag 11, "8000" NUL (SNAPSHOT_CALL_CONF)
            000c 0003 343200            # CallerEnteredDigits tag 12, "42" NUL (SNAPSHOT_CALL_CONF)
            0048 0004 000251c0          # RouterCallKeyDay tag 72, UINT = 152000 (SNAPSHOT_CALL_CONF)
            0049 0004 00000007          # RouterCallKeyCallID tag 73, UINT = 7 (SNAPSHOT_CALL_CONF)
            000d 0003 763100            # CallVariable1 tag 13, "v1" NUL (SNAPSHOT_CALL_CONF)
            000e 0003 763200            # CallVariable2 tag 14, "v2" NUL
            000f 0003 763300            # CallVariable3 tag 15, "v3" NUL
            0010 0003 763400            # CallVariable4 tag 16, "v4" NUL
            0011 0003 763500            # CallVariable5 tag 17, "v5" NUL
            0012 0003 763600            # CallVariable6 tag 18, "v6" NUL
            0013 0003 763700            # CallVariable7 tag 19, "v7" NUL
            0014 0003 763800            # CallVariable8 tag 20, "v8" NUL
            0015 0003 763900            # CallVariable9 tag 21, "v9" NUL
            0016 0004 76313000          # CallVariable10 tag 22, "v10" NUL
            002e 0003 6f6b00            # CallWrapupData tag 46, "ok" NUL (SNAPSHOT_CALL_CONF)
            0052 000b 757365722e696400 343200      # NamedVariable tag 82: "user.id" NUL, "42" NUL (Messaging Conventions, NAMEDVAR)
            0053 000c 01 757365722e61727200 7800   # NamedArray tag 83: index 1, "user.arr" NUL, "x" NUL (Messaging Conventions, NAMEDARRAY)
            0017 0006 4354494f5300      # CTIClientSignature tag 23, "CTIOS" NUL: first CTI client (SNAPSHOT_CALL_CONF)
            0018 0004 60a1b2c3          # CTIClientTimestamp tag 24, TIME = 0x60A1B2C3, follows its signature
            0017 0005 6465736b00        # CTIClientSignature tag 23, "desk" NUL: second CTI client
            0018 0004 60a1b2d0          # CTIClientTimestamp tag 24, TIME = 0x60A1B2D0
            0038 0004 0001e243          # CallConnectionCallID tag 56, UINT = 123459: first device (SNAPSHOT_CALL_CONF, per-party group)
            0039 0002 0000              # CallConnectionDeviceIDType tag 57, USHORT = 0 CONNECTION_ID_STATIC
            003a 0005 3130303100        # CallConnectionDeviceID tag 58, "1001" NUL
            003b 0002 0000              # CallDeviceType tag 59, USHORT = 0 DEVID_DEVICE_IDENTIFIER (Constants, DeviceIDType)
            003c 0005 3130303100        # CallDeviceID tag 60, "1001" NUL
            003d 0002 0003              # CallDeviceConnectionState tag 61, USHORT = 3 LCS_CONNECT (Constants, LocalConnectionState)
            0038 0004 0001e243          # CallConnectionCallID tag 56, UINT = 123459: second device
            0039 0002 0000              # CallConnectionDeviceIDType tag 57, USHORT = 0 CONNECTION_ID_STATIC
            003a 0005 3130303200        # CallConnectionDeviceID tag 58, "1002" NUL
            003b 0002 0000              # CallDeviceType tag 59, USHORT = 0 DEVID_DEVICE_IDENTIFIER
            003c 0005 3130303200        # CallDeviceID tag 60, "1002" NUL
            003d 0002 0002              # CallDeviceConnectionState tag 61, USHORT = 2 LCS_ALERTING
            00df 0004 0a0b0c0d          # CallReferenceID tag 223, UNSPEC, 4 raw bytes (SNAPSHOT_CALL_CONF, v14)
            00e5 0004 0001e240          # COCConnectionCallID tag 229, UINT = 123456, the call consulted for (v14)
            00e6 0002 0000              # COCCallConnectionDeviceIDType tag 230, USHORT = 0 CONNECTION_ID_STATIC
            00e7 0005 3130303100        # COCCallConnectionDeviceID tag 231, "1001" NUL
            0126 0004 672d3100          # ProtocolReferenceGUID tag 294, "g-1" NUL (SNAPSHOT_CALL_CONF, v24 addition)
            0137 0005 6363616900        # CcaiConfigId tag 311, "ccai" NUL (v24 addition)
            0136 0002 0002              # NumOfEnabledServices tag 310, USHORT = 2 (v24 addition)
            0135 0004 0001 0002         # FltEnabledServices tag 309, USHORT x 2 = 1, 2 (v24 addition; codes not published)
            """),
        expected: .snapshotCallConf(SnapshotCallConf(
            invokeID: 33, callType: .consult, calledPartyDisposition: 0, ani: "5551234",
            userToUserInfo: [0x01, 0x02, 0x03], dnis: "8000", dialedNumber: "8000", callerEnteredDigits: "42",
            routerCallKeyDay: 152_000, routerCallKeyCallID: 7,
            callVariable1: "v1", callVariable2: "v2", callVariable3: "v3", callVariable4: "v4", callVariable5: "v5",
            callVariable6: "v6", callVariable7: "v7", callVariable8: "v8", callVariable9: "v9", callVariable10: "v10",
            callWrapupData: "ok",
            namedVariables: [NamedVariable(name: "user.id", value: "42")],
            namedArrays: [NamedArrayElement(name: "user.arr", index: 1, value: "x")],
            ctiClients: [
                CTIClient(signature: "CTIOS", timestamp: GEDTime(secondsSince1970: 0x60A1_B2C3)),
                CTIClient(signature: "desk", timestamp: GEDTime(secondsSince1970: 0x60A1_B2D0)),
            ],
            callDevices: [
                CallDevice(connectionCallID: 123_459, connectionDeviceIDType: .static, connectionDeviceID: "1001",
                           deviceIDType: .deviceIdentifier, deviceID: "1001", connectionState: .connect),
                CallDevice(connectionCallID: 123_459, connectionDeviceIDType: .static, connectionDeviceID: "1002",
                           deviceIDType: .deviceIdentifier, deviceID: "1002", connectionState: .alerting),
            ],
            callReferenceID: [0x0A, 0x0B, 0x0C, 0x0D], cocConnectionCallID: 123_456,
            cocCallConnectionDeviceIDType: .static, cocCallConnectionDeviceID: "1001",
            protocolReferenceGUID: "g-1", ccaiConfigID: "ccai", numOfEnabledServices: 2, fltEnabledServices: [1, 2]
        ))
    )

    static let snapshotCallConfOneDevice = MessageVector(
        name: "SNAPSHOT_CALL_CONF, outbound call with one device and no call context, and an unknown tag",
        hex: HexVector("""
            00000042  # MHDR MessageLength = 66: 16 fixed + 50 floating (Messaging Conventions, MHDR)
            00000053  # MHDR MessageType = 83 SNAPSHOT_CALL_CONF (Messaging Conventions, Message Types)
            00000027  # InvokeID = 39 (Client Control Service, SNAPSHOT_CALL_CONF)
            0008      # CallType = 8 CALLTYPE_AGENT_OUT (Constants, CallType)
            0000      # NumCTIClients = 0 (Client Control Service, SNAPSHOT_CALL_CONF)
            0001      # NumCallDevices = 1 (Client Control Service, SNAPSHOT_CALL_CONF)
            0000      # NumNamedVariables = 0
            0000      # NumNamedArrays = 0
            0000      # CalledPartyDisposition = 0
            0038 0004 0001e242    # CallConnectionCallID tag 56, UINT = 123458 (SNAPSHOT_CALL_CONF, per-party group)
            0039 0002 0001        # CallConnectionDeviceIDType tag 57, USHORT = 1 CONNECTION_ID_DYNAMIC
            003a 0005 3130303100  # CallConnectionDeviceID tag 58, "1001" NUL
            003b 0002 004c        # CallDeviceType tag 59, USHORT = 76 DEVID_AGENT_DEVICE (Constants, DeviceIDType)
            003c 0005 3130303100  # CallDeviceID tag 60, "1001" NUL
            003d 0002 0001        # CallDeviceConnectionState tag 61, USHORT = 1 LCS_INITIATE
            0190 0002 beef        # tag 400, defined nowhere: kept, written back last (Messaging Conventions, unknown tags are skipped)
            """),
        expected: .snapshotCallConf(SnapshotCallConf(
            invokeID: 39, callType: .agentOut, calledPartyDisposition: 0,
            callDevices: [
                CallDevice(connectionCallID: 123_458, connectionDeviceIDType: .dynamic, connectionDeviceID: "1001",
                           deviceIDType: .agentDevice, deviceID: "1001", connectionState: .initiate),
            ],
            unknownFields: [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])]
        ))
    )

    static let snapshotDeviceReq = MessageVector(
        name: "SNAPSHOT_DEVICE_REQ, the agent's instrument",
        hex: HexVector("""
            00000013  # MHDR MessageLength = 19: 10 fixed + 9 floating (Messaging Conventions, MHDR)
            00000054  # MHDR MessageType = 84 SNAPSHOT_DEVICE_REQ (Messaging Conventions, Message Types)
            00000022  # InvokeID = 34 (Client Control Service, SNAPSHOT_DEVICE_REQ)
            00001388  # PeripheralID = 5000 (Client Control Service, SNAPSHOT_DEVICE_REQ)
            0000      # SnapshotDeviceType = 0 DEVID_DEVICE_IDENTIFIER (Constants, DeviceIDType)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL (Client Control Service, SNAPSHOT_DEVICE_REQ)
            """),
        expected: .snapshotDeviceReq(SnapshotDeviceReq(
            invokeID: 34, peripheralID: 5000, snapshotDeviceType: .deviceIdentifier, agentInstrument: "1001"
        ))
    )

    static let snapshotDeviceConf = MessageVector(
        name: "SNAPSHOT_DEVICE_CONF, two calls at the device (DeviceCall group with SilentMonitorStatus)",
        hex: HexVector("""
            0000004c  # MHDR MessageLength = 76: 6 fixed + 70 floating (Messaging Conventions, MHDR)
            00000055  # MHDR MessageType = 85 SNAPSHOT_DEVICE_CONF (Messaging Conventions, Message Types)
            00000022  # InvokeID = 34, the request's (Client Control Service, SNAPSHOT_DEVICE_CONF)
            0002      # NumCalls = 2 (Client Control Service, SNAPSHOT_DEVICE_CONF)
            0038 0004 0001e240    # CallConnectionCallID tag 56, UINT = 123456: first call (SNAPSHOT_DEVICE_CONF)
            0039 0002 0000        # CallConnectionDeviceIDType tag 57, USHORT = 0 CONNECTION_ID_STATIC
            003a 0005 3130303100  # CallConnectionDeviceID tag 58, "1001" NUL
            004b 0002 0004        # CallState tag 75, USHORT = 4 LCS_HOLD (Constants, LocalConnectionState)
            00da 0002 0000        # SilentMonitorStatus tag 218, USHORT = 0 none; follows its CallState (Constants, SilentMonitorStatus)
            0038 0004 0001e243    # CallConnectionCallID tag 56, UINT = 123459: second call
            0039 0002 0000        # CallConnectionDeviceIDType tag 57, USHORT = 0 CONNECTION_ID_STATIC
            003a 0005 3130303100  # CallConnectionDeviceID tag 58, "1001" NUL
            004b 0002 0003        # CallState tag 75, USHORT = 3 LCS_CONNECT
            00da 0002 0002        # SilentMonitorStatus tag 218, USHORT = 2 monitor target
            """),
        expected: .snapshotDeviceConf(SnapshotDeviceConf(
            invokeID: 34,
            calls: [
                DeviceCall(connectionCallID: 123_456, connectionDeviceIDType: .static, connectionDeviceID: "1001",
                           state: .hold, silentMonitorStatus: .notApplicable),
                DeviceCall(connectionCallID: 123_459, connectionDeviceIDType: .static, connectionDeviceID: "1001",
                           state: .connect, silentMonitorStatus: .target),
            ]
        ))
    )

    static let queryDeviceInfoReq = MessageVector(
        name: "QUERY_DEVICE_INFO_REQ, the agent's instrument",
        hex: HexVector("""
            00000013  # MHDR MessageLength = 19: 10 fixed + 9 floating (Messaging Conventions, MHDR)
            0000004e  # MHDR MessageType = 78 QUERY_DEVICE_INFO_REQ (Messaging Conventions, Message Types)
            00000023  # InvokeID = 35 (Client Control Service, QUERY_DEVICE_INFO_REQ)
            00001388  # PeripheralID = 5000 (Client Control Service, QUERY_DEVICE_INFO_REQ)
            0000      # Reserved USHORT = 0, internal (Client Control Service, QUERY_DEVICE_INFO_REQ)
            0006 0005 3130303100  # AgentInstrument tag 6, "1001" NUL (Client Control Service, QUERY_DEVICE_INFO_REQ)
            """),
        expected: .queryDeviceInfoReq(QueryDeviceInfoReq(
            invokeID: 35, peripheralID: 5000, reserved: 0, agentInstrument: "1001"
        ))
    )

    static let queryDeviceInfoConf = MessageVector(
        name: "QUERY_DEVICE_INFO_CONF, a station with two lines (DeviceLine group)",
        hex: HexVector("""
            00000040  # MHDR MessageLength = 64: 40 fixed + 24 floating (Messaging Conventions, MHDR)
            0000004f  # MHDR MessageType = 79 QUERY_DEVICE_INFO_CONF (Messaging Conventions, Message Types)
            00000023  # InvokeID = 35, the request's (Client Control Service, QUERY_DEVICE_INFO_CONF)
            0011      # PeripheralType = 17 PT_ENTERPRISE_AGENT (Constants, PeripheralType)
            0000      # TypeOfDevice = 0 DEVT_STATION (Constants, TypeOfDevice)
            0080      # ClassOfDevice = 0x80 DEVC_VOICE (Constants, ClassOfDevice)
            0002      # NumLines = 2 (Client Control Service, QUERY_DEVICE_INFO_CONF)
            0000      # Reserved USHORT = 0, internal (Client Control Service, QUERY_DEVICE_INFO_CONF)
            0001      # MaxActiveCalls = 1 (Client Control Service, QUERY_DEVICE_INFO_CONF)
            0002      # MaxHeldCalls = 2 (Client Control Service, QUERY_DEVICE_INFO_CONF)
            0006      # MaxDevicesInConference = 6 (Client Control Service, QUERY_DEVICE_INFO_CONF)
            0000006c  # MakeCallSetup = NOT_READY | AVAILABLE | WORK_NOT_READY | WORK_READY (Constants, AgentStateMask)
            00000021  # TransferConferenceSetup = 0x01 CONF_SETUP_CONSULT_SPECIFIC | 0x20 TRANS_SETUP_SINGLE_ACD_CALL
            00006025  # CallEventsSupported = DELIVERED | ESTABLISHED | CLEARED | BEGIN_CALL | END_CALL (Constants, CallEventMessageMask)
            0007ffff  # CallControlSupported = 0x1 QUERY_AGENT_STATE .. 0x40000 SEND_DTMF_SIGNAL (Call Control masks)
            00000002  # OtherFeaturesSupported = 0x2 FEATURE_UNIQUE_CONSULT_CALLID (Other Feature masks)
            0046 0002 0000  # LineHandle tag 70, USHORT = 0: first line (Client Control Service, QUERY_DEVICE_INFO_CONF)
            0047 0002 0000  # LineType tag 71, USHORT = 0 LINETYPE_INBOUND_ACD (Constants, LineType)
            0046 0002 0001  # LineHandle tag 70, USHORT = 1: second line
            0047 0002 0002  # LineType tag 71, USHORT = 2 LINETYPE_INSIDE
            """),
        expected: .queryDeviceInfoConf(QueryDeviceInfoConf(
            invokeID: 35, peripheralType: .enterpriseAgent, typeOfDevice: .station, classOfDevice: 0x80, reserved: 0,
            maxActiveCalls: 1, maxHeldCalls: 2, maxDevicesInConference: 6, makeCallSetup: 0x6C,
            transferConferenceSetup: 0x21, callEventsSupported: CallMessageMask(rawValue: 0x6025),
            callControlSupported: 0x7_FFFF, otherFeaturesSupported: 0x2,
            lines: [DeviceLine(handle: 0, type: .inboundAcd), DeviceLine(handle: 1, type: .inside)]
        ))
    )

    static let snapshots: [MessageVector] = [
        snapshotCallReq, snapshotCallConfConsult, snapshotCallConfOneDevice, snapshotDeviceReq, snapshotDeviceConf,
        queryDeviceInfoReq, queryDeviceInfoConf,
    ]
}

@Suite struct SnapshotVectorTests {
    @Test func snapshotCallReq() throws {
        let message = try MessageVector.snapshotCallReq.check(as: SnapshotCallReq.self)
        #expect(message.connectionCallID == 123_456)
        #expect(message.connectionDeviceID == "1001")
    }

    @Test func snapshotCallConfConsult() throws {
        let message = try MessageVector.snapshotCallConfConsult.check(as: SnapshotCallConf.self)
        #expect(message.callType == .consult)
        #expect(message.numCTIClients == 2)
        #expect(message.numCallDevices == 2)
        #expect(message.routerCallKeyDay == 152_000)
        #expect(message.callVariable10 == "v10")
        #expect(message.ctiClients.map(\.signature) == ["CTIOS", "desk"])
        #expect(message.ctiClients[1].timestamp == GEDTime(secondsSince1970: 0x60A1_B2D0))
        #expect(message.callDevices.map(\.deviceID) == ["1001", "1002"])
        #expect(message.callDevices.map(\.connectionState) == [.connect, .alerting])
        #expect(message.cocConnectionCallID == 123_456)
        #expect(message.ccaiConfigID == "ccai")
        #expect(message.fltEnabledServices == [1, 2])
        #expect(message.unknownFields.isEmpty)
    }

    @Test func snapshotCallConfOneDeviceWithUnknownTag() throws {
        let message = try MessageVector.snapshotCallConfOneDevice.check(as: SnapshotCallConf.self)
        #expect(message.callType == .agentOut)
        #expect(message.ctiClients.isEmpty)
        #expect(message.callDevices.first?.deviceIDType == .agentDevice)
        #expect(message.ani == nil)
        #expect(message.unknownFields == [UnknownFloatingField(tag: FloatingTag(rawValue: 400), data: [0xBE, 0xEF])])
    }

    @Test func snapshotDevice() throws {
        let request = try MessageVector.snapshotDeviceReq.check(as: SnapshotDeviceReq.self)
        #expect(request.snapshotDeviceType == .deviceIdentifier)
        #expect(request.agentInstrument == "1001")
        let confirmation = try MessageVector.snapshotDeviceConf.check(as: SnapshotDeviceConf.self)
        #expect(confirmation.numCalls == 2)
        #expect(confirmation.calls.map(\.connectionCallID) == [123_456, 123_459])
        #expect(confirmation.calls.map(\.state) == [.hold, .connect])
        #expect(confirmation.calls.map(\.silentMonitorStatus) == [.notApplicable, .target])
    }

    @Test func queryDeviceInfo() throws {
        let request = try MessageVector.queryDeviceInfoReq.check(as: QueryDeviceInfoReq.self)
        #expect(request.agentInstrument == "1001")
        let confirmation = try MessageVector.queryDeviceInfoConf.check(as: QueryDeviceInfoConf.self)
        #expect(confirmation.typeOfDevice == .station)
        #expect(confirmation.numLines == 2)
        #expect(confirmation.maxHeldCalls == 2)
        #expect(confirmation.callControlSupported == 0x7_FFFF)
        #expect(confirmation.lines.map(\.type) == [.inboundAcd, .inside])
    }

    /// Fixed-part sizes (bytes after the 8-byte header) as /work/notes/ged188-catalog-layouts.md gives them.
    @Test func fixedPartLengths() {
        // notes, SNAPSHOT_CALL_REQ (82): "fixed 14"; V14 max 88 = 8 + 14 + 66.
        #expect(SnapshotCallReq.fixedPartLength == 14)
        // notes, SNAPSHOT_CALL_CONF (83): "fixed 16".
        #expect(SnapshotCallConf.fixedPartLength == 16)
        // notes, SNAPSHOT_DEVICE_REQ (84): "fixed 10"; V9/V15 max 82 = 8 + 10 + 64.
        #expect(SnapshotDeviceReq.fixedPartLength == 10)
        // notes, SNAPSHOT_DEVICE_CONF (85): "fixed 6".
        #expect(SnapshotDeviceConf.fixedPartLength == 6)
        // notes, QUERY_DEVICE_INFO_REQ (78): "fixed 10".
        #expect(QueryDeviceInfoReq.fixedPartLength == 10)
        // notes, QUERY_DEVICE_INFO_CONF (79): "fixed 40" (4 + 8 × 2 + 5 × 4).
        #expect(QueryDeviceInfoConf.fixedPartLength == 40)
    }

    // MARK: Twins

    @Test func changedConnectionStateIsNoLongerTheExpectedMessage() throws {
        let vector = MessageVector.snapshotCallConfOneDevice
        // CallDeviceConnectionState's data: 8 + 16 + 8 + 6 + 9 + 6 + 9 + 4 = 66, low byte at 67 (LCS_INITIATE = 1);
        // make it 3 LCS_CONNECT.
        #expect(vector.hex.bytes[67] == 0x01)
        let decoded = try #require(try decodeMessage(vector.replacing(byteAt: 67, with: 0x03)))
        #expect(decoded != vector.expected)
        guard case .snapshotCallConf(let message) = decoded else {
            Issue.record("decoded as \(decoded.type)")
            return
        }
        #expect(message.callDevices.first?.connectionState == .connect)
    }

    @Test func swappedDevicesNoLongerEncodeToTheVector() throws {
        guard case .snapshotCallConf(var message) = MessageVector.snapshotCallConfConsult.expected else {
            Issue.record("not SNAPSHOT_CALL_CONF")
            return
        }
        message.callDevices.swapAt(0, 1)
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.snapshotCallConfConsult.hex.bytes)
    }

    @Test func changedLineTypeNoLongerEncodesToTheVector() throws {
        guard case .queryDeviceInfoConf(var message) = MessageVector.queryDeviceInfoConf.expected else {
            Issue.record("not QUERY_DEVICE_INFO_CONF")
            return
        }
        message.lines[1].type = .outboundAcd
        #expect(Array(try message.encoded().readableBytesView) != MessageVector.queryDeviceInfoConf.hex.bytes)
    }
}
