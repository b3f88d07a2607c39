/// A GED-188 bit mask. Bits the guide does not define are kept as they came.
/// In JSON a mask is its number.
public protocol GED188Mask: OptionSet, Hashable, Sendable, Codable, CustomStringConvertible
where RawValue == UInt32, Element == Self {
    /// Every bit the guide defines, with its name.
    static var knownNames: [(Self, String)] { get }
}

extension GED188Mask {
    /// Bits set here that the guide does not define.
    public var undefinedBits: UInt32 {
        Self.knownNames.reduce(rawValue) { $0 & ~$1.0.rawValue }
    }

    /// The names of the bits set, `|`-separated, with any undefined bits in hex: `CLIENT_EVENTS|ALL_EVENTS`.
    public var description: String {
        var parts = Self.knownNames.filter { contains($0.0) }.map(\.1)
        if undefinedBits != 0 { parts.append("0x" + String(undefinedBits, radix: 16)) }
        return parts.isEmpty ? "0" : parts.joined(separator: "|")
    }
}
