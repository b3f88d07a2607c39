/// A GED-188 enumeration: an integer on the wire, with names for the values the guide defines.
///
/// Values the guide does not define are kept as they came (a newer CTI Server may send them); they print as
/// `UNKNOWN(n)`. In JSON a known value is its name (`"AVAILABLE"`), an unknown one its number; both are accepted.
public protocol GED188Enumeration: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue: FixedWidthInteger & Codable & Sendable {
    init(rawValue: RawValue)
    /// Every value the guide defines, with its name.
    static var knownNames: [RawValue: String] { get }
}

extension GED188Enumeration {
    /// The guide's name for this value, `nil` when the guide defines none.
    public var name: String? { Self.knownNames[rawValue] }

    public var description: String { name ?? "UNKNOWN(\(rawValue))" }

    /// The value the guide calls `name`.
    public init?(name: String) {
        guard let match = Self.knownNames.first(where: { $0.value == name }) else { return nil }
        self.init(rawValue: match.key)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(RawValue.self) {
            self.init(rawValue: number)
        } else {
            let text = try container.decode(String.self)
            guard let value = Self(name: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\(text) is not a \(Self.self) value")
            }
            self = value
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let name { try container.encode(name) } else { try container.encode(rawValue) }
    }
}
