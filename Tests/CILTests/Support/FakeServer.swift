import CTIOSWire
import NIOCore
import NIOPosix

/// A CIL server that misbehaves on purpose, on 127.0.0.1 with an ephemeral port: it sends bytes that do not decode,
/// never says a word, welcomes and then falls silent, welcomes and never answers a request, or rejects.
final class FakeServer: Sendable {
    enum Behaviour: Sendable {
        /// Writes these bytes as soon as a client connects.
        case garbage([UInt8])
        /// Accepts, reads, never writes.
        case silent
        /// Welcomes the hello (heartbeat 100 ms), then never writes again.
        case welcomeThenSilent
        /// Welcomes, sends a heartbeat every 50 ms, and never answers a request.
        case welcomeNoAnswers
        /// Answers the hello with this reject, then closes.
        case reject(RejectCode, String)
    }

    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    private init(channel: any Channel) { self.channel = channel }

    static func with<T>(_ behaviour: Behaviour, _ body: (FakeServer) async throws -> T) async throws -> T {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(behaviour: behaviour))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = FakeServer(channel: channel)
        do {
            let result = try await body(server)
            try await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let behaviour: Behaviour
        var greeted = false
        var heartbeats: RepeatedTask?

        init(behaviour: Behaviour) { self.behaviour = behaviour }

        func channelActive(context: ChannelHandlerContext) {
            if case .garbage(let bytes) = behaviour {
                context.writeAndFlush(NIOAny(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
            }
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard !greeted else { return }
            greeted = true
            let welcome = WireMessage.welcome(version: .current, serverID: "F", serverName: "fake",
                                              position: LogPosition(epoch: 1, sequence: 0), heartbeatMilliseconds: 100)
            switch behaviour {
            case .garbage, .silent:
                break
            case .welcomeThenSilent:
                context.writeAndFlush(NIOAny(try! welcome.encoded()), promise: nil)
            case .welcomeNoAnswers:
                context.writeAndFlush(NIOAny(try! welcome.encoded()), promise: nil)
                let channel = context.channel
                heartbeats = context.eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(50), delay: .milliseconds(50)) { _ in
                    channel.writeAndFlush(try! WireMessage.heartbeat.encoded(), promise: nil)
                }
            case .reject(let code, let reason):
                let channel = context.channel
                context.writeAndFlush(NIOAny(try! WireMessage.reject(code: code, reason: reason).encoded()))
                    .whenComplete { _ in channel.close(promise: nil) }
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            heartbeats?.cancel()
        }
    }
}
