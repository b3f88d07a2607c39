import CIL
import CTIOSCore
import CTIOSServer
import CTIOSWire
import CTISimulator
import GED188

/// The whole system in one process, deterministic: the shipped state machines of both servers (``ServerCore``),
/// the simulator's model (``SimulatorCore``) and CIL sessions (``SessionEngine``) on an in-memory network of FIFO
/// connections with latencies, in model time. Only the NIO shells are left out; what they do (carry frames, report
/// opens and closes, tick, keep the newest peer connection) is done here. Faults come from a ``FaultSchedule``.
public struct SimulatedWorld: Sendable {
    /// A server process: its core, and what its shell holds.
    public struct ServerSlot: Sendable {
        public internal(set) var core: ServerCore
        public internal(set) var alive = true
        public internal(set) var frozen = false
        /// Counts restarts: a connection to an earlier process is not this one's.
        var generation = 0
        var peerConnection: Int?
        var ctiConnection: Int?
        var clients: [ClientID: Int] = [:]
        var nextTick: Duration = .zero
    }

    /// One application request (or mode change) and its answers.
    public struct RequestRecord: Sendable {
        public var desk: Int
        public var handle: UInt64
        public var method: String
        public var issuedAt: Duration
        public var answers: [Result<Arguments, CILError>] = []
    }

    /// A request by desk and handle.
    public struct RequestKey: Hashable, Sendable, Comparable, CustomStringConvertible {
        public var desk: Int
        public var handle: UInt64
        public init(desk: Int, handle: UInt64) {
            self.desk = desk
            self.handle = handle
        }
        public static func < (a: Self, b: Self) -> Bool { (a.desk, a.handle) < (b.desk, b.handle) }
        public var description: String { "request \(handle) of desk \(desk)" }
    }

    /// A GED-188 request by the simulator's session number and its InvokeID.
    public struct InvokeKey: Hashable, Sendable {
        public var session: UInt64
        public var invokeID: UInt32
        public init(session: UInt64, invokeID: UInt32) {
            self.session = session
            self.invokeID = invokeID
        }
    }

    struct WireRequestKey: Hashable, Sendable {
        var desk: Int
        var connection: UInt64
        var requestID: UInt32
    }

    struct ForwardKey: Hashable, Sendable {
        var server: Int
        var generation: Int
        var tag: UInt64
    }

    static let addresses = [ServerAddress(host: "A", port: 42028), ServerAddress(host: "B", port: 42028)]

    public let seed: UInt64
    public let options: SimulationOptions
    public let schedule: FaultSchedule
    public internal(set) var now: Duration = .zero
    var random: SeededRandom
    public internal(set) var simulator: SimulatorCore
    var network = SimulatedNetwork()
    public internal(set) var servers: [ServerSlot] = []
    /// Cuts of the peer link in force (they may overlap).
    var peerCuts = 0
    var nextSession: UInt64 = 1
    var nextClient: UInt64 = 1
    public internal(set) var desks: [SimulatedDesk] = []
    public internal(set) var requests: [RequestKey: RequestRecord] = [:]
    var wireRequests: [WireRequestKey: RequestKey] = [:]
    var forwards: [ForwardKey: RequestKey] = [:]
    /// Which application request each GED-188 request the servers sent carries out.
    public internal(set) var attribution: [InvokeKey: RequestKey] = [:]
    /// The request being carried into a server or a session now (outputs are attributed to it).
    var cause: RequestKey?
    public internal(set) var violations: [SimulationViolation] = []
    /// Violations explained by ``SimulationOptions/knownBugs``.
    public internal(set) var known: [SimulationViolation] = []
    /// What the cores reported as problems, with time and server (not failures by themselves).
    public internal(set) var notes: [String] = []
    /// With ``SimulationOptions/trace``: what happened, in order.
    public internal(set) var trace: [String] = []
    /// Whether desks make requests (not while settling).
    var issuing = true
    var nextLabCall: Duration
    var labCalls: UInt64 = 0
    /// Faults not yet started, and heals not yet done.
    var pendingFaults: [Fault] = []
    var heals: [(at: Duration, heal: Heal)] = []
    /// Counts for the report.
    public internal(set) var statistics = Statistics()

    public struct Statistics: Sendable, Hashable {
        public var deliveries = 0
        public var faults = 0
        public var settlePoints = 0
        public var modelTime: Duration = .zero
    }

    enum Heal: Sendable {
        case restart(Int)
        case resume(Int)
        case healPeer
    }

    /// Violations kept per run at most (the first ones tell the story).
    static let violationLimit = 40

    /// A world for `seed`; its faults are drawn from the seed unless `schedule` is given.
    public init(seed: UInt64, options: SimulationOptions = SimulationOptions(), schedule: FaultSchedule? = nil) throws {
        self.seed = seed
        self.options = options
        random = SeededRandom(seed: seed)
        let round = options.chaosDuration + options.settleDuration
        self.schedule = schedule ?? FaultSchedule.draw(seed: seed, options: options) { Self.warmUp + round * $0 }
        var traffic = TrafficProfile(callsPerSecond: options.callsPerSecond)
        traffic.meanHandleSeconds = 8
        let center = try ContactCenter(configuration: .standard(agents: 16, skillGroups: 2, teams: 3), traffic: traffic,
                                       seed: seed)
        simulator = SimulatorCore(center: center)
        nextLabCall = Self.warmUp
        servers = [ServerSlot(core: makeServer(0, epoch: 1_000)), ServerSlot(core: makeServer(1, epoch: 2_000))]
        for index in 0..<options.agentDesks {
            let agent = "\(1004 + index)"
            desks.append(SimulatedDesk(index: desks.count, role: .agent(agent), seed: seed &+ UInt64(desks.count) &* 7919,
                                       startAt: .milliseconds(700 + 97 * Int64(desks.count))))
        }
        for _ in 0..<options.monitorDesks {
            desks.append(SimulatedDesk(index: desks.count, role: .monitor(SimulatedDesk.everything),
                                       seed: seed &+ UInt64(desks.count) &* 7919, startAt: .milliseconds(700 + 97 * Int64(desks.count))))
        }
    }

