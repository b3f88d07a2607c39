import CTIOSCore
import CTIOSWire

extension CILSessionStateMachine {
    /// A frame from the server. A frame from an older socket is ignored; a frame the protocol does not allow here
    /// closes the connection (and the session reconnects).
    package mutating func received(_ message: WireMessage, on connection: ConnectionID, now: Duration) -> [CILSessionAction] {
        switch phase {
        case .open(let open) where open.connection == connection:
            lastReceived = now
            missedReported = 0
            return receivedOpen(message, now: now)
        case .awaitingWelcome(let attempt) where attempt.connection == connection:
            switch message {
            case .welcome(_, let serverID, let serverName, _, let heartbeatMilliseconds):
                return welcomed(attempt, serverID: serverID, serverName: serverName,
                                heartbeatMilliseconds: heartbeatMilliseconds, now: now)
            case .reject(let code, let reason):
                return rejected(attempt, code: code, reason: reason, now: now)
            case .goodbye(let code, let reason):
                return [.close(connection)] + attemptFailed(
                    "\(profile.servers[attempt.server]) said goodbye (\(code)): \(reason)", code: .connectFailed, now: now)
            case .heartbeat:
                return []
            default:
                return violation("\(message.kind) before welcome", now: now)
            }
        default:
            return []
        }
    }

    private mutating func receivedOpen(_ message: WireMessage, now: Duration) -> [CILSessionAction] {
        switch message {
        case .heartbeat:
            return []
        case .batch(let batch):
            switch stream {
            case .live, .replaying:
                break
            case .awaiting(let waiter):
                stream = .replaying(waiter)
            case .none, .snapshot:
                return violation("a batch \(stream == .none ? "with no mode set" : "inside a snapshot")", now: now)
            }
            if let position, batch.sequence <= position.sequence {
                return violation("batch \(batch.position) does not follow \(position)", now: now)
            }
            position = batch.position
            return [.applyBatch(batch)]
        case .snapshotBegin(let begin, let reason):
            switch stream {
            case .awaiting(let waiter), .replaying(let waiter):
                stream = .snapshot(begin, waiter)
            case .live:
                stream = .snapshot(begin, nil)
            case .none, .snapshot:
                return violation("snapshotBegin \(stream == .none ? "with no mode set" : "inside a snapshot")", now: now)
            }
            return [.beginSnapshot(begin, reason)]
        case .snapshotObjects(let objects):
            guard case .snapshot = stream else { return violation("snapshotObjects outside a snapshot", now: now) }
            return [.addSnapshotObjects(objects)]
        case .snapshotEnd(let end):
            guard case .snapshot(let begin, let waiter) = stream else {
                return violation("snapshotEnd outside a snapshot", now: now)
            }
            guard end == begin else { return violation("snapshotEnd \(end) does not match snapshotBegin \(begin)", now: now) }
            position = end
            stream = .live
            return [.endSnapshot(end)] + established(waiter, kind: "snapshot", now: now)
        case .caughtUp(let caughtUp):
            let waiter: StreamWaiter?
            switch stream {
            case .awaiting(let w), .replaying(let w): waiter = w
            case .none, .snapshot, .live: return violation("caughtUp without a resume in progress", now: now)
            }
            if let position, caughtUp.sequence < position.sequence {
                return violation("caughtUp \(caughtUp) is before \(position)", now: now)
            }
            position = caughtUp
            stream = .live
            return established(waiter, kind: "backlog", now: now)
        case .response(let requestID, let result):
            return answered(requestID, result, now: now)
        case .goodbye(let code, let reason):
            let failure: ConnectionFailureCode = switch code {
            case .missedHeartbeats: .missedHeartbeats
            case .protocolError: .protocolMismatch
            default: .other
            }
            guard case .open(let open) = phase else { return [] }
            if code == .drain && profile.servers.count > 1 {
                return move("\(profile.servers[open.server]) is draining its clients: \(reason)", now: now)
            }
            return lose(failure, "\(profile.servers[open.server]) said goodbye (\(code)): \(reason)", now: now)
        case .welcome, .reject, .hello, .setAgentMode, .setMonitorMode, .request:
            return violation("a server does not send \(message.kind) on an open session", now: now)
        }
    }

    /// The mode's stream is live: tell whoever waited for it.
    private mutating func established(_ waiter: StreamWaiter?, kind: String, now: Duration) -> [CILSessionAction] {
        switch waiter {
        case .app(let handle, let mode):
            var result = Arguments()
            result[.connectionMode] = .integer(mode.connectionMode)
            return [modeEvent(mode), .completeRequest(handle, .success(result))]
        case .restore:
            if kind == "backlog" { counters.backlogRecoveries += 1 } else { counters.snapshotRecoveries += 1 }
            guard let lostAt else { return [] }
            let arguments = recoveryArguments(since: lostAt, now: now, kind: kind)
            self.lostAt = nil
            self.moving = false
            return [.raise(.onSessionRecovered, arguments)]
        case nil:
            return []
        }
    }

    /// `OnSetAgentModeEvent` or `OnMonitorModeEstablished`.
    func modeEvent(_ mode: SessionMode) -> CILSessionAction {
        switch mode {
        case .agent(let peripheralID, let agentID, let instrument):
            var arguments = Arguments()
            arguments[.peripheralID] = .integer(Int64(peripheralID))
            arguments[.agentID] = .string(agentID)
            if !instrument.isEmpty { arguments[.agentInstrument] = .string(instrument) }
            arguments[.connectionMode] = .integer(1)
            return .raise(.onSetAgentModeEvent, arguments)
        case .monitor(let filter):
            return .raise(.onMonitorModeEstablished, [Keyword.messageFilter.name: .string(filter),
                                                      Keyword.connectionMode.name: .integer(2)])
        }
    }
}

extension SessionMode {
    /// Cisco's `ConnectionMode`: agent 1, monitor 2.
    var connectionMode: Int64 {
        switch self {
        case .agent: 1
        case .monitor: 2
        }
    }
}
