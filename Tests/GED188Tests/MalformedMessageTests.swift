import GED188
import NIOCore
import Testing

/// Builds raw message bodies for malformed cases, without going through the encoder.
struct RawBody {
    var buffer = ByteBuffer()
    func zeros(_ count: Int) -> RawBody { var copy = self; copy.buffer.writeRepeatingByte(0, count: count); return copy }
    func field(_ tag: UInt16, length: UInt16? = nil, _ data: [UInt8]) -> RawBody {
        var copy = self
        copy.buffer.writeInteger(tag)
        copy.buffer.writeInteger(length ?? UInt16(data.count))
        copy.buffer.writeBytes(data)
        return copy
    }
    func string(_ tag: UInt16, _ text: String) -> RawBody { field(tag, Array(text.utf8) + [0]) }
    func bytes(_ data: [UInt8]) -> RawBody { var copy = self; copy.buffer.writeBytes(data); return copy }
}

struct MalformedMessageTests {
    static let openReqFixed = RawBody().zeros(OpenReq.fixedPartLength)

    func decode(_ type: MessageType, _ body: RawBody) throws(GED188Error) -> GED188Message {
        try GED188Message(type: type, body: body.buffer)
    }

    @Test func aShortFixedPartNamesTheFieldWhereItEnds() {
        let error = #expect(throws: GED188Error.self) { try decode(.heartbeatReq, RawBody().zeros(2)) }
        #expect(error?.code == .truncated)
        #expect(error?.messageName == "HEARTBEAT_REQ")
        #expect(error?.field == "InvokeID")
        #expect(error?.offset == 8)
        let state = #expect(throws: GED188Error.self) { try decode(.agentStateEvent, RawBody().zeros(40)) }
        #expect(state?.field == "NumTasks")  // 38 bytes reach MRDID; NumTasks needs 4 more
        #expect(state?.offset == 8 + 38)
    }

    @Test func aFloatingFieldLongerThanTheMessageIsAnOverrun() {
        let body = Self.openReqFixed.field(1, length: 100, Array("bridge".utf8))
        let error = #expect(throws: GED188Error.self) { try decode(.openReq, body) }
        #expect(error?.code == .fieldOverrun)
        #expect(error?.field == "ClientID")
        #expect(error?.offset == 8 + 44)
    }

    @Test func aCutFloatingHeaderIsAnOverrun() {
        let error = #expect(throws: GED188Error.self) { try decode(.openReq, Self.openReqFixed.bytes([0, 1])) }
        #expect(error?.code == .fieldOverrun)
        #expect(error?.offset == 52)
    }

    @Test func aMissingRequiredFieldIsNamed() {
        let error = #expect(throws: GED188Error.self) { try decode(.openReq, Self.openReqFixed.field(2, [])) }
        #expect(error?.code == .missingField)
        #expect(error?.field == "ClientID")
        let noPassword = #expect(throws: GED188Error.self) { try decode(.openReq, Self.openReqFixed.string(1, "x")) }
        #expect(noPassword?.field == "ClientPassword")
    }

    @Test func aStringOverItsMaximumIsRejected() {
        let body = Self.openReqFixed.string(1, "bridge").field(2, []).string(5, "1234567890123")  // AgentID max 12
        let error = #expect(throws: GED188Error.self) { try decode(.openReq, body) }
        #expect(error?.code == .fieldTooLong)
        #expect(error?.field == "AgentID")
        #expect(error?.offset == 8 + 44 + 11 + 4)
    }