    /// Time before the first round's faults: the pair settles its roles and the desks connect.
    static let warmUp: Duration = .seconds(3)

    func makeServer(_ index: Int, epoch: UInt64) -> ServerCore {
        ServerCore(configuration: .init(
            serverID: index == 0 ? "A" : "B", link: .init(heartbeatInterval: .milliseconds(100), missedHeartbeats: 3),
            pair: PairConfiguration(dialsPeer: index == 1, startupWait: .milliseconds(500), initialEpoch: epoch,
                                    publishesBeforeAcknowledgement: options.plantedBug)))
    }

    // MARK: Running

    /// Runs the whole schedule: warm-up, then each round's faults, its settling and its checks.
    public mutating func run() {
        for index in 0..<2 {
            servers[index].core.start(now: now)
            servers[index].nextTick = now + options.serverTick
            drainServer(index)
        }
        let round = options.chaosDuration + options.settleDuration
        for (number, faults) in schedule.rounds.enumerated() {
            let start = Self.warmUp + round * number
            pendingFaults = faults
            issuing = true
            advance(to: start + options.chaosDuration)
            // Settle: every fault healed, no new requests; then the checks at one instant.
            healEverything()
            issuing = false
            advance(to: start + round)
            flush()
            check()
            // The first settle point with something wrong tells the story.
            if !violations.isEmpty { break }
        }
        statistics.modelTime = now
    }

    mutating func log(_ line: @autoclosure () -> String) {
        if options.trace { trace.append("\(Fault.text(now)) \(line())") }
    }

    /// Moves model time to `end`, one event at a time.
    mutating func advance(to end: Duration) {
        var stepsThisInstant = 0
        while true {
            let next = nextEventTime()
            guard next <= end else { break }
            stepsThisInstant = next > now ? 0 : stepsThisInstant + 1
            guard stepsThisInstant < 10_000 else {
                violations.append(SimulationViolation(.recovered, subject: "the world", field: "time", expected: "moving",
                                                      actual: "10,000 steps at one instant", at: now))
                return
            }
            now = max(now, next)
            step()
            if violations.count >= Self.violationLimit { return }
        }
        now = max(now, end)
    }

    /// Everything due now.
    mutating func step() {
        simulator.advance(to: now)
        drainSimulator()
        while let fault = pendingFaults.first, fault.at <= now {
            pendingFaults.removeFirst()
            inject(fault)
        }
        heals.sort { $0.at < $1.at }
        while let first = heals.first, first.at <= now {
            heals.removeFirst()
            perform(first.heal)
        }
        while let (connection, end) = nextDue(before: now) { deliver(connection, end) }
        for index in 0..<2 where servers[index].alive && !servers[index].frozen && servers[index].nextTick <= now {
            servers[index].nextTick = now + options.serverTick
            servers[index].core.tick(now: now)
            drainServer(index)
        }
        for index in desks.indices {
            if let deadline = desks[index].engine.nextDeadline, deadline <= now {
                desks[index].engine.tick(now: now)
                drainDesk(index)
            }
            if let action = desks[index].nextAction(issuing: issuing), action <= now { act(index) }
        }
        if issuing, nextLabCall <= now {
            labCalls += 1
            _ = simulator.placeInboundCall(dialedNumber: ContactCenterConfiguration.labDialedNumber, ani: "555\(1000 + labCalls)",
                                           callVariables: ["sim \(labCalls)"], now: now)
            drainSimulator()
            nextLabCall = now + max(.milliseconds(100), random.exponential(mean: options.labCallInterval))
        }
    }

    /// When something next happens.
    func nextEventTime() -> Duration {
        var next = Duration.seconds(1_000_000_000)
        if let due = nextDueTime() { next = min(next, due) }
        for slot in servers where slot.alive && !slot.frozen { next = min(next, slot.nextTick) }
        for desk in desks {
            if let deadline = desk.engine.nextDeadline { next = min(next, deadline) }
            if let action = desk.nextAction(issuing: issuing) { next = min(next, action) }
        }
        if let action = simulator.center.nextActionTime { next = min(next, action) }
        if let fault = pendingFaults.first { next = min(next, fault.at) }
        for heal in heals { next = min(next, heal.at) }
        if issuing { next = min(next, nextLabCall) }
        // Never stand still: whatever is due now was done by the step that found it.
        return max(next, now)
    }

    /// At one instant, with time stopped: every message in flight is delivered (in each connection's order), until
    /// nobody has anything more to say. The settle point the checks look at.
    mutating func flush() {
        var rounds = 0
        while let (connection, end) = nextDue(before: nil) {
            deliver(connection, end)
            rounds += 1
            if rounds > 1_000_000 {
                notes.append("the flush at \(Fault.text(now)) does not settle")
                return
            }
        }
    }
}
