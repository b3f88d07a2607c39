import GED188

/// The CTI OS server's one bridge session to the CTI Server (ALL_EVENTS + CLIENT_CONTROL), as a pure state machine.
///
/// It decides everything about the link: which side to connect to (A first, the other side at once after a loss,
/// then alternating with capped backoff), the OPEN_REQ, heartbeats and their loss, the system-wide snapshot taken on
/// every (re)connect (configuration, every agent's state, every device's calls, every call, the teams), buffering
/// events that arrive meanwhile, InvokeIDs and timeouts of client requests. The shell performs the ``Action``s and
/// reports what happened; time is an input (`now`, a monotonic `Duration`).
public struct CTILinkStateMachine: Sendable {
    public struct Configuration: Sendable {
        public var peripheralID: UInt32
        public var clientID: String
        public var clientPassword: Secret
        /// How often HEARTBEAT_REQ is sent.
        public var heartbeatInterval: Duration
        /// Unanswered heartbeats that make the link lost.
        public var missedHeartbeats: Int
        /// The first pause before retrying after both sides failed; doubles up to `maximumBackoff`.
        public var initialBackoff: Duration
        public var maximumBackoff: Duration
        /// A request the CTI Server does not answer in this time fails (and a snapshot query restarts the link).
        public var requestTimeout: Duration
        /// How often skill group statistics are asked for (0: never).
        public var statisticsInterval: Duration

        public init(peripheralID: UInt32 = 5000, clientID: String = "ctios-server", clientPassword: Secret = "",
                    heartbeatInterval: Duration = .milliseconds(500), missedHeartbeats: Int = 3,
                    initialBackoff: Duration = .milliseconds(100), maximumBackoff: Duration = .seconds(5),
                    requestTimeout: Duration = .seconds(10), statisticsInterval: Duration = .seconds(10)) {
            self.peripheralID = peripheralID
            self.clientID = clientID
            self.clientPassword = clientPassword
            self.heartbeatInterval = heartbeatInterval
            self.missedHeartbeats = missedHeartbeats
            self.initialBackoff = initialBackoff
            self.maximumBackoff = maximumBackoff
            self.requestTimeout = requestTimeout
            self.statisticsInterval = statisticsInterval
        }

        /// OPEN_REQ's IdleTimeout: four heartbeat intervals, in whole seconds (at least 1).
        var idleTimeoutSeconds: UInt32 {
            let milliseconds = (heartbeatInterval * 4).components.seconds * 1_000
                + (heartbeatInterval * 4).components.attoseconds / 1_000_000_000_000_000
            return UInt32(max(1, (milliseconds + 999) / 1_000))
        }
    }

    /// Who is waiting for the answer to a request the link sent.
    public enum Requester: Hashable, Sendable {
        /// A client's request, tagged by the shell.
        case client(UInt64)
        /// A query of the snapshot, or statistics: the link's own.
        case link
    }

    /// How a client request ended.
    public enum RequestOutcome: Hashable, Sendable {
        /// The CTI Server's confirmation.
        case confirmed(GED188Message)
        /// CONTROL_FAILURE_CONF or FAILURE_CONF.
        case failed(GED188Message)
        /// Never sent: the link was not up.
        case notSent(reason: String)
        /// Sent, but the link was lost (or the CTI Server did not answer in time) before the answer: it may or may
        /// not have taken effect.
        case unknown(reason: String)
    }

    public enum Action: Sendable {
        /// Open a TCP connection to a side.
        case connect(CTISide)
        /// Write a message on the connection.
        case send(GED188Message)
        /// Close the connection (the shell then reports `disconnected`).
        case close(reason: String)
        /// A CTI Server event for the store, in order.
        case apply(GED188Message)
        /// The snapshot is complete: make the store equal to it, then apply what follows.
        case reconcile(CollectedSnapshot)
        /// The link is up (after the snapshot) on `side`.
        case linkUp(CTISide)
        /// The link is down; clients get OnCTIOSFailure and every button is disabled until it is back.
        case linkDown(reason: String)
        /// A client request is answered.
        case answer(UInt64, RequestOutcome)
    }

    enum Phase: Sendable {
        case idle
        case connecting(CTISide)
        case opening(CTISide)
        case synchronizing(CTISide, Synchronization)
        case live(CTISide)
        case backingOff(until: Duration, next: CTISide)
    }

    /// The snapshot being gathered after OPEN_CONF.
    struct Synchronization: Sendable {
        var collected = CollectedSnapshot()
        var configurationDone = false
        var queriesSent = false
        var callQueriesSent = false
        var teamQueriesSent = false
        var bufferedEvents: [GED188Message] = []
    }

