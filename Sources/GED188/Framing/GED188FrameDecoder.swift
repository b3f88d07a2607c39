import NIOCore

/// Splits a byte stream into GED-188 frames.
///
/// The header's `MessageLength` is checked against the protocol's maximum before a single byte of the body is
/// waited for or copied, so a peer cannot make us buffer more than one maximum-size message.
public struct GED188FrameDecoder: ByteToMessageDecoder, Sendable {
    public typealias InboundOut = GED188Frame

    /// The largest body accepted; defaults to protocol version 24's maximum.
    public let maximumBodyLength: Int

    public init(maximumBodyLength: Int = GED188Protocol.maximumBodyLength) {
        self.maximumBodyLength = maximumBodyLength
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try Self.nextFrame(from: &buffer, maximumBodyLength: maximumBodyLength) else {
            return .needMoreData
        }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// Takes one whole frame off the front of `buffer`, or returns `nil` (consuming nothing) while it is incomplete.
    ///
    /// - Throws: ``GED188Error/Code/messageTooLarge`` as soon as a header announces a body over the maximum.
    @inlinable
    public static func nextFrame(
        from buffer: inout ByteBuffer,
        maximumBodyLength: Int = GED188Protocol.maximumBodyLength
    ) throws(GED188Error) -> GED188Frame? {
        guard let header = MessageHeader.peek(in: buffer) else { return nil }
        guard header.length <= maximumBodyLength else {
            throw GED188Error(
                .messageTooLarge,
                messageType: header.type,
                offset: 0,
                detail: "MessageLength \(header.length) exceeds the maximum of \(maximumBodyLength)"
            )
        }
        let total = GED188Protocol.headerLength + Int(header.length)
        guard buffer.readableBytes >= total else { return nil }
        buffer.moveReaderIndex(forwardBy: GED188Protocol.headerLength)
        let body = buffer.readSlice(length: Int(header.length))!
        return GED188Frame(type: header.type, body: body)
    }
}
