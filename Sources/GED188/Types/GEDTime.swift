/// GED-188 TIME: seconds since 1970-01-01 00:00 UTC, 4 bytes.
public struct GEDTime: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var secondsSince1970: UInt32

    public init(secondsSince1970: UInt32) { self.secondsSince1970 = secondsSince1970 }

    public static func < (lhs: GEDTime, rhs: GEDTime) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    public init(from decoder: any Decoder) throws {
        secondsSince1970 = try decoder.singleValueContainer().decode(UInt32.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(secondsSince1970)
    }

    public var description: String { "\(secondsSince1970)" }
}