    struct Pending: Sendable {
        var requester: Requester
        var deadline: Duration
        var request: GED188Message
    }

    public let configuration: Configuration
    var phase: Phase = .idle
    var nextInvokeID: UInt32 = 1
    var pending: [UInt32: Pending] = [:]
    var unansweredHeartbeats = 0
    var lastHeartbeat: Duration = .zero
    var lastStatistics: Duration = .zero
    var failedAttempts = 0
    var monitoredTeams: [UInt32] = []

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The side the link is on, when it is up.
    public var liveSide: CTISide? {
        if case .live(let side) = phase { return side }
        return nil
    }

    // MARK: Inputs

    public mutating func start(now: Duration) -> [Action] {
        guard case .idle = phase else { return [] }
        phase = .connecting(.a)
        return [.connect(.a)]
    }

    public mutating func connected(now: Duration) -> [Action] {
        guard case .connecting(let side) = phase else { return [] }
        phase = .opening(side)
        unansweredHeartbeats = 0
        lastHeartbeat = now
        let invokeID = newInvokeID()
        return [.send(.openReq(OpenReq(
            invokeID: invokeID, idleTimeout: configuration.idleTimeoutSeconds, peripheralID: GED188Protocol.nullID,
            servicesRequested: [.allEvents, .clientControl, .callDataUpdate],
            callMsgMask: CallMessageMask(rawValue: 0x1F_FFFF), agentStateMask: AgentStateMask(rawValue: 0x3FFF),
            configMsgMask: [.service, .skillGroup, .agent, .device],
            clientID: configuration.clientID, clientPassword: configuration.clientPassword)))]
    }

    /// Gives the CTI Server session up (a server of a pair stepping down to backup): requests in flight fail, the
    /// connection (if any) is closed, and the link stays idle until ``start(now:)``. No `linkDown`: the CTI Server
    /// did not fail, this server let go of it.
    public mutating func stop(now: Duration) -> [Action] {
        let connected: Bool
        switch phase {
        case .opening, .synchronizing, .live, .connecting: connected = true
        case .idle, .backingOff: connected = false
        }
        var actions = failPending(reason: "this server gave the CTI Server session up to its peer")
        phase = .idle
        unansweredHeartbeats = 0
        failedAttempts = 0
        if connected { actions.append(.close(reason: "stepping down: the peer owns the CTI Server session")) }
        return actions
    }

    public mutating func connectFailed(now: Duration) -> [Action] {
        guard case .connecting(let side) = phase else { return [] }
        return retry(after: side, now: now)
    }

    /// The connection closed (by either end).
    public mutating func disconnected(now: Duration) -> [Action] {
        switch phase {
        case .opening(let side), .synchronizing(let side, _), .live(let side):
            let wasLive = liveSide != nil
            var actions = failPending(reason: "the CTI link to side \(side) was lost")
            if wasLive { actions.append(.linkDown(reason: "lost side \(side)")) }
            return actions + retry(after: side, now: now, immediately: true)
        case .connecting, .idle, .backingOff:
            return []
        }
    }

    public mutating func received(_ message: GED188Message, now: Duration) -> [Action] {
        unansweredHeartbeats = 0
        switch phase {
        case .idle, .connecting, .backingOff:
            return []
        case .opening(let side):
            switch message {
            case .openConf:
                var sync = Synchronization()
                phase = .synchronizing(side, sync)
                let request = ConfigRequestEvent(configInformation: [.service, .skillGroup, .agent, .device],
                                                 peripheralID: configuration.peripheralID)
                sync.collected.openedAt = now
                phase = .synchronizing(side, sync)
                return [.send(.configRequestEvent(request))]
            case .failureConf(let failure):
                return [.close(reason: "OPEN_REQ refused by side \(side): \(failure.status)")]
            default:
                return []
            }
        case .synchronizing(let side, var sync):
            let actions = synchronize(message, side: side, sync: &sync, now: now)
            if case .synchronizing = phase { phase = .synchronizing(side, sync) }
            return actions
        case .live:
            return live(message, now: now)
        }
    }

