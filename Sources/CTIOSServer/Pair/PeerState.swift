import NIOCore
import CTIOSCore
import CTIOSWire
import DequeModule

/// What a server of a pair knows of its peer link: the link's phase, the role this server has, what the primary
/// holds back until the backup acknowledges it, and a state transfer in progress.
struct PeerState: Sendable {
    enum Link: Sendable, Equatable {
        /// No link; a dialing server dials again at `nextDial`.
        case down
        /// The shell is connecting.
        case dialing
        /// Connected; hellos being exchanged.
        case handshaking
        /// Both hellos seen; roles settled.
        case up(peerID: String, version: ProtocolVersion)
    }

    var role: PeerRole = .joining
    var link: Link = .down
    var ourHelloSent = false
    var theirHello: (serverID: String, role: PeerRole, position: LogPosition, versions: [ProtocolVersion])?
    var lastReceived: Duration = .zero
    var lastSent: Duration = .zero
    var sentSinceTick = false
    var nextDial: Duration = .zero
    /// When this server started waiting for its peer (start, or losing the link while joining).
    var waitingSince: Duration = .zero

    // Primary side.
    /// The transfer to the backup was sent; batches now follow as `replicate`.
    var streaming = false
    /// The position the transfer ended at; the backup is caught up once it acknowledges it.
    var transferEnd: LogPosition?
    /// The backup acknowledged the transfer: every batch is now published only once the backup has it.
    var backupCaughtUp = false
    /// Batches made while the backup is caught up, held until it acknowledges them.
    var awaitingAcknowledgement = Deque<ChangeBatch>()
    /// The last position the backup acknowledged.
    var lastAcknowledged: LogPosition?
    /// Clients whose stream (a snapshot or a replay up to `position`) was made while batches waited for the backup:
    /// it is sent once the backup has `position`, so that no client holds a position its backup lacks, and the
    /// waiting batches up to `position` (already in it) are not sent to them again.
    var gatedStarts: [GatedStart] = []

    struct GatedStart: Sendable {
        var client: ClientID
        var position: UInt64
        var frames: ByteBuffer
        var view: ClientView
    }

    // Joining side.
    struct Transfer: Sendable {
        var position: LogPosition
        var backlogBase: LogPosition
        var objects: [UniqueObjectID: Arguments] = [:]
        var backlog: [ChangeBatch] = []
    }
    var transfer: Transfer?

    // Backup side: requests forwarded to the primary, by tag.
    var forwarded: [UInt64: (client: ClientID, requestID: UInt32, method: String, since: Duration)] = [:]
    var nextForwardTag: UInt64 = 1

    var isUp: Bool { if case .up = link { true } else { false } }
}
