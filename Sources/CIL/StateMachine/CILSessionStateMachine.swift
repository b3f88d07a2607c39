import CTIOSCore
import CTIOSWire

/// Every decision of a CIL session, pure: which server to connect to and when, the hello with the resume point,
/// heartbeats and their loss, the mode and its restoration after a reconnect, the order of the object stream, and
/// the bookkeeping that gives every request exactly one answer.
///
/// Inputs are what happened (a socket opened or failed, a frame arrived, time passed, the application asked for
/// something); each returns the ``CILSessionAction``s the shell must carry out, in order. It never reads a clock
/// (`now` is an input: a monotonic time from any origin), never does I/O, and draws its random choices from a
/// seeded generator, so it runs the same over TCP and in memory.
package struct CILSessionStateMachine: Sendable {
    /// Where the connection is.
    package enum Phase: Sendable, Equatable {
        /// Not started, or disconnected by the application, or given up.
        case idle
        /// A socket is being opened.
        case connecting(Attempt)
        /// The socket is open and `hello` sent; waiting for `welcome`.
        case awaitingWelcome(Attempt)
        /// Welcomed: frames flow.
        case open(OpenConnection)
        /// Waiting before the next attempt, which goes to `server` (an index into the profile's servers).
        case backingOff(until: Duration, server: Int)
    }

    /// One connection attempt.
    package struct Attempt: Sendable, Equatable {
        /// The attempt's socket.
        package var connection: ConnectionID
        /// The server's index in the profile.
        package var server: Int
        /// When the attempt began.
        package var startedAt: Duration
    }

    /// A welcomed connection.
    package struct OpenConnection: Sendable, Equatable {
        /// The socket.
        package var connection: ConnectionID
        /// The server's index in the profile.
        package var server: Int
        /// The heartbeat interval both sides use (from `welcome`).
        package var heartbeat: Duration
        /// Which server of the pair this is (`A`, `B`), from `welcome`.
        package var serverID: String
        /// The server's name for people, from `welcome`.
        package var serverName: String
    }

    /// Who waits for a mode's object stream to be established.
    enum StreamWaiter: Sendable, Equatable {
        /// The application's mode request.
        case app(RequestHandle, SessionMode)
        /// The session itself, restoring the mode after a reconnect.
        case restore
    }

    /// Where the object stream of the connection is.
    enum Stream: Sendable, Equatable {
        /// No mode on this connection.
        case none
        /// The mode was accepted; the snapshot or the missed batches come next.
        case awaiting(StreamWaiter?)
        /// Inside a snapshot that began at this position.
        case snapshot(LogPosition, StreamWaiter?)
        /// Receiving the batches missed since the resume point, until `caughtUp`.
        case replaying(StreamWaiter?)
        /// Live batches.
        case live
    }

    /// A request (or mode change) sent on this connection and not yet answered.
    struct Pending: Sendable {
        enum Kind: Sendable {
            case request(RequestHandle, method: String)
            case mode(SessionMode, StreamWaiter)
        }

        var kind: Kind
        var deadline: Duration
        /// The shell reported that its write failed: it never left this client.
        var writeFailed = false
    }

    package internal(set) var profile = ConnectionProfile()
    package internal(set) var phase: Phase = .idle
    /// The mode the session has (or had before a loss, and restores): the last one the server accepted.
    package internal(set) var mode: SessionMode?
    /// The resume point: the latest position of an applied batch, a `snapshotEnd` or a `caughtUp`.
    package internal(set) var position: LogPosition?
    /// The last error the session met (Cisco's `LastError`).
    package internal(set) var lastError: CILError?
    /// Counters, for tests and metrics.
    package internal(set) var counters = Counters()

    var random: SplitMix64
    var nextConnection: UInt64 = 0
    var nextRequestID: UInt32 = 1
    var pending: [UInt32: Pending] = [:]
    /// Request IDs given up on (no answer in time) on this connection: a late answer is dropped, not an error.
    var abandoned: Set<UInt32> = []
    var stream: Stream = .none
    /// Set while the application's `connect` waits: when it gives up.
    var connectDeadline: Duration?
    /// Consecutive failed attempts since the last loss (or since `start`).
    var failedAttempts = 0
    /// When the connection was lost, until the session has recovered (mode and stream restored).
    var lostAt: Duration?
    /// The loss was a move the server asked for (a drain), not a failure.
    var moving = false
    var lastReceived: Duration = .zero
    var lastSent: Duration = .zero
    /// Missed heartbeat intervals already reported with `OnMissingHeartbeat` since the last frame.
    var missedReported = 0

    /// What happened so far.
    package struct Counters: Sendable, Equatable {
        /// Connections welcomed.
        package var connections = 0
        /// Connections lost after a welcome.
        package var losses = 0
        /// Moves to the other server that the server asked for (drains).
        package var moves = 0
        /// Attempts that failed before a welcome.
        package var failedAttempts = 0
        /// Recoveries: from the server's backlog, and from a snapshot.
        package var backlogRecoveries = 0
        package var snapshotRecoveries = 0
        /// Frames that broke the protocol.
        package var protocolErrors = 0
    }

    /// A session that has not connected. `seed` drives the choice of the first server and the backoff jitter.
    package init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    // MARK: Reading

    var policy: ReconnectPolicy {
        ReconnectPolicy(base: profile.reconnectBackoff, cap: profile.maximumReconnectBackoff)
    }

    /// The connection's socket when one is open or being opened.
    package var currentConnection: ConnectionID? {
        switch phase {
        case .connecting(let attempt), .awaitingWelcome(let attempt): attempt.connection
        case .open(let open): open.connection
        case .idle, .backingOff: nil
        }
    }

    /// The server in use (open), or being tried.
    package var currentServer: ServerAddress? {
        switch phase {
        case .connecting(let attempt), .awaitingWelcome(let attempt): profile.servers[attempt.server]
        case .open(let open): profile.servers[open.server]
        case .idle, .backingOff: nil
        }
    }

    /// Whether frames flow and the mode's stream (if any) is live: the cache is current.
    package var isLive: Bool {
        guard case .open = phase else { return false }
        return stream == .live || (stream == .none && mode == nil)
    }

    /// The connection state an application sees.
    package var connectionState: ConnectionState {
        switch phase {
        case .idle:
            return .disconnected
        case .open(let open):
            return lostAt == nil ? .connected(profile.servers[open.server]) : .reconnecting(profile.servers[open.server])
        case .connecting(let attempt), .awaitingWelcome(let attempt):
            return connectDeadline != nil ? .connecting(profile.servers[attempt.server]) : .reconnecting(profile.servers[attempt.server])
        case .backingOff(_, let server):
            return connectDeadline != nil ? .connecting(profile.servers[server]) : .reconnecting(profile.servers[server])
        }
    }

    /// Requests waiting for their answer.
    package var pendingCount: Int { pending.count }
}

/// Where a session's connection is, as an application sees it.
public enum ConnectionState: Hashable, Sendable, CustomStringConvertible {
    /// Not connected: never connected, disconnected, or ``Session/connect(_:)`` gave up.
    case disconnected
    /// ``Session/connect(_:)`` is trying this server.
    case connecting(ServerAddress)
    /// Connected to this server, with the mode (if any) restored and its objects current.
    case connected(ServerAddress)
    /// The connection was lost: the session is trying this server, or is connected again and restoring its mode
    /// and objects. Requests fail with ``CILError/Code/notSent`` until it is ``connected(_:)``.
    case reconnecting(ServerAddress)

    /// `connected to 127.0.0.1:42028`, …
    public var description: String {
        switch self {
        case .disconnected: "disconnected"
        case .connecting(let server): "connecting to \(server)"
        case .connected(let server): "connected to \(server)"
        case .reconnecting(let server): "reconnecting (\(server))"
        }
    }
}
