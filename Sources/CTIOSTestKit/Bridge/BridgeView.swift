import GED188

/// The contact center as a bridge client (an ALL_EVENTS session) sees it, built from GED-188 events **alone**.
///
/// Feed it every message a session receives, in order (``apply(_:)``); it keeps each agent's state and each call's
/// context and connections as the events imply them, and never looks at the simulator's model. Compare it with the
/// simulator's ``GroundTruth`` (``compare(with:expectingEveryEvent:)``) to check that the events tell the truth.
///
/// What each event implies (the simulator's flows, `Sources/CTISimulator/Model`):
/// - AGENT_STATE_EVENT: the agent's state, reason code and per-skill-group states (the FltSkillGroup fields).
/// - BEGIN_CALL: a new call with its context (ANI, DNIS, dialed number, call variables, ECC variables); no
///   connection yet.
/// - CALL_QUEUED / CALL_DELIVERED: the connection at ConnectionDeviceID is QUEUED / ALERTING; on a call with no
///   other connection yet, the CallingDeviceID (an inbound caller) is CONNECT from the start.
/// - CALL_DEQUEUED: the queue's connection leaves (its state NULL); the CALL_CONNECTION_CLEARED with EventCause
///   REDIRECTED that follows the delivery finds it gone.
/// - CALL_ESTABLISHED: the answering device is CONNECT, and every INITIATE connection (the caller who was waiting
///   for the answer) becomes CONNECT.
/// - CALL_HELD / CALL_RETRIEVED: HOLD / CONNECT at the device.
/// - CALL_SERVICE_INITIATED / CALL_ORIGINATED: the calling device is INITIATE.
/// - CALL_REACHED_NETWORK: the called (external) device is ALERTING.
/// - CALL_DIVERTED, CALL_CONNECTION_CLEARED: the device leaves the call.
/// - CALL_TRANSFERRED / CALL_CONFERENCED: the primary call's connections are the listed parties (each keeps the
///   state it had on the primary or the secondary call; the conference controller takes the event's state).
/// - CALL_DATA_UPDATE: the call variables, wrap-up data and ECC variables given replace the old ones.
/// - CALL_CLEARED: every connection is gone; END_CALL: the call is gone.
public struct BridgeView: Hashable, Sendable {
    /// An agent as its AGENT_STATE_EVENTs describe it.
    public struct Agent: Hashable, Sendable {
        /// AgentID.
        public var id: String
        /// AgentState of the last AGENT_STATE_EVENT.
        public var state: AgentState
        /// EventReasonCode of the last AGENT_STATE_EVENT.
        public var reasonCode: UInt16
        /// The agent's state in each skill group it is logged in to, by skill group number.
        public var skillGroups: [UInt32: AgentState]

        /// An agent in `state`, for a test that builds a view by hand.
        public init(id: String, state: AgentState, reasonCode: UInt16 = 0, skillGroups: [UInt32: AgentState] = [:]) {
            self.id = id
            self.state = state
            self.reasonCode = reasonCode
            self.skillGroups = skillGroups
        }
    }

    /// A call as its events describe it.
    public struct Call: Hashable, Sendable {
        /// ConnectionCallID.
        public var id: UInt32
        /// ANI (the calling number), from BEGIN_CALL or CALL_DATA_UPDATE.
        public var ani: String
        /// DNIS, from BEGIN_CALL.
        public var dnis: String
        /// DialedNumber, from BEGIN_CALL.
        public var dialedNumber: String
        /// CallVariable1 to CallVariable10 (index 0 is CallVariable1); `nil` for a variable never given.
        public var callVariables: [String?]
        /// CallWrapupData.
        public var callWrapupData: String?
        /// ECC variables (NAMEDVAR).
        public var namedVariables: [NamedVariable]
        /// ECC array elements (NAMEDARRAY).
        public var namedArrays: [NamedArrayElement]
        /// The devices on the call, in the order they joined.
        public var connections: [Connection]

