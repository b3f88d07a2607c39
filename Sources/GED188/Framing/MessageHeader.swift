import NIOCore

/// The 8-byte header (MHDR) in front of every GED-188 message.
public struct MessageHeader: Hashable, Sendable {
    /// Bytes after the header.
    public var length: UInt32
    /// What the body holds.
    public var type: MessageType

    public init(length: UInt32, type: MessageType) {
        self.length = length
        self.type = type
    }

    /// Reads a header without consuming it; `nil` while fewer than 8 bytes are buffered.
    @inlinable
    public static func peek(in buffer: ByteBuffer) -> MessageHeader? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self),
              let type = buffer.getInteger(at: buffer.readerIndex + 4, as: UInt32.self)
        else { return nil }
        return MessageHeader(length: length, type: MessageType(rawValue: type))
    }
}
