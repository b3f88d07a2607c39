import CTIOSCore
import CTIOSWire
import GED188
import NIOCore

extension ServerCore {
    // MARK: Connections

    public mutating func clientConnected(_ id: ClientID, now: Duration) {
        clients[id] = ClientSession(id: id, now: now)
        order.append(id)
    }

    /// The client's connection closed (or the shell closed it).
    public mutating func clientDisconnected(_ id: ClientID) {
        guard let session = clients.removeValue(forKey: id) else { return }
        order.removeAll { $0 == id }
        unindex(session)
        monitors.remove(id)
        // Requests in flight stay with the CTI Server; their answers find no one and are dropped.
    }

    /// The client stopped reading: its queue reached the bound. It is told why (if the bytes ever get through)
    /// and closed; nobody else waits for it.
    public mutating func clientTooSlow(_ id: ClientID) {
        counters.slowClients += 1
        goodbye(id, code: .slowClient, reason: "the client did not read its events fast enough")
    }

    /// Refuses a client before its session starts (the server is at its client limit).
    public mutating func refuse(_ id: ClientID, code: RejectCode, reason: String) {
        counters.clientsRejected += 1
        reject(id, code: code, reason: reason)
    }

    /// The server is stopping: the client is told to reconnect (to the other server first).
    public mutating func shutdown(_ id: ClientID) {
        goodbye(id, code: .shutdown, reason: "the server is stopping")
    }

    /// A frame that does not decode: the client is closed with the reason; no one else is affected.
    public mutating func clientSentMalformed(_ id: ClientID, error: String) {
        goodbye(id, code: .protocolError, reason: error)
    }

    // MARK: Frames

    public mutating func clientReceived(_ message: WireMessage, from id: ClientID, now: Duration) {
        guard var session = clients[id] else { return }
        session.lastReceived = now
        switch (session.phase, message) {
        case (.awaitingHello, .hello(let versions, let name, let heartbeatMilliseconds, let resume)):
            guard let version = ProtocolVersion.negotiate(clientVersions: versions) else {
                counters.clientsRejected += 1
                clients[id] = session
                if case .reject(let code, let reason) = ProtocolVersion.rejection(clientVersions: versions) {
                    reject(id, code: code, reason: reason)
                }
                return
            }
            guard acceptsClients else {
                counters.clientsRejected += 1
                clients[id] = session
                reject(id, code: .notReady,
                       reason: role == .joining ? "this server is catching up with its peer; use the other server"
                           : "this server has no CTI Server snapshot yet; use the other server")
                return
            }
            guard !drainActive else {
                counters.clientsRejected += 1
                clients[id] = session
                reject(id, code: .overloaded, reason: "this server is draining its clients to its peer; use the other server")
                return
            }
            session.phase = .open
            session.name = name
            session.resume = resume
            if heartbeatMilliseconds > 0 {
                session.heartbeat = .milliseconds(Int64(min(max(heartbeatMilliseconds, 50), 60_000)))
            } else {
                session.heartbeat = configuration.defaultHeartbeat
            }
            session.lastSent = now
            clients[id] = session
            send(.welcome(version: version, serverID: configuration.serverID, serverName: configuration.serverName,
                          position: LogPosition(epoch: store.epoch, sequence: store.sequence),
                          heartbeatMilliseconds: UInt32(session.heartbeat.components.seconds * 1_000
                                                        + session.heartbeat.components.attoseconds / 1_000_000_000_000_000)),
                 to: id)
        case (.awaitingHello, _):
            clients[id] = session
            reject(id, code: .badHello, reason: "the first frame must be hello, not \(message.kind)")
        case (.open, .heartbeat):
            clients[id] = session
        case (.open, .setAgentMode(let requestID, let peripheralID, let agentID, _)):
            clients[id] = session
            guard peripheralID == configuration.peripheralID else {
                respond(id, requestID, .failure(RequestFailure(code: RequestFailure.StandardCode.invalidArguments,
                                                               reason: "unknown peripheral \(peripheralID)")))
                return
            }
            guard store[.agent(peripheral: peripheralID, agentID: agentID)] != nil else {
                respond(id, requestID, .failure(RequestFailure(code: RequestFailure.StandardCode.noSuchObject,
                                                               reason: "no agent \(agentID) on peripheral \(peripheralID)")))
                return
            }
            setMode(.agent(agentID), for: id, requestID: requestID)
        case (.open, .setMonitorMode(let requestID, let expression)):
            clients[id] = session
            let filter: MonitorFilter
            do {
                filter = try MonitorFilter(expression)
            } catch {
                respond(id, requestID, .failure(RequestFailure(code: RequestFailure.StandardCode.invalidArguments,
                                                               reason: "filter: \(error)")))
                return
            }
            setMode(.monitor(filter), for: id, requestID: requestID)
        case (.open, .request(let requestID, let method, let arguments)):
            clients[id] = session
            guard !session.pendingRequests.contains(requestID) else {
                goodbye(id, code: .protocolError, reason: "request id \(requestID) is already in use by an unanswered request")
                return
            }
            request(id, requestID: requestID, method: method, arguments: arguments, now: now)
        case (.open, _):
            clients[id] = session
            goodbye(id, code: .protocolError, reason: "a client does not send \(message.kind)")
        }
    }

