import GED188
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import SystemdKit

/// The simulator's network shell: sides A and B over TCP, one event loop that owns the ``SimulatorCore``, and a
/// clock that drives it. Every decision is the core's; this class only moves bytes and time.
///
/// All state is confined to one event loop, so the core is never touched from two threads.
public final class SimulatorServer: Service, Sendable {
    /// Where each side listens.
    public struct Configuration: Sendable {
        public var sideA: SocketAddress
        public var sideB: SocketAddress
        /// A session whose unsent bytes pass this is cut off as too slow (it never stalls the model).
        public var maximumOutboundBytes: Int
        /// How often the model's clock ticks.
        public var tick: Duration
        /// Start with model time held at zero until ``SimulatorServer/startClock()``: clients can connect first and
        /// see a seeded run from its very first event.
        public var holdClock: Bool

        public init(sideA: SocketAddress, sideB: SocketAddress, maximumOutboundBytes: Int = 8 << 20,
                    tick: Duration = .milliseconds(5), holdClock: Bool = false) {
            self.sideA = sideA
            self.sideB = sideB
            self.maximumOutboundBytes = maximumOutboundBytes
            self.tick = tick
            self.holdClock = holdClock
        }
    }

    let configuration: Configuration
    let loop: EventLoop
    let logger: Logger
    let notifier: SystemdNotifier
    let metrics: SimulatorAdmin.Metrics?
    let state: NIOLoopBoundBox<LoopState>
    private let group: MultiThreadedEventLoopGroup

    /// What lives on the loop.
    final class LoopState {
        var core: SimulatorCore
        var channels: [SessionID: Channel] = [:]
        var listeners: [Side: Channel] = [:]
        var addresses: [Side: SocketAddress] = [:]
        var nextSession: UInt64 = 1
        /// Real time at model time zero.
        var origin = NIODeadline.now()
        /// Model time while the clock is held.
        var heldAt: Duration?
        var lastWatchdog = NIODeadline.distantPast
        var lastMetrics = NIODeadline.distantPast
        var ticker: RepeatedTask?
        init(core: SimulatorCore) { self.core = core }
    }

    public init(core: SimulatorCore, configuration: Configuration, logger: Logger,
                notifier: SystemdNotifier = SystemdNotifier(), metrics: SimulatorAdmin.Metrics? = nil) {
        self.metrics = metrics
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        self.loop = group.next()
        self.configuration = configuration
        self.logger = logger
        self.notifier = notifier
        self.state = .makeBoxSendingValue(LoopState(core: core), eventLoop: loop)
    }

    // MARK: Lifecycle

    /// Binds both sides and starts the clock. Returns once both sides listen.
    public func start() async throws {
        try await loop.flatSubmit { [self] () -> EventLoopFuture<Void> in
            state.value.origin = .now()
            state.value.heldAt = configuration.holdClock ? .zero : nil
            let a = bind(.a, to: configuration.sideA)
            let b = bind(.b, to: configuration.sideB)
            return a.and(b).map { _ in
                self.state.value.ticker = self.loop.scheduleRepeatedTask(
                    initialDelay: .nanoseconds(0), delay: TimeAmount(self.configuration.tick)) { _ in self.tick() }
            }
        }.get()
        let ports = try await boundAddresses()
        logger.info("CTI Server simulator listening", metadata: [
            "sideA": "\(ports[.a].map(String.init(describing:)) ?? "-")",
            "sideB": "\(ports[.b].map(String.init(describing:)) ?? "-")",
        ])
    }

    /// Runs until graceful shutdown or cancellation: starts if needed, sends `READY=1`, then serves.
    public func run() async throws {
        if try await boundAddresses().isEmpty { try await start() }
        try? notifier.ready(status: "serving sides A and B")
        try? await gracefulShutdown()
        try? notifier.stopping()
        try await stop()
    }

    /// Closes every session and both listeners, and stops the clock.
    public func stop() async throws {
        try await loop.flatSubmit { [self] () -> EventLoopFuture<Void> in
            let state = self.state.value
            state.ticker?.cancel()
            state.ticker = nil
            let closes = (Array(state.channels.values) + Array(state.listeners.values)).map { $0.close(mode: .all) }
            state.channels.removeAll()
            state.listeners.removeAll()
            return EventLoopFuture.andAllComplete(closes, on: loop)
        }.get()
        try await group.shutdownGracefully()
    }

    /// The addresses the sides are bound to now (a side that is offline is missing).
    public func boundAddresses() async throws -> [Side: SocketAddress] {
        try await loop.submit { [self] in
            state.value.listeners.compactMapValues(\.localAddress)
        }.get()
    }

    /// Runs `body` on the loop with the core, then carries out what the core asks for.
    public func withCore<T: Sendable>(_ body: @escaping @Sendable (inout SimulatorCore, Duration) -> T) async throws -> T {
        try await loop.submit { [self] in
            let value = body(&state.value.core, now)
            flushOutput()
            return value
        }.get()
    }

