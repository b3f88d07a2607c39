import ArgumentParser
import CTISimulator
import CTIOSWire
import Foundation
import Glibc
import Histogram
import NIOCore

/// `ServerBench load`: the simulator (in this process) at a fixed call rate, `ctios server` (a child process) on
/// it, agent-mode and monitor-mode readers that only split frames; deliveries per second, the server's CPU, and
/// (with `--probes-per-second`) the latency of probe events from the simulator to a client.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load ctios server with the simulator's traffic and CIL readers; print deliveries/s and latency as JSON.")

    @Option(help: "The ctios executable (release).") var ctios: String
    @Option(help: "Agent-mode clients, one per agent (the first 7 are the lab agents 1004-1010, the probes).") var agentClients = 1_000
    @Option(help: "Monitor-mode clients (filter UniqueObjectID=*).") var monitorClients = 100
    @Option(help: "Inbound calls per second offered by the simulator.") var callsPerSecond: Double
    @Option(help: "Seconds of traffic before measuring.") var warmUp = 5.0
    @Option(help: "Seconds to measure.") var seconds = 20.0
    @Option(help: "Probe events per second (agent state changes of the lab agents), 0 for none.") var probesPerSecond = 0.0
    @Option(help: "The server's CIL port.") var clientPort = 52028
    @Option(help: "The server's admin port.") var adminPort = 52081
    @Option(help: "Run `perf record -g` on the server during the measurement, into this file.") var perfOutput: String?
    @Option(help: "Seconds of perf recording (from the start of the measurement).") var perfSeconds = 10.0
    @Option(help: "Count the server's system calls during the measurement (perf stat), into this file.") var syscallsOutput: String?

    /// Calls are short so that 1,000 agents can carry thousands of calls a second (as Scripts/bench-sim.sh).
    func traffic(callsPerSecond: Double) -> TrafficProfile {
        TrafficProfile(callsPerSecond: callsPerSecond, meanHandleSeconds: 0.2, meanWrapUpSeconds: 0.02,
                       minimumAnswerSeconds: 0.005, maximumAnswerSeconds: 0.02, notReadyProbability: 0.01,
                       meanNotReadySeconds: 0.2)
    }

    func run() async throws {
        let reservedAgents = 10
        let probeAgents = (1004...1010).map(String.init).prefix(min(7, agentClients))
        let trafficAgentIDs = (0..<(agentClients - probeAgents.count)).map { String(1001 + reservedAgents + $0) }
        let simulator = try await InProcessSimulator.start(
            agents: reservedAgents + trafficAgentIDs.count + 0, traffic: traffic(callsPerSecond: callsPerSecond))
        let server = try ServerProcess(.init(ctios: ctios, clientPort: clientPort, adminPort: adminPort,
                                             ctiPortA: simulator.portA, ctiPortB: simulator.portB))
        var readers: FrameReaders?
        defer {
            readers?.stop()
            server.stop()
        }
        try server.waitReady()
        let loggedIn = try await simulator.logInProbeAgents(Array(probeAgents))
        guard loggedIn.count == probeAgents.count else { throw BenchError("probe agents not logged in: \(loggedIn)") }

        // Monitors first, then agent-mode clients: a batch is written in connection order, so the probes (agent
        // mode) are served after every monitor that gets the same batch.
        let total = monitorClients + agentClients
        let pool = FrameReaders(kind: .cil, capacity: total)
        readers = pool
        pool.start()
        func hello(_ name: String) throws -> [UInt8] {
            Array(buffer: try WireMessage.hello(versions: [.v1], clientName: name, heartbeatMilliseconds: 60_000, resume: nil).encoded())
        }
        for index in 0..<monitorClients {
            let bytes = try hello("bench-monitor-\(index)")
                + Array(buffer: try WireMessage.setMonitorMode(requestID: 1, filter: "UniqueObjectID=*").encoded())
            _ = try pool.connect(port: clientPort, handshake: bytes)
        }
        var slots: [(agent: String, slot: FrameReaders.ProbeSlot)] = []
        for agent in Array(probeAgents) + trafficAgentIDs {
            let slot = probeAgents.contains(agent) ? FrameReaders.ProbeSlot() : nil
            let bytes = try hello("bench-agent-\(agent)")
                + Array(buffer: try WireMessage.setAgentMode(requestID: 1, peripheralID: 5000, agentID: agent,
                                                             instrument: String(Int(agent)! + 1000)).encoded())
            _ = try pool.connect(port: clientPort, handshake: bytes, probe: slot)
            if let slot { slots.append((agent, slot)) }
        }
        // Every client has its snapshot when the bytes stop coming.
        var lastBytes: UInt64 = 0
        repeat {
            lastBytes = pool.totalBytes.load(ordering: .relaxed)
            try await Task.sleep(for: .milliseconds(500))
        } while pool.totalBytes.load(ordering: .relaxed) != lastBytes
        let snapshotRSS = server.residentBytes()

        try await simulator.server.startClock()
        try await Task.sleep(for: .seconds(warmUp))

        // The measurement.
        let before = try await Sample.capture(pool, server, simulator)
        // perf attached to the server's pid, stopped with SIGINT (as Ctrl-C). A child of this process inherits its
        // signal mask, with SIGINT and SIGCHLD blocked (seen in /proc/PID/status): perf would then never stop, not
        // even at the end of a `-- sleep N`. So perf is started through python3 with an empty mask.
        var perf: [Process] = []
        if let perfOutput {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = unblockedSignals + ["record", "-g", "-q", "-p", "\(server.pid)", "-o", perfOutput]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            perf.append(process)
        }
        if let syscallsOutput {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            let events = ["raw_syscalls:sys_enter"] + ["writev", "write", "sendmsg", "read", "readv", "recvfrom", "epoll_wait"]
                .map { "syscalls:sys_enter_\($0)" }
            process.arguments = unblockedSignals + ["stat", "-x", ",", "-e", events.joined(separator: ","), "-p", "\(server.pid)",
                                 "-o", syscallsOutput]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            perf.append(process)
        }
        let perfStop = Task { [perf, perfSeconds, seconds] in
            guard !perf.isEmpty else { return }
            try? await Task.sleep(for: .seconds(min(perfSeconds, seconds)))
            for process in perf where process.isRunning { process.interrupt() }
        }
        var probes = ProbeCounts()
        if probesPerSecond > 0 {
            probes = try await runProbes(simulator, slots, seconds: seconds)
        } else {
            try await Task.sleep(for: .seconds(seconds))
        }
        let after = try await Sample.capture(pool, server, simulator)
        await perfStop.value
        for process in perf { process.waitUntilExit() }
        pool.stop()
        readers = nil

        let elapsed = Double(after.time - before.time) / 1e9
        let deliveries = Double(after.deliveries - before.deliveries) / elapsed
        let serverDeliveries = ((after.metrics["ctios_server_deliveries"] ?? 0) - (before.metrics["ctios_server_deliveries"] ?? 0)) / elapsed
        let ctiEvents = ((after.metrics["ctios_server_cti_events"] ?? 0) - (before.metrics["ctios_server_cti_events"] ?? 0)) / elapsed
        let batches = ((after.metrics["ctios_server_batches"] ?? 0) - (before.metrics["ctios_server_batches"] ?? 0)) / elapsed
        let generated = Double(after.generated - before.generated) / elapsed
        let cpu = (after.cpu - before.cpu) / elapsed
        let perClient = pool.deliveries.prefix(pool.count)
        let monitorRates = perClient.prefix(monitorClients)
        let latency = pool.latency
        func ms(_ value: UInt64) -> Double { (Double(value) / 1e4).rounded() / 100 }
        let result: [String: Any] = [
            "agentClients": agentClients, "monitorClients": monitorClients, "callsPerSecond": callsPerSecond,
            "seconds": elapsed,
            "deliveriesPerSecond": deliveries.rounded(),
            "serverDeliveriesPerSecond": serverDeliveries.rounded(),
            "serverCTIEventsPerSecond": ctiEvents.rounded(),
            "serverBatchesPerSecond": batches.rounded(),
            "simulatorEventsPerSecond": generated.rounded(),
            "serverCPU": (cpu * 1000).rounded() / 1000,
            "serverRSSBytes": server.residentBytes(),
            "serverRSSBytesAfterSnapshots": snapshotRSS,
            // At the end of the measurement: every client has its mode by then (the server's gauges lag a second).
            "clientsAgentMode": after.metrics["ctios_server_clients_agent_mode"] ?? 0,
            "clientsMonitorMode": after.metrics["ctios_server_clients_monitor_mode"] ?? 0,
            "clientsClosed": pool.totalClosed.load(ordering: .relaxed),
            "slowClients": after.metrics["ctios_server_slow_clients"] ?? 0,
            "monitorDeliveriesTotalMin": monitorRates.min() ?? 0,
            "loadAverage": loadAverage(),
            "probes": [
                "sent": probes.sent, "refused": probes.refused, "timedOut": probes.timedOut, "late": probes.late,
                "received": latency.totalCount,
                "p50ms": ms(latency.valueAtPercentile(50)), "p99ms": ms(latency.valueAtPercentile(99)),
                "p999ms": ms(latency.valueAtPercentile(99.9)), "maxms": ms(latency.max),
                "meanms": (latency.mean / 1e4).rounded() / 100,
            ] as [String: Any],
        ]
        let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    struct ProbeCounts {
        var sent = 0
        var refused = 0
        var timedOut = 0
        /// Probes sent later than scheduled because the agent's previous probe had not arrived yet.
        var late = 0
    }

    /// Probes at a fixed rate, rotating over the probe agents; an agent's next probe waits for its previous one
    /// (up to 2 s, then it counts as timed out), so that a batch is never matched to the wrong probe.
    func runProbes(_ simulator: InProcessSimulator, _ slots: [(agent: String, slot: FrameReaders.ProbeSlot)],
                   seconds: Double) async throws -> ProbeCounts {
        var counts = ProbeCounts()
        let interval = UInt64(1e9 / probesPerSecond)
        let start = monotonicNanoseconds()
        let end = start + UInt64(seconds * 1e9)
        var next = start
        var ready = Array(repeating: true, count: slots.count)
        var sentAt = Array(repeating: UInt64(0), count: slots.count)
        var index = 0
        var invokeID: UInt32 = 1_000
        while next < end {
            let now = monotonicNanoseconds()
            if now < next { try await Task.sleep(for: .nanoseconds(Int64(next - now))) }
            let (agent, slot) = slots[index]
            var waited = false
            while slot.isArmed {
                waited = true
                if monotonicNanoseconds() - sentAt[index] > 2_000_000_000 {
                    slot.arm(at: 0)
                    counts.timedOut += 1
                    break
                }
                try await Task.sleep(for: .microseconds(200))
            }
            if waited { counts.late += 1 }
            ready[index].toggle()
            invokeID &+= 1
            sentAt[index] = monotonicNanoseconds()
            if try await simulator.probe(agent: agent, ready: ready[index], invokeID: invokeID, slot: slot) {
                counts.sent += 1
            } else {
                counts.refused += 1
            }
            index = (index + 1) % slots.count
            next += interval
        }
        // The last probes arrive.
        for (index, entry) in slots.enumerated() {
            while entry.slot.isArmed {
                if monotonicNanoseconds() - sentAt[index] > 2_000_000_000 {
                    entry.slot.arm(at: 0)
                    counts.timedOut += 1
                    break
                }
                try await Task.sleep(for: .milliseconds(1))
            }
        }
        return counts
    }
}

/// python3's arguments that run the rest with no signal blocked: `python3 -c … /usr/bin/perf ARGS`.
let unblockedSignals = [
    "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
    "/usr/bin/perf",
]

/// Counters at one instant.
struct Sample {
    var time: UInt64
    var deliveries: UInt64
    var metrics: [String: Double]
    var cpu: Double
    var generated: UInt64

    static func take(_ pool: FrameReaders, _ server: ServerProcess, _ simulator: InProcessSimulator) throws -> Sample {
        // The server's metrics are refreshed once a second; the readers' and the CPU's count are exact.
        Sample(time: monotonicNanoseconds(), deliveries: pool.totalDeliveries.load(ordering: .relaxed),
               metrics: try server.metrics(), cpu: server.cpuSeconds(), generated: 0)
    }

    static func capture(_ pool: FrameReaders, _ server: ServerProcess, _ simulator: InProcessSimulator) async throws -> Sample {
        var sample = try take(pool, server, simulator)
        sample.generated = try await simulator.eventsGenerated()
        return sample
    }
}

func loadAverage() -> String {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
}
