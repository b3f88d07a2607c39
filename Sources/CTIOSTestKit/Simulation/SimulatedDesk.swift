import CIL
import CTIOSCore
import CTIOSServer
import CTIOSWire
import CTISimulator
import GED188

/// One CIL session (``SessionEngine``: the whole CIL but its NIO shell) and the little application that drives it:
/// an agent desktop that logs in, changes state, answers and releases calls, one request at a time; or a monitor.
public struct SimulatedDesk: Sendable {
    public enum Role: Sendable, Hashable {
        /// Agent mode for this agent (`1004`).
        case agent(String)
        /// Monitor mode with this filter.
        case monitor(String)
    }

    enum Phase: Sendable {
        /// Not connected; connect at this time.
        case idle(startAt: Duration)
        /// The application's connect is in progress.
        case connecting
        /// Connected; the mode was established once (the CIL restores it after a reconnect by itself).
        case connected(modeSet: Bool)
    }

    public static let everything = "UniqueObjectID=*"

    public let index: Int
    public let role: Role
    package internal(set) var engine: SessionEngine
    var phase: Phase
    var random: SeededRandom
    let profileSeed: UInt64
    /// The application's request waiting for its answer (one at a time, as a person clicks).
    var pending: UInt64?
    var pendingIsMode = false
    var actAt: Duration = .zero
    var nextHandle: UInt64 = 0
    /// The desk's sockets, by the network's connection.
    var connections: [ConnectionID: Int] = [:]
    public internal(set) var events = 0
    /// Whether the session's position came from a resume (`caughtUp`) or a snapshot rather than a live batch.
    var positionFromResume = false
    /// Whether the session was sent a batch it already had (the CIL then reports a protocol error).
    public internal(set) var gotDuplicateBatch = false

    init(index: Int, role: Role, seed: UInt64, startAt: Duration) {
        self.index = index
        self.role = role
        engine = SessionEngine(seed: seed)
        random = SeededRandom(seed: seed ^ 0xDE5C)
        profileSeed = seed ^ 0x5EED
        phase = .idle(startAt: startAt)
    }

    var mode: SessionMode {
        switch role {
        case .agent(let agent): .agent(peripheralID: 5000, agentID: agent, instrument: "")
        case .monitor(let filter): .monitor(filter: filter)
        }
    }

    /// The server-side mode, to ask a store what this desk may see.
    public var clientMode: ClientMode? {
        switch role {
        case .agent(let agent): .agent(agent)
        case .monitor(let filter): (try? MonitorFilter(filter)).map { .monitor($0) }
        }
    }

    var profile: ConnectionProfile {
        ConnectionProfile(serverA: SimulatedWorld.addresses[0], serverB: SimulatedWorld.addresses[1],
                          heartbeat: .milliseconds(200), maxHeartbeats: 3, connectTimeout: .seconds(30),
                          connectAttemptTimeout: .seconds(1), requestTimeout: .seconds(4),
                          reconnectBackoff: .milliseconds(50), maximumReconnectBackoff: .seconds(1),
                          clientName: "desk \(index)", randomSeed: profileSeed)
    }

    /// When the application next wants to do something.
    func nextAction(issuing: Bool) -> Duration? {
        switch phase {
        case .idle(let startAt): return startAt
        case .connecting: return nil
        case .connected(let modeSet):
            guard pending == nil else { return nil }
            if !modeSet { return actAt }
            return issuing ? actAt : nil
        }
    }

    /// The objects of the cache, by ID.
    public var objects: [String: Arguments] { engine.cache.objects }
}

extension SimulatedWorld {
    /// The application acts: connect, set the mode, or one request.
    mutating func act(_ index: Int) {
        switch desks[index].phase {
        case .idle:
            desks[index].phase = .connecting
            desks[index].engine.start(profile: desks[index].profile, now: now)
        case .connecting:
            return
        case .connected(let modeSet):
            if !modeSet {
                let handle = takeHandle(index)
                desks[index].pendingIsMode = true
                record(index, handle, "SetMode")
                desks[index].engine.setMode(desks[index].mode, handle: RequestHandle(handle), now: now)
            } else {
                guard desks[index].engine.machine.isLive, let (method, arguments) = chooseRequest(index) else {
                    desks[index].actAt = now + .milliseconds(200)
                    return
                }
                let handle = takeHandle(index)
                desks[index].pendingIsMode = false
                record(index, handle, method)
                cause = RequestKey(desk: index, handle: handle)
                desks[index].engine.request(method, arguments, handle: RequestHandle(handle), now: now)
            }
        }
        drainDesk(index)
        cause = nil
    }

    private mutating func takeHandle(_ index: Int) -> UInt64 {
        desks[index].nextHandle += 1
        desks[index].pending = desks[index].nextHandle
        return desks[index].nextHandle
    }

    private mutating func record(_ index: Int, _ handle: UInt64, _ method: String) {
        requests[RequestKey(desk: index, handle: handle)] = RequestRecord(desk: index, handle: handle, method: method, issuedAt: now)
    }

