import CTIOSCore
import CTIOSWire

extension CILSessionStateMachine {
    // MARK: The application

    /// The application's `connect`: start on a server of the profile chosen at random, and keep trying (the servers
    /// in turn, with backoff) until one welcomes the session or the profile's connect timeout passes.
    package mutating func start(profile: ConnectionProfile, now: Duration) -> [CILSessionAction] {
        guard case .idle = phase else {
            return [.connectFinished(.failure(CILError(.invalidState, "the session is already connected or connecting")))]
        }
        self.profile = profile
        if let seed = profile.randomSeed { random = SplitMix64(seed: seed) }
        mode = nil
        position = nil
        lostAt = nil
        moving = false
        failedAttempts = 0
        lastError = nil
        connectDeadline = now + profile.connectTimeout
        let first = profile.servers.count > 1 ? Int.random(in: 0..<profile.servers.count, using: &random) : 0
        return attempt(server: first, now: now)
    }

    /// The application's `disconnect`: close, answer everything still waiting, forget the mode and the objects.
    package mutating func stop(now: Duration) -> [CILSessionAction] {
        if case .idle = phase, connectDeadline == nil { return [] }
        var actions: [CILSessionAction] = []
        if let connection = currentConnection { actions.append(.close(connection)) }
        actions += failEverything(sent: .connectionLost, "the application disconnected the session before the answer came")
        if connectDeadline != nil {
            connectDeadline = nil
            actions.append(.connectFinished(.failure(CILError(.notConnected, "the application disconnected the session"))))
        }
        phase = .idle
        mode = nil
        position = nil
        lostAt = nil
        moving = false
        actions.append(.raise(.onConnectionClosed, [:]))
        actions.append(.resetCache)
        return actions
    }

    // MARK: Attempts

    mutating func attempt(server: Int, now: Duration) -> [CILSessionAction] {
        nextConnection += 1
        let connection = ConnectionID(nextConnection)
        phase = .connecting(Attempt(connection: connection, server: server, startedAt: now))
        return [.connect(connection, profile.servers[server])]
    }

    /// The socket opened: say hello, with the resume point when there is one.
    package mutating func connected(_ connection: ConnectionID, now: Duration) -> [CILSessionAction] {
        guard case .connecting(let attempt) = phase, attempt.connection == connection else { return [] }
        phase = .awaitingWelcome(attempt)
        nextRequestID = 1
        let milliseconds = profile.heartbeat.components.seconds * 1_000 + profile.heartbeat.components.attoseconds / 1_000_000_000_000_000
        let hello = WireMessage.hello(
            versions: [.current], clientName: profile.clientName,
            heartbeatMilliseconds: UInt32(clamping: milliseconds), resume: position)
        return [.send(connection, hello)]
    }

    /// The socket could not be opened.
    package mutating func connectFailed(_ connection: ConnectionID, reason: String, now: Duration) -> [CILSessionAction] {
        guard case .connecting(let attempt) = phase, attempt.connection == connection else { return [] }
        return attemptFailed("cannot connect to \(profile.servers[attempt.server]): \(reason)", code: .connectFailed, now: now)
    }

    /// An attempt ended without a welcome: try again after the backoff, or give the application's `connect` up.
    mutating func attemptFailed(_ reason: String, code: CILError.Code, now: Duration) -> [CILSessionAction] {
        let server: Int
        switch phase {
        case .connecting(let attempt), .awaitingWelcome(let attempt): server = attempt.server
        case .open(let open): server = open.server
        case .backingOff(_, let next): server = next
        case .idle: return []
        }
        failedAttempts += 1
        counters.failedAttempts += 1
        lastError = CILError(code, reason)
        if let deadline = connectDeadline, now >= deadline { return giveUp(now: now) }
        let delay = policy.jitteredBackoff(afterFailures: failedAttempts, using: &random)
        phase = .backingOff(until: now + delay, server: ReconnectPolicy.next(after: server, count: profile.servers.count))
        return delay == .zero ? backoffOver(now: now) : []
    }

    /// The backoff is over: the next attempt.
    mutating func backoffOver(now: Duration) -> [CILSessionAction] {
        guard case .backingOff(_, let server) = phase else { return [] }
        return attempt(server: server, now: now)
    }

