import NIOCore

/// One GED-188 message as it arrived: its type and its body (the bytes after the header), not yet decoded.
public struct GED188Frame: Hashable, Sendable {
    public var type: MessageType
    public var body: ByteBuffer

    public init(type: MessageType, body: ByteBuffer) {
        self.type = type
        self.body = body
    }

    /// Decodes the body with the message catalogue.
    @inlinable
    public func decode() throws(GED188Error) -> GED188Message {
        try GED188Message(type: type, body: body)
    }
}
