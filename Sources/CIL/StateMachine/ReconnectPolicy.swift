/// Where and when the next connection attempt goes: the other server at once after a loss, then the servers in
/// turn with a backoff that doubles per failed attempt up to a cap, each delay drawn between half of it and all of
/// it (so that thousands of clients of a lost server do not come back in lockstep).
package struct ReconnectPolicy: Hashable, Sendable {
    /// The backoff after the first failed attempt.
    package var base: Duration
    /// The longest backoff.
    package var cap: Duration

    /// A policy with this first backoff and cap.
    package init(base: Duration, cap: Duration) {
        self.base = max(base, .zero)
        self.cap = max(cap, self.base)
    }

    /// The backoff before the next attempt after `failures` consecutive failed attempts (1 or more), before jitter.
    package func backoff(afterFailures failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        var delay = base
        var doublings = failures - 1
        while doublings > 0, delay < cap {
            delay *= 2
            doublings -= 1
        }
        return min(delay, cap)
    }

    /// ``backoff(afterFailures:)`` with jitter: a delay drawn uniformly between half of it and all of it.
    package func jitteredBackoff(afterFailures failures: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let full = backoff(afterFailures: failures)
        let nanoseconds = full.components.seconds * 1_000_000_000 + full.components.attoseconds / 1_000_000_000
        guard nanoseconds > 1 else { return full }
        let half = nanoseconds / 2
        return .nanoseconds(half + Int64.random(in: 0...(nanoseconds - half), using: &random))
    }

    /// The server after `server` among `count` servers: the other one of a pair, the same one alone.
    package static func next(after server: Int, count: Int) -> Int {
        count > 1 ? (server + 1) % count : 0
    }
}
