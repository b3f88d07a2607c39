import CTIOSWire
import NIOCore

/// The peer link's heartbeats, on the peer link's own loop: a heartbeat frame whenever nothing was written for an
/// interval, and the link closed when nothing was read for `missed` intervals. The core's loop may be busy with
/// thousands of clients; this loop has nothing else to do, so a busy primary is never mistaken for a dead one.
///
/// A hung core is not hidden by it: the core's loop sends `WATCHDOG=1`, so the service manager (systemd or the
/// node manager) kills a hung server, and its peer sees the socket close at once.
///
/// Its own stalls do not count against the peer: when its timer fires more than an interval late (this process was
/// not scheduled), the silence is measured again from then, since what the peer sent meanwhile may not be read yet.
final class PeerLivenessHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let interval: TimeAmount
    let missed: Int
    /// Called on the peer loop when the peer has been silent too long, before the link is closed.
    let onSilence: @Sendable () -> Void
    private var lastRead = NIODeadline.now()
    private var lastWrite = NIODeadline.now()
    private var lastTick = NIODeadline.now()
    private var timer: RepeatedTask?
    private static let heartbeat: ByteBuffer = {
        var buffer = ByteBufferAllocator().buffer(capacity: 8)
        try! PeerMessage.heartbeat.encode(into: &buffer)
        return buffer
    }()

    init(interval: Duration, missed: Int, onSilence: @escaping @Sendable () -> Void) {
        self.interval = TimeAmount(interval)
        self.missed = missed
        self.onSilence = onSilence
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let now = NIODeadline.now()
        (lastRead, lastWrite, lastTick) = (now, now, now)
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let step = TimeAmount.nanoseconds(max(interval.nanoseconds / 4, 1_000_000))
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
        lastRead = .now()
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        lastWrite = .now()
        context.write(data, promise: promise)
    }

    private func tick(context: ChannelHandlerContext) {
        let now = NIODeadline.now()
        if now - lastTick > interval {
            lastRead = max(lastRead, now)
        }
        lastTick = now
        if now - lastRead >= interval * Int64(missed) {
            timer?.cancel()
            timer = nil
            onSilence()
            context.close(promise: nil)
            return
        }
        if now - lastWrite >= interval {
            lastWrite = now
            context.writeAndFlush(wrapOutboundOut(Self.heartbeat), promise: nil)
        }
    }
}
