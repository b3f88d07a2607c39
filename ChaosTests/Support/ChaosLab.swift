import CIL
import CTIOSCore
import CTIOSTestKit
import CTIOSWire
import CTISimulator
import Foundation
import NIOConcurrencyHelpers

/// The whole system as real processes on loopback: `ctios sim`, servers A and B of a pair (`ctios server`), and
/// CIL sessions in this process with a profile naming both servers.
///
/// Ports: each lab takes free ports, laid out as the design's port plan (the simulator's sides A and B; each
/// server's CIL port, peer port and admin port), so labs never collide with each other or with a demo.
final class ChaosLab: @unchecked Sendable {
    struct Ports {
        var simA, simB, simAdmin: Int
        var cil: [Int]
        var peer: [Int]
        var admin: [Int]
    }

    let ports: Ports
    let simulator: ChildProcess
    private let lock = NIOLockedValueBox<[ChildProcess?]>([nil, nil])
    var servers: [ChildProcess?] { lock.withLockedValue { $0 } }
    private(set) var sessions: [LabSession] = []

    /// Starts the simulator (traffic at `callsPerSecond`, `agents` agents) and both servers, and waits until both
    /// are ready (A primary, B backup).
    init(callsPerSecond: Double, agents: Int = 50, seed: UInt64 = 1) async throws {
        let free = try ChildProcess.freePorts(9)
        ports = Ports(simA: free[0], simB: free[1], simAdmin: free[2], cil: [free[3], free[4]], peer: [free[5], free[6]],
                      admin: [free[7], free[8]])
        simulator = try ChildProcess("ctios", [
            "sim", "--side-a", "127.0.0.1:\(ports.simA)", "--side-b", "127.0.0.1:\(ports.simB)",
            "--admin", "127.0.0.1:\(ports.simAdmin)", "--agents", "\(agents)", "--seed", "\(seed)",
            "--calls-per-second", "\(callsPerSecond)", "--log-level", "warning",
        ])
        do {
            try startServer(0)
            try await waitReady(0)
            try startServer(1)
            try await waitReady(1)
        } catch {
            // No lab to shut down later: stop what was started, so no process outlives the test.
            for server in servers { await server?.stop() }
            await simulator.stop()
            throw error
        }
    }

    static let names = ["A", "B"]

    /// Starts (or restarts) server `index` as a real process.
    func startServer(_ index: Int) throws {
        let other = 1 - index
        let process = try ChildProcess("ctios", [
            "server", "--server-id", Self.names[index],
            "--listen", "127.0.0.1:\(ports.cil[index])", "--admin", "127.0.0.1:\(ports.admin[index])",
            "--cti-side-a", "127.0.0.1:\(ports.simA)", "--cti-side-b", "127.0.0.1:\(ports.simB)",
            "--peer-listen", "127.0.0.1:\(ports.peer[index])", "--peer", "127.0.0.1:\(ports.peer[other])",
            "--log-level", ProcessInfo.processInfo.environment["CHAOS_SERVER_LOG_LEVEL"] ?? "notice",
        ])
        lock.withLockedValue { $0[index] = process }
    }

    func waitReady(_ index: Int, timeout: Duration = .seconds(30)) async throws {
        do {
            try await poll("server \(Self.names[index]) /ready", timeout: timeout, seen: { self.stderrTail() }) {
                (try? await AdminClient.get("http://127.0.0.1:\(self.ports.admin[index])/ready").status) == 200
            }
        } catch let error as WaitTimedOut {
            let cluster = (try? await cluster(index)).map { "\($0)" } ?? "no answer"
            let running = servers[index]?.isRunning ?? false
            throw WaitTimedOut(description: "\(error.description)\nserver \(Self.names[index]) running: \(running); /v1/cluster: \(cluster)")
        }
    }

