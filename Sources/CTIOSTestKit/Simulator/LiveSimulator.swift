import CTISimulator
import GED188
import Logging
import NIOCore

/// A real `SimulatorServer` in the test's process: both sides on 127.0.0.1 with ephemeral ports, stopped when the
/// body returns. Model time is held at zero until the test starts it (unless `holdClock` is false), so a test can
/// connect its clients before anything happens.
public struct LiveSimulator: Sendable {
    public let server: SimulatorServer
    public let portA: Int
    public let portB: Int

    /// Starts a simulator, runs `body`, and stops it.
    public static func with<T>(
        configuration: ContactCenterConfiguration = .standard(),
        traffic: TrafficProfile = .none, seed: UInt64 = 1, holdClock: Bool = true,
        settings: SimulatorSettings = SimulatorSettings(), maximumOutboundBytes: Int = 8 << 20,
        _ body: (LiveSimulator) async throws -> T
    ) async throws -> T {
        let center = try ContactCenter(configuration: configuration, traffic: traffic, seed: seed)
        let server = SimulatorServer(
            core: SimulatorCore(center: center, settings: settings),
            configuration: .init(sideA: try SocketAddress(ipAddress: "127.0.0.1", port: 0),
                                 sideB: try SocketAddress(ipAddress: "127.0.0.1", port: 0),
                                 maximumOutboundBytes: maximumOutboundBytes, holdClock: holdClock),
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

    /// A raw GED-188 client connected to a side.
    public func connect(_ side: Side = .a) async throws -> GED188TestClient {
        try await GED188TestClient.connect(host: "127.0.0.1", port: side == .a ? portA : portB)
    }

    /// The simulator's truth now (what `/v1/state` serves).
    public func truth() async throws -> GroundTruth {
        try await server.withCore { core, _ in core.center.groundTruth() }
    }

    /// The request log now (what `/v1/requests` serves).
    public func requestLog() async throws -> [RequestLog.Entry] {
        try await server.withCore { core, _ in core.center.requestLog.entries }
    }

    /// Places an inbound call, as `POST /v1/calls` does.
    public func placeCall(dialedNumber: String = ContactCenterConfiguration.labDialedNumber, ani: String,
                          callVariables: [String?] = []) async throws -> UInt32? {
        try await server.withCore { core, now in
            core.placeInboundCall(dialedNumber: dialedNumber, ani: ani, callVariables: callVariables, now: now)
        }
    }

    /// The caller hangs up, as `POST /v1/calls/{id}/release` does.
    public func releaseCaller(_ callID: UInt32) async throws -> Bool {
        try await server.withCore { core, now in core.releaseExternalParty(callID: callID, now: now) }
    }
}
