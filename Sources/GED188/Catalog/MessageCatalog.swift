import NIOCore

/// The registry of message types: names, fixed-part sizes and JSON decoders. Adding a message to the protocol is
/// adding an entry to the spec; the entries, and the `switch` that decodes bytes by type, are generated from
/// `Scripts/ged188-codegen/*.spec`.
public enum MessageCatalog {
    /// How to decode one message type, from bytes and from JSON.
    public struct Entry: Sendable {
        public let type: MessageType
        /// Cisco's name, `OPEN_REQ`.
        public let name: String
        public let fixedPartLength: Int
        let decodeJSON: @Sendable (KeyedDecodingContainer<GED188Message.JSONKey>) throws -> GED188Message

        init<Body: GED188MessageBody>(
            _ body: Body.Type, name: String, wrap: @escaping @Sendable (Body) -> GED188Message
        ) {
            self.type = Body.messageType
            self.name = name
            self.fixedPartLength = Body.fixedPartLength
            self.decodeJSON = { container in wrap(try container.decode(Body.self, forKey: .fields)) }
        }
    }

    /// Entries indexed by type number for the types below 512 (every type of protocol version 24 is).
    @usableFromInline static let table: [Entry?] = {
        var table = [Entry?](repeating: nil, count: 512)
        for entry in entries where entry.type.rawValue < 512 {
            precondition(table[Int(entry.type.rawValue)] == nil, "\(entry.name) is registered twice")
            table[Int(entry.type.rawValue)] = entry
        }
        return table
    }()

    static let byName: [String: Entry] = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })

    /// The entry for a type, or `nil` when no decoder is registered for it.
    @inlinable
    public static func entry(for type: MessageType) -> Entry? {
        type.rawValue < 512 ? table[Int(type.rawValue)] : nil
    }

    /// The entry for a message name such as `OPEN_REQ`.
    public static func entry(named name: String) -> Entry? { byName[name] }
}

extension GED188Message {
    /// Decodes a message body that arrived under `type`; a type without a registered decoder becomes ``unknown(_:)``.
    @inlinable
    public init(type: MessageType, body: ByteBuffer) throws(GED188Error) {
        let decoded = try BodyReader.withReader(type: type, over: body) {
            (reader: inout BodyReader) throws(GED188Error) in try GED188Message.decodeCatalogued(type: type, reader: &reader)
        }
        self = decoded ?? .unknown(UnknownMessage(type: type, body: Array(body.readableBytesView)))
    }

    /// Decodes one whole message (header and body) from the front of `buffer`; `nil` while it is incomplete.
    public static func decode(from buffer: inout ByteBuffer) throws(GED188Error) -> GED188Message? {
        guard let frame = try GED188FrameDecoder.nextFrame(from: &buffer) else { return nil }
        return try frame.decode()
    }

    /// The whole message, header included, as a new buffer.
    public func encoded(allocator: ByteBufferAllocator = ByteBufferAllocator()) throws(GED188Error) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 128)
        try encode(into: &buffer)
        return buffer
    }
}
