import NIOCore

/// A message whose type no decoder is registered for, kept as its raw body.
public struct UnknownMessage: Hashable, Sendable, Codable {
    public var type: MessageType
    public var body: [UInt8]

    public init(type: MessageType, body: [UInt8]) {
        self.type = type
        self.body = body
    }

    /// Appends the message, header included, to `buffer`.
    public func encode(into buffer: inout ByteBuffer) throws(GED188Error) {
        guard body.count <= GED188Protocol.maximumBodyLength else {
            throw GED188Error(.messageTooLarge, messageType: type,
                              detail: "the body is \(body.count) bytes, the maximum is \(GED188Protocol.maximumBodyLength)")
        }
        buffer.writeInteger(UInt32(body.count))
        buffer.writeInteger(type.rawValue)
        buffer.writeBytes(body)
    }

    enum CodingKeys: String, CodingKey { case type, body }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = MessageType(rawValue: try container.decode(UInt32.self, forKey: .type))
        body = try container.decode(HexBytes.self, forKey: .body).bytes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type.rawValue, forKey: .type)
        try container.encode(HexBytes(body), forKey: .body)
    }
}
