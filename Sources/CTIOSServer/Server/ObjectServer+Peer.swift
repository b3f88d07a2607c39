import CTIOSWire
import NIOCore
import NIOPosix

/// The peer link's shell: a listener for the peer, the dial (on the dialing side), one connection at a time. The
/// newest connection wins: a restarted peer's new connection replaces a half-open old one.
extension ObjectServer {
    func bindPeerListener() -> EventLoopFuture<Void> {
        guard configuration.core.pair != nil else { return loop.makeSucceededVoidFuture() }
        let bootstrap = ServerBootstrap(group: loop)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 16)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let generation = adoptPeer(channel, dialed: false)
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(PeerFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(PeerHandler(server: self, generation: generation))
                }
            }
        let bound: EventLoopFuture<Channel>
        if let fd = configuration.inheritedPeerListener {
            bound = bootstrap.withBoundSocket(fd)
        } else if let address = configuration.peerListen {
            bound = bootstrap.bind(to: address)
        } else {
            return loop.makeSucceededVoidFuture()
        }
        return bound.map { [self] channel in state.value.peerListener = channel }
    }

    /// The address the peer listener is bound to.
    public func peerListeningAddress() async throws -> SocketAddress? {
        try await loop.submit { [self] in state.value.peerListener?.localAddress }.get()
    }

    /// A peer connection is open: it replaces any other.
    private func adoptPeer(_ channel: Channel, dialed: Bool) -> UInt64 {
        let state = self.state.value
        if let old = state.peer {
            state.peer = nil
            old.close(promise: nil)
            state.core.peerDisconnected(now: now)
        }
        state.peerGeneration += 1
        state.peer = channel
        logger.info("peer link open", metadata: ["dialed": "\(dialed)", "remote": "\(channel.remoteAddress.map { "\($0)" } ?? "-")"])
        state.core.peerConnected(now: now)
        flushOutput()
        return state.peerGeneration
    }

    func performPeer(_ action: PeerAction) {
        let state = self.state.value
        switch action {
        case .connect:
            guard let address = configuration.peerAddress, !state.stopping else {
                state.core.peerConnectFailed(now: now)
                return
            }
            ClientBootstrap(group: loop)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(.milliseconds(500))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(PeerFrameDecoder()))
                    }
                }
                .connect(to: address)
                .whenComplete { [self] result in
                    let state = self.state.value
                    switch result {
                    case .success(let channel):
                        guard !state.stopping else { channel.close(promise: nil); return }
                        do {
                            try channel.pipeline.syncOperations.addHandler(
                                PeerHandler(server: self, generation: state.peerGeneration + 1))
                        } catch {
                            channel.close(promise: nil)
                            state.core.peerConnectFailed(now: now)
                            flushOutput()
                            return
                        }
                        _ = adoptPeer(channel, dialed: true)
                    case .failure:
                        state.core.peerConnectFailed(now: now)
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

    func peerReceived(_ message: PeerMessage, generation: UInt64) {
        guard generation == state.value.peerGeneration, state.value.peer != nil else { return }
        state.value.core.peerReceived(message, now: now)
    }

    func peerReadComplete(generation: UInt64) {
        guard generation == state.value.peerGeneration else { return }
        flushOutput()
    }

    func peerFailed(_ error: any Error, generation: UInt64) {
        guard generation == state.value.peerGeneration, state.value.peer != nil else { return }
        if error is WireError || error is ByteToMessageDecoderError {
            state.value.core.peerSentMalformed(error: "\(error)", now: now)
            flushOutput()
        } else {
            state.value.peer?.close(promise: nil)
        }
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

/// The peer connection's frames and end, to the server.
final class PeerHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = PeerMessage

    let server: ObjectServer
    let generation: UInt64

    init(server: ObjectServer, generation: UInt64) {
        self.server = server
        self.generation = generation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        server.peerReceived(unwrapInboundIn(data), generation: generation)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        server.peerReadComplete(generation: generation)
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        server.peerFailed(error, generation: generation)
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.peerClosed(generation: generation)
        context.fireChannelInactive()
    }
}
