import CTISimulator
import GED188
import Logging
import NIOCore

/// The simulator in the benchmark's own process, so that the instant a probe's event leaves it is known exactly:
/// the probe is armed on the simulator's event loop, in the same turn that makes the event and writes it to the
/// object server's socket.
struct InProcessSimulator {
    let server: SimulatorServer
    let portA: Int
    let portB: Int
    /// A session with no socket, opened in the core itself, that sends the probes' SET_AGENT_STATE_REQs. Its
    /// masks are empty, so it is sent no events; its confirmations are dropped (no channel).
    static let probeSession = SessionID(1 << 40)

    static func start(agents: Int, traffic: TrafficProfile, seed: UInt64 = 7) async throws -> InProcessSimulator {
        let center = try ContactCenter(configuration: .standard(agents: agents, skillGroups: 8, teams: 3),
                                       traffic: traffic, seed: seed)
        let server = SimulatorServer(
            core: SimulatorCore(center: center),
            // A saturated object server falls behind; it must not be cut off for that while it is measured.
            configuration: .init(sideA: try SocketAddress(ipAddress: "127.0.0.1", port: 0),
                                 sideB: try SocketAddress(ipAddress: "127.0.0.1", port: 0),
                                 maximumOutboundBytes: 4 << 30, holdClock: true),
            logger: Logger(label: "bench.sim", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await server.start()
        let addresses = try await server.boundAddresses()
        return InProcessSimulator(server: server, portA: addresses[.a]?.port ?? 0, portB: addresses[.b]?.port ?? 0)
    }

    func eventsGenerated() async throws -> UInt64 {
        try await server.withCore { core, _ in core.counters.eventsGenerated }
    }

    /// Opens the probe session and logs the probe agents in (Not Ready). Returns the agents that are logged in.
    func logInProbeAgents(_ agents: [String]) async throws -> [String] {
        try await server.withCore { core, now in
            _ = core.connect(Self.probeSession, side: .a, now: now)
            core.receive(.openReq(OpenReq(
                invokeID: 1, idleTimeout: GED188Protocol.nullID, peripheralID: GED188Protocol.nullID,
                servicesRequested: [.allEvents, .clientControl], callMsgMask: CallMessageMask(rawValue: 0),
                agentStateMask: AgentStateMask(rawValue: 0), clientID: "bench-probe", clientPassword: "")),
                         from: Self.probeSession, now: now)
            var loggedIn: [String] = []
            for (offset, agent) in agents.enumerated() {
                core.receive(.setAgentStateReq(SetAgentStateReq(
                    invokeID: UInt32(100 + offset), peripheralID: 5000, agentState: .login,
                    agentInstrument: String(Int(agent)! + 1000), agentID: agent, agentPassword: Secret("pw\(agent)"))),
                             from: Self.probeSession, now: now)
                if core.center.requestLog.entries.last?.confirmed == true { loggedIn.append(agent) }
            }
            return loggedIn
        }
    }

    /// One probe: arms `slot` with the instant now, then has `agent` change state (Ready or Not Ready), which sends
    /// one AGENT_STATE_EVENT to the object server when this turn of the loop flushes. Returns whether the
    /// simulator confirmed the change.
    func probe(agent: String, ready: Bool, invokeID: UInt32, slot: FrameReaders.ProbeSlot) async throws -> Bool {
        try await server.withCore { core, now in
            slot.arm(at: monotonicNanoseconds())
            core.receive(.setAgentStateReq(SetAgentStateReq(
                invokeID: invokeID, peripheralID: 5000, agentState: ready ? .available : .notReady,
                eventReasonCode: ready ? 0 : 1, agentID: agent)), from: Self.probeSession, now: now)
            let confirmed = core.center.requestLog.entries.last?.confirmed == true
            if !confirmed { slot.arm(at: 0) }
            return confirmed
        }
    }
}
