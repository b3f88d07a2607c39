import CTIOSWire
import GED188
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import SystemdKit

/// The object server's network shell: the CIL listener, the connection to the CTI Server, and one event loop that
/// owns the ``ServerCore``. Every decision is the core's; this class moves bytes and time, and coalesces writes so
/// that a client gets one flush per burst of batches, not one per batch.
///
/// All state is confined to one event loop: the core is never touched from two threads, and a round trip through
/// that loop (the watchdog's) proves the whole server is alive.
public final class ObjectServer: Service, Sendable {
    public struct Configuration: Sendable {
        /// Where CIL clients connect (ignored when `inheritedListener` is given).
        public var listen: SocketAddress
        /// A listening socket handed over by the node manager or systemd (`LISTEN_FDS`, named `cil`).
        public var inheritedListener: CInt?
        /// The pair's peer link: where this server listens for its peer, and the peer's address (dialed when
        /// ``PairConfiguration/dialsPeer``). `nil` for a server alone (then ``ServerCore/Configuration/pair`` is `nil`).
        public var peerListen: SocketAddress?
        public var peerAddress: SocketAddress?
        /// A peer listening socket handed over by the node manager or systemd (named `peer`).
        public var inheritedPeerListener: CInt?
        /// The CTI Server's side A and side B.
        public var ctiSideA: SocketAddress
        public var ctiSideB: SocketAddress
        /// A client whose unsent bytes pass this is too slow: it is told so and closed (it may resume).
        public var maximumOutboundBytes: Int
        /// Each client socket's kernel send buffer (`SO_SNDBUF`); `nil` leaves it to the kernel, which grows it up
        /// to `net.ipv4.tcp_wmem`'s maximum. What a slow client may hold back is this plus `maximumOutboundBytes`.
        public var socketSendBufferBytes: Int?
        /// Clients beyond this are refused with `reject` (overloaded).
        public var maximumClients: Int
        /// How often time advances the core (heartbeats, timeouts).
        public var tick: Duration
        public var core: ServerCore.Configuration

        public init(listen: SocketAddress, inheritedListener: CInt? = nil, ctiSideA: SocketAddress,
                    ctiSideB: SocketAddress, maximumOutboundBytes: Int = 4 << 20, socketSendBufferBytes: Int? = nil,
                    maximumClients: Int = 20_000,
                    tick: Duration = .milliseconds(10), core: ServerCore.Configuration = .init(),
                    peerListen: SocketAddress? = nil, peerAddress: SocketAddress? = nil, inheritedPeerListener: CInt? = nil) {
            self.listen = listen
            self.peerListen = peerListen
            self.peerAddress = peerAddress
            self.inheritedPeerListener = inheritedPeerListener
            self.inheritedListener = inheritedListener
            self.ctiSideA = ctiSideA
            self.ctiSideB = ctiSideB
            self.maximumOutboundBytes = maximumOutboundBytes
            self.socketSendBufferBytes = socketSendBufferBytes
            self.maximumClients = maximumClients
            self.tick = tick
            self.core = core
        }
    }

    public let configuration: Configuration
    let loop: EventLoop
    /// The peer link's loop: its socket, its frames' decoding, its heartbeats (``PeerLivenessHandler``).
    let peerLoop: EventLoop
    /// Numbers peer connections, from the peer loop, so that a late event from an old one is ignored.
    let peerGenerations = Mutex<UInt64>(0)
    let logger: Logger
    let notifier: SystemdNotifier
    let metrics: ServerMetrics?
    let state: NIOLoopBoundBox<LoopState>
    private let group: MultiThreadedEventLoopGroup

