import NIOCore

/// Splits a byte stream into frames and decodes each into a ``WireMessage``.
///
/// The length field is checked against the maximum frame length before a byte of the body is waited for or
/// copied, so a peer cannot make us buffer more than one maximum-size frame. Any error (an unknown kind included)
/// is a ``WireError``; the connection that sent it should be closed (the server says `goodbye` first).
public struct WireFrameDecoder: ByteToMessageDecoder, Sendable {
    public typealias InboundOut = WireMessage

    public let limits: WireLimits
    public let keywords: KeywordTable

    /// - Parameter keywords: the table of the protocol version in use (it only matters after `welcome`; hello,
    ///   welcome and reject carry no keys).
    public init(limits: WireLimits = .default, keywords: KeywordTable = .current) {
        self.limits = limits
        self.keywords = keywords
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let message = try Self.nextMessage(from: &buffer, limits: limits, keywords: keywords) else {
            return .needMoreData
        }
        context.fireChannelRead(Self.wrapInboundOut(message))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// The length field of the frame at the front of `buffer`, checked; `nil` while fewer than 4 bytes are there.
    ///
    /// - Throws: ``WireError/Code/frameTooLarge`` or ``WireError/Code/emptyFrame``, from the length field alone.
    public static func peekFrameLength(in buffer: ByteBuffer, limits: WireLimits = .default) throws(WireError) -> Int? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
        guard length >= 1 else {
            throw WireError(.emptyFrame, field: "length", offset: 0, detail: "a frame holds at least its kind byte")
        }
        guard Int(length) <= limits.maximumFrameLength else {
            throw WireError(.frameTooLarge, field: "length", offset: 0,
                            detail: "the frame announces \(length) bytes, over the maximum of \(limits.maximumFrameLength)")
        }
        return Int(length)
    }

    /// Takes one whole frame off the front of `buffer` and decodes it, or returns `nil` (consuming nothing) while
    /// the frame is incomplete. A frame that is complete but does not decode is consumed, then reported.
    public static func nextMessage(
        from buffer: inout ByteBuffer,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) -> WireMessage? {
        guard let length = try peekFrameLength(in: buffer, limits: limits),
              buffer.readableBytes >= WireFrame.lengthFieldLength + length
        else { return nil }
        buffer.moveReaderIndex(forwardBy: WireFrame.lengthFieldLength)
        let kind: UInt8 = buffer.readInteger()!
        let body = buffer.readSlice(length: length - 1)!
        return try WireMessage.decode(kind: kind, body: body, limits: limits, keywords: keywords)
    }
}
