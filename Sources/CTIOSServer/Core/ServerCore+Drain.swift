/// Draining: an operator moves this server's clients to its peer, a few at a time, to rebalance a pair or empty a
/// server before it is stopped. Clients never fail back on their own (a CIL stays where it landed), so this is the
/// one way load moves between the two servers.
///
/// A drained client gets `goodbye` code 2 (*drain*) and reconnects to the other server at once, resuming from its
/// position; replication before publication means that position is on the peer too, so it gets only what it
/// missed. Only clients with no request in flight are moved (nothing is left with an unknown outcome), at most
/// `clientsPerSecond` of them per second. While draining the server refuses new clients (`reject` code 4, try the
/// other server). Draining needs a peer to go to: it is refused without one, and it pauses (new clients are
/// welcome, nobody is moved) while the peer link is down.
public struct DrainState: Sendable, Equatable {
    /// The most clients moved per second.
    public var clientsPerSecond: Int
    /// Clients told to move so far.
    public var moved: Int = 0
    /// The rate's accounting: moves allowed since `windowStart`, of which `movedInWindow` were used.
    var windowStart: Duration
    var movedInWindow = 0

    init(clientsPerSecond: Int, now: Duration) {
        self.clientsPerSecond = clientsPerSecond
        windowStart = now
    }
}

/// Why a drain cannot start.
public struct DrainRefusal: Error, Sendable, CustomStringConvertible {
    public var description: String
}

extension ServerCore {
    /// Whether the drain is moving clients now: started, and the peer is there to take them.
    var drainActive: Bool { drain != nil && peer.isUp }

    /// Starts draining at `clientsPerSecond` (1 to 100,000), or changes the rate of a drain in progress.
    public mutating func startDrain(clientsPerSecond: Int, now: Duration) throws(DrainRefusal) {
        guard configuration.pair != nil else {
            throw DrainRefusal(description: "this server runs alone: its clients have no other server to go to")
        }
        guard peer.isUp, role != .joining else {
            throw DrainRefusal(description: "the peer is not connected: its clients would have nowhere to go")
        }
        guard (1...100_000).contains(clientsPerSecond) else {
            throw DrainRefusal(description: "clientsPerSecond must be between 1 and 100000, not \(clientsPerSecond)")
        }
        if var current = drain {
            // A new rate counts from now, so that raising it does not release a burst for the time already passed.
            current.clientsPerSecond = clientsPerSecond
            current.windowStart = now
            current.movedInWindow = 0
            drain = current
        } else {
            drain = DrainState(clientsPerSecond: clientsPerSecond, now: now)
            output.notices.append("draining clients to the peer at \(clientsPerSecond) per second")
        }
        drainTick(now: now)
    }

    /// Stops draining: new clients are welcome again; those moved stay where they went.
    public mutating func stopDrain() {
        guard drain != nil else { return }
        drain = nil
        output.notices.append("drain stopped")
    }

    /// Moves the clients the rate allows by `now`, oldest connection first.
    mutating func drainTick(now: Duration) {
        guard drainActive, var state = drain else { return }
        let elapsed = now - state.windowStart
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // One client at once, then the rate: a drain of one client per second moves the first without waiting.
        let allowed = 1 + Int(seconds * Double(state.clientsPerSecond)) - state.movedInWindow
        guard allowed > 0 else { return }
        let candidates = order.filter { id in
            guard let session = clients[id] else { return false }
            return session.phase == .open && session.pendingRequests.isEmpty
        }.prefix(allowed)
        let peerName = peer.theirHello?.serverID ?? "the other server"
        for id in candidates {
            goodbye(id, code: .drain, reason: "this server is draining its clients: reconnect to \(peerName)")
            state.moved += 1
            state.movedInWindow += 1
        }
        if candidates.count < allowed {
            // Fewer were movable than allowed (requests in flight, or none left): unused allowance does not pile up
            // into a burst later.
            state.windowStart = now
            state.movedInWindow = candidates.isEmpty ? 0 : 1
        }
        drain = state
    }
}