        /// A call with this context, for a test that builds a view by hand.
        public init(
            id: UInt32, ani: String = "", dnis: String = "", dialedNumber: String = "",
            callVariables: [String?] = Array(repeating: nil, count: 10), callWrapupData: String? = nil,
            namedVariables: [NamedVariable] = [], namedArrays: [NamedArrayElement] = [], connections: [Connection] = []
        ) {
            self.id = id
            self.ani = ani
            self.dnis = dnis
            self.dialedNumber = dialedNumber
            self.callVariables = callVariables
            self.callWrapupData = callWrapupData
            self.namedVariables = namedVariables
            self.namedArrays = namedArrays
            self.connections = connections
        }

        /// The state of the connection at `device`, `nil` when the device is not on the call.
        public func state(of device: String) -> LocalConnectionState? {
            connections.first { $0.deviceID == device }?.state
        }
    }

    /// A device's connection to a call.
    public struct Connection: Hashable, Sendable {
        /// The device (an instrument, a route point, an external number).
        public var deviceID: String
        /// Its LocalConnectionState.
        public var state: LocalConnectionState

        /// A connection, for a test that builds a view by hand.
        public init(deviceID: String, state: LocalConnectionState) {
            self.deviceID = deviceID
            self.state = state
        }
    }

    /// The agents the view has seen an AGENT_STATE_EVENT for, by agent ID.
    public internal(set) var agents: [String: Agent] = [:]
    /// The calls that began (or that an event named) and have not ended, by call ID.
    public internal(set) var calls: [UInt32: Call] = [:]
    /// How many model events the view applied: every message but OPEN_CONF, the SYSTEM_EVENT that follows it, and
    /// the session's own traffic (confirmations, FAILURE_EVENT, configuration and team-monitor answers). It equals
    /// ``GroundTruth/version`` when the view has seen every event since model time zero.
    public internal(set) var modelEventCount: UInt64 = 0
    /// Events the view could not place (a call event for a call it never saw begin, an agent event without an
    /// AgentID, an END_CALL for an unknown call), in order; at most ``maximumAnomalies`` are kept.
    public internal(set) var anomalies: [String] = []
    /// The most anomalies kept.
    public static let maximumAnomalies = 100

    /// Whether the last message was OPEN_CONF (the SYSTEM_EVENT that follows it is the session's, not the model's).
    var afterOpenConf = false

    /// An empty view: no agent seen, no call, no event counted.
    public init() {}

    /// Applies every message, in order.
    public mutating func apply<Messages: Sequence<GED188Message>>(_ messages: Messages) {
        for message in messages { apply(message) }
    }