    @Test func aStringWithoutItsNulIsRejectedAndNotEchoed() {
        let body = Self.openReqFixed.field(1, Array("s3cret-client".utf8)).field(2, [])
        let error = #expect(throws: GED188Error.self) { try decode(.openReq, body) }
        #expect(error?.code == .missingTerminator)
        #expect(error?.field == "ClientID")
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test func aNumericFieldOfTheWrongLengthIsRejected() {
        let body = Self.openReqFixed.string(1, "c").field(2, []).field(97, [0, 1])  // ApplicationPathID is an INT
        let error = #expect(throws: GED188Error.self) { try decode(.openReq, body) }
        #expect(error?.code == .invalidFieldLength)
        #expect(error?.field == "ApplicationPathID")
    }

    @Test func aSingleValuedFieldMayNotRepeat() {
        let body = Self.openReqFixed.string(1, "a").string(1, "b").field(2, [])
        let error = #expect(throws: GED188Error.self) { try decode(.openReq, body) }
        #expect(error?.code == .duplicateField)
        #expect(error?.field == "ClientID")
    }

    @Test func namedVariablesOver2000BytesAreRejected() {
        var body = RawBody().zeros(CallDeliveredEvent.fixedPartLength).string(25, "1001")
        let variable = Array("user.Var".utf8) + [0] + Array(repeating: UInt8(ascii: "x"), count: 200) + [0]
        for _ in 0..<10 { body = body.field(82, variable) }  // 10 × 209 bytes
        let error = #expect(throws: GED188Error.self) { try decode(.callDeliveredEvent, body) }
        #expect(error?.code == .namedDataTooLarge)
        #expect(error?.field == "NamedVariable")
    }

    @Test func namedVariablePartsAreChecked() {
        let base = RawBody().zeros(CallDeliveredEvent.fixedPartLength).string(25, "1001")
        let longName = Array(repeating: UInt8(ascii: "n"), count: 33) + [0, 0]
        let noValueEnd = Array("name".utf8) + [0] + Array("value".utf8)
        let error1 = #expect(throws: GED188Error.self) { try decode(.callDeliveredEvent, base.field(82, longName)) }
        #expect(error1?.code == .fieldTooLong)
        let error2 = #expect(throws: GED188Error.self) { try decode(.callDeliveredEvent, base.field(82, noValueEnd)) }
        #expect(error2?.code == .missingTerminator)
        let error3 = #expect(throws: GED188Error.self) { try decode(.callDeliveredEvent, base.field(83, [])) }
        #expect(error3?.code == .invalidFieldLength)
    }

    @Test func failureConfOfNeitherLayoutIsRejected() {
        let error = #expect(throws: GED188Error.self) { try decode(.failureConf, RawBody().zeros(6)) }
        #expect(error?.code == .invalidLayout)
        let overrun = #expect(throws: GED188Error.self) { try decode(.failureConf, RawBody().zeros(9)) }
        #expect(overrun?.code == .fieldOverrun)
    }

    @Test func encodingRefusesAnOverlongStringAndLeavesTheBufferAsItWas() {
        var buffer = ByteBuffer(bytes: [1, 2, 3])
        let message = OpenReq(clientID: String(repeating: "c", count: 64), clientPassword: "")
        let error = #expect(throws: GED188Error.self) { try message.encode(into: &buffer) }
        #expect(error?.field == "ClientID")
        #expect(Array(buffer.readableBytesView) == [1, 2, 3])
    }

    @Test func encodingRefusesAMessageOverTheMaximumSize() {
        let huge = UnknownFloatingField(tag: FloatingTag(rawValue: 60_000), data: Array(repeating: 0, count: 12_500))
        let message = HeartbeatReq(invokeID: 1, unknownFields: [huge])
        let error = #expect(throws: GED188Error.self) { try message.encoded() }
        #expect(error?.code == .messageTooLarge)
    }

    @Test func unknownTagsAreKeptAndWrittenBack() throws {
        let body = RawBody().zeros(4).field(60_001, [9, 8]).field(8, Array("ani".utf8) + [0])
        let message = try decode(.heartbeatReq, body)
        guard case .heartbeatReq(let heartbeat) = message else { Issue.record("not a heartbeat"); return }
        #expect(heartbeat.unknownFields.map(\.tag.rawValue) == [60_001, 8])
        var encoded = try message.encoded()
        encoded.moveReaderIndex(forwardBy: 8)
        #expect(encoded == body.buffer)
    }
}
