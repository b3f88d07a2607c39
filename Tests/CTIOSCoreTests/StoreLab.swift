import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// The simulator's pure model feeding an object store, as a bridge session would: first the configuration a
/// bridge asks for (CONFIG_REQUEST_EVENT) and the teams (MONITOR_AGENT_TEAM_START → AGENT_TEAM_CONFIG_EVENT), then
/// every event the model emits.
struct StoreLab {
    var center: ContactCenter
    var store: ObjectStore
    let peripheral: UInt32
    let routePoints: Set<String>
    /// When false, the model's events are dropped (a lost stretch of the bridge session).
    var feeding = true
    /// The batches of the last step.
    var lastBatches: [ChangeBatch] = []
    /// Every batch since the start.
    var allBatches: [ChangeBatch] = []

    init(configuration: ContactCenterConfiguration = .standard(), traffic: TrafficProfile = .none, seed: UInt64 = 1,
         store storeConfiguration: ObjectStore.Configuration? = nil) throws {
        center = try ContactCenter(configuration: configuration, traffic: traffic, seed: seed)
        peripheral = center.configuration.peripheralID
        routePoints = Set(center.configuration.dialedNumbers.map(\.number))
        store = ObjectStore(configuration: storeConfiguration ?? ObjectStore.Configuration(peripheralID: peripheral))
        allBatches = store.apply(Self.configurationMessages(center))
        center.advance(to: .seconds(1))
        sync()
    }

    /// What a bridge session receives about the configuration: CONFIG_BEGIN … CONFIG_END, then each team.
    static func configurationMessages(_ center: ContactCenter) -> [GED188Message] {
        center.configurationMessages([.service, .skillGroup, .agent, .device])
            + center.configuration.teams.compactMap { center.teamConfigEvent($0.id).map(GED188Message.agentTeamConfigEvent) }
    }

    /// Feeds the model's new events to the store (unless feeding is off); returns the batches.
    @discardableResult
    mutating func sync() -> [ChangeBatch] {
        let events = center.takeEvents().map(\.message)
        guard feeding else {
            lastBatches = []
            return []
        }
        lastBatches = store.apply(events)
        allBatches += lastBatches
        return lastBatches
    }

    @discardableResult
    mutating func request(_ message: GED188Message, as agentID: String?) -> RequestOutcome {
        let outcome = center.handle(message, context: RequestContext(session: 1, agentID: agentID))
        sync()
        return outcome
    }

    mutating func advance(by duration: Duration) {
        center.advance(to: center.now + duration)
        sync()
    }

    func comparison(_ options: StoreComparison.Options = .init()) -> StoreComparison {
        StoreComparison(store, center.groundTruth(), routePoints: routePoints, options: options)
    }

    func expectAgreement(_ step: String, _ options: StoreComparison.Options = .init(),
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let comparison = comparison(options)
        #expect(comparison.isEqual, "after \(step): \(comparison)", sourceLocation: sourceLocation)
    }

    // MARK: Scripted requests

    mutating func login(_ id: String, ready: Bool = true) {
        let login = request(.setAgentStateReq(SetAgentStateReq(
            invokeID: 1, peripheralID: peripheral, agentState: .login, agentID: id, agentPassword: Secret("pw\(id)"))), as: id)
        #expect(login == .confirmed(.setAgentStateConf(SetAgentStateConf(invokeID: 1))))
        guard ready else { return }
        let available = request(.setAgentStateReq(SetAgentStateReq(invokeID: 2, peripheralID: peripheral, agentState: .available)), as: id)
        #expect(available == .confirmed(.setAgentStateConf(SetAgentStateConf(invokeID: 2))))
    }

    mutating func setState(_ id: String, _ state: AgentState, reason: UInt16 = 0) {
        let outcome = request(.setAgentStateReq(SetAgentStateReq(
            invokeID: 5, peripheralID: peripheral, agentState: state, eventReasonCode: reason)), as: id)
        #expect(outcome == .confirmed(.setAgentStateConf(SetAgentStateConf(invokeID: 5))))
    }

    mutating func answer(_ call: UInt32, at device: String, as agentID: String) {
        let outcome = request(.answerCallReq(AnswerCallReq(
            invokeID: 3, peripheralID: peripheral, connectionCallID: call, connectionDeviceID: device)), as: agentID)
        #expect(outcome == .confirmed(.answerCallConf(AnswerCallConf(invokeID: 3))))
    }

    mutating func hold(_ call: UInt32, at device: String, as agentID: String) {
        let outcome = request(.holdCallReq(HoldCallReq(invokeID: 6, peripheralID: peripheral, connectionCallID: call,
                                                       connectionDeviceID: device)), as: agentID)
        #expect(outcome == .confirmed(.holdCallConf(HoldCallConf(invokeID: 6))))
    }

    mutating func retrieve(_ call: UInt32, at device: String, as agentID: String) {
        let outcome = request(.retrieveCallReq(RetrieveCallReq(invokeID: 7, peripheralID: peripheral, heldConnectionCallID: call,
                                                               heldConnectionDeviceID: device)), as: agentID)
        #expect(outcome == .confirmed(.retrieveCallConf(RetrieveCallConf(invokeID: 7))))
    }

