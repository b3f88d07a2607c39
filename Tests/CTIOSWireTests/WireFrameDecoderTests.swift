import CTIOSWire
import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

struct WireFrameDecoderTests {
    /// Byte by byte, all at once and frame by frame (NIO's verifier does all three).
    @Test func splitsFramesHoweverTheBytesArrive() throws {
        var pairs = try Samples.everyKind.map { message in (try message.encoded(), [message]) }
        var random = RandomWire(seed: 42)
        let large = WireMessage.batch(ChangeBatch(epoch: 1, sequence: 2, events: [], changes: (0 ..< 30).map { index in
            .created(objectID: "call.5000.\(index).2001", properties: random.arguments(depth: 3, maxCount: 6))
        }))
        pairs.append((try large.encoded(), [large]))
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: pairs,
            decoderFactory: { WireFrameDecoder() }
        )
    }

    /// The size check comes from the length field alone: nothing of the body has to arrive for it to fail.
    @Test func refusesAnOversizedFrameFromItsLengthField() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(WireFrameDecoder(limits: WireLimits(maximumFrameLength: 100))))
        let error = #expect(throws: WireError.self) { try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 101])) }
        #expect(error?.code == .frameTooLarge)
        #expect(error?.offset == 0)
        _ = try? channel.finish()
    }

    @Test func anUnknownKindIsAnErrorOnTheChannel() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(WireFrameDecoder()))
        var bytes = try WireMessage.heartbeat.encoded()
        bytes.writeBytes([0, 0, 0, 1, 0x66])
        let error = #expect(throws: WireError.self) { try channel.writeInbound(bytes) }
        #expect(error?.code == .unknownKind)
        #expect(try channel.readInbound(as: WireMessage.self) == .heartbeat)
        _ = try? channel.finish()
    }

    @Test func anIncompleteFrameConsumesNothing() throws {
        var buffer = ByteBuffer(bytes: [0, 0, 0, 3, 0x24, 0x01])
        #expect(try WireFrameDecoder.nextMessage(from: &buffer) == nil)
        #expect(buffer.readableBytes == 6)
        var short = ByteBuffer(bytes: [0, 0, 0])
        #expect(try WireFrameDecoder.peekFrameLength(in: short) == nil)
        #expect(try WireFrameDecoder.nextMessage(from: &short) == nil)
    }

    /// A frame is read exactly: the bytes after it stay for the next frame.
    @Test func neverReadsPastTheFrame() throws {
        var buffer = ByteBuffer(bytes: [0, 0, 0, 3, 0x24, 0x01, 0x2A, /* next */ 0, 0, 0, 1])
        #expect(try WireFrameDecoder.nextMessage(from: &buffer) == .caughtUp(position: LogPosition(epoch: 1, sequence: 42)))
        #expect(buffer.readableBytes == 4)
    }

    /// A frame whose body is bad is consumed before the error is reported.
    @Test func aBadFrameIsConsumed() throws {
        var buffer = ByteBuffer(bytes: [0, 0, 0, 2, 0x04, 0x00, 0, 0, 0, 1, 0x04])
        #expect(throws: WireError.self) { try WireFrameDecoder.nextMessage(from: &buffer) }
        #expect(try WireFrameDecoder.nextMessage(from: &buffer) == .heartbeat)
    }
}