    /// What lives on the loop.
    final class LoopState {
        var core: ServerCore
        var clients: [ClientID: Channel] = [:]
        /// Clients written to since the last flush.
        var unflushed: Set<ClientID> = []
        var listener: Channel?
        var cti: Channel?
        /// Incremented per CTI connection, so that a late event from an old connection is ignored.
        var ctiGeneration: UInt64 = 0
        var ctiUnflushed = false
        var peerListener: Channel?
        var peer: Channel?
        /// Incremented per peer connection, so that a late event from an old one is ignored.
        var peerGeneration: UInt64 = 0
        var peerUnflushed = false
        var nextClient: UInt64 = 1
        let origin = NIODeadline.now()
        var lastWatchdog = NIODeadline.distantPast
        var lastMetrics = NIODeadline.distantPast
        var readiness = ReadinessReporter()
        /// Set by ``ObjectServer/stop()``: no more CTI connections, no more link decisions.
        var stopping = false
        var ticker: RepeatedTask?
        init(core: ServerCore) { self.core = core }
    }

    public init(configuration: Configuration, logger: Logger, notifier: SystemdNotifier = SystemdNotifier(),
                metrics: ServerMetrics? = nil) {
        var configuration = configuration
        configuration.core.pair?.livenessInShell = true
        self.configuration = configuration
        self.logger = logger
        self.notifier = notifier
        self.metrics = metrics
        // Two threads: the core's loop (the store, every client, the CTI link) and the peer link's, where the peer
        // heartbeats are sent and checked, so that no amount of client work delays them.
        group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loops = Array(group.makeIterator())
        loop = loops[0]
        peerLoop = loops[1]
        state = .makeBoxSendingValue(LoopState(core: ServerCore(configuration: configuration.core)), eventLoop: loop)
    }

    // MARK: Lifecycle

    /// Listens for clients, starts the CTI link and the clock. Returns once listening.
    public func start() async throws {
        try await loop.flatSubmit { [self] () -> EventLoopFuture<Void> in
            bindListener().flatMap { [self] in bindPeerListener() }.map { [self] in
                state.value.ticker = loop.scheduleRepeatedTask(initialDelay: .zero, delay: TimeAmount(configuration.tick)) {
                    [self] _ in tick()
                }
                state.value.core.start(now: now)
                flushOutput()
            }
        }.get()
        let address = try await listeningAddress()
        logger.info("CTI OS server listening", metadata: [
            "cil": "\(address.map(String.init(describing:)) ?? "-")",
            "ctiSideA": "\(configuration.ctiSideA)", "ctiSideB": "\(configuration.ctiSideB)",
        ])
    }

    /// Runs until graceful shutdown: starts if needed, serves, then says goodbye to every client and stops.
    public func run() async throws {
        if try await listeningAddress() == nil { try await start() }
        try? await gracefulShutdown()
        try? notifier.stopping()
        try await stop()
    }

    /// Tells every client the server is stopping, closes every connection and the listener.
    public func stop() async throws {
        try await loop.flatSubmit { [self] () -> EventLoopFuture<Void> in
            let state = self.state.value
            state.stopping = true
            state.ticker?.cancel()
            state.ticker = nil
            for id in state.clients.keys.sorted() {
                state.core.shutdown(id)
            }
            flushOutput()
            var closes = state.clients.values.map { $0.close(mode: .all) }
            if let listener = state.listener { closes.append(listener.close()) }
            if let cti = state.cti { closes.append(cti.close()) }
            if let peer = state.peer { closes.append(peer.close()) }
            if let peerListener = state.peerListener { closes.append(peerListener.close()) }
            state.peer = nil
            state.peerListener = nil
            state.clients.removeAll()
            state.listener = nil
            state.cti = nil
            return EventLoopFuture.andAllComplete(closes, on: loop)
        }.get()
        try await group.shutdownGracefully()
    }

    /// The address clients connect to, once listening.
    public func listeningAddress() async throws -> SocketAddress? {
        try await loop.submit { [self] in state.value.listener?.localAddress }.get()
    }

