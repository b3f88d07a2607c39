/// The bounds every encoder and decoder of the wire keeps. Both ends check the same limits, so that nothing one
/// side encodes is refused by the other; a decoder checks each one before it allocates.
public struct WireLimits: Hashable, Sendable {
    /// The largest frame, counted after the 4-byte length field (kind byte and body). Default 1 MiB.
    public var maximumFrameLength: Int
    /// The deepest container nesting: the top-level Arguments is depth 1, each nested Arguments or array one more.
    public var maximumDepth: Int
    /// The longest string (a key, a value, a name), in UTF-8 bytes.
    public var maximumStringLength: Int
    /// The most entries of one Arguments or elements of one array, and the most events, changes, removed keys or
    /// snapshot objects of one frame.
    public var maximumElements: Int
    /// The most protocol versions a `hello` may offer.
    public var maximumVersions: Int

    public init(
        maximumFrameLength: Int = 1 << 20,
        maximumDepth: Int = 16,
        maximumStringLength: Int = 65_535,
        maximumElements: Int = 10_000,
        maximumVersions: Int = 32
    ) {
        self.maximumFrameLength = maximumFrameLength
        self.maximumDepth = maximumDepth
        self.maximumStringLength = maximumStringLength
        self.maximumElements = maximumElements
        self.maximumVersions = maximumVersions
    }

    /// The protocol's defaults.
    public static let `default` = WireLimits()
}
