import CTIOSWire
import NIOCore
import NIOPosix

/// The peer link's shell: a listener for the peer, the dial (on the dialing side), one connection at a time. The
/// newest connection wins: a restarted peer's new connection replaces a half-open old one.
extension ObjectServer {
    func bindPeerListener() -> EventLoopFuture<Void> {
        guard configuration.core.pair != nil else { return loop.makeSucceededVoidFuture() }
        let bootstrap = ServerBootstrap(group: peerLoop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 16)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture { try preparePeer(channel, dialed: false) }
            }
        let bound: EventLoopFuture<Channel>
        if let fd = configuration.inheritedPeerListener {
            bound = bootstrap.withBoundSocket(fd)
        } else if let address = configuration.peerListen {
            bound = bootstrap.bind(to: address)
        } else {
            return loop.makeSucceededVoidFuture()
        }
        return bound.hop(to: loop).map { [self] channel in state.value.peerListener = channel }
    }

    /// On the peer loop, before the connection is active: its handlers (heartbeats, frames, the hop to the core) and
    /// its number. The core adopts it when it becomes active (``PeerHandler``), before any of its frames, which all
    /// follow on the core's loop in order.
    private func preparePeer(_ channel: Channel, dialed: Bool) throws {
        let generation = peerGenerations.withLock { value in
            value += 1
            return value
        }
        let pair = configuration.core.pair!
        try channel.pipeline.syncOperations.addHandler(PeerLivenessHandler(
            interval: pair.heartbeatInterval, missed: pair.missedHeartbeats,
            onSilence: { [self] in loop.execute { [self] in peerSilent(generation: generation) } }))
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(PeerFrameDecoder()))
        try channel.pipeline.syncOperations.addHandler(PeerHandler(server: self, generation: generation, dialed: dialed))
    }

    /// The address the peer listener is bound to.
    public func peerListeningAddress() async throws -> SocketAddress? {
        try await loop.submit { [self] in state.value.peerListener?.localAddress }.get()
    }

    /// A peer connection is open: it replaces any other.
    func adoptPeer(_ channel: Channel, generation: UInt64, dialed: Bool) {
        let state = self.state.value
        guard !state.stopping else { channel.close(promise: nil); return }
        if let old = state.peer {
            state.peer = nil
            old.close(promise: nil)
            state.core.peerDisconnected(now: now)
        }
        state.peerGeneration = generation
        state.peer = channel
        logger.info("peer link open", metadata: ["dialed": "\(dialed)", "remote": "\(channel.remoteAddress.map { "\($0)" } ?? "-")"])
        state.core.peerConnected(now: now)
        flushOutput()
    }

    func performPeer(_ action: PeerAction) {
        let state = self.state.value
        switch action {
        case .connect:
            guard let address = configuration.peerAddress, !state.stopping else {
                state.core.peerConnectFailed(now: now)
                return
            }
            ClientBootstrap(group: peerLoop)
                .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                .connectTimeout(.milliseconds(500))
                .channelInitializer { [self] channel in
                    channel.eventLoop.makeCompletedFuture { try preparePeer(channel, dialed: true) }
                }
                .connect(to: address)
                .whenFailure { [self] _ in
                    loop.execute { [self] in
                        self.state.value.core.peerConnectFailed(now: now)
                        flushOutput()
                    }
                }
        case .send(let bytes):
            guard let channel = state.peer else { return }
            channel.write(bytes, promise: nil)
            state.peerUnflushed = true
        case .close(let reason):
            logger.notice("closing the peer link", metadata: ["reason": "\(reason)"])
            if let channel = state.peer {
                channel.flush()  // the goodbye first
                channel.close(promise: nil)
            }
        }
    }

    /// The peer loop found the peer silent for the missed-heartbeat limit (it closes the socket itself).
    func peerSilent(generation: UInt64) {
        guard generation == state.value.peerGeneration, state.value.peer != nil else { return }
        state.value.core.peerSilent(now: now)
        flushOutput()
    }

    func peerReceived(_ message: PeerMessage, generation: UInt64) {
        guard generation == state.value.peerGeneration, state.value.peer != nil else { return }
        state.value.core.peerReceived(message, now: now)
    }

    func peerReadComplete(generation: UInt64) {
        guard generation == state.value.peerGeneration else { return }
        flushOutput()
    }

    func peerFailed(malformed: Bool, _ description: String, generation: UInt64) {
        guard generation == state.value.peerGeneration, state.value.peer != nil, malformed else { return }
        state.value.core.peerSentMalformed(error: description, now: now)
        flushOutput()
    }

    func peerClosed(generation: UInt64) {
        let state = self.state.value
        guard generation == state.peerGeneration, state.peer != nil, !state.stopping else { return }
        state.peer = nil
        logger.notice("peer link closed")
        state.core.peerDisconnected(now: now)
        flushOutput()
    }
}

/// The peer connection's frames and end, carried from the peer loop to the core's loop (in order: one thread
/// submits them all).
final class PeerHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = PeerMessage

    let server: ObjectServer
    let generation: UInt64
    let dialed: Bool

    init(server: ObjectServer, generation: UInt64, dialed: Bool) {
        self.server = server
        self.generation = generation
        self.dialed = dialed
    }

    func channelActive(context: ChannelHandlerContext) {
        let (server, generation, dialed, channel) = (self.server, self.generation, self.dialed, context.channel)
        server.loop.execute { server.adoptPeer(channel, generation: generation, dialed: dialed) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        let (server, generation) = (self.server, self.generation)
        server.loop.execute { server.peerReceived(message, generation: generation) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        let (server, generation) = (self.server, self.generation)
        server.loop.execute { server.peerReadComplete(generation: generation) }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let (server, generation) = (self.server, self.generation)
        let description = "\(error)"
        let malformed = error is WireError || error is ByteToMessageDecoderError
        server.loop.execute { server.peerFailed(malformed: malformed, description, generation: generation) }
        if !malformed { context.close(promise: nil) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        let (server, generation) = (self.server, self.generation)
        server.loop.execute { server.peerClosed(generation: generation) }
        context.fireChannelInactive()
    }
}
