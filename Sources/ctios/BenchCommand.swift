import ArgumentParser
import Foundation
import GED188
import NIOCore
import NIOPosix

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measuring tools for the benchmarks (Docs/Performance.md).",
        subcommands: [Readers.self]
    )

    /// Bridge sessions that only split frames and count them: load on a CTI Server without decoding costs.
    struct Readers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open N ALL_EVENTS sessions to a CTI Server and count the GED-188 messages each receives per second.")

        @Option(help: "The CTI Server, host:port.") var server = "127.0.0.1:42027"
        @Option(help: "How many bridge sessions.") var clients = 1
        @Option(help: "Seconds to measure, after the warm-up.") var seconds = 10.0
        @Option(help: "Seconds to let the sessions settle before measuring.") var warmUp = 2.0

        func run() throws {
            let address = try parseAddress(server, option: "server")
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            defer { try? group.syncShutdownGracefully() }
            let counters = (0..<clients).map { _ in FrameCounter() }
            var channels: [Channel] = []
            for (index, counter) in counters.enumerated() {
                let channel = try ClientBootstrap(group: group)
                    .channelOption(.tcpOption(.tcp_nodelay), value: 1)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(counter) }
                    }
                    .connect(to: address).wait()
                let open = OpenReq(
                    invokeID: 1, idleTimeout: GED188Protocol.nullID, peripheralID: GED188Protocol.nullID,
                    servicesRequested: [.allEvents], callMsgMask: CallMessageMask(rawValue: 0x1F_FFFF),
                    agentStateMask: AgentStateMask(rawValue: 0x3FFF), clientID: "bench-reader-\(index)", clientPassword: "")
                try channel.writeAndFlush(try open.encoded()).wait()
                channels.append(channel)
            }
            Thread.sleep(forTimeInterval: warmUp)
            let before = try counters.map { counter in try group.next().submit { counter.snapshot() }.wait() }
            let start = Date()
            Thread.sleep(forTimeInterval: seconds)
            let after = try counters.map { counter in try group.next().submit { counter.snapshot() }.wait() }
            let elapsed = Date().timeIntervalSince(start)
            let rates = zip(before, after).map { Double($1.messages - $0.messages) / elapsed }
            let bytes = zip(before, after).map { Double($1.bytes - $0.bytes) / elapsed }
            let closedEarly = try counters.map { counter in try group.next().submit { counter.closed }.wait() }.filter { $0 }.count
            for channel in channels { try? channel.close().wait() }
            let result: [String: Any] = [
                "clients": clients, "seconds": elapsed,
                "messagesPerSecondPerClient": rates.map { ($0 * 10).rounded() / 10 },
                "messagesPerSecondTotal": (rates.reduce(0, +) * 10).rounded() / 10,
                "bytesPerSecondTotal": bytes.reduce(0, +).rounded(),
                "closedEarly": closedEarly,
            ]
            let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}

/// Counts whole GED-188 frames from their headers; never decodes a body.
final class FrameCounter: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private var pending = ByteBuffer()
    private(set) var messages = 0
    private(set) var bytes = 0
    private(set) var closed = false

    func snapshot() -> (messages: Int, bytes: Int) { (messages, bytes) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        bytes += incoming.readableBytes
        pending.writeBuffer(&incoming)
        while let length = pending.getInteger(at: pending.readerIndex, as: UInt32.self),
              pending.readableBytes >= 8 + Int(length) {
            pending.moveReaderIndex(forwardBy: 8 + Int(length))
            messages += 1
        }
        pending.discardReadBytes()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
    }
}