    /// The application's `connect` has waited long enough.
    mutating func giveUp(now: Duration) -> [CILSessionAction] {
        var actions: [CILSessionAction] = []
        if let connection = currentConnection { actions.append(.close(connection)) }
        phase = .idle
        connectDeadline = nil
        let servers = profile.servers.map(\.description).joined(separator: " and ")
        let last = lastError.map { " (last: \($0.reason))" } ?? ""
        let error = CILError(.connectFailed, "no server of the profile (\(servers)) took the session within \(profile.connectTimeout)\(last)")
        lastError = error
        actions.append(.connectFinished(.failure(error)))
        return actions
    }

    // MARK: Welcome, reject

    mutating func welcomed(_ attempt: Attempt, serverID: String, serverName: String, heartbeatMilliseconds: UInt32,
                           now: Duration) -> [CILSessionAction] {
        let heartbeat = heartbeatMilliseconds > 0 ? Duration.milliseconds(Int64(heartbeatMilliseconds)) : profile.heartbeat
        phase = .open(OpenConnection(connection: attempt.connection, server: attempt.server, heartbeat: heartbeat,
                                     serverID: serverID, serverName: serverName))
        lastReceived = now
        lastSent = now
        missedReported = 0
        failedAttempts = 0
        stream = .none
        counters.connections += 1
        let server = profile.servers[attempt.server]
        var arguments = Arguments()
        arguments[.currentServer] = .string(server.host)
        arguments[.currentPort] = .integer(Int64(server.port))
        arguments[.heartbeat] = .integer(Int64(heartbeatMilliseconds))
        arguments.setValue(.string(serverID), for: "ServerID")
        var actions: [CILSessionAction] = [.raise(.onConnection, arguments)]
        if connectDeadline != nil {
            connectDeadline = nil
            actions.append(.connectFinished(.success(())))
        }
        if let mode {
            // Set the mode again (monitor mode too): the server then sends what was missed, or a snapshot.
            actions += sendMode(mode, waiter: .restore, now: now)
        } else if let lostAt {
            actions.append(.raise(.onSessionRecovered, recoveryArguments(since: lostAt, now: now, kind: "none")))
            self.lostAt = nil
            self.moving = false
        }
        return actions
    }

    mutating func rejected(_ attempt: Attempt, code: RejectCode, reason: String, now: Duration) -> [CILSessionAction] {
        let server = profile.servers[attempt.server]
        var actions: [CILSessionAction] = [.close(attempt.connection)]
        guard code == .unsupportedVersion else {
            return actions + attemptFailed("\(server) refused the session (\(code)): \(reason)", code: .connectFailed, now: now)
        }
        actions.append(.raise(.onConnectionRejected, [Keyword.errorMessage.name: .string(reason),
                                                       Keyword.currentServer.name: .string(server.host),
                                                       Keyword.currentPort.name: .integer(Int64(server.port))]))
        if connectDeadline != nil {
            phase = .idle
            connectDeadline = nil
            let error = CILError(.connectionRejected, "\(server) does not speak this CIL's protocol: \(reason)")
            lastError = error
            return actions + [.connectFinished(.failure(error))]
        }
        return actions + attemptFailed("\(server) does not speak this CIL's protocol: \(reason)", code: .connectionRejected, now: now)
    }

    // MARK: Losing the connection

    /// The socket closed (or reset).
    package mutating func closed(_ connection: ConnectionID, now: Duration) -> [CILSessionAction] {
        switch phase {
        case .connecting(let attempt) where attempt.connection == connection:
            return attemptFailed("\(profile.servers[attempt.server]) closed the connection", code: .connectFailed, now: now)
        case .awaitingWelcome(let attempt) where attempt.connection == connection:
            return attemptFailed("\(profile.servers[attempt.server]) closed the connection before its welcome",
                                 code: .connectFailed, now: now)
        case .open(let open) where open.connection == connection:
            return lose(.transportError, "the connection to \(profile.servers[open.server]) closed", now: now)
        default:
            return []
        }
    }

    /// The server sent bytes that do not decode (the decoder's error, which names the field and offset).
    package mutating func protocolError(_ connection: ConnectionID, _ description: String, now: Duration) -> [CILSessionAction] {
        guard currentConnection == connection else { return [] }
        return violation(description, now: now)
    }

