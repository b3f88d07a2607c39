import CTIOSWire
import NIOCore
import NIOPosix

/// A CIL server that does one thing fast: it welcomes a session, accepts its mode with a snapshot, then writes a
/// fixed number of pre-encoded batches as fast as the socket takes them (sequence numbers rewritten in place, no
/// encoding per batch). It runs on its own event loop, so the session's loop does only the session's work.
final class BlastServer: Sendable {
    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    private init(channel: any Channel) { self.channel = channel }

    /// Binds 127.0.0.1 on an ephemeral port. Each connection gets `batches` batches (rounded up to whole template
    /// runs) after its snapshot.
    static func start(group: any EventLoopGroup, template: BatchTemplate, snapshot: [SnapshotObject],
                      batches: Int) async throws -> BlastServer {
        let snapshotBytes = try Self.encodeSnapshot(snapshot)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.tcpOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        Handler(template: template, snapshot: snapshotBytes, batches: batches))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return BlastServer(channel: channel)
    }

    func close() async { try? await channel.close() }

    /// snapshotBegin, the objects in frames of about 64 KiB, snapshotEnd: at the position before the first batch.
    static func encodeSnapshot(_ objects: [SnapshotObject]) throws -> ByteBuffer {
        let position = LogPosition(epoch: 1, sequence: BatchTemplate.firstSequence - 1)
        var buffer = ByteBuffer()
        try WireMessage.snapshotBegin(position: position, reason: .initial).encode(into: &buffer)
        var start = 0
        while start < objects.count {
            let end = min(objects.count, start + 200)
            try WireMessage.snapshotObjects(Array(objects[start..<end])).encode(into: &buffer)
            start = end
        }
        try WireMessage.snapshotEnd(position: position).encode(into: &buffer)
        return buffer
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer

        let template: BatchTemplate
        let snapshot: ByteBuffer
        let runs: Int
        var buffer = ByteBuffer()
        var blasting = false
        var sentRuns = 0
        var nextSequence = BatchTemplate.firstSequence

        init(template: BatchTemplate, snapshot: ByteBuffer, batches: Int) {
            self.template = template
            self.snapshot = snapshot
            runs = (batches + template.frames - 1) / template.frames
            precondition(BatchTemplate.firstSequence + UInt64(runs * template.frames) <= BatchTemplate.lastSequence)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var bytes = unwrapInboundIn(data)
            buffer.writeBuffer(&bytes)
            while let message = try? WireFrameDecoder.nextMessage(from: &buffer) {
                switch message {
                case .hello(_, _, let heartbeat, _):
                    let welcome = WireMessage.welcome(
                        version: .current, serverID: "A", serverName: "cilbench",
                        position: LogPosition(epoch: 1, sequence: BatchTemplate.firstSequence - 1),
                        heartbeatMilliseconds: heartbeat)
                    context.writeAndFlush(NIOAny(try! welcome.encoded()), promise: nil)
                case .setMonitorMode(let requestID, _), .setAgentMode(let requestID, _, _, _):
                    context.write(NIOAny(try! WireMessage.response(requestID: requestID, result: .success([:])).encoded()),
                                  promise: nil)
                    context.write(NIOAny(snapshot), promise: nil)
                    blasting = true
                    pump(context: context)
                default:
                    continue // heartbeats
                }
            }
        }

        func channelWritabilityChanged(context: ChannelHandlerContext) {
            if blasting { pump(context: context) }
            context.fireChannelWritabilityChanged()
        }

        /// Writes runs of the template while the socket takes them.
        private func pump(context: ChannelHandlerContext) {
            while context.channel.isWritable, sentRuns < runs {
                var out = context.channel.allocator.buffer(capacity: template.bytes.readableBytes)
                template.copy(startingAt: nextSequence, into: &out)
                nextSequence += UInt64(template.frames)
                sentRuns += 1
                context.write(NIOAny(out), promise: nil)
            }
            context.flush()
            if sentRuns == runs { blasting = false }
        }
    }
}