    /// Runs `body` on the loop with the core (read-only use: admin routes, tests).
    public func withCore<T: Sendable>(_ body: @escaping @Sendable (ServerCore) -> T) async throws -> T {
        try await loop.submit { [self] in body(state.value.core) }.get()
    }

    /// Starts (or re-rates) a drain of this server's clients to its peer (``ServerCore/startDrain(clientsPerSecond:now:)``).
    public func startDrain(clientsPerSecond: Int) async throws {
        try await loop.submit { [self] in
            let state = self.state.value
            try state.core.startDrain(clientsPerSecond: clientsPerSecond, now: now)
            flushOutput()
        }.get()
    }

    /// Stops a drain: new clients are welcome again.
    public func stopDrain() async throws {
        try await loop.submit { [self] in
            state.value.core.stopDrain()
            flushOutput()
        }.get()
    }

    /// Whether the server can serve correct state: listening, connected to the CTI Server, snapshot reconciled.
    public func isReady() async -> Bool {
        (try? await loop.submit { [self] in state.value.listener != nil && state.value.core.isReady }.get()) ?? false
    }

    // MARK: On the loop

    /// Monotonic time since the server started.
    var now: Duration {
        .nanoseconds(Int64(NIODeadline.now().uptimeNanoseconds - state.value.origin.uptimeNanoseconds))
    }

    private func tick() {
        let state = self.state.value
        state.core.tick(now: now)
        flushOutput()
        if NIODeadline.now() - state.lastMetrics >= .seconds(1) {
            state.lastMetrics = .now()
            metrics?.update(self)
            reportReadiness(periodic: true)
        }
        // This tick ran on the loop that owns the store and serves every client: a hung server stops pinging.
        if let interval = notifier.watchdogPingInterval, NIODeadline.now() - state.lastWatchdog >= TimeAmount(interval) {
            state.lastWatchdog = .now()
            try? notifier.watchdog()
        }
    }