    mutating func consult(_ call: UInt32, from device: String, as agentID: String, to dialedNumber: String,
                          type: ConsultType = .transfer) -> UInt32? {
        let outcome = request(.consultationCallReq(ConsultationCallReq(
            invokeID: 4, peripheralID: peripheral, activeConnectionCallID: call, consultType: type,
            activeConnectionDeviceID: device, dialedNumber: dialedNumber)), as: agentID)
        guard case .confirmed(.consultationCallConf(let conf)) = outcome else {
            Issue.record("consultation refused: \(outcome)")
            return nil
        }
        return conf.newConnectionCallID
    }

    mutating func inboundCall(ani: String, callVariables: [String?] = [], named: [NamedVariable] = [],
                              arrays: [NamedArrayElement] = []) -> UInt32? {
        let id = center.placeInboundCall(dialedNumber: ContactCenterConfiguration.labDialedNumber, ani: ani,
                                         callVariables: callVariables, namedVariables: named, namedArrays: arrays)
        sync()
        return id
    }

    // MARK: Store views

    func properties(_ id: UniqueObjectID) -> Arguments? { store[id] }

    func agent(_ id: String) -> Arguments? { store[.agent(peripheral: peripheral, agentID: id)] }

    func call(_ id: UInt32, at device: String) -> Arguments? { store[.call(peripheral: peripheral, callID: id, device: device)] }

    func mask(agent id: String) -> ButtonMask? {
        agent(id)?.integer(.buttonEnablementMask).map { ButtonMask(rawValue: UInt32($0)) }
    }

    func mask(call id: UInt32, at device: String) -> ButtonMask? {
        call(id, at: device)?.integer(.buttonEnablementMask).map { ButtonMask(rawValue: UInt32($0)) }
    }

    /// The call objects the store has, as `callID@device`, sorted.
    var callObjects: [String] {
        store.snapshot().keys.filter { $0.kind == .call }.map { "\($0.callID!)@\($0.deviceID!)" }.sorted()
    }

    /// The events of the last step, by name.
    var lastEventNames: [String] { lastBatches.flatMap(\.events).map(\.name) }

    // MARK: The CTI Server's snapshot

    /// The snapshot a CTI OS server gathers after a (re)connect, asked of the model as a CTI Server is asked: the
    /// configuration and teams, QUERY_AGENT_STATE_REQ for each configured agent, SNAPSHOT_DEVICE_REQ for each
    /// configured device, SNAPSHOT_CALL_REQ for each call they report, QUERY_SKILL_GROUP_STATISTICS_REQ for each
    /// skill group, and the peripheral's state (SYSTEM_EVENT).
    func ctiServerSnapshot() -> CTIServerSnapshot {
        var center = center
        let context = RequestContext(session: 99, agentID: nil)
        let configuration = Self.configurationMessages(center)
        var messages = configuration
        var invokeID: UInt32 = 10_000
        func ask(_ request: (UInt32) -> GED188Message) -> GED188Message? {
            invokeID += 1
            if case .confirmed(let answer) = center.handle(request(invokeID), context: context) { return answer }
            return nil
        }
        var agentIDs: [String] = []
        var devices: [String] = []
        var groups: [UInt32] = []
        for message in configuration {
            switch message {
            case .configAgentEvent(let event): agentIDs += event.records.compactMap(\.loginID)
            case .configDeviceEvent(let event):
                devices += event.records.compactMap { $0.deviceType == .routePoint ? $0.dialedNumber : $0.extension }
            case .configSkillGroupEvent(let event): groups += event.records.compactMap(\.peripheralNumber)
            default: break
            }
        }
        let peripheral = peripheral
        for id in agentIDs {
            if let answer = ask({ .queryAgentStateReq(QueryAgentStateReq(invokeID: $0, peripheralID: peripheral, agentID: id)) }) {
                messages.append(answer)
            }
        }
        var deviceSnapshots: [SnapshotDeviceConf] = []
        for device in devices {
            if case .snapshotDeviceConf(let conf)? = ask({
                .snapshotDeviceReq(SnapshotDeviceReq(invokeID: $0, peripheralID: peripheral, agentInstrument: device))
            }) {
                deviceSnapshots.append(conf)
                messages.append(.snapshotDeviceConf(conf))
            }
        }
        for id in CTIServerSnapshot.callIDs(in: deviceSnapshots) {
            if let answer = ask({ .snapshotCallReq(SnapshotCallReq(invokeID: $0, peripheralID: peripheral, connectionCallID: id)) }) {
                messages.append(answer)
            }
        }
        for number in groups {
            if let answer = ask({
                .querySkillGroupStatisticsReq(QuerySkillGroupStatisticsReq(invokeID: $0, peripheralID: peripheral,
                                                                           skillGroupNumber: number))
            }) {
                messages.append(answer)
            }
        }
        messages.append(.systemEvent(center.systemEvent(center.peripheralOnline ? .peripheralOnline : .peripheralOffline)))
        return CTIServerSnapshot(messages: messages, peripheralID: peripheral)
    }
}