    // MARK: Modes, resume and snapshots

    private mutating func setMode(_ mode: ClientMode, for id: ClientID, requestID: UInt32) {
        guard var session = clients[id] else { return }
        let hadMode = session.view != nil || peer.gatedStarts.contains { $0.client == id }
        unindex(session)
        session.view = nil
        peer.gatedStarts.removeAll { $0.client == id }
        respond(id, requestID, .success(["Mode": mode.isAgent ? "agent" : "monitor"]))
        let position = LogPosition(epoch: store.epoch, sequence: store.sequence)
        let plan: ResumePlan
        if hadMode {
            plan = .snapshot(.modeChanged)
        } else if let resume = session.resume {
            plan = store.resumePlan(from: resume, mode: mode)
        } else {
            plan = .snapshot(.initial)
        }
        session.resume = nil
        clients[id] = session
        var frames = ByteBuffer()
        var view: ClientView
        switch plan {
        case .replay(let known, let missed):
            // The client has what it could see at its resume point: send what it missed, as it would have seen it.
            view = ClientView(mode: mode, known: known)
            for batch in missed {
                if let filtered = store.filter(batch, for: &view) { encode(.batch(filtered), into: &frames, for: id) }
            }
            encode(.caughtUp(position: position), into: &frames, for: id)
            counters.resumes += 1
        case .snapshot(let reason):
            view = ClientView(mode: mode)
            let objects = store.snapshot(for: &view)
            // A snapshot that cannot be encoded closes the client.
            guard let bytes = snapshotFrames(objects, position: position, reason: reason, for: id) else { return }
            frames = bytes
            counters.snapshots += 1
        }
        if peer.awaitingAcknowledgement.isEmpty {
            startStream(id, frames: frames, view: view)
        } else {
            // Part of what the stream holds is not on the backup yet: it starts when the backup has it.
            peer.gatedStarts.append(PeerState.GatedStart(client: id, position: position.sequence, frames: frames, view: view))
        }
    }

    /// Every client with a mode gets a new snapshot of what it may see (the store was replaced).
    mutating func resynchronizeClients() {
        let position = LogPosition(epoch: store.epoch, sequence: store.sequence)
        // Streams still waiting for the old backup are replaced by the new store's snapshot too.
        let gated = Dictionary(peer.gatedStarts.map { ($0.client, $0.view.mode) }, uniquingKeysWith: { $1 })
        peer.gatedStarts = []
        for id in order {
            guard var session = clients[id], let mode = session.mode ?? gated[id] else { continue }
            unindex(session)
            var view = ClientView(mode: mode)
            let objects = store.snapshot(for: &view)
            session.view = view
            index(&session)
            clients[id] = session
            sendSnapshot(objects, position: position, reason: .resynchronize, to: id)
        }
    }

    private mutating func sendSnapshot(_ objects: [UniqueObjectID: Arguments], position: LogPosition,
                                       reason: SnapshotReason, to id: ClientID) {
        guard let bytes = snapshotFrames(objects, position: position, reason: reason, for: id) else { return }
        output.sends.append((id, bytes))
        clients[id]?.sentSinceTick = true
    }

    /// A snapshot's frames; `nil` (and the client closed) when it cannot be encoded.
    private mutating func snapshotFrames(_ objects: [UniqueObjectID: Arguments], position: LogPosition,
                                         reason: SnapshotReason, for id: ClientID) -> ByteBuffer? {
        let ordered = objects.sorted { $0.key < $1.key }.map { SnapshotObject(objectID: $0.key.description, properties: $0.value) }
        var bytes = ByteBuffer()
        do {
            try WireMessage.snapshotBegin(position: position, reason: reason).encode(into: &bytes)
            try WireMessage.encodeSnapshotObjects(ordered, into: &bytes, chunkLength: configuration.snapshotChunkBytes)
            try WireMessage.snapshotEnd(position: position).encode(into: &bytes)
            return bytes
        } catch {
            // One object larger than a frame may be: the client cannot be given a correct view.
            output.problems.append("could not encode the snapshot for \(id): \(error)")
            goodbye(id, code: .shutdown, reason: "the server could not encode this session's snapshot")
            return nil
        }
    }

    // MARK: Requests

    private mutating func request(_ id: ClientID, requestID: UInt32, method: String, arguments: Arguments, now: Duration) {
        counters.requests += 1
        clients[id]?.pendingRequests.insert(requestID)
        if role == .backup, peer.isUp, case .agent(let agentID)? = clients[id]?.mode {
            // The primary owns the CTI Server session: it carries the request out and answers.
            let tag = peer.nextForwardTag
            peer.nextForwardTag += 1
            peer.forwarded[tag] = (id, requestID, method, now)
            sendPeer(.forward(tag: tag, agentID: agentID, method: method, arguments: arguments))
            return
        }
        if role != .primary, case .agent? = clients[id]?.mode {
            finish(.client(id, requestID), method: method, since: now, now: now,
                   .failure(RequestFailure(code: RequestFailure.StandardCode.ctiUnavailable,
                                           reason: "\(method) was not sent: this server has no CTI Server session and no primary peer")))
            return
        }
        submit(origin: .client(id, requestID), method: method, arguments: arguments, mode: clients[id]?.mode, now: now)
    }

