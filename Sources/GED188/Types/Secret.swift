/// Bytes that must never be printed: a client or agent password (UNSPEC on the wire).
///
/// `description` shows only the length. In JSON the bytes are hex, unless the encoder's `userInfo` has
/// ``redactKey`` set to `true`, in which case they read `"<redacted>"` (and such JSON cannot be encoded back).
public struct Secret: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var bytes: [UInt8]

    /// Set to `true` in a JSON encoder's `userInfo` to print secrets as `"<redacted>"`.
    public static let redactKey = CodingUserInfoKey(rawValue: "ged188.redactSecrets")!
    static let redacted = "<redacted>"

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }
    public init(stringLiteral value: String) { self.init(value) }

    public var description: String { "<secret, \(bytes.count) bytes>" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text != Self.redacted else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a redacted secret cannot be encoded; give its bytes as hex")
        }
        guard let bytes = HexBytes(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected the secret's bytes as hex")
        }
        self.bytes = bytes.bytes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if encoder.userInfo[Self.redactKey] as? Bool == true {
            try container.encode(Self.redacted)
        } else {
            try container.encode(HexBytes(bytes).hex)
        }
    }
}