    /// Time passed: heartbeats, their loss, backoff, request timeouts, statistics.
    public mutating func tick(now: Duration) -> [Action] {
        var actions: [Action] = []
        switch phase {
        case .backingOff(let until, let next):
            guard now >= until else { return [] }
            phase = .connecting(next)
            return [.connect(next)]
        case .opening, .synchronizing, .live:
            if now - lastHeartbeat >= configuration.heartbeatInterval {
                if unansweredHeartbeats >= configuration.missedHeartbeats {
                    return [.close(reason: "\(unansweredHeartbeats) heartbeats unanswered")]
                }
                lastHeartbeat = now
                unansweredHeartbeats += 1
                actions.append(.send(.heartbeatReq(HeartbeatReq(invokeID: newInvokeID()))))
            }
        case .idle, .connecting:
            return []
        }
        let expired = pending.filter { $0.value.deadline <= now }.keys.sorted()
        for invokeID in expired {
            guard let entry = pending.removeValue(forKey: invokeID) else { continue }
            switch entry.requester {
            case .client(let tag):
                actions.append(.answer(tag, .unknown(reason: "the CTI Server did not answer within \(configuration.requestTimeout)")))
            case .link:
                if case .synchronizing = phase {
                    return actions + [.close(reason: "a snapshot query (\(entry.request.type.name ?? "?")) got no answer")]
                }
            }
        }
        if case .live = phase, configuration.statisticsInterval > .zero, now - lastStatistics >= configuration.statisticsInterval {
            lastStatistics = now
            actions += statisticsQueries(now: now)
        }
        return actions
    }

    /// A client's control request: it gets an InvokeID and goes to the CTI Server, or fails at once when the link
    /// is not up. The request's own InvokeID is replaced.
    public mutating func submit(_ request: GED188Message, tag: UInt64, now: Duration) -> [Action] {
        guard case .live = phase else {
            return [.answer(tag, .notSent(reason: "the CTI Server link is down"))]
        }
        let invokeID = newInvokeID()
        guard let numbered = request.settingInvokeID(invokeID) else {
            return [.answer(tag, .notSent(reason: "\(request.type.name ?? "that message") is not a request"))]
        }
        pending[invokeID] = Pending(requester: .client(tag), deadline: now + configuration.requestTimeout, request: numbered)
        return [.send(numbered)]
    }

    // MARK: Phases

    private mutating func synchronize(_ message: GED188Message, side: CTISide, sync: inout Synchronization, now: Duration) -> [Action] {
        var actions: [Action] = []
        if let invokeID = message.invokeID, isAnswer(message) {
            guard pending.removeValue(forKey: invokeID) != nil else { return [] }
            sync.collected.answers.append(message)
            switch message {
            case .listAgentTeamConf(let conf):
                for team in conf.teamIDs where !monitoredTeams.contains(team) {
                    monitoredTeams.append(team)
                    actions += query(.monitorAgentTeamStartReq(MonitorAgentTeamStartReq(teamID: team)), now: now)
                }
            case .snapshotDeviceConf(let conf):
                for call in conf.calls {
                    guard let callID = call.connectionCallID, !sync.collected.queriedCalls.contains(callID) else { continue }
                    sync.collected.queriedCalls.insert(callID)
                    actions += query(.snapshotCallReq(SnapshotCallReq(
                        peripheralID: configuration.peripheralID, connectionCallID: callID,
                        connectionDeviceIDType: call.connectionDeviceIDType ?? .static,
                        connectionDeviceID: call.connectionDeviceID)), now: now)
                }
            default:
                break
            }
        } else if isConfiguration(message) {
            sync.collected.configuration.append(message)
            if case .configEndEvent(let end) = message, end.configEndStatus != .partial {
                sync.configurationDone = true
                actions += snapshotQueries(sync: &sync, now: now)
            }
        } else if case .agentTeamConfigEvent = message {
            sync.collected.teams.append(message)
        } else if case .heartbeatConf = message {
            return []
        } else if isEvent(message) {
            sync.bufferedEvents.append(message)
        }
        guard sync.configurationDone, sync.queriesSent, !pending.values.contains(where: { $0.requester == .link }) else {
            return actions
        }
        // Everything answered: reconcile, then the events that came meanwhile, then live.
        phase = .live(side)
        failedAttempts = 0
        lastStatistics = now
        actions.append(.reconcile(sync.collected))
        actions += sync.bufferedEvents.map(Action.apply)
        actions.append(.linkUp(side))
        return actions
    }