    /// Applies one message a session received.
    public mutating func apply(_ message: GED188Message) {
        let followsOpenConf = afterOpenConf
        afterOpenConf = false
        switch message {
        case .openConf:
            afterOpenConf = true
            return
        case .systemEvent where followsOpenConf:
            return
        default:
            break
        }
        if Self.isModelEvent(message) { modelEventCount += 1 }
        switch message {
        case .agentStateEvent(let event): applyAgentState(event)
        case .beginCallEvent(let event): applyBeginCall(event)
        case .callQueuedEvent(let event): applyQueued(event)
        case .callDequeuedEvent(let event): applyDequeued(event)
        case .callDeliveredEvent(let event): applyDelivered(event)
        case .callEstablishedEvent(let event): applyEstablished(event)
        case .callHeldEvent(let event):
            updateCall(event.connectionCallID, "CALL_HELD_EVENT") {
                $0.set(event.holdingDeviceID ?? event.connectionDeviceID, Self.state(event.localConnectionState, else: .hold))
            }
        case .callRetrievedEvent(let event):
            updateCall(event.connectionCallID, "CALL_RETRIEVED_EVENT") {
                $0.set(event.retrievingDeviceID ?? event.connectionDeviceID,
                       Self.state(event.localConnectionState, else: .connect))
            }
        case .callConnectionClearedEvent(let event):
            updateCall(event.connectionCallID, "CALL_CONNECTION_CLEARED_EVENT") { $0.remove(event.connectionDeviceID) }
        case .callClearedEvent(let event):
            updateCall(event.connectionCallID, "CALL_CLEARED_EVENT") { $0.connections.removeAll() }
        case .endCallEvent(let event):
            if calls.removeValue(forKey: event.connectionCallID) == nil {
                note("END_CALL_EVENT for call \(event.connectionCallID), which the view does not have")
            }
        case .callServiceInitiatedEvent(let event):
            updateCall(event.connectionCallID, "CALL_SERVICE_INITIATED_EVENT") {
                $0.set(event.connectionDeviceID, Self.state(event.localConnectionState, else: .initiate))
            }
        case .callOriginatedEvent(let event):
            updateCall(event.connectionCallID, "CALL_ORIGINATED_EVENT") {
                $0.set(event.connectionDeviceID, Self.state(event.localConnectionState, else: .initiate))
            }
        case .callReachedNetworkEvent(let event): applyReachedNetwork(event)
        case .callDivertedEvent(let event):
            updateCall(event.connectionCallID, "CALL_DIVERTED_EVENT") { $0.remove(event.connectionDeviceID) }
        case .callTransferredEvent(let event):
            applyMerge("CALL_TRANSFERRED_EVENT", primary: event.primaryCallID, secondary: event.secondaryCallID,
                       parties: event.connectedParties, controller: nil)
        case .callConferencedEvent(let event):
            let controller = event.controllerDeviceID.map { ($0, Self.state(event.localConnectionState, else: .connect)) }
            applyMerge("CALL_CONFERENCED_EVENT", primary: event.primaryCallID, secondary: event.secondaryCallID,
                       parties: event.connectedParties, controller: controller)
        case .callDataUpdateEvent(let event): applyCallDataUpdate(event)
        default:
            break
        }
    }

    /// Whether a message is one the contact center model emits (and counts in ``GroundTruth/version``), as opposed
    /// to the session's own traffic.
    public static func isModelEvent(_ message: GED188Message) -> Bool {
        switch message {
        case .agentStateEvent, .systemEvent, .agentPreCallEvent, .agentPreCallAbortEvent, .emergencyCallEvent,
             .beginCallEvent, .endCallEvent, .callDataUpdateEvent, .callQueuedEvent, .callDequeuedEvent,
             .callDeliveredEvent, .callEstablishedEvent, .callHeldEvent, .callRetrievedEvent, .callClearedEvent,
             .callConnectionClearedEvent, .callOriginatedEvent, .callFailedEvent, .callConferencedEvent,
             .callTransferredEvent, .callDivertedEvent, .callServiceInitiatedEvent, .callReachedNetworkEvent:
            true
        default:
            false
        }
    }

    // MARK: Helpers

    /// The event's LocalConnectionState when it names a state a connection can be in, else `implied`.
    static func state(_ reported: LocalConnectionState, else implied: LocalConnectionState) -> LocalConnectionState {
        [.initiate, .alerting, .connect, .hold, .queued, .fail].contains(reported) ? reported : implied
    }

    /// Changes a call; a call the view never saw begin is created empty, and noted.
    mutating func updateCall(_ id: UInt32, _ event: String, _ change: (inout Call) -> Void) {
        if calls[id] == nil {
            note("\(event) for call \(id), which the view never saw begin")
            calls[id] = Call(id: id)
        }
        change(&calls[id]!)
    }

    mutating func note(_ anomaly: String) {
        guard anomalies.count < Self.maximumAnomalies else { return }
        anomalies.append(anomaly)
    }
}

extension BridgeView.Call {
    /// Puts `device` in `state`, adding the connection at the end when the device was not on the call.
    mutating func set(_ device: String, _ state: LocalConnectionState) {
        if let index = connections.firstIndex(where: { $0.deviceID == device }) {
            connections[index].state = state
        } else {
            connections.append(BridgeView.Connection(deviceID: device, state: state))
        }
    }

    mutating func remove(_ device: String) {
        connections.removeAll { $0.deviceID == device }
    }
}