    /// Maps a request and sends it to the CTI Server, or answers at once with what the mapping refused.
    mutating func submit(origin: RequestOrigin, method: String, arguments: Arguments, mode: ClientMode?, now: Duration) {
        let store = self.store
        let mapper = RequestMapper(
            peripheralID: configuration.peripheralID,
            object: { store[$0] },
            callsOfAgent: { agentID in
                store.objects.filter { $0.key.kind == .call && $0.value.string(.agentID) == agentID }
                    .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            })
        switch mapper.map(method: method, arguments: arguments, mode: mode) {
        case .failure(let failure):
            finish(origin, method: method, since: now, now: now, .failure(failure))
        case .success(let message):
            let tag = nextTag
            nextTag += 1
            inFlight[tag] = (origin, method, now)
            perform(link.submit(message, tag: tag, now: now), now: now)
        }
    }

    /// The CTI Server's answer (or the link's verdict) for a request.
    mutating func answer(tag: UInt64, outcome: CTILinkStateMachine.RequestOutcome, now: Duration) {
        guard let (origin, method, since) = inFlight.removeValue(forKey: tag) else { return }
        let result: Result<Arguments, RequestFailure>
        switch outcome {
        case .confirmed(let message):
            result = .success(ConfirmationArguments.make(message))
        case .failed(let message):
            result = .failure(ConfirmationArguments.failure(message, method: method))
        case .notSent(let reason):
            result = .failure(RequestFailure(code: RequestFailure.StandardCode.ctiUnavailable, reason: "\(method) was not sent: \(reason)"))
        case .unknown(let reason):
            let code = reason.contains("did not answer") ? RequestFailure.StandardCode.timeout : RequestFailure.StandardCode.connectionLost
            result = .failure(RequestFailure(code: code, reason: "\(method): outcome unknown: \(reason)"))
        }
        finish(origin, method: method, since: since, now: now, result)
    }

    /// A request's one answer, to the client that asked or to the peer that forwarded it.
    mutating func finish(_ origin: RequestOrigin, method: String, since: Duration, now: Duration,
                         _ result: Result<Arguments, RequestFailure>) {
        if case .failure = result { counters.requestFailures += 1 }
        switch origin {
        case .client(let client, let requestID):
            output.requestLatencies.append(now - since)
            clients[client]?.pendingRequests.remove(requestID)
            respond(client, requestID, result)
        case .peer(let tag):
            sendPeer(.forwardResult(tag: tag, result: result))
        }
    }

    // MARK: Sending

    mutating func respond(_ id: ClientID, _ requestID: UInt32, _ result: Result<Arguments, RequestFailure>) {
        send(.response(requestID: requestID, result: result), to: id)
    }

    mutating func send(_ message: WireMessage, to id: ClientID) {
        guard clients[id] != nil else { return }
        do {
            output.sends.append((id, try message.encoded()))
            clients[id]?.sentSinceTick = true
        } catch {
            output.problems.append("could not encode \(message.kind) for \(id): \(error)")
        }
    }

    /// Appends one frame to a client's pending bytes (one write for a replay).
    mutating func encode(_ message: WireMessage, into buffer: inout ByteBuffer, for id: ClientID) {
        do {
            try message.encode(into: &buffer)
        } catch {
            output.problems.append("could not encode \(message.kind) for \(id): \(error)")
        }
    }

    mutating func reject(_ id: ClientID, code: RejectCode, reason: String) {
        send(.reject(code: code, reason: reason), to: id)
        close(id, reason: "rejected: \(reason)")
    }

    mutating func goodbye(_ id: ClientID, code: GoodbyeCode, reason: String) {
        send(.goodbye(code: code, reason: reason), to: id)
        close(id, reason: "\(code): \(reason)")
    }

    mutating func close(_ id: ClientID, reason: String) {
        guard clients[id] != nil else { return }
        output.closes.append((id, reason))
        clientDisconnected(id)
    }

    // MARK: Index

    mutating func index(_ session: inout ClientSession) {
        guard let view = session.view else { return }
        switch view.mode {
        case .monitor:
            monitors.insert(session.id)
        case .agent(let agentID):
            let scope = view.scope ?? store.agentScope(for: agentID)
            session.indexedAgents = scope.agentIDs
            session.indexedDevices = scope.devices
            for agent in scope.agentIDs { byAgent[agent, default: []].insert(session.id) }
            for device in scope.devices { byDevice[device, default: []].insert(session.id) }
        }
    }

    mutating func unindex(_ session: ClientSession) {
        monitors.remove(session.id)
        for agent in session.indexedAgents { byAgent[agent]?.remove(session.id) }
        for device in session.indexedDevices { byDevice[device]?.remove(session.id) }
    }
}

extension ClientMode {
    var isAgent: Bool { if case .agent = self { true } else { false } }
}
