import CTIOSCore
import CTIOSWire

/// A whole CIL session without I/O: the state machine's decisions carried out on the object cache, with the
/// events to raise and the answers to give collected for the shell. The NIO shell (``Session``) runs one on its
/// event loop; a deterministic simulation runs many on an in-memory network with model time.
///
/// Each input forwards to ``CILSessionStateMachine`` and performs its actions at once: cache changes here, socket
/// work, answers and events into ``output``, which the shell takes with ``takeOutput()`` and carries out in order
/// (sockets first, then events, then answers).
package struct SessionEngine: Sendable {
    /// Socket work for the shell.
    package enum TransportAction: Sendable {
        /// Open a socket to the server.
        case connect(ConnectionID, ServerAddress)
        /// Write one frame.
        case send(ConnectionID, WireMessage)
        /// Close the socket.
        case close(ConnectionID)
    }

    /// What the shell must do.
    package struct Output: Sendable {
        /// Socket work, in order.
        package var transport: [TransportAction] = []
        /// Events to raise, in order.
        package var events: [CILEvent] = []
        /// Requests' and mode changes' answers.
        package var completions: [(handle: RequestHandle, result: Result<Arguments, CILError>)] = []
        /// The application's `connect` is over.
        package var connectResults: [Result<Void, CILError>] = []

        /// Whether there is nothing to do.
        package var isEmpty: Bool { transport.isEmpty && events.isEmpty && completions.isEmpty && connectResults.isEmpty }
    }

    package private(set) var machine: CILSessionStateMachine
    package private(set) var cache = ObjectCache()
    /// What the shell must do; take it with ``takeOutput()``.
    package private(set) var output = Output()
    /// Agent mode: the session's agent.
    package private(set) var agentID: String?
    /// Agent mode: the session's agent object's ID (`agent.5000.1001`).
    package private(set) var agentObjectID: String?
    /// The session's current call (Cisco's `GetCurrentCall`): the agent's call that arrived first and is still
    /// there, or the one the application chose.
    package private(set) var currentCall: String?

    /// A session that has not connected; `seed` drives its random choices.
    package init(seed: UInt64) {
        machine = CILSessionStateMachine(seed: seed)
    }

    /// Takes what the shell must do now.
    package mutating func takeOutput() -> Output {
        defer {
            output.transport.removeAll(keepingCapacity: true)
            output.events.removeAll(keepingCapacity: true)
            output.completions.removeAll(keepingCapacity: true)
            output.connectResults.removeAll(keepingCapacity: true)
        }
        return output
    }

    // MARK: Inputs

    /// ``CILSessionStateMachine/start(profile:now:)``.
    package mutating func start(profile: ConnectionProfile, now: Duration) { perform(machine.start(profile: profile, now: now)) }
    /// ``CILSessionStateMachine/stop(now:)``.
    package mutating func stop(now: Duration) { perform(machine.stop(now: now)) }
    /// ``CILSessionStateMachine/connected(_:now:)``.
    package mutating func connected(_ connection: ConnectionID, now: Duration) { perform(machine.connected(connection, now: now)) }
    /// ``CILSessionStateMachine/connectFailed(_:reason:now:)``.
    package mutating func connectFailed(_ connection: ConnectionID, reason: String, now: Duration) {
        perform(machine.connectFailed(connection, reason: reason, now: now))
    }
    /// ``CILSessionStateMachine/closed(_:now:)``.
    package mutating func closed(_ connection: ConnectionID, now: Duration) { perform(machine.closed(connection, now: now)) }
    /// ``CILSessionStateMachine/protocolError(_:_:now:)``.
    package mutating func protocolError(_ connection: ConnectionID, _ description: String, now: Duration) {
        perform(machine.protocolError(connection, description, now: now))
    }
    /// ``CILSessionStateMachine/writeFailed(_:requestID:)``.
    package mutating func writeFailed(_ connection: ConnectionID, requestID: UInt32) {
        machine.writeFailed(connection, requestID: requestID)
    }
    /// ``CILSessionStateMachine/sendFailed(_:requestID:reason:)``.
    package mutating func sendFailed(_ connection: ConnectionID, requestID: UInt32, reason: String) {
        perform(machine.sendFailed(connection, requestID: requestID, reason: reason))
    }
    /// ``CILSessionStateMachine/tick(now:)``.
    package mutating func tick(now: Duration) { perform(machine.tick(now: now)) }
    /// ``CILSessionStateMachine/request(_:_:handle:now:)``.
    package mutating func request(_ method: String, _ arguments: Arguments, handle: RequestHandle, now: Duration) {
        perform(machine.request(method, arguments, handle: handle, now: now))
    }
    /// ``CILSessionStateMachine/setMode(_:handle:now:)``.
    package mutating func setMode(_ mode: SessionMode, handle: RequestHandle, now: Duration) {
        perform(machine.setMode(mode, handle: handle, now: now))
    }

    /// A frame from the server.
    package mutating func received(_ message: WireMessage, on connection: ConnectionID, now: Duration) {
        perform(machine.received(message, on: connection, now: now))
    }

    /// The application chooses the current call (`nil`: none). Raises `OnCurrentCallChanged` when it changes.
    package mutating func setCurrentCall(_ id: String?) {
        guard id == nil || cache[id!] != nil else { return }
        changeCurrentCall(to: id)
    }

    /// When the next timed input is due.
    package var nextDeadline: Duration? { machine.nextDeadline }

    // MARK: Carrying out

    mutating func perform(_ actions: [CILSessionAction]) {
        for action in actions {
            switch action {
            case .connect(let connection, let server):
                output.transport.append(.connect(connection, server))
            case .send(let connection, let message):
                output.transport.append(.send(connection, message))
            case .close(let connection):
                output.transport.append(.close(connection))
            case .connectFinished(let result):
                output.connectResults.append(result)
            case .completeRequest(let handle, let result):
                output.completions.append((handle, result))
            case .applyBatch(let batch):
                apply(batch)
            case .beginSnapshot:
                cache.beginSnapshot()
            case .addSnapshotObjects(let objects):
                cache.addSnapshot(objects)
            case .endSnapshot:
                raise(cache.endSnapshot())
                followCurrentCall(created: true)
            case .modeEstablished(let mode):
                establish(mode)
            case .raise(let name, let arguments):
                output.events.append(CILEvent(name: name, arguments: arguments))
            case .dropObjects:
                raise(cache.removeAll())
                followCurrentCall(created: false)
            case .resetCache:
                cache.reset()
                agentID = nil
                agentObjectID = nil
                currentCall = nil
            }
        }
    }

    private mutating func apply(_ batch: ChangeBatch) {
        cache.apply(batch)
        raise(batch.events)
        // The current call only moves when calls come or go.
        var callsCameOrWent = false
        var created = false
        for change in batch.changes {
            switch change {
            case .created(let id, _):
                if id.hasPrefix("call.") {
                    callsCameOrWent = true
                    created = true
                }
            case .deleted(let id):
                if id.hasPrefix("call.") { callsCameOrWent = true }
            case .updated:
                continue
            }
        }
        if callsCameOrWent { followCurrentCall(created: created) }
    }

    private mutating func raise(_ events: [WireEvent]) {
        for event in events {
            let kind = EventKind(name: event.name)
            var monitored = false
            if let agentID {
                switch kind.category {
                case .agent, .call, .buttonEnablement:
                    if let subject = event.arguments[.agentID]?.string { monitored = subject != agentID }
                case .session, .skillGroup, .other:
                    break
                }
            }
            output.events.append(CILEvent(kind: kind, name: EventName(rawValue: event.name), arguments: event.arguments,
                                          isMonitored: monitored))
        }
    }

    private mutating func establish(_ mode: SessionMode) {
        switch mode {
        case .agent(let peripheralID, let newAgent, _):
            let changed = agentID != nil && agentID != newAgent
            agentID = newAgent
            agentObjectID = UniqueObjectID.agent(peripheral: peripheralID, agentID: newAgent).description
            if changed {
                output.events.append(CILEvent(name: .onCurrentAgentReset, arguments: [Keyword.agentID.name: .string(newAgent)]))
            }
        case .monitor:
            agentID = nil
            agentObjectID = nil
        }
    }

    /// Keeps the current call on one of the agent's calls: it stays while it exists; when it goes, the agent's
    /// remaining call takes its place; a new call becomes current when there is none.
    private mutating func followCurrentCall(created: Bool) {
        if let currentCall, cache[currentCall] != nil { return }
        guard let agentID else {
            if currentCall != nil { changeCurrentCall(to: nil) }
            return
        }
        let candidate = cache.ids(of: .call).first { cache[$0]?.string(.agentID) == agentID }
        if candidate != currentCall { changeCurrentCall(to: candidate) }
    }

    private mutating func changeCurrentCall(to id: String?) {
        guard id != currentCall else { return }
        currentCall = id
        var arguments = Arguments()
        if let id { arguments[.uniqueObjectID] = .string(id) }
        output.events.append(CILEvent(name: .onCurrentCallChanged, arguments: arguments))
    }
}
