/// A side of the CTI Server's duplex pair.
public enum CTISide: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    case a = "A"
    case b = "B"

    public var description: String { rawValue }
}
