/// The peer link's heartbeat decisions, pure (``PeerLivenessHandler`` carries them out on the peer loop): a heartbeat
/// when nothing was written for an interval, the peer lost when nothing was read for `missed` intervals, and this
/// side's own stalls not counted against the peer (after a tick more than an interval late, what the peer sent
/// meanwhile may not be read yet, so its silence is measured again from then).
struct PeerLiveness: Sendable {
    enum Decision: Equatable { case nothing, sendHeartbeat, lost }

    let interval: Duration
    let missed: Int
    private(set) var lastRead: Duration
    private(set) var lastWrite: Duration
    private var lastTick: Duration

    init(interval: Duration, missed: Int, now: Duration) {
        self.interval = interval
        self.missed = missed
        (lastRead, lastWrite, lastTick) = (now, now, now)
    }

    mutating func read(now: Duration) { lastRead = now }
    mutating func wrote(now: Duration) { lastWrite = now }

    mutating func tick(now: Duration) -> Decision {
        if now - lastTick > interval { lastRead = max(lastRead, now) }
        lastTick = now
        if now - lastRead >= interval * missed { return .lost }
        guard now - lastWrite >= interval else { return .nothing }
        lastWrite = now
        return .sendHeartbeat
    }
}
