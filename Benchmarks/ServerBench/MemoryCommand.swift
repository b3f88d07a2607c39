import ArgumentParser
import CTISimulator
import CTIOSWire
import Foundation
import Glibc
import NIOCore

/// `ServerBench memory`: the object server's resident memory per agent and per call, as differences between
/// runs of `ctios server` on the same simulator configuration with more agents, then with calls in progress.
struct MemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Measure ctios server's resident memory per agent and per call; print JSON.")

    @Option(help: "The ctios executable (release).") var ctios: String
    @Option(help: "Agents in the small contact center (the baseline).") var smallAgents = 1_010
    @Option(help: "Agents in the large one (10,010 took minutes to be ready on a loaded two-core machine).") var largeAgents = 5_010
    @Option(help: "Calls to hold in progress in the large one (each answered by a traffic agent).") var calls = 2_000
    @Option(help: "Monitor-mode clients (filter UniqueObjectID=*) connected in every measurement.") var monitorClients = 0
    @Option(help: "Batches the server keeps for resuming clients (backlog.maximumBatches): a bound of its own, not a cost per object.") var backlogBatches = 1_000
    @Option(help: "The server's CIL port.") var clientPort = 52038
    @Option(help: "The server's admin port.") var adminPort = 52091

    struct Point {
        var rss: Int
        var objects: Double
        var calls: Int
    }

    func run() async throws {
        // Each server on ports of its own: the admin port of the one before may still be in TIME_WAIT.
        let small = try await measure(agents: smallAgents, calls: 0, portOffset: 0)
        let large = try await measure(agents: largeAgents, calls: calls, portOffset: 2)
        let base = large[0], loaded = large[1]
        let perAgent = Double(base.rss - small[0].rss) / Double(largeAgents - smallAgents)
        let perCall = Double(loaded.rss - base.rss) / Double(max(loaded.calls, 1))
        // The calls the server's store held when measured: fewer than the simulator's when the server is behind.
        let serverCalls = loaded.objects - base.objects
        let perServerCall = Double(loaded.rss - base.rss) / max(serverCalls, 1)
        let result: [String: Any] = [
            "monitorClients": monitorClients, "backlogBatches": backlogBatches,
            "smallAgents": smallAgents, "largeAgents": largeAgents,
            "rssSmall": small[0].rss, "rssLarge": base.rss, "rssLargeWithCalls": loaded.rss,
            "objectsSmall": small[0].objects, "objectsLarge": base.objects, "objectsWithCalls": loaded.objects,
            "callsInProgress": loaded.calls,
            "bytesPerAgent": perAgent.rounded(), "bytesPerCall": perCall.rounded(),
            "callsInServer": serverCalls, "bytesPerCallInServer": perServerCall.rounded(),
            "loadAverage": loadAverage(),
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    /// One simulator and server: resident memory with the agents settled, then (when `calls` > 0) with that many
    /// calls in progress. The server's memory is read after it has been idle a moment, twice, keeping the larger.
    func measure(agents: Int, calls: Int, portOffset: Int) async throws -> [Point] {
        // Calls that last: once placed, they are answered and stay talking for the whole measurement.
        let holding = TrafficProfile(callsPerSecond: 0, meanHandleSeconds: 1e6, meanWrapUpSeconds: 0,
                                     minimumAnswerSeconds: 0.005, maximumAnswerSeconds: 0.02, notReadyProbability: 0,
                                     meanNotReadySeconds: 1)
        let simulator = try await InProcessSimulator.start(agents: agents, traffic: holding)
        let server = try ServerProcess(.init(
            ctios: ctios, clientPort: clientPort + portOffset, adminPort: adminPort + portOffset, ctiPortA: simulator.portA, ctiPortB: simulator.portB,
            extraYAML: "backlog:\n  maximumBatches: \(backlogBatches)\n"))
        var readers: FrameReaders?
        defer {
            readers?.stop()
            server.stop()
        }
        // 10,000 agents' snapshot on a loaded two-core machine takes a while.
        try server.waitReady(timeout: 300)
        try await simulator.server.startClock()
        if monitorClients > 0 {
            let pool = FrameReaders(kind: .cil, capacity: monitorClients)
            readers = pool
            pool.start()
            for index in 0..<monitorClients {
                let bytes = Array(buffer: try WireMessage.hello(versions: [.v1], clientName: "bench-monitor-\(index)",
                                                                heartbeatMilliseconds: 60_000, resume: nil).encoded())
                    + Array(buffer: try WireMessage.setMonitorMode(requestID: 1, filter: "UniqueObjectID=*").encoded())
                _ = try pool.connect(port: clientPort + portOffset, handshake: bytes)
            }
        }
        var points = [try await settle(server, simulator)]
        if calls > 0 {
            // Place them at 2,000 a second, then stop new traffic.
            var placing = holding
            placing.callsPerSecond = 2_000
            try await simulator.server.withCore { [placing] core, now in core.setTraffic(placing, now: now) }
            try await Task.sleep(for: .seconds(Double(calls) / 2_000))
            try await simulator.server.withCore { core, now in core.setTraffic(holding, now: now) }
            points.append(try await settle(server, simulator))
        }
        return points
    }

    func settle(_ server: ServerProcess, _ simulator: InProcessSimulator) async throws -> Point {
        try await Task.sleep(for: .seconds(3))
        let first = server.residentBytes()
        try await Task.sleep(for: .seconds(1))
        let metrics = try server.metrics()
        let calls = try await simulator.server.withCore { core, _ in core.center.groundTruth().calls.count }
        return Point(rss: max(first, server.residentBytes()), objects: metrics["ctios_server_objects"] ?? 0, calls: calls)
    }
}