    private mutating func snapshotQueries(sync: inout Synchronization, now: Duration) -> [Action] {
        var actions: [Action] = []
        for agent in sync.collected.agents {
            actions += query(.queryAgentStateReq(QueryAgentStateReq(
                peripheralID: configuration.peripheralID, mrdID: 1, agentID: agent.loginID)), now: now)
            if let device = agent.extension, !device.isEmpty {
                actions += query(.snapshotDeviceReq(SnapshotDeviceReq(
                    peripheralID: configuration.peripheralID, snapshotDeviceType: .deviceIdentifier,
                    agentInstrument: device)), now: now)
            }
            if agent.agentType == 1, let supervisor = agent.agentSkillTargetID {
                actions += query(.listAgentTeamReq(ListAgentTeamReq(supervisorID: supervisor)), now: now)
            }
        }
        for device in sync.collected.routePoints {
            actions += query(.snapshotDeviceReq(SnapshotDeviceReq(
                peripheralID: configuration.peripheralID, snapshotDeviceType: .routePoint, agentInstrument: device)), now: now)
        }
        actions += statisticsQueries(now: now, collected: &sync.collected)
        sync.queriesSent = true
        return actions
    }

    private mutating func statisticsQueries(now: Duration) -> [Action] {
        var scratch = CollectedSnapshot()
        return statisticsQueries(now: now, collected: &scratch, skillGroups: knownSkillGroups)
    }

    var knownSkillGroups: [UInt32] = []

    private mutating func statisticsQueries(now: Duration, collected: inout CollectedSnapshot, skillGroups: [UInt32]? = nil) -> [Action] {
        let groups = skillGroups ?? collected.skillGroupNumbers
        if skillGroups == nil { knownSkillGroups = groups }
        return groups.flatMap { group in
            query(.querySkillGroupStatisticsReq(QuerySkillGroupStatisticsReq(
                peripheralID: configuration.peripheralID, skillGroupNumber: group, skillGroupID: GED188Protocol.nullID)), now: now)
        }
    }

    private mutating func live(_ message: GED188Message, now: Duration) -> [Action] {
        if case .heartbeatConf = message { return [] }
        if let invokeID = message.invokeID, isAnswer(message) {
            guard let entry = pending.removeValue(forKey: invokeID) else { return [] }
            switch entry.requester {
            case .client(let tag):
                let failed: Bool
                switch message {
                case .controlFailureConf, .failureConf: failed = true
                default: failed = false
                }
                return [.answer(tag, failed ? .failed(message) : .confirmed(message))]
            case .link:
                // Statistics and the like also update the store.
                return [.apply(message)]
            }
        }
        if case .failureEvent(let failure) = message {
            return [.close(reason: "FAILURE_EVENT \(failure.status)")]
        }
        return isEvent(message) || isConfiguration(message) ? [.apply(message)] : []
    }

    // MARK: Helpers

    private mutating func query(_ request: GED188Message, now: Duration) -> [Action] {
        let invokeID = newInvokeID()
        guard let numbered = request.settingInvokeID(invokeID) else { return [] }
        pending[invokeID] = Pending(requester: .link, deadline: now + configuration.requestTimeout, request: numbered)
        return [.send(numbered)]
    }

    private mutating func retry(after side: CTISide, now: Duration, immediately: Bool = false) -> [Action] {
        failedAttempts += 1
        let other: CTISide = side == .a ? .b : .a
        // The first attempt after a loss, and every other attempt, switch sides at once; after both sides have
        // failed, wait (doubling up to the maximum) before the next round.
        if immediately || failedAttempts % 2 == 1 {
            phase = .connecting(other)
            return [.connect(other)]
        }
        let rounds = min(failedAttempts / 2, 16)
        var delay = configuration.initialBackoff
        for _ in 1..<max(rounds, 1) where delay < configuration.maximumBackoff { delay = delay * 2 }
        phase = .backingOff(until: now + min(delay, configuration.maximumBackoff), next: other)
        return []
    }

    private mutating func failPending(reason: String) -> [Action] {
        let entries = pending.sorted { $0.key < $1.key }
        pending.removeAll()
        return entries.compactMap { _, entry in
            guard case .client(let tag) = entry.requester else { return nil }
            return .answer(tag, .unknown(reason: reason + " after the request was sent"))
        }
    }

    private mutating func newInvokeID() -> UInt32 {
        defer { nextInvokeID = nextInvokeID == UInt32.max ? 1 : nextInvokeID + 1 }
        return nextInvokeID
    }

    private func isAnswer(_ message: GED188Message) -> Bool {
        guard let name = message.type.name else { return false }
        return name.hasSuffix("_CONF") && message.invokeID != nil
    }

    private func isConfiguration(_ message: GED188Message) -> Bool {
        switch message {
        case .configBeginEvent, .configEndEvent, .configServiceEvent, .configSkillGroupEvent, .configAgentEvent,
             .configDeviceEvent, .configKeyEvent:
            true
        default:
            false
        }
    }

    private func isEvent(_ message: GED188Message) -> Bool {
        guard let name = message.type.name else { return false }
        return name.hasSuffix("_EVENT") && !isConfiguration(message)
    }
}
