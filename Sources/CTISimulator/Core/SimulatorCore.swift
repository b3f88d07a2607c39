import GED188
import NIOCore

/// The CTI Server the simulator plays: the contact center model, the client sessions on sides A and B, and the
/// faults an operator injects.
///
/// Pure and deterministic like the model: the shell passes model time and decoded messages in, and takes out the
/// bytes to write and the sessions to close (``takeOutput()``). It decides everything a CTI Server decides: OPEN_REQ
/// validation and its FAILURE_CONF codes, which events each session gets (services, masks, its agent, the teams it
/// monitors), heartbeats, idle timeouts, CLOSE, configuration uploads and control requests.
public struct SimulatorCore: Sendable {
    public internal(set) var center: ContactCenter
    public let settings: SimulatorSettings
    public private(set) var sides: [Side: SideCondition] = [.a: .online, .b: .online]
    public private(set) var deliveryPaused = false

    var sessions: [SessionID: ServerSession] = [:]
    /// Open order, so that delivery order does not depend on hashing.
    var order: [SessionID] = []
    var pausedEvents: [SimulatorEvent] = []
    var nextMonitorID: UInt32 = 1
    var output = SimulatorOutput()
    var pending: [SessionID: ByteBuffer] = [:]
    /// Counters for `/metrics`.
    public internal(set) var counters = Counters()

    public struct Counters: Sendable {
        public var eventsGenerated: UInt64 = 0
        public var messagesSent: UInt64 = 0
        public var messagesReceived: UInt64 = 0
        public var malformedMessages: UInt64 = 0
        public var sessionsOpened: UInt64 = 0
        public var sessionsRefused: UInt64 = 0
        public var sessionsClosed: UInt64 = 0
    }

    public init(center: ContactCenter, settings: SimulatorSettings = SimulatorSettings()) {
        self.center = center
        self.settings = settings
    }

    // MARK: Connections

    /// A client connected to `side`. Returns false when the side is offline: the shell closes the connection.
    public mutating func connect(_ id: SessionID, side: Side, now: Duration) -> Bool {
        guard sides[side] != .offline else {
            counters.sessionsRefused += 1
            return false
        }
        sessions[id] = ServerSession(id: id, side: side, lastReceived: now)
        order.append(id)
        return true
    }

    /// The client's connection closed (or the shell closed it).
    public mutating func disconnect(_ id: SessionID) {
        guard sessions.removeValue(forKey: id) != nil else { return }
        order.removeAll { $0 == id }
        pending[id] = nil
        counters.sessionsClosed += 1
    }

    /// The sessions open now, in the order they connected, with their side and (for CLIENT_EVENTS) agent.
    public var sessionSummaries: [(id: SessionID, side: Side, clientID: String?, agentID: String?, bridge: Bool)] {
        order.compactMap { id in
            sessions[id].map { ($0.id, $0.side, $0.open?.clientID, $0.open?.agentID, $0.open?.isBridge ?? false) }
        }
    }

    // MARK: Input

    /// A message arrived from a session.
    public mutating func receive(_ message: GED188Message, from id: SessionID, now: Duration) {
        guard var session = sessions[id], sides[session.side] != .hung else { return }
        advance(to: now)
        counters.messagesReceived += 1
        session.lastReceived = now
        sessions[id] = session
        switch session.phase {
        case .awaitingOpen:
            guard case .openReq(let request) = message else {
                send(.failureConf(FailureConf(invokeID: invokeID(of: message), status: .sessionNotOpen)), to: id)
                close(id, reason: "\(message.type.name ?? "a message") before OPEN_REQ")
                return
            }
            open(id, request)
        case .open(let open):
            receive(message, from: id, open: open)
        }
        distributeEvents()
    }

    /// A session sent bytes that do not decode: FAILURE_CONF, then that session alone is reset.
    public mutating func receiveMalformed(_ error: GED188Error, from id: SessionID) {
        guard let session = sessions[id], sides[session.side] != .hung else { return }
        counters.malformedMessages += 1
        send(.failureConf(FailureConf(invokeID: 0, status: Self.status(for: error))), to: id)
        close(id, reason: "malformed message: \(error)")
    }

    static func status(for error: GED188Error) -> StatusCode {
        switch error.code {
        case .missingField: .requiredDataMissing
        case .fieldTooLong, .invalidFieldLength: .invalidFieldLength
        case .namedDataTooLarge: .tooMuchData
        case .truncated, .fieldOverrun, .messageTooLarge, .invalidLayout: .invalidMessageLength
        default: .badMessageFormat
        }
    }