    /// What an agent at this desk does next, from what its cache shows.
    private mutating func chooseRequest(_ index: Int) -> (String, Arguments)? {
        guard case .agent(let agent) = desks[index].role else { return nil }
        let cache = desks[index].engine.cache
        let agentObject = "agent.5000.\(agent)"
        let device = "\((Int(agent) ?? 0) + 1000)"
        let calls = cache.ids(of: .call).filter { UniqueObjectID($0)?.deviceID == device }
        func state(_ call: String) -> Int64? { cache[call]?.integer(.localConnectionState) }
        let agentState = cache[agentObject]?.integer(.agentState)
        let draw = desks[index].random.unit()
        if let ringing = calls.first(where: { state($0) == Int64(LocalConnectionState.alerting.rawValue) }) {
            return ("Answer", ["UniqueObjectID": .string(ringing)])
        }
        if let talking = calls.first(where: { state($0) == Int64(LocalConnectionState.connect.rawValue) }), draw < 0.6 {
            return ("ClearConnection", ["UniqueObjectID": .string(talking)])
        }
        if agentState == nil || agentState == Int64(AgentState.logout.rawValue) {
            return ("Login", ["UniqueObjectID": .string(agentObject), "AgentPassword": .string("pw\(agent)"), "SkillGroups": [199]])
        }
        switch desks[index].random.unit() {
        case ..<0.5:
            return ("SetAgentState", ["UniqueObjectID": .string(agentObject), "AgentState": .integer(Int64(AgentState.available.rawValue))])
        case ..<0.9:
            let reason = Int64.random(in: 1...99, using: &desks[index].random)
            return ("SetAgentState", ["UniqueObjectID": .string(agentObject), "AgentState": .integer(Int64(AgentState.notReady.rawValue)),
                                      "ReasonCode": .integer(reason)])
        default:
            return ("Logout", ["UniqueObjectID": .string(agentObject), "ReasonCode": 9])
        }
    }

    /// Carries out a session's output: sockets, answers, the connect's end.
    mutating func drainDesk(_ index: Int) {
        while true {
            let output = desks[index].engine.takeOutput()
            if output.isEmpty { return }
            desks[index].events += output.events.count
            for action in output.transport { performTransport(action, index) }
            for result in output.connectResults {
                switch result {
                case .success:
                    desks[index].phase = .connected(modeSet: false)
                    desks[index].actAt = now
                case .failure:
                    desks[index].phase = .idle(startAt: now + .seconds(1))
                }
            }
            for (handle, result) in output.completions { answered(index, handle.rawValue, result) }
        }
    }

    private mutating func answered(_ index: Int, _ handle: UInt64, _ result: Result<Arguments, CILError>) {
        let key = RequestKey(desk: index, handle: handle)
        guard var record = requests[key] else {
            violations.append(SimulationViolation(.answeredOnce, subject: "\(key)", field: "answers", expected: "a request that was made",
                                                  actual: "an answer to a request never made: \(result)", at: now))
            return
        }
        record.answers.append(result)
        requests[key] = record
        if record.answers.count == 2 {
            violations.append(SimulationViolation(.answeredOnce, subject: "\(key) (\(record.method))", field: "answers",
                                                  expected: "one answer", actual: "a second: \(record.answers[0]) then \(result)", at: now))
        }
        guard desks[index].pending == handle else { return }
        desks[index].pending = nil
        if desks[index].pendingIsMode {
            if case .success = result, case .connected = desks[index].phase {
                desks[index].phase = .connected(modeSet: true)
            }
            desks[index].actAt = now + .milliseconds(300)
        } else {
            desks[index].actAt = now + max(.milliseconds(50), desks[index].random.exponential(mean: options.thinkTime))
        }
    }

    private mutating func performTransport(_ action: SessionEngine.TransportAction, _ index: Int) {
        switch action {
        case .connect(let socket, let address):
            let server = address == Self.addresses[0] ? 0 : 1
            guard servers[server].alive else {
                desks[index].engine.connectFailed(socket, reason: "connection refused", now: now)
                return
            }
            let client = ClientID(nextClient)
            nextClient += 1
            let latency = random.uniform(.microseconds(500)...(.milliseconds(5)))
            let id = network.add(kind: .client(desk: index, connection: socket, server: server,
                                               generation: servers[server].generation, client: client),
                                 ends: [.desk(index), .server(server)], latency: latency)
            desks[index].connections[socket] = id
            enqueue(.open, on: id, to: 1)
            desks[index].engine.connected(socket, now: now)
        case .send(let socket, let message):
            guard let id = desks[index].connections[socket] else { return }
            if let cause, case .request(let requestID, _, _) = message {
                wireRequests[WireRequestKey(desk: index, connection: socket.rawValue, requestID: requestID)] = cause
            }
            do {
                var bytes = try message.encoded()
                guard let decoded = try WireFrameDecoder.nextMessage(from: &bytes) else { return }
                enqueue(.wire(decoded), on: id, to: 1)
            } catch {
                notes.append("\(Fault.text(now)) desk \(index)'s frame did not encode: \(error)")
            }
        case .close(let socket):
            guard let id = desks[index].connections.removeValue(forKey: socket) else { return }
            closeEnd(id, 0, notify: true)
        }
    }
}
