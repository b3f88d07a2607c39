import GED188
import NIOCore
import Testing

struct RoundTripTests {
    /// Every generated message, with random field values: encode, decode, and the message is the same.
    @Test(arguments: 0..<200)
    func randomMessagesSurviveEncodeAndDecode(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        for message in randomMessages(using: &rng) {
            var buffer = try message.encoded()
            let decoded = try #require(try GED188Message.decode(from: &buffer), "seed \(seed): \(message.type)")
            #expect(decoded == message, "seed \(seed): \(message.type)")
            #expect(buffer.readableBytes == 0)
        }
    }

    @Test func failureConfSurvivesBothLayouts() throws {
        for message in [FailureConf(invokeID: 7, status: .invalidVersion),
                        FailureConf(invokeID: 7, status: .invalidVersion, peripheralErrorCode: 99),
                        FailureConf(invokeID: 7, status: .timeout, ctiosCILClientID: "desk-17",
                                    unknownFields: [UnknownFloatingField(tag: FloatingTag(rawValue: 60_000), data: [1])])] {
            var buffer = try message.encoded()
            #expect(try GED188Message.decode(from: &buffer) == .failureConf(message))
        }
    }

    @Test func theWideFailureConfLayoutIsNeverWrittenWithAFloatingPart() {
        let message = FailureConf(invokeID: 7, status: .timeout, peripheralErrorCode: 1, ctiosCILClientID: "desk")
        let error = #expect(throws: GED188Error.self) { try message.encoded() }
        #expect(error?.field == "PeripheralErrorCode")
    }

    @Test func anUnknownMessageTypeKeepsItsBody() throws {
        var buffer = ByteBuffer(bytes: [0, 0, 0, 3, 0, 0, 0x0F, 0xA0, 1, 2, 3])
        let message = try #require(try GED188Message.decode(from: &buffer))
        #expect(message == .unknown(UnknownMessage(type: MessageType(rawValue: 4000), body: [1, 2, 3])))
        #expect(try Array(message.encoded().readableBytesView) == [0, 0, 0, 3, 0, 0, 0x0F, 0xA0, 1, 2, 3])
    }

    /// Twin of the round trip: the comparison does notice a changed field.
    @Test func aChangedFieldIsNoticed() throws {
        var rng = SeededRandom(seed: 1)
        let original = AgentStateEvent.random(using: &rng)
        var changed = original
        changed.agentState = AgentState(rawValue: original.agentState.rawValue &+ 1)
        var buffer = try changed.encoded()
        #expect(try GED188Message.decode(from: &buffer) != .agentStateEvent(original))
    }
}
