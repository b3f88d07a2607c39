import CTIOSTestKit
import CTISimulator
import GED188
import Logging
import NIOCore

/// A `SimulatorServer` in this process, both sides on 127.0.0.1 with ephemeral ports.
struct LiveSimulator {
    let server: SimulatorServer
    let portA: Int
    let portB: Int

    /// Starts a simulator (model time held at zero unless `holdClock` is false), runs `body`, and stops it.
    static func with<T>(
        traffic: TrafficProfile = .none, seed: UInt64 = 1, holdClock: Bool = true,
        _ body: (LiveSimulator) async throws -> T
    ) async throws -> T {
        let center = try ContactCenter(configuration: .standard(), traffic: traffic, seed: seed)
        let server = SimulatorServer(
            core: SimulatorCore(center: center),
            configuration: .init(sideA: try SocketAddress(ipAddress: "127.0.0.1", port: 0),
                                 sideB: try SocketAddress(ipAddress: "127.0.0.1", port: 0), holdClock: holdClock),
            logger: Logger(label: "ctios.test.simulator", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await server.start()
        do {
            let addresses = try await server.boundAddresses()
            let simulator = LiveSimulator(server: server, portA: addresses[.a]?.port ?? 0, portB: addresses[.b]?.port ?? 0)
            let result = try await body(simulator)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    func connect(_ side: Side = .a) async throws -> GED188TestClient {
        try await GED188TestClient.connect(host: "127.0.0.1", port: side == .a ? portA : portB)
    }

    /// The simulator's truth now (what `/v1/state` serves).
    func truth() async throws -> GroundTruth {
        try await server.withCore { core, _ in core.center.groundTruth() }
    }
}
