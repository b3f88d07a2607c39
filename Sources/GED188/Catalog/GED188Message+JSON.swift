/// JSON for operators' tools: `{"message": "OPEN_REQ", "type": 3, "fields": {...}}`.
///
/// `fields` holds the body's properties by their Swift names (`invokeID`, `clientID`, …); enumerations are
/// names where the guide defines the value, masks are numbers, UNSPEC bytes are hex. An unknown message is
/// `{"type": n, "body": "hex"}`. Decoding accepts `message` or `type` to choose the layout.
extension GED188Message: Codable {
    public enum JSONKey: String, CodingKey { case message, type, fields, body }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: JSONKey.self)
        let entry: MessageCatalog.Entry?
        if let name = try container.decodeIfPresent(String.self, forKey: .message) {
            guard let named = MessageCatalog.entry(named: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .message, in: container, debugDescription: "no GED-188 message is named \(name)")
            }
            entry = named
        } else {
            let type = MessageType(rawValue: try container.decode(UInt32.self, forKey: .type))
            entry = MessageCatalog.entry(for: type)
            if entry == nil {
                self = .unknown(UnknownMessage(type: type, body: try container.decode(HexBytes.self, forKey: .body).bytes))
                return
            }
        }
        self = try entry!.decodeJSON(container)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: JSONKey.self)
        switch self {
        case .unknown(let message):
            try container.encode(message.type.rawValue, forKey: .type)
            try container.encode(HexBytes(message.body), forKey: .body)
        default:
            try container.encode(type.name ?? "\(type.rawValue)", forKey: .message)
            try container.encode(type.rawValue, forKey: .type)
            try body!.encode(to: container.superEncoder(forKey: .fields))
        }
    }
}
