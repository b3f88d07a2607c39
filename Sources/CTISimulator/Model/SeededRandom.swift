/// A seeded random number generator (SplitMix64): the same seed gives the same sequence on every machine, so a
/// simulator run or a failing test replays from its seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An exponentially distributed duration with the given mean, in whole microseconds (at least 1 µs).
    public mutating func exponential(mean: Duration) -> Duration {
        let meanMicroseconds = Double(mean.components.seconds) * 1e6 + Double(mean.components.attoseconds) / 1e12
        let sample = -meanMicroseconds * log1p(-unit())
        return .microseconds(max(1, Int64(sample.rounded())))
    }

    /// A duration uniformly distributed in `range`, in whole milliseconds.
    public mutating func uniform(_ range: ClosedRange<Duration>) -> Duration {
        let low = range.lowerBound.milliseconds, high = range.upperBound.milliseconds
        return .milliseconds(low == high ? low : Int64.random(in: low...high, using: &self))
    }
}

extension Duration {
    /// Whole milliseconds, rounded down.
    var milliseconds: Int64 {
        components.seconds * 1_000 + components.attoseconds / 1_000_000_000_000_000
    }

    /// Whole seconds, rounded down (StateDuration and TIME fields).
    var wholeSeconds: UInt32 {
        UInt32(clamping: max(components.seconds, 0))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
