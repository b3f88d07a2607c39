import CTIOSCore
import CTIOSWire
import CTIOSServer
import Logging
import NIOCore
import SystemdKit

/// A real ``ObjectServer`` in the test's process, on an ephemeral port, connected to a ``LiveSimulator``'s sides, and
/// stopped when the body returns. ``with(simulator:configuration:_:)`` returns once the server is ready (connected
/// to the CTI Server, snapshot reconciled).
public struct LiveServer: Sendable {
    public let server: ObjectServer
    public let port: Int

    public static func with<T>(
        simulator: LiveSimulator, configuration: ServerCore.Configuration = .init(),
        maximumOutboundBytes: Int = 4 << 20, socketSendBufferBytes: Int? = nil, readyTimeout: Duration = .seconds(10),
        _ body: (LiveServer) async throws -> T
    ) async throws -> T {
        let server = ObjectServer(
            configuration: .init(listen: try SocketAddress(ipAddress: "127.0.0.1", port: 0),
                                 ctiSideA: try SocketAddress(ipAddress: "127.0.0.1", port: simulator.portA),
                                 ctiSideB: try SocketAddress(ipAddress: "127.0.0.1", port: simulator.portB),
                                 maximumOutboundBytes: maximumOutboundBytes, socketSendBufferBytes: socketSendBufferBytes,
                                 core: configuration),
            logger: Logger(label: "ctios.test.server", factory: { _ in SwiftLogNoOpLogHandler() }),
            notifier: .disabled)
        try await server.start()
        do {
            let deadline = ContinuousClock.now + readyTimeout
            while !(await server.isReady()) {
                guard ContinuousClock.now < deadline else {
                    throw LiveServerError("the server was not ready (CTI link up, snapshot reconciled) within \(readyTimeout)")
                }
                try await Task.sleep(for: .milliseconds(10))
            }
            let live = LiveServer(server: server, port: try await server.listeningAddress()?.port ?? 0)
            let result = try await body(live)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    /// A raw protocol client connected to this server.
    public func connect() async throws -> WireTestClient {
        try await WireTestClient.connect(port: port)
    }

    /// The objects a client in `mode` may see now (the truth a client's replica is compared with).
    public func visibleObjects(for mode: ClientMode) async throws -> [UniqueObjectID: Arguments] {
        try await server.withCore { $0.store.visibleObjects(for: mode) }
    }

    /// The whole store now.
    public func store() async throws -> ObjectStore {
        try await server.withCore { $0.store }
    }
}

/// A live server could not be brought up.
public struct LiveServerError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
