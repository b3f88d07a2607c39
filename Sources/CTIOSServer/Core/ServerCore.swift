import CTIOSCore
import CTIOSWire
import GED188
import NIOCore

/// One CTI OS server node, pure: the object store, the CTI link, and every client session.
///
/// Inputs are what happened (a CTI Server message, a client frame, a connection opened or closed, time passing);
/// outputs (``takeOutput()``) are what the shell must do: CTI link actions, bytes to write to clients (a batch is
/// encoded once and the same bytes go to every client that sees all of it), clients to close. Time is an input.
public struct ServerCore: Sendable {
    public struct Configuration: Sendable {
        /// This server's name in `welcome` (`A`, `B`, or a host name).
        public var serverID: String
        public var serverName: String
        public var peripheralID: UInt32
        /// Heartbeat interval when the client asks for none; clients may ask for 50 ms to 60 s.
        public var defaultHeartbeat: Duration
        /// Heartbeat intervals without a frame that make a client lost.
        public var missedHeartbeats: Int
        /// A client that sends no hello within this time is closed.
        public var helloTimeout: Duration
        /// The most bytes a `snapshotObjects` frame should hold (one larger object goes alone).
        public var snapshotChunkBytes: Int
        public var store: ObjectStore.Configuration
        public var link: CTILinkStateMachine.Configuration
        /// The pair this server belongs to; `nil` for a server alone.
        public var pair: PairConfiguration?

        public init(serverID: String = "A", serverName: String = "ctios", peripheralID: UInt32 = 5000,
                    defaultHeartbeat: Duration = .milliseconds(250), missedHeartbeats: Int = 3,
                    helloTimeout: Duration = .seconds(10), snapshotChunkBytes: Int = 64 * 1024,
                    store: ObjectStore.Configuration = .init(), link: CTILinkStateMachine.Configuration = .init(),
                    pair: PairConfiguration? = nil) {
            self.serverID = serverID
            self.serverName = serverName
            self.peripheralID = peripheralID
            self.defaultHeartbeat = defaultHeartbeat
            self.missedHeartbeats = missedHeartbeats
            self.helloTimeout = helloTimeout
            self.snapshotChunkBytes = snapshotChunkBytes
            self.store = store
            self.link = link
            self.pair = pair
        }
    }

    /// What the shell must do.
    public struct Output: Sendable {
        public var link: [CTILinkStateMachine.Action] = []
        /// Peer link actions, in order.
        public var peer: [PeerAction] = []
        public var sends: [(client: ClientID, bytes: ByteBuffer)] = []
        public var closes: [(client: ClientID, reason: String)] = []
        public var problems: [String] = []
        /// Changes of role and of the peer link, for the log at notice level.
        public var notices: [String] = []
        /// How long each request answered since the last output took, from its arrival to its answer.
        public var requestLatencies: [Duration] = []
        public var isEmpty: Bool {
            link.isEmpty && peer.isEmpty && sends.isEmpty && closes.isEmpty && problems.isEmpty && notices.isEmpty
                && requestLatencies.isEmpty
        }
    }

    public let configuration: Configuration
    public internal(set) var store: ObjectStore
    var link: CTILinkStateMachine
    var clients: [ClientID: ClientSession] = [:]
    /// Connection order, so that delivery order never depends on hashing.
    var order: [ClientID] = []
    /// Agent-mode clients by the agents and devices in their scope: who may care about a batch.
    var byAgent: [String: Set<ClientID>] = [:]
    var byDevice: [String: Set<ClientID>] = [:]
    var monitors: Set<ClientID> = []
    /// Client requests in flight at the CTI Server, by the link's tag.
    var inFlight: [UInt64: (origin: RequestOrigin, method: String, since: Duration)] = [:]
    /// The pair: role, peer link, replication.
    var peer = PeerState()
    /// The operator's drain of this server's clients to the peer, while one is in progress.
    public internal(set) var drain: DrainState?
    var nextTag: UInt64 = 1
    /// Whether a snapshot has been reconciled since start: until then the server has nothing correct to serve.
    public internal(set) var hasReconciled = false
    var output = Output()
    /// ``start(now:)`` was called: until then time passing changes nothing.
    var started = false
    /// When ``tick(now:)`` last ran.
    var lastTick: Duration?
    public internal(set) var counters = Counters()

