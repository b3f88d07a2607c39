import CTIOSWire
import NIOCore

/// The peer link's heartbeats, on the peer link's own loop: a heartbeat frame whenever nothing was written for an
/// interval, and the link closed when nothing was read for `missed` intervals. The core's loop may be busy with
/// thousands of clients; this loop has nothing else to do, so a busy primary is never mistaken for a dead one.
///
/// A hung core is not hidden by it: the core's loop sends `WATCHDOG=1`, so the service manager (systemd or the
/// node manager) kills a hung server, and its peer sees the socket close at once.
///
/// The decisions (and the rule that this side's own stalls do not count against the peer) are ``PeerLiveness``'s.
final class PeerLivenessHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Called on the peer loop when the peer has been silent too long, before the link is closed.
    let onSilence: @Sendable () -> Void
    private var liveness: PeerLiveness
    private var timer: RepeatedTask?
    private static let heartbeat: ByteBuffer = {
        var buffer = ByteBufferAllocator().buffer(capacity: 8)
        try! PeerMessage.heartbeat.encode(into: &buffer)
        return buffer
    }()

    init(interval: Duration, missed: Int, onSilence: @escaping @Sendable () -> Void) {
        self.onSilence = onSilence
        liveness = PeerLiveness(interval: interval, missed: missed, now: Self.now())
    }

    /// Monotonic time as a `Duration`, the liveness machine's clock.
    private static func now() -> Duration { .nanoseconds(Int64(NIODeadline.now().uptimeNanoseconds)) }

    func handlerAdded(context: ChannelHandlerContext) {
        liveness = PeerLiveness(interval: liveness.interval, missed: liveness.missed, now: Self.now())
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let step = TimeAmount(max(liveness.interval / 4, .milliseconds(1)))
        timer = context.eventLoop.scheduleRepeatedTask(initialDelay: step, delay: step) { _ in
            let (handler, context) = loopBound.value
            handler.tick(context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        liveness.read(now: Self.now())
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        liveness.wrote(now: Self.now())
        context.write(data, promise: promise)
    }

    private func tick(context: ChannelHandlerContext) {
        switch liveness.tick(now: Self.now()) {
        case .nothing:
            break
        case .sendHeartbeat:
            context.writeAndFlush(wrapOutboundOut(Self.heartbeat), promise: nil)
        case .lost:
            timer?.cancel()
            timer = nil
            onSilence()
            context.close(promise: nil)
        }
    }
}
