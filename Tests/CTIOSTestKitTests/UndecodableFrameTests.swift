import CTIOSTestKit
import GED188
import NIOCore
import NIOPosix
import Testing

/// A fake CTI Server that writes fixed bytes to each client and then closes, for what the simulator never sends.
struct FakeServer {
    let channel: any Channel
    var port: Int { channel.localAddress?.port ?? 0 }

    static func with<T>(sending bytes: [UInt8], _ body: (FakeServer) async throws -> T) async throws -> T {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(WriteThenClose(bytes: bytes))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        do {
            let result = try await body(FakeServer(channel: channel))
            try await channel.close().get()
            return result
        } catch {
            try? await channel.close().get()
            throw error
        }
    }

    final class WriteThenClose: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let bytes: [UInt8]
        init(bytes: [UInt8]) { self.bytes = bytes }

        func channelActive(context: ChannelHandlerContext) {
            let written = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: written)
            let channel = context.channel
            written.futureResult.whenComplete { _ in channel.close(promise: nil) }
            context.fireChannelActive()
        }
    }
}

struct UndecodableFrameTests {
    /// HEARTBEAT_CONF with a 2-byte body (InvokeID needs 4), then a good HEARTBEAT_CONF 9.
    static let badThenGood: [UInt8] = [0, 0, 0, 2, 0, 0, 0, 6, 0, 0] + [0, 0, 0, 4, 0, 0, 0, 6, 0, 0, 0, 9]

    @Test func aFrameThatDoesNotDecodeIsReportedAndTheNextOneStillArrives() async throws {
        try await FakeServer.with(sending: Self.badThenGood) { server in
            let client = try await GED188TestClient.connect(host: "127.0.0.1", port: server.port)
            let error = await #expect(throws: GED188TestClientError.self) { try await client.next() }
            #expect(error?.code == .undecodableFrame)
            #expect(error?.frameType == .heartbeatConf)
            #expect(error?.decodingError?.code == .truncated)
            #expect(try await client.next() == .heartbeatConf(HeartbeatConf(invokeID: 9)))
            #expect(try await client.waitForClose())
            await client.close()
        }
    }

    @Test func waitForStopsAtAnUndecodableFrame() async throws {
        try await FakeServer.with(sending: Self.badThenGood) { server in
            let client = try await GED188TestClient.connect(host: "127.0.0.1", port: server.port)
            let error = await #expect(throws: GED188TestClientError.self) {
                try await client.waitFor(.heartbeatConf)
            }
            #expect(error?.code == .undecodableFrame)
            #expect(error?.message.contains("while waiting for HEARTBEAT_CONF") == true)
            await client.close()
        }
    }

    @Test func aHeaderAnnouncingAnOversizedBodyBreaksTheStreamClearly() async throws {
        // MessageLength 0x4000 (16,384) is over the protocol's maximum.
        try await FakeServer.with(sending: [0, 0, 0x40, 0, 0, 0, 0, 6]) { server in
            let client = try await GED188TestClient.connect(host: "127.0.0.1", port: server.port)
            let error = await #expect(throws: GED188TestClientError.self) { try await client.next() }
            #expect(error?.code == .undecodableFrame)
            #expect(error?.decodingError?.code == .messageTooLarge)
            await client.close()
        }
    }

    @Test func connectingToNothingFailsClearly() async throws {
        let port = try await FakeServer.with(sending: []) { $0.port }  // a port that was just freed
        let error = await #expect(throws: GED188TestClientError.self) {
            try await GED188TestClient.connect(host: "127.0.0.1", port: port, timeout: .seconds(2))
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
    }
}