    public struct Counters: Sendable {
        public var ctiEvents: UInt64 = 0
        public var batches: UInt64 = 0
        public var deliveries: UInt64 = 0
        public var requests: UInt64 = 0
        public var requestFailures: UInt64 = 0
        public var clientsRejected: UInt64 = 0
        public var slowClients: UInt64 = 0
        /// Modes set with a replay of what the client missed, and with a snapshot.
        public var resumes: UInt64 = 0
        public var snapshots: UInt64 = 0
    }

    /// The store and the link follow the configuration's peripheral, whatever their own configurations say.
    public init(configuration: Configuration) {
        var configuration = configuration
        configuration.store.peripheralID = configuration.peripheralID
        configuration.link.peripheralID = configuration.peripheralID
        self.configuration = configuration
        store = ObjectStore(configuration: configuration.store, epoch: configuration.pair?.initialEpoch ?? 1)
        link = CTILinkStateMachine(configuration: configuration.link)
    }

    /// Ready means able to serve correct state: alone or as primary, the CTI link is up and its snapshot
    /// reconciled; as backup, the peer's state transfer is complete and its stream is live.
    public var isReady: Bool {
        switch role {
        case .primary: link.liveSide != nil && hasReconciled
        case .backup: peer.isUp && hasReconciled
        case .joining: false
        }
    }

    /// This server's role: `primary` for a server alone once started.
    public var role: PeerRole { peer.role }

    /// Whether a client's hello is welcome: the store holds correct state and this server is not being rebuilt.
    var acceptsClients: Bool { hasReconciled && role != .joining }

    /// The CTI Server side the link is on, when it is up.
    public var ctiSide: CTISide? { link.liveSide }

    public var clientCount: Int { clients.count }

    // MARK: CTI link

    /// Starts the node: alone, as primary at once; in a pair, waiting for the peer (``PairConfiguration/startupWait``).
    public mutating func start(now: Duration) {
        guard !started else { return }
        started = true
        guard let pair = configuration.pair else {
            peer.role = .primary
            perform(link.start(now: now), now: now)
            return
        }
        peer.role = .joining
        peer.waitingSince = now
        if pair.dialsPeer { dialPeer(now: now) }
    }

    public mutating func ctiConnected(now: Duration) { perform(link.connected(now: now), now: now) }
    public mutating func ctiConnectFailed(now: Duration) { perform(link.connectFailed(now: now), now: now) }
    public mutating func ctiDisconnected(now: Duration) { perform(link.disconnected(now: now), now: now) }

    public mutating func ctiReceived(_ message: GED188Message, now: Duration) {
        perform(link.received(message, now: now), now: now)
    }

    /// The link's actions: the shell's (connect, send, close) go out; the store's are done here.
    mutating func perform(_ actions: [CTILinkStateMachine.Action], now: Duration) {
        for action in actions {
            switch action {
            case .connect, .send, .close:
                output.link.append(action)
            case .apply(let message):
                counters.ctiEvents += 1
                if let batch = store.apply(message) { commit(batch) }
            case .reconcile(let collected):
                let snapshot = CTIServerSnapshot(messages: collected.configuration + collected.teams + collected.answers,
                                                 peripheralID: configuration.peripheralID)
                if let batch = store.reconcile(with: snapshot) { commit(batch) }
                hasReconciled = true
            case .linkUp:
                if let batch = store.setCTIServerOnline(true) { commit(batch) }
            case .linkDown:
                if let batch = store.setCTIServerOnline(false) { commit(batch) }
            case .answer(let tag, let outcome):
                answer(tag: tag, outcome: outcome, now: now)
            }
        }
    }

    // MARK: Time

    public mutating func tick(now: Duration) {
        guard started else { return }
        perform(link.tick(now: now), now: now)
        peerTick(now: now)
        drainTick(now: now)
        // This loop's own stall (the process not scheduled, a burst of work) says nothing about the clients: what
        // they sent meanwhile may not be read yet. Their silence is measured from the end of the stall.
        let stall = lastTick.map { now - $0 } ?? .zero
        lastTick = now
        let configuration = self.configuration
        for id in order {
            // Each session is ticked where it lies in the dictionary: copying a session out and back (its view, its
            // sets) for every client every 10 ms was a third of a loaded server's time.
            guard let decision = clients[id]?.tick(now: now, stall: stall, configuration: configuration) else { continue }
            switch decision {
            case .nothing: break
            case .sendHeartbeat:
                send(.heartbeat, to: id)
                clients[id]?.lastSent = now
                clients[id]?.sentSinceTick = false
            case .close(let code, let reason):
                goodbye(id, code: code, reason: reason)
            }
        }
    }

    /// What the shell must do now.
    public mutating func takeOutput() -> Output {
        defer { output = Output() }
        return output
    }
}
