import DequeModule
import GED188

/// The simulated contact center: agents, calls, queues and the traffic that drives them.
///
/// A pure, deterministic model. It never reads a clock: the shell passes model time (a `Duration` since the start)
/// to ``advance(to:)`` and every request. It never does I/O: what happens comes out as ``SimulatorEvent``s
/// (``takeEvents()``), ready to send. The same configuration, traffic profile and seed give the same events.
public struct ContactCenter: Sendable {
    public let configuration: ContactCenterConfiguration
    public var traffic: TrafficProfile
    /// Model time: how long the contact center has been running.
    public internal(set) var now: Duration = .zero
    /// Increases with every change of state; `/v1/state` reports it.
    public internal(set) var version: UInt64 = 0
    /// Wall-clock seconds at model time zero (ICMCentralControllerTime is this plus `now`).
    public let startTime: GEDTime
    /// Whether the peripheral is online; while offline every control request fails.
    public internal(set) var peripheralOnline = true

    var agents: [ModelAgent]
    var agentIndex: [String: Int]
    var deviceIndex: [String: Int]
    var skillGroups: [UInt32: SkillGroupConfiguration]
    var dialedNumbers: [String: UInt32]
    /// Queued calls per skill group, oldest first.
    var queues: [UInt32: [UInt32]] = [:]
    /// Agents per skill group in the order they became available (entries go stale when the agent leaves
    /// AVAILABLE; they are skipped and dropped lazily), so routing finds the longest-available agent at once.
    var availableAgents: [UInt32: Deque<AvailableEntry>] = [:]
    var calls: [UInt32: ModelCall] = [:]
    var nextCallID: UInt32 = 16_777_301
    var nextSessionID: UInt32 = 1
    var random: SeededRandom
    var scheduler = Scheduler<ScheduledAction>()
    var outbox: [SimulatorEvent] = []
    /// Every applied control request, in order.
    public internal(set) var requestLog = RequestLog()
    var statistics: [String: AgentStatistics] = [:]

    public init(
        configuration: ContactCenterConfiguration,
        traffic: TrafficProfile = .gentle,
        seed: UInt64,
        startTime: GEDTime = GEDTime(secondsSince1970: 1_767_225_600)
    ) throws(ConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        self.traffic = traffic
        self.startTime = startTime
        self.random = SeededRandom(seed: seed)
        agents = configuration.agents.map(ModelAgent.init)
        agentIndex = Dictionary(uniqueKeysWithValues: agents.enumerated().map { ($1.id, $0) })
        deviceIndex = Dictionary(uniqueKeysWithValues: agents.enumerated().map { ($1.instrument, $0) })
        skillGroups = Dictionary(uniqueKeysWithValues: configuration.skillGroups.map { ($0.number, $0) })
        dialedNumbers = Dictionary(uniqueKeysWithValues: configuration.dialedNumbers.map { ($0.number, $0.skillGroup) })
        for group in configuration.skillGroups { queues[group.number] = [] }
        scheduleStart()
    }

    // MARK: Time

    /// The time of the next scheduled action, so the shell knows when to call ``advance(to:)`` again.
    public var nextActionTime: Duration? { scheduler.nextTime }

    /// Runs every action due up to `time`, in order, and moves model time there.
    public mutating func advance(to time: Duration) {
        while let (due, action) = scheduler.popDue(atOrBefore: time) {
            now = max(now, due)
            perform(action)
        }
        now = max(now, time)
    }

    /// The events produced since the last call, in order.
    public mutating func takeEvents() -> [SimulatorEvent] {
        defer { outbox.removeAll(keepingCapacity: true) }
        return outbox
    }

    /// Wall-clock seconds now, for TIME fields.
    var wallClock: GEDTime {
        GEDTime(secondsSince1970: startTime.secondsSince1970 &+ now.wholeSeconds)
    }

    // MARK: Events

    mutating func emit(_ message: GED188Message, agents: [String]) {
        version += 1
        outbox.append(SimulatorEvent(message: message, agents: agents))
    }

    // MARK: Lookup

    func agentIndex(forDevice device: String) -> Int? { deviceIndex[device] }

    func agentIndex(id: String) -> Int? { agentIndex[id] }

    mutating func newCallID() -> UInt32 {
        defer { nextCallID &+= 1 }
        return nextCallID
    }

    struct AvailableEntry: Sendable {
        var agent: Int
        var since: Duration
    }

    /// The day number of RouterCallKeyDay: days since 1970 at model start.
    var routerCallKeyDay: UInt32 { startTime.secondsSince1970 / 86_400 }
}
