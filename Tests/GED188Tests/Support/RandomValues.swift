import GED188

/// SplitMix64: a small seeded generator, so that a failing round trip names a seed that replays it.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Printable ASCII (never NUL), 0 to `maxBytes` bytes.
func randomString(maxBytes: Int, using rng: inout some RandomNumberGenerator) -> String {
    let count = Int.random(in: 0...maxBytes, using: &rng)
    return String(decoding: (0..<count).map { _ in UInt8.random(in: 0x20...0x7E, using: &rng) }, as: UTF8.self)
}

func randomBytes(maxCount: Int, using rng: inout some RandomNumberGenerator) -> [UInt8] {
    (0..<Int.random(in: 0...maxCount, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
}

/// 0 to 2 fields under tags that no message defines (60000 and up).
func randomUnknownFields(using rng: inout some RandomNumberGenerator) -> [UnknownFloatingField] {
    (0..<Int.random(in: 0...2, using: &rng)).map { _ in
        UnknownFloatingField(tag: FloatingTag(rawValue: .random(in: 60_000...65_535, using: &rng)),
                             data: randomBytes(maxCount: 20, using: &rng))
    }
}
