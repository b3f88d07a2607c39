import GED188
import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing

struct FrameDecoderTests {
    static func frame(_ type: UInt32, _ body: [UInt8]) -> (ByteBuffer, [GED188Frame]) {
        var bytes = ByteBuffer()
        bytes.writeInteger(UInt32(body.count))
        bytes.writeInteger(type)
        bytes.writeBytes(body)
        return (bytes, [GED188Frame(type: MessageType(rawValue: type), body: ByteBuffer(bytes: body))])
    }

    /// Byte by byte, all at once and message by message (NIO's verifier does all three).
    @Test func splitsFramesHoweverTheBytesArrive() throws {
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [
                Self.frame(5, [0, 0, 0, 1]),
                Self.frame(6, [0, 0, 0, 1]),
                Self.frame(31, Array(repeating: 7, count: 26)),
                Self.frame(2, []),
                Self.frame(9999, Array(repeating: 0xAB, count: GED188Protocol.maximumBodyLength)),
            ],
            decoderFactory: { GED188FrameDecoder() }
        )
    }

    /// The size check comes from the header alone: nothing of the body has to arrive for it to fail.
    @Test func rejectsAnOversizedMessageFromItsHeader() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(GED188FrameDecoder()))
        var header = ByteBuffer()
        header.writeInteger(UInt32(GED188Protocol.maximumBodyLength + 1))
        header.writeInteger(UInt32(9))
        let error = #expect(throws: GED188Error.self) { try channel.writeInbound(header) }
        #expect(error?.code == .messageTooLarge)
        #expect(error?.messageName == "CALL_DELIVERED_EVENT")
        #expect(error?.offset == 0)
        _ = try? channel.finish()
    }

    @Test func anIncompleteFrameConsumesNothing() throws {
        var buffer = ByteBuffer(bytes: [0, 0, 0, 4, 0, 0, 0, 5, 0, 0])
        #expect(try GED188FrameDecoder.nextFrame(from: &buffer) == nil)
        #expect(buffer.readableBytes == 10)
    }

    /// A frame is read exactly: the bytes after it stay for the next frame.
    @Test func neverReadsPastTheFrame() throws {
        var buffer = ByteBuffer(bytes: [0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 9, /* next */ 0, 0, 0, 4, 0, 0, 0, 6])
        let frame = try #require(try GED188FrameDecoder.nextFrame(from: &buffer))
        #expect(frame.body.readableBytes == 4)
        #expect(try frame.decode() == .heartbeatReq(HeartbeatReq(invokeID: 9)))
        #expect(buffer.readableBytes == 8)
    }
}