    private func bindListener() -> EventLoopFuture<Void> {
        let bootstrap = ServerBootstrap(group: loop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 4096)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.writeBufferWaterMark, value: .init(
                low: configuration.maximumOutboundBytes / 2, high: configuration.maximumOutboundBytes))
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    if let size = configuration.socketSendBufferBytes {
                        try channel.syncOptions?.setOption(.socketOption(.so_sndbuf), value: SocketOptionValue(size))
                    }
                    let id = accept(channel)
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(WireFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(ClientHandler(server: self, client: id))
                }
            }
        let bound: EventLoopFuture<Channel>
        if let fd = configuration.inheritedListener {
            bound = bootstrap.withBoundSocket(fd)
        } else {
            bound = bootstrap.bind(to: configuration.listen)
        }
        return bound.map { [self] channel in state.value.listener = channel }
    }

    private func accept(_ channel: Channel) -> ClientID {
        let state = self.state.value
        let id = ClientID(state.nextClient)
        state.nextClient += 1
        state.clients[id] = channel
        state.core.clientConnected(id, now: now)
        if state.clients.count > configuration.maximumClients {
            state.core.refuse(id, code: .overloaded, reason: "this server has \(configuration.maximumClients) clients; use the other server")
        }
        return id
    }

    // MARK: Client events

    func received(_ message: WireMessage, from id: ClientID) {
        state.value.core.clientReceived(message, from: id, now: now)
    }

    func receivedMalformed(_ error: any Error, from id: ClientID) {
        logger.notice("closing a client that sent a malformed frame", metadata: ["client": "\(id.rawValue)", "error": "\(error)"])
        state.value.core.clientSentMalformed(id, error: "\(error)")
        flushOutput()
    }

    /// The end of one read burst from a client: answer it in one write.
    func readComplete(from id: ClientID) {
        flushOutput()
    }

    func closed(_ id: ClientID) {
        guard state.value.clients.removeValue(forKey: id) != nil else { return }
        state.value.unflushed.remove(id)
        state.value.core.clientDisconnected(id)
        flushOutput()
    }

    func tooSlow(_ id: ClientID) {
        guard state.value.clients[id] != nil else { return }
        logger.warning("closing a client that stopped reading", metadata: [
            "client": "\(id.rawValue)", "limit": "\(configuration.maximumOutboundBytes) bytes",
        ])
        state.value.core.clientTooSlow(id)
        flushOutput()
    }

    // MARK: CTI link

    private func connectCTI(_ side: CTISide) {
        let state = self.state.value
        guard !state.stopping else { return }
        state.ctiGeneration += 1
        let generation = state.ctiGeneration
        let address = side == .a ? configuration.ctiSideA : configuration.ctiSideB
        ClientBootstrap(group: loop)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(2))
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(GED188FrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(CTIHandler(server: self, generation: generation))
                }
            }
            .connect(to: address)
            .whenComplete { [self] result in
                let state = self.state.value
                guard generation == state.ctiGeneration else {
                    if case .success(let channel) = result { channel.close(promise: nil) }
                    return
                }
                switch result {
                case .success(let channel):
                    state.cti = channel
                    logger.info("connected to the CTI Server", metadata: ["side": "\(side)", "address": "\(address)"])
                    state.core.ctiConnected(now: now)
                case .failure(let error):
                    logger.notice("cannot connect to the CTI Server", metadata: ["side": "\(side)", "error": "\(error)"])
                    state.core.ctiConnectFailed(now: now)
                }
                flushOutput()
            }
    }

    func ctiReceived(_ frame: GED188Frame, generation: UInt64) {
        guard generation == state.value.ctiGeneration else { return }
        do {
            state.value.core.ctiReceived(try frame.decode(), now: now)
        } catch {
            // One message this server cannot read: the link is no longer trustworthy; start again with a snapshot.
            logger.error("the CTI Server sent a message that does not decode", metadata: ["error": "\(error)"])
            ctiFailed(generation: generation)
        }
    }

    func ctiReadComplete(generation: UInt64) {
        guard generation == state.value.ctiGeneration else { return }
        flushOutput()
    }

    func ctiFailed(generation: UInt64) {
        guard generation == state.value.ctiGeneration, let channel = state.value.cti else { return }
        channel.close(promise: nil)
    }

    func ctiClosed(generation: UInt64) {
        let state = self.state.value
        guard generation == state.ctiGeneration, state.cti != nil, !state.stopping else { return }
        state.cti = nil
        logger.notice("the CTI Server connection closed")
        state.core.ctiDisconnected(now: now)
        flushOutput()
    }

    // MARK: Output

    /// Carries out what the core asks for: CTI link actions, client writes (flushed once per client), closes.
    func flushOutput() {
        let state = self.state.value
        while true {
            let output = state.core.takeOutput()
            if output.isEmpty { break }
            for action in output.link {
                switch action {
                case .connect(let side):
                    connectCTI(side)
                case .send(let message):
                    guard let channel = state.cti else { continue }
                    var buffer = channel.allocator.buffer(capacity: 64)
                    do {
                        try message.encode(into: &buffer)
                        channel.write(buffer, promise: nil)
                        state.ctiUnflushed = true
                    } catch {
                        logger.error("could not encode a GED-188 message", metadata: ["type": "\(message.type)", "error": "\(error)"])
                    }
                case .close(let reason):
                    logger.notice("closing the CTI Server connection", metadata: ["reason": "\(reason)"])
                    // A connect still in flight is no longer wanted either.
                    if state.cti == nil { state.ctiGeneration += 1 }
                    state.cti?.close(promise: nil)
                default:
                    break
                }
            }
            for action in output.peer { performPeer(action) }
            for (id, bytes) in output.sends {
                guard let channel = state.clients[id] else { continue }
                channel.write(bytes, promise: nil)
                state.unflushed.insert(id)
            }
            for (id, reason) in output.closes {
                logger.info("closing a client", metadata: ["client": "\(id.rawValue)", "reason": "\(reason)"])
                if let channel = state.clients.removeValue(forKey: id) {
                    if state.unflushed.remove(id) != nil { channel.flush() }
                    channel.close(promise: nil)
                }
            }
            for problem in output.problems { logger.error("\(problem)") }
            for notice in output.notices { logger.notice("\(notice)") }
            if let metrics { for latency in output.requestLatencies { metrics.requestAnswered(after: latency) } }
        }
        if state.ctiUnflushed {
            state.ctiUnflushed = false
            state.cti?.flush()
        }
        if state.peerUnflushed {
            state.peerUnflushed = false
            state.peer?.flush()
        }
        if !state.unflushed.isEmpty {
            for id in state.unflushed { state.clients[id]?.flush() }
            state.unflushed.removeAll(keepingCapacity: true)
        }
        reportReadiness()
    }

    /// `READY=1` the first time the server can serve correct state; `STATUS=` when readiness changes (and, from
    /// the tick, at most once a second when the client count or CTI side changes).
    // Not optimized: Swift 6.3's CopyPropagation pass crashes on this function in release builds ("Found ownership
    // error"). It runs once per output flush and does little, so nothing is lost.
    @_optimize(none)
    private func reportReadiness(periodic: Bool = false) {
        let state = self.state.value
        let ready = state.listener != nil && state.core.isReady
        let status = Self.status(ready: ready, role: state.core.role, clients: state.core.clientCount,
                                 side: state.core.ctiSide, paired: configuration.core.pair != nil)
        let notification = state.readiness.update(ready: ready, catchingUp: state.core.role == .joining,
                                                  status: status, periodic: periodic)
        tell(notification, status: status)
    }

    private func tell(_ notification: ReadinessReporter.Notification, status: String) {
        do {
            switch notification {
            case .none:
                return
            case .ready:
                logger.info("ready", metadata: ["status": .string(status)])
                try notifier.ready(status: status)
            case .status:
                try notifier.status(status)
            case .extend:
                // Catching up with the peer is progress, not a hang: the start deadline moves on while it lasts.
                try notifier.notify(.extendTimeout(ReadinessReporter.extension), .status(status))
            }
        } catch {
            logger.warning("could not notify the service manager", metadata: ["error": .string("\(error)")])
        }
    }

    static func status(ready: Bool, role: PeerRole, clients: Int, side: CTISide?, paired: Bool) -> String {
        guard ready else {
            return role == .joining ? "catching up with the peer" : "waiting for the CTI Server and its snapshot"
        }
        let what = paired ? "\(role), " : ""
        return "\(what)serving \(clients) clients" + (side.map { "; CTI Server side \($0)" } ?? "")
    }
}

/// When to tell the service manager: `READY=1` the first time the server is ready, `STATUS=` when readiness changes
/// (and, when asked periodically, when the status text changed); before the first `READY=1`, while the server is
/// catching up with its peer, `EXTEND_TIMEOUT_USEC=` on every periodic call.
struct ReadinessReporter: Sendable {
    enum Notification: Equatable { case none, ready, status, extend }

    /// How far each `EXTEND_TIMEOUT_USEC=` moves the start deadline (periodic calls come once a second).
    static let `extension`: Duration = .seconds(10)

    private(set) var toldReady = false
    private(set) var wasReady = false
    private(set) var lastStatus = ""

    mutating func update(ready: Bool, catchingUp: Bool, status: String, periodic: Bool) -> Notification {
        if ready && !toldReady {
            toldReady = true
            wasReady = true
            lastStatus = status
            return .ready
        }
        if !ready && !toldReady && catchingUp && periodic {
            lastStatus = status
            return .extend
        }
        guard ready != wasReady || (periodic && status != lastStatus) else { return .none }
        wasReady = ready
        lastStatus = status
        return .status
    }
}