    private mutating func receive(_ message: GED188Message, from id: SessionID, open: ServerSession.OpenSession) {
        switch message {
        case .openReq(let request):
            send(.failureConf(FailureConf(invokeID: request.invokeID, status: .sessionAlreadyOpen)), to: id)
        case .heartbeatReq(let request):
            send(.heartbeatConf(HeartbeatConf(invokeID: request.invokeID)), to: id)
        case .closeReq(let request):
            send(.closeConf(CloseConf(invokeID: request.invokeID)), to: id)
            close(id, reason: "CLOSE_REQ (\(request.status))")
        case .configRequestKeyEvent(let request):
            guard request.peripheralID == center.configuration.peripheralID else {
                send(.configKeyEvent(ConfigKeyEvent(configKeyStatus: .unknownCustomer)), to: id)
                return
            }
            let key: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 1]
            send(.configKeyEvent(ConfigKeyEvent(
                configKeyStatus: .success, serviceConfigKey: key, skillGroupConfigKey: key, agentConfigKey: key,
                deviceConfigKey: key, callTypeConfigKey: key)), to: id)
        case .configRequestEvent(let request):
            sessions[id]?.phase = .open(with(open) { $0.wantsConfigurationUpdates = true })
            guard request.peripheralID == center.configuration.peripheralID else {
                send(.configEndEvent(ConfigEndEvent(configEndStatus: .invalid, text: "unknown peripheral \(request.peripheralID)")), to: id)
                return
            }
            guard !request.configInformation.isEmpty else { return }
            for message in center.configurationMessages(request.configInformation) { send(message, to: id) }
        case .monitorAgentTeamStartReq(let request):
            startTeamMonitor(request, session: id, open: open)
        case .monitorAgentTeamStopReq(let request):
            guard open.teamMonitors.values.contains(request.monitorID) else {
                send(.failureConf(FailureConf(invokeID: request.invokeID, status: .invalidMonitorid)), to: id)
                return
            }
            sessions[id]?.phase = .open(with(open) { session in
                session.teamMonitors = session.teamMonitors.filter { $0.value != request.monitorID }
            })
            send(.monitorAgentTeamStopConf(MonitorAgentTeamStopConf(invokeID: request.invokeID)), to: id)
        default:
            guard Self.isControlRequest(message) else {
                send(.failureConf(FailureConf(invokeID: invokeID(of: message), status: .invalidMsgTypeForVersion)), to: id)
                return
            }
            guard open.services.contains(.clientControl) else {
                send(.failureConf(FailureConf(invokeID: invokeID(of: message), status: .functionNotAvailable)), to: id)
                return
            }
            let context = RequestContext(session: id.rawValue, agentID: open.isBridge ? nil : open.agentID)
            switch center.handle(message, context: context) {
            case .confirmed(let confirmation): send(confirmation, to: id)
            case .controlFailure(let code):
                send(.controlFailureConf(ControlFailureConf(invokeID: invokeID(of: message), failureCode: code)), to: id)
            case .failure(let status):
                send(.failureConf(FailureConf(invokeID: invokeID(of: message), status: status)), to: id)
            }
        }
    }

    private mutating func startTeamMonitor(_ request: MonitorAgentTeamStartReq, session id: SessionID, open: ServerSession.OpenSession) {
        let allowed = open.isBridge || (open.agentID.map { center.teams(supervisedBy: $0).contains(request.teamID) } ?? false)
        guard allowed, let event = center.teamConfigEvent(request.teamID) else {
            send(.failureConf(FailureConf(invokeID: request.invokeID, status: allowed ? .teamNotFound : .supervisorNotFound)), to: id)
            return
        }
        guard open.teamMonitors[request.teamID] == nil else {
            send(.failureConf(FailureConf(invokeID: request.invokeID, status: .agentTeamMonitorAlreadyExists)), to: id)
            return
        }
        let monitorID = newMonitorID()
        sessions[id]?.phase = .open(with(open) { $0.teamMonitors[request.teamID] = monitorID })
        send(.monitorAgentTeamStartConf(MonitorAgentTeamStartConf(invokeID: request.invokeID, monitorID: monitorID)), to: id)
        send(.agentTeamConfigEvent(event), to: id)
    }

    // MARK: OPEN_REQ

    private mutating func open(_ id: SessionID, _ request: OpenReq) {
        switch validate(request, session: id) {
        case .failure(let refusal):
            send(.failureConf(FailureConf(invokeID: request.invokeID, status: refusal.status)), to: id)
            close(id, reason: "OPEN_REQ refused: \(refusal.status)")
        case .success(let open):
            sessions[id]?.phase = .open(open)
            counters.sessionsOpened += 1
            let agentIndex = open.agentID.flatMap { center.agentIndex(id: $0) }
            let agent = agentIndex.map { center.agents[$0] }
            send(.openConf(OpenConf(
                invokeID: request.invokeID, servicesGranted: open.services, monitorID: open.monitorID,
                pgStatus: center.pgStatus, icmCentralControllerTime: center.wallClock,
                peripheralOnline: center.peripheralOnline, peripheralType: .enterpriseAgent,
                agentState: agent?.state ?? .logout, departmentID: 0, sessionType: .active,
                agentExtension: agent?.configuration.extension, agentID: agent?.id, agentInstrument: agent?.instrument)),
                 to: id)
            if open.isBridge {
                send(.systemEvent(center.systemEvent(center.peripheralOnline ? .peripheralOnline : .peripheralOffline)), to: id)
            }
        }
    }

    struct Refusal: Error {
        var status: StatusCode
    }

    private mutating func validate(_ r: OpenReq, session id: SessionID) -> Result<ServerSession.OpenSession, Refusal> {
        guard r.versionNumber == GED188Protocol.version else { return .failure(Refusal(status: .invalidVersion)) }
        guard r.reserved1 == 0, r.reserved2 == 0, r.reserved3 == 0 else { return .failure(Refusal(status: .invalidReservedField)) }
        if let password = settings.clientPassword, r.clientPassword.bytes != Array(password.utf8) {
            return .failure(Refusal(status: .invalidPassword))
        }
        var idleTimeout: Duration?
        if r.idleTimeout != GED188Protocol.nullID {
            guard Double(r.idleTimeout) >= settings.minimumIdleTimeoutSeconds else { return .failure(Refusal(status: .invalidTimeout)) }
            idleTimeout = .seconds(Int64(r.idleTimeout))
        }
        guard r.callMsgMask.undefinedBits == 0 else { return .failure(Refusal(status: .invalidCallMsgMask)) }
        guard r.agentStateMask.undefinedBits == 0 else { return .failure(Refusal(status: .invalidAgentStateMask)) }
        guard r.configMsgMask.undefinedBits == 0 else { return .failure(Refusal(status: .invalidConfigMsgMask)) }
        let supported: ServiceMask = [.clientEvents, .callDataUpdate, .clientControl, .allEvents, .supervisor,
                                      .agentStateControlOnly, .activeStandby, .ignoreConf]
        let granted = r.servicesRequested.intersection(supported)
        guard granted.contains(.clientEvents) || granted.contains(.allEvents) || granted.contains(.clientControl) else {
            return .failure(Refusal(status: .invalidServiceMask))
        }
        var open = ServerSession.OpenSession(
            clientID: r.clientID, services: granted, callMask: r.callMsgMask, agentStateMask: r.agentStateMask,
            configMask: r.configMsgMask, agentID: nil, monitorID: 0, idleTimeout: idleTimeout)
        if granted.contains(.allEvents) {
            guard r.peripheralID == GED188Protocol.nullID || r.peripheralID == center.configuration.peripheralID else {
                return .failure(Refusal(status: .invalidPeripheralId))
            }
            return .success(open)
        }
        // CLIENT_EVENTS (or control only): the session is for one agent.
        guard r.peripheralID == center.configuration.peripheralID else { return .failure(Refusal(status: .invalidPeripheralId)) }
        let byID = r.agentID.flatMap { center.agentIndex(id: $0) }
        let byExtension = r.agentExtension.flatMap { center.agentIndex(forDevice: $0) }
        let byInstrument = r.agentInstrument.flatMap { center.agentIndex(forDevice: $0) }
        let named = [r.agentID, r.agentExtension, r.agentInstrument].compactMap { $0 }.filter { !$0.isEmpty }
        guard !named.isEmpty else { return .failure(Refusal(status: .requiredDataMissing)) }
        let found = [byID, byExtension, byInstrument].compactMap { $0 }
        guard found.count == named.count else { return .failure(Refusal(status: .invalidAgentData)) }
        guard Set(found).count == 1, let index = found.first else { return .failure(Refusal(status: .inconsistentAgentData)) }
        let agentID = center.agents[index].id
        if let holder = order.first(where: { $0 != id && sessions[$0]?.open?.agentID == agentID }) {
            guard sessions[holder]?.open?.clientID == r.clientID else { return .failure(Refusal(status: .deviceInUse)) }
            // The same client opening the same device again: the old session ends.
            send(.failureEvent(FailureEvent(status: .newSessionOpened)), to: holder)
            close(holder, reason: "a new session for agent \(agentID) opened")
        }
        open.agentID = agentID
        open.monitorID = newMonitorID()
        return .success(open)
    }

    private mutating func newMonitorID() -> UInt32 {
        defer { nextMonitorID &+= 1 }
        return nextMonitorID
    }

    // MARK: Time

    /// Moves model time to `now`: the contact center acts, events reach their sessions, idle sessions are reset.
    public mutating func advance(to now: Duration) {
        center.advance(to: now)
        distributeEvents()
        for id in order {
            guard let session = sessions[id], sides[session.side] != .hung else { continue }
            let limit = session.open.map(\.idleTimeout) ?? .seconds(settings.openTimeoutSeconds)
            if let limit, now - session.lastReceived > limit {
                close(id, reason: session.open == nil ? "no OPEN_REQ in time" : "idle timeout (nothing received for \(limit))")
            }
        }
    }

    /// What the shell must do now.
    public mutating func takeOutput() -> SimulatorOutput {
        for id in order {
            if let bytes = pending.removeValue(forKey: id), bytes.readableBytes > 0 {
                output.sends.append((id, bytes))
            }
        }
        defer { output = SimulatorOutput() }
        return output
    }

    // MARK: Faults and the admin API

    /// Changes a side's condition. Offline: its sessions get FAILURE_EVENT (CTI Server offline) and are reset,
    /// and the shell stops listening. Hung: its sessions stay open and get nothing, not even heartbeat answers.
    public mutating func setSide(_ side: Side, _ condition: SideCondition) {
        sides[side] = condition
        guard condition == .offline else { return }
        for id in order where sessions[id]?.side == side {
            send(.failureEvent(FailureEvent(status: .ctiServerOffline)), to: id)
            close(id, reason: "side \(side) offline")
        }
    }

    /// Resets every session on both sides.
    public mutating func dropAllSessions() {
        for id in order { close(id, reason: "all sessions dropped by the operator") }
    }

    public mutating func setPeripheralOnline(_ online: Bool) {
        center.setPeripheralOnline(online)
        distributeEvents()
    }

    /// Stops event delivery (events wait) or starts it again (the waiting events go out, in order).
    public mutating func setDeliveryPaused(_ paused: Bool) {
        deliveryPaused = paused
        distributeEvents()
    }

    /// Places an inbound call (the admin API); `nil` for a dialed number that routes nowhere.
    public mutating func placeInboundCall(dialedNumber: String, ani: String, callVariables: [String?], now: Duration) -> UInt32? {
        advance(to: now)
        let id = center.placeInboundCall(dialedNumber: dialedNumber, ani: ani, callVariables: callVariables)
        distributeEvents()
        return id
    }

    /// The caller (or the called external party) hangs up (the admin API). False for an unknown call.
    public mutating func releaseExternalParty(callID: UInt32, now: Duration) -> Bool {
        advance(to: now)
        guard center.calls[callID] != nil else { return false }
        center.releaseExternalParty(callID: callID)
        distributeEvents()
        return true
    }

    public mutating func setTraffic(_ profile: TrafficProfile, now: Duration) {
        advance(to: now)
        center.setTraffic(profile)
    }

    // MARK: Sending

    func invokeID(of message: GED188Message) -> UInt32 { message.invokeID ?? 0 }

    static func isControlRequest(_ message: GED188Message) -> Bool {
        switch message {
        case .setAgentStateReq, .answerCallReq, .holdCallReq, .retrieveCallReq, .clearConnectionReq, .clearCallReq,
             .consultationCallReq, .transferCallReq, .conferenceCallReq, .makeCallReq, .alternateCallReq,
             .reconnectCallReq, .deflectCallReq, .setCallDataReq, .releaseCallReq, .sendDTMFSignalReq,
             .queryAgentStateReq, .snapshotCallReq, .snapshotDeviceReq, .queryAgentStatisticsReq,
             .querySkillGroupStatisticsReq, .queryDeviceInfoReq, .superviseCallReq, .emergencyCallReq,
             .supervisorAssistReq, .listAgentTeamReq:
            true
        default:
            false
        }
    }

    mutating func send(_ message: GED188Message, to id: SessionID) {
        guard sessions[id] != nil else { return }
        var buffer = pending.removeValue(forKey: id) ?? ByteBuffer()
        do {
            try message.encode(into: &buffer)
            counters.messagesSent += 1
        } catch {
            output.problems.append("could not encode \(message.type.name ?? "a message") for \(id): \(error)")
        }
        pending[id] = buffer
    }

    mutating func close(_ id: SessionID, reason: String) {
        guard sessions[id] != nil else { return }
        if let bytes = pending.removeValue(forKey: id), bytes.readableBytes > 0 { output.sends.append((id, bytes)) }
        output.closes.append((id, reason))
        disconnect(id)
    }
}

/// A copy of `value` changed by `change`.
func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
