/// How a server works with its peer in a pair. `nil` in ``ServerCore/Configuration/pair`` is a server alone.
public struct PairConfiguration: Sendable, Equatable {
    /// Whether this server opens the peer link (by default B dials A; A only accepts): one link, never two.
    public var dialsPeer: Bool
    /// Peer heartbeats are sent this often when nothing else is.
    public var heartbeatInterval: Duration
    /// Intervals without a frame from the peer after which it is lost (a closed socket is lost at once).
    public var missedHeartbeats: Int
    /// At start, how long to wait for the peer before serving alone as primary.
    public var startupWait: Duration
    /// The pause between two dials of the peer.
    public var redialInterval: Duration
    /// The epoch a fresh history starts with (a server that becomes primary with no state). Give each start a new
    /// one larger than any before (the shell uses the wall clock in milliseconds), so that resume points of an
    /// older history are never mistaken for this one's.
    public var initialEpoch: UInt64
    /// State transfer: the most bytes per `transferObjects` frame.
    public var transferChunkBytes: Int
    /// For the deterministic simulation's planted-bug test only (`Docs/Chaos.md`): the primary publishes each batch
    /// to its clients at once, before the backup acknowledged it, breaking replication before publication. Never
    /// set it anywhere else; it is not read from any configuration file.
    public var publishesBeforeAcknowledgement: Bool
    /// Whether the shell sends and checks the peer heartbeats itself, on a thread of their own (``ObjectServer`` does,
    /// so that heavy client load on the core's loop cannot starve them); the core then neither sends nor checks them.
    /// `false` (the core does it on its tick) for the in-memory pair tests and the simulation.
    public var livenessInShell = false

    public init(dialsPeer: Bool, heartbeatInterval: Duration = .milliseconds(100), missedHeartbeats: Int = 5,
                startupWait: Duration = .seconds(1), redialInterval: Duration = .milliseconds(100), initialEpoch: UInt64 = 1,
                transferChunkBytes: Int = 1 << 20, publishesBeforeAcknowledgement: Bool = false) {
        self.dialsPeer = dialsPeer
        self.heartbeatInterval = heartbeatInterval
        self.missedHeartbeats = missedHeartbeats
        self.startupWait = startupWait
        self.redialInterval = redialInterval
        self.initialEpoch = initialEpoch
        self.transferChunkBytes = transferChunkBytes
        self.publishesBeforeAcknowledgement = publishesBeforeAcknowledgement
    }
}