    /// The server broke the protocol: close, and start again.
    mutating func violation(_ description: String, now: Duration) -> [CILSessionAction] {
        counters.protocolErrors += 1
        switch phase {
        case .connecting(let attempt), .awaitingWelcome(let attempt):
            let server = profile.servers[attempt.server]
            return [.close(attempt.connection)]
                + attemptFailed("\(server) broke the protocol: \(description)", code: .connectFailed, now: now)
        case .open(let open):
            return lose(.protocolMismatch, "\(profile.servers[open.server]) broke the protocol: \(description)", now: now)
        case .idle, .backingOff:
            return []
        }
    }

    /// A welcomed connection is lost: close it, fail what waited on it, tell the application, and try the other
    /// server at once.
    mutating func lose(_ code: ConnectionFailureCode, _ reason: String, now: Duration) -> [CILSessionAction] {
        guard case .open(let open) = phase else { return [] }
        counters.losses += 1
        var actions: [CILSessionAction] = [.close(open.connection)]
        actions += failEverything(sent: .connectionLost, "the connection was lost before the answer came (\(reason))")
        if lostAt == nil { lostAt = now }
        lastError = CILError(code == .protocolMismatch ? .connectFailed : .connectionLost, reason)
        let server = profile.servers[open.server]
        actions.append(.raise(.onConnectionFailure, [
            Keyword.failureCode.name: .integer(code.rawValue),
            Keyword.errorMessage.name: .string(reason),
            Keyword.currentServer.name: .string(server.host),
            Keyword.currentPort.name: .integer(Int64(server.port)),
        ]))
        failedAttempts = 0
        return actions + attempt(server: ReconnectPolicy.next(after: open.server, count: profile.servers.count), now: now)
    }

    /// The server asked this client to move (an operator's drain): go to the other server at once and resume there.
    /// Not a failure: no `OnConnectionFailure`; the cache stays, and `OnSessionRecovered` (with `Moved`) follows once
    /// the mode is set again on the other server. The server drains only clients with nothing in flight, so normally
    /// nothing fails; a request that crossed the goodbye fails as *connection lost*, its outcome unknown.
    mutating func move(_ reason: String, now: Duration) -> [CILSessionAction] {
        guard case .open(let open) = phase else { return [] }
        counters.moves += 1
        var actions: [CILSessionAction] = [.close(open.connection)]
        actions += failEverything(sent: .connectionLost, "the server moved this session to its peer before the answer came (\(reason))")
        if lostAt == nil { lostAt = now }
        moving = true
        failedAttempts = 0
        return actions + attempt(server: ReconnectPolicy.next(after: open.server, count: profile.servers.count), now: now)
    }

    /// Fails every request and mode change waiting on the connection: those whose write failed never left this
    /// client; the others' outcome is unknown.
    mutating func failEverything(sent code: CILError.Code, _ reason: String) -> [CILSessionAction] {
        var actions: [CILSessionAction] = []
        for id in pending.keys.sorted() {
            let request = pending[id]!
            let error = request.writeFailed
                ? CILError(.notSent, "the request was never sent: the write failed and the connection was lost")
                : CILError(code, reason)
            switch request.kind {
            case .request(let handle, _), .mode(_, .app(let handle, _)):
                actions.append(.completeRequest(handle, .failure(error)))
            case .mode(_, .restore):
                break
            }
        }
        pending.removeAll()
        abandoned.removeAll()
        switch stream {
        case .awaiting(.app(let handle, _)), .snapshot(_, .app(let handle, _)), .replaying(.app(let handle, _)):
            actions.append(.completeRequest(handle, .failure(CILError(
                code, "the server accepted the mode, and the connection was lost before its objects came; the session sets it again when it reconnects"))))
        default:
            break
        }
        stream = .none
        return actions
    }

    /// `OnSessionRecovered`'s arguments: how long the outage lasted and how the cache was brought up to date.
    func recoveryArguments(since lostAt: Duration, now: Duration, kind: String) -> Arguments {
        let elapsed = now - lostAt
        let milliseconds = elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        var arguments = Arguments()
        arguments[.duration] = .integer(milliseconds)
        arguments.setValue(.string(kind), for: "Recovery")
        arguments.setValue(.boolean(moving), for: "Moved")
        if case .open(let open) = phase {
            arguments[.currentServer] = .string(profile.servers[open.server].host)
            arguments[.currentPort] = .integer(Int64(profile.servers[open.server].port))
        }
        return arguments
    }
}