    /// Takes a side offline (stop listening, reset its sessions), hangs it, or brings it back.
    public func setSide(_ side: Side, _ condition: SideCondition) async throws {
        try await loop.flatSubmit { [self] () -> EventLoopFuture<Void> in
            let state = self.state.value
            state.core.setSide(side, condition)
            flushOutput()
            if condition == .offline, let listener = state.listeners.removeValue(forKey: side) {
                return listener.close()
            }
            if condition != .offline, state.listeners[side] == nil {
                let address = state.addresses[side] ?? (side == .a ? configuration.sideA : configuration.sideB)
                return bind(side, to: address)
            }
            return loop.makeSucceededVoidFuture()
        }.get()
    }

    // MARK: On the loop

    /// Model time: real time since the start, minus the time the clock was held.
    var now: Duration {
        if let held = state.value.heldAt { return held }
        let nanoseconds = NIODeadline.now().uptimeNanoseconds - state.value.origin.uptimeNanoseconds
        return .nanoseconds(Int64(nanoseconds))
    }

    /// Stops model time (requests are still answered; traffic and timers wait).
    public func holdClock() async throws {
        try await loop.submit { [self] in
            if state.value.heldAt == nil { state.value.heldAt = now }
        }.get()
    }

    /// Lets model time run again from where it was held.
    public func startClock() async throws {
        try await loop.submit { [self] in
            guard let held = state.value.heldAt else { return }
            state.value.origin = NIODeadline.now() - .nanoseconds(Int64(held.components.seconds) * 1_000_000_000
                                                                  + held.components.attoseconds / 1_000_000_000)
            state.value.heldAt = nil
        }.get()
    }

    /// Whether model time is held.
    public func isClockHeld() async throws -> Bool {
        try await loop.submit { [self] in state.value.heldAt != nil }.get()
    }

    private func tick() {
        state.value.core.advance(to: now)
        flushOutput()
        if let metrics, NIODeadline.now() - state.value.lastMetrics >= .seconds(1) {
            state.value.lastMetrics = .now()
            metrics.update(state.value.core)
        }
        if let interval = notifier.watchdogPingInterval,
           NIODeadline.now() - state.value.lastWatchdog >= TimeAmount(interval) {
            state.value.lastWatchdog = .now()
            try? notifier.watchdog()
        }
    }

    private func bind(_ side: Side, to address: SocketAddress) -> EventLoopFuture<Void> {
        ServerBootstrap(group: loop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 256)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelOption(.writeBufferWaterMark, value: .init(
                low: configuration.maximumOutboundBytes / 2, high: configuration.maximumOutboundBytes))
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let id = accept(channel, side: side)
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(GED188FrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SessionHandler(server: self, session: id))
                }
            }
            .bind(to: address)
            .map { [self] channel in
                state.value.listeners[side] = channel
                state.value.addresses[side] = channel.localAddress
            }
    }

    private func accept(_ channel: Channel, side: Side) -> SessionID {
        let state = self.state.value
        let id = SessionID(state.nextSession)
        state.nextSession += 1
        guard state.core.connect(id, side: side, now: now) else {
            logger.info("refused a connection: side offline", metadata: ["side": "\(side)"])
            channel.close(promise: nil)
            return id
        }
        state.channels[id] = channel
        logger.debug("client connected", metadata: ["session": "\(id.rawValue)", "side": "\(side)"])
        return id
    }

    func received(_ frame: GED188Frame, session: SessionID) {
        do {
            let message = try frame.decode()
            state.value.core.receive(message, from: session, now: now)
        } catch {
            state.value.core.receiveMalformed(error, from: session)
        }
        flushOutput()
    }

    func receivedUndecodable(_ error: GED188Error, session: SessionID) {
        state.value.core.receiveMalformed(error, from: session)
        flushOutput()
    }

    func closed(session: SessionID) {
        state.value.channels[session] = nil
        state.value.core.disconnect(session)
        flushOutput()
    }

    func tooSlow(session: SessionID) {
        logger.warning("cutting off a client that stopped reading", metadata: [
            "session": "\(session.rawValue)", "limit": "\(configuration.maximumOutboundBytes) bytes",
        ])
        state.value.channels.removeValue(forKey: session)?.close(promise: nil)
        state.value.core.disconnect(session)
    }

    func flushOutput() {
        let state = self.state.value
        let output = state.core.takeOutput()
        guard !output.isEmpty else { return }
        for (session, bytes) in output.sends {
            state.channels[session]?.writeAndFlush(bytes, promise: nil)
        }
        for (session, reason) in output.closes {
            logger.info("closing session", metadata: ["session": "\(session.rawValue)", "reason": "\(reason)"])
            state.channels.removeValue(forKey: session)?.close(promise: nil)
        }
        for problem in output.problems { logger.error("\(problem)") }
    }
}

/// One client connection: frames in, to the server; closes and back-pressure, to the server.
final class SessionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = GED188Frame

    let server: SimulatorServer
    let session: SessionID

    init(server: SimulatorServer, session: SessionID) {
        self.server = server
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        server.received(unwrapInboundIn(data), session: session)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if let error = error as? GED188Error {
            server.receivedUndecodable(error, session: session)
        } else {
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.closed(session: session)
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if !context.channel.isWritable { server.tooSlow(session: session) }
        context.fireChannelWritabilityChanged()
    }
}
