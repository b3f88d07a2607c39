import CTIOSWire
import NIOCore
import Testing

/// Frames written by hand from Docs/Protocol.md, one field per line: the spec is checked against bytes.
/// Varints are LEB128 (low 7 bits first, high bit = more); integers in Arguments are zigzag varints.
struct WireVector: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let message: WireMessage

    init(_ name: String, _ hex: HexVector, _ message: WireMessage) {
        self.name = name
        self.bytes = hex.bytes
        self.message = message
    }

    var testDescription: String { name }

    static let all: [WireVector] = [
        WireVector("heartbeat", HexVector("""
            00000001    # length = 1: the kind byte alone
            04          # kind 0x04 heartbeat; no body
            """), .heartbeat),

        WireVector("hello with a resume point", HexVector("""
            0000000d    # length = 13
            01          # kind 0x01 hello
            01          # versions count = 1
            01          #   version 1
            03 63696c   # clientName: 3 bytes, "cil"
            8827        # heartbeatMilliseconds = 5000 (0x1388: 0x88 = 0x08 | more, 0x27 = 39; 8 + 39 * 128)
            01          # resume present
            02          #   epoch = 2
            ac02        #   sequence = 300 (0x2c | more, 2; 44 + 2 * 128)
            """),
            .hello(versions: [1], clientName: "cil", heartbeatMilliseconds: 5000,
                   resume: LogPosition(epoch: 2, sequence: 300))),

        WireVector("hello without a resume point, two versions", HexVector("""
            00000007    # length = 7
            01          # kind 0x01 hello
            02 02 01    # versions count = 2: 2, 1
            00          # clientName: empty
            00          # heartbeatMilliseconds = 0: the server's default
            00          # resume absent
            """),
            .hello(versions: [2, 1], clientName: "", heartbeatMilliseconds: 0, resume: nil)),

        WireVector("welcome", HexVector("""
            00000011        # length = 17
            02              # kind 0x02 welcome
            01              # version = 1
            01 41           # serverID: 1 byte, "A"
            07 6374696f732d61 # serverName: 7 bytes, "ctios-a"
            03              # position epoch = 3
            e807            # position sequence = 1000 (0x68 | more, 7; 104 + 7 * 128)
            8827            # heartbeatMilliseconds = 5000
            """),
            .welcome(version: 1, serverID: "A", serverName: "ctios-a", position: LogPosition(epoch: 3, sequence: 1000),
                     heartbeatMilliseconds: 5000)),

        WireVector("reject", HexVector("""
            00000005    # length = 5
            03          # kind 0x03 reject
            01          # code = 1 unsupportedVersion
            02 6e6f     # reason: 2 bytes, "no"
            """), .reject(code: .unsupportedVersion, reason: "no")),

        WireVector("goodbye", HexVector("""
            00000007    # length = 7
            05          # kind 0x05 goodbye
            03          # code = 3 slowClient
            04 736c6f77 # reason: 4 bytes, "slow"
            """), .goodbye(code: .slowClient, reason: "slow")),

        WireVector("setAgentMode", HexVector("""
            0000000e    # length = 14
            10          # kind 0x10 setAgentMode
            01          # requestID = 1
            8827        # peripheralID = 5000
            04 31303031 # agentID: 4 bytes, "1001"
            04 32303031 # instrument: 4 bytes, "2001"
            """), .setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1001", instrument: "2001")),

        WireVector("setMonitorMode", HexVector("""
            0000000f    # length = 15
            11          # kind 0x11 setMonitorMode
            02          # requestID = 2
            0c 4167656e7453746174653d33 # filter: 12 bytes, "AgentState=3"
            """), .setMonitorMode(requestID: 2, filter: "AgentState=3")),

        WireVector("request SetAgentState", HexVector("""
            00000030    # length = 48
            12          # kind 0x12 request
            ac02        # requestID = 300
            0d 5365744167656e745374617465 # method: 13 bytes, "SetAgentState"
            04          # arguments: 4 entries
            03          #   key: keyword 1 UniqueObjectID (1 << 1 | 1)
            02 0f 6167656e742e353030302e31303031 # string, 15 bytes, "agent.5000.1001"
            05          #   key: keyword 2 AgentState
            01 06       #     integer, zigzag 6 = 3
            0b          #   key: keyword 5 ReasonCode
            01 03       #     integer, zigzag 3 = -2
            08 4e6f7465 #   key: string of 4 bytes (4 << 1), "Note"
            04          #     true
            """),
            .request(requestID: 300, method: "SetAgentState", arguments: [
                "UniqueObjectID": "agent.5000.1001", "AgentState": 3, "ReasonCode": -2, "Note": true,
            ])),

        WireVector("response, success with no arguments", HexVector("""
            00000004    # length = 4
            13          # kind 0x13 response
            07          # requestID = 7
            00          # outcome 0: success
            00          # arguments: 0 entries
            """), .response(requestID: 7, result: .success([:]))),

        WireVector("response, failure with a CTI Server code", HexVector("""
            0000001e    # length = 30
            13          # kind 0x13 response
            07          # requestID = 7
            01          # outcome 1: failure
            0c 496e76616c69645374617465 # code: 12 bytes, "InvalidState"
            0b 6e6f742072696e67696e67   # reason: 11 bytes, "not ringing"
            01          # ctiFailureCode present
            0d          #   ctiFailureCode = 13
            """),
            .response(requestID: 7, result: .failure(RequestFailure(code: "InvalidState", reason: "not ringing",
                                                                    ctiFailureCode: 13)))),

        WireVector("batch: an agent state change", HexVector("""
            00000048    # length = 72
            20          # kind 0x20 batch
            01          # epoch = 1
            2a          # sequence = 42
            01          # events: 1
            12 4f6e4167656e7453746174654368616e6765 # event name: 18 bytes, "OnAgentStateChange"
            02          #   arguments: 2 entries
            03          #     key: keyword 1 UniqueObjectID
            02 0f 6167656e742e353030302e31303031 #   string, 15 bytes, "agent.5000.1001"
            05 01 06    #     key: keyword 2 AgentState; integer 3
            01          # changes: 1
            02          #   tag 2: updated
            0f 6167656e742e353030302e31303031 # objectID: 15 bytes, "agent.5000.1001"
            02          #   properties: 2 entries
            05 01 06    #     key: keyword 2 AgentState; integer 3
            0d 01 00    #     key: keyword 6 StateDuration; integer 0
            01          #   removed: 1 key
            0b          #     key: keyword 5 ReasonCode
            """), .batch(Samples.agentStateBatch)),

        WireVector("batch: a call created and another deleted, no events", HexVector("""
            00000023    # length = 35
            20          # kind 0x20 batch
            02          # epoch = 2
            8001        # sequence = 128 (0x00 | more, 1)
            00          # events: 0
            02          # changes: 2
            01          #   tag 1: created
            0a 63616c6c2e352e372e38 # objectID: 10 bytes, "call.5.7.8"
            01          #   properties: 1 entry
            27 02 01 32 #     key: keyword 19 ANI (19 << 1 | 1 = 39); string, 1 byte, "2"
            03          #   tag 3: deleted
            0a 63616c6c2e352e362e38 # objectID: 10 bytes, "call.5.6.8"
            """),
            .batch(ChangeBatch(epoch: 2, sequence: 128, events: [], changes: [
                .created(objectID: "call.5.7.8", properties: ["ANI": "2"]), .deleted(objectID: "call.5.6.8"),
            ]))),

        WireVector("snapshotBegin", HexVector("""
            00000004    # length = 4
            21          # kind 0x21 snapshotBegin
            01 2a       # position (1, 42)
            02          # reason = 2 resumePointNotInHistory
            """), .snapshotBegin(position: LogPosition(epoch: 1, sequence: 42), reason: .resumePointNotInHistory)),

        WireVector("snapshotObjects: a skill group with a nested set and an array", HexVector("""
            00000031    # length = 49
            22          # kind 0x22 snapshotObjects
            01          # objects: 1
            13 736b696c6c67726f75702e353030302e313031 # objectID: 19 bytes, "skillgroup.5000.101"
            03          # properties: 3 entries
            15 01 ca01  #   key: keyword 10 SkillGroupNumber; integer, zigzag 202 = 101
            6f 01 0a    #   key: keyword 55 AgentsLoggedOn; integer 5
            0c 4e6573746564 # key: string of 6 bytes, "Nested"
            05 01       #     arguments, 1 entry
            02 61       #       key: string of 1 byte, "a"
            06 03       #       array, 3 elements
            01 02       #         integer 1
            02 01 78    #         string, 1 byte, "x"
            03          #         false
            """),
            .snapshotObjects([SnapshotObject(objectID: "skillgroup.5000.101", properties: [
                "SkillGroupNumber": 101, "AgentsLoggedOn": 5, "Nested": ["a": [1, "x", false]],
            ])])),

        WireVector("snapshotEnd", HexVector("""
            00000003    # length = 3
            23          # kind 0x23 snapshotEnd
            01 2a       # position (1, 42)
            """), .snapshotEnd(position: LogPosition(epoch: 1, sequence: 42))),

        WireVector("caughtUp", HexVector("""
            00000003    # length = 3
            24          # kind 0x24 caughtUp
            01 2a       # position (1, 42)
            """), .caughtUp(position: LogPosition(epoch: 1, sequence: 42))),
    ]

}

struct WireVectorTests {
    @Test(arguments: WireVector.all)
    func encodesToTheHandWrittenBytes(vector: WireVector) throws {
        let encoded = try vector.message.encoded().bytes
        #expect(encoded == vector.bytes, "\(encoded.map { String($0, radix: 16) }) vs \(vector.bytes.map { String($0, radix: 16) })")
    }

    @Test(arguments: WireVector.all)
    func decodesFromTheHandWrittenBytes(vector: WireVector) throws {
        var buffer = ByteBuffer(bytes: vector.bytes)
        #expect(try WireMessage.decode(from: &buffer) == vector.message)
        #expect(buffer.readableBytes == 0)
    }
}