    /// Each server's `/v1/cluster`: role, epoch, peer.
    func cluster(_ index: Int) async throws -> [String: Any] {
        let (status, body) = try await AdminClient.get("http://127.0.0.1:\(ports.admin[index])/v1/cluster")
        guard status == 200, let json = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw WaitTimedOut(description: "server \(Self.names[index]) /v1/cluster answered \(status)")
        }
        return json
    }

    func role(_ index: Int) async -> String? { try? await cluster(index)["role"] as? String }

    /// The index of the primary (asking both).
    func primary() async -> Int? {
        for index in 0..<2 where await role(index) == "primary" { return index }
        return nil
    }

    /// The simulator's truth, from its admin API.
    func truth() async throws -> GroundTruth {
        let (status, body) = try await AdminClient.get("http://127.0.0.1:\(ports.simAdmin)/v1/state")
        guard status == 200 else { throw WaitTimedOut(description: "the simulator's /v1/state answered \(status)") }
        return try JSONDecoder().decode(GroundTruth.self, from: body)
    }

    func simulatorPost(_ path: String, json: String = "{}") async throws {
        let (status, body) = try await AdminClient.post("http://127.0.0.1:\(ports.simAdmin)\(path)", json: json)
        guard status == 200 else {
            throw WaitTimedOut(description: "the simulator's \(path) answered \(status): \(String(decoding: body, as: UTF8.self))")
        }
    }

    func serverPost(_ index: Int, _ path: String, json: String = "{}") async throws {
        let (status, body) = try await AdminClient.post("http://127.0.0.1:\(ports.admin[index])\(path)", json: json)
        guard status == 200 else {
            throw WaitTimedOut(description: "server \(Self.names[index]) \(path) answered \(status): \(String(decoding: body, as: UTF8.self))")
        }
    }

    /// The profile every session uses: both servers, the default heartbeats (250 ms, 3 missed).
    func profile(seed: UInt64) -> ConnectionProfile {
        var profile = ConnectionProfile(serverA: ServerAddress(host: "127.0.0.1", port: ports.cil[0]),
                                        serverB: ServerAddress(host: "127.0.0.1", port: ports.cil[1]))
        profile.randomSeed = seed
        profile.clientName = "chaos \(seed)"
        return profile
    }

    /// Connects `monitors` monitor-mode sessions (everything) and agent-mode sessions for `agents`, spread over
    /// both servers by the profile's random start, `wave` at a time.
    func connect(monitors: Int, agents: [String], wave: Int = 1_000) async throws {
        let total = monitors + agents.count
        for first in stride(from: 0, to: total, by: wave) {
            try await connect(monitors: monitors, agents: agents, indices: first..<min(total, first + wave))
        }
    }

    private func connect(monitors: Int, agents: [String], indices: Range<Int>) async throws {
        try await withThrowingTaskGroup(of: LabSession.self) { group in
            for index in indices {
                let profile = self.profile(seed: UInt64(index + 1))
                let agent = index < monitors ? nil : agents[index - monitors]
                group.addTask {
                    let session = LabSession(agentID: agent)
                    try await session.session.connect(profile)
                    if let agent {
                        _ = try await session.session.setAgent(agentID: agent)
                    } else {
                        try await session.session.setMessageFilter("UniqueObjectID=*")
                    }
                    return session
                }
            }
            for try await session in group { sessions.append(session) }
        }
    }

    /// The server (0 or 1) a session is on now.
    func serverIndex(of session: LabSession) -> Int? {
        guard let server = session.session.currentServer else { return nil }
        return ports.cil.firstIndex(of: server.port)
    }

    /// Sessions on server `index` now.
    func sessions(on index: Int) -> [LabSession] { sessions.filter { serverIndex(of: $0) == index } }

    /// Holds the simulator's clock and waits until every session's cache has stopped changing (no new events for
    /// `quiet`), so caches can be compared with the truth.
    func settle(quiet: Duration = .milliseconds(500), timeout: Duration = .seconds(20)) async throws {
        try await simulatorPost("/v1/clock/hold")
        var counts = sessions.map(\.log.events.count)
        var stableSince = ContinuousClock.now
        try await poll("every session quiet for \(quiet)", timeout: timeout) {
            let now = sessions.map(\.log.events.count)
            if now != counts {
                counts = now
                stableSince = ContinuousClock.now
            }
            return ContinuousClock.now - stableSince >= quiet
        }
    }

    /// Every session's cache against the simulator's truth on named fields (``compare(cache:simulator:agents:)``):
    /// a monitor session for every agent, an agent session for its own agent. The differences, prefixed by session.
    func differencesFromTruth() async throws -> [String] {
        let truth = try await truth()
        let everyone = Set(truth.agents.map(\.id))
        var differences: [String] = []
        for (index, session) in sessions.enumerated() {
            let agents = session.agentID.map { Set([$0]) } ?? everyone
            for difference in compare(cache: session.session.allObjects(), simulator: truth, agents: agents) {
                differences.append("session \(index) (\(session.agentID.map { "agent \($0)" } ?? "monitor")): \(difference)")
            }
        }
        return differences
    }

    func stderrTail() -> String {
        let servers = self.servers.enumerated().map { "server \(Self.names[$0.offset]): \($0.element?.stderr.suffix(800) ?? "-")" }
        return (["sim: \(simulator.stderr.suffix(500))"] + servers).joined(separator: "\n")
    }

    /// Disconnects every session and stops every process.
    func shutDown() async {
        for session in sessions { await session.session.disconnect() }
        for server in servers { await server?.stop() }
        await simulator.stop()
    }
}

/// One CIL session of a lab and every event it raised.
final class LabSession: Sendable {
    let session = Session()
    let log = EventLog()
    let agentID: String?

    init(agentID: String?) {
        self.agentID = agentID
        session.addEventListener(log)
    }

    /// `OnSessionRecovered` events raised after `start` events.
    func recoveries(after start: Int) -> [CILEvent] {
        log.events.dropFirst(start).filter { $0.name == .onSessionRecovered }
    }
}
