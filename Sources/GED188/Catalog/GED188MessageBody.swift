import NIOCore

/// The typed body of one GED-188 message: a struct with one property per field of the guide's layout.
///
/// Each conforming type reads and writes exactly its layout; floating fields it does not define are kept in
/// `unknownFields` and written back after its own.
public protocol GED188MessageBody: Hashable, Sendable, Codable {
    /// The type number in the header.
    static var messageType: MessageType { get }
    /// Size of the fixed part in bytes, as the guide's layout table adds up.
    static var fixedPartLength: Int { get }
    /// Reads the body (the bytes after the header).
    init(reading reader: inout BodyReader) throws(GED188Error)
    /// Writes the body (the bytes after the header).
    func write(to writer: inout BodyWriter) throws(GED188Error)
}

extension GED188MessageBody {
    /// Decodes a body that arrived under this message's type.
    @inlinable
    public init(body: ByteBuffer) throws(GED188Error) {
        self = try BodyReader.withReader(type: Self.messageType, over: body) {
            (reader: inout BodyReader) throws(GED188Error) in try Self(reading: &reader)
        }
    }

    /// Appends the whole message, header included, to `buffer`.
    ///
    /// - Throws: a field over its maximum size, or a message over the protocol's maximum size; `buffer` is then
    ///   left as it was.
    @inlinable
    public func encode(into buffer: inout ByteBuffer) throws(GED188Error) {
        let start = buffer.writerIndex
        buffer.writeInteger(UInt32(0))
        buffer.writeInteger(Self.messageType.rawValue)
        var writer = BodyWriter(type: Self.messageType, buffer: buffer)
        buffer = ByteBuffer()  // hand the storage to the writer so that it is not copied
        do {
            try write(to: &writer)
        } catch {
            buffer = writer.buffer
            buffer.moveWriterIndex(to: start)
            throw error
        }
        buffer = writer.buffer
        let length = buffer.writerIndex - start - GED188Protocol.headerLength
        guard length <= GED188Protocol.maximumBodyLength else {
            buffer.moveWriterIndex(to: start)
            throw GED188Error(
                .messageTooLarge, messageType: Self.messageType,
                detail: "the body would be \(length) bytes, the maximum is \(GED188Protocol.maximumBodyLength)"
            )
        }
        buffer.setInteger(UInt32(length), at: start)
    }

    /// The whole message, header included, as a new buffer.
    @inlinable
    public func encoded(allocator: ByteBufferAllocator = ByteBufferAllocator()) throws(GED188Error) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: GED188Protocol.headerLength + Self.fixedPartLength + 64)
        try encode(into: &buffer)
        return buffer
    }
}
