import CTIOSCore
import CTIOSWire

extension CILSessionStateMachine {
    /// Time passed: heartbeats to send, a silent server to give up on, an attempt that takes too long, a backoff
    /// that is over, requests whose answer is overdue, the application's `connect` that has waited long enough.
    package mutating func tick(now: Duration) -> [CILSessionAction] {
        if let deadline = connectDeadline, now >= deadline {
            switch phase {
            case .open: break
            case .idle, .connecting, .awaitingWelcome, .backingOff: return giveUp(now: now)
            }
        }
        switch phase {
        case .idle:
            return []
        case .connecting(let attempt), .awaitingWelcome(let attempt):
            guard now - attempt.startedAt >= profile.connectAttemptTimeout else { return [] }
            let server = profile.servers[attempt.server]
            let what = if case .connecting = phase { "no connection to \(server)" } else { "no welcome from \(server)" }
            return [.close(attempt.connection)] + attemptFailed(
                "\(what) within \(profile.connectAttemptTimeout)",
                code: .connectFailed, now: now)
        case .backingOff(let until, _):
            return now >= until ? backoffOver(now: now) : []
        case .open(let open):
            return tickOpen(open, now: now)
        }
    }

    private mutating func tickOpen(_ open: OpenConnection, now: Duration) -> [CILSessionAction] {
        let silence = now - lastReceived
        if silence >= open.heartbeat * profile.maxHeartbeats {
            return lose(.missedHeartbeats, "nothing from \(profile.servers[open.server]) for \(profile.maxHeartbeats) heartbeat intervals of \(open.heartbeat)", now: now)
        }
        var actions: [CILSessionAction] = []
        // The server sends something at least every interval; two intervals of silence is one missed.
        let missed = Int(silence / open.heartbeat) - 1
        if missed >= 1, missed > missedReported {
            missedReported = missed
            actions.append(.raise(.onMissingHeartbeat, ["MissedHeartbeats": .integer(Int64(missed)),
                                                        Keyword.maxHeartbeats.name: .integer(Int64(profile.maxHeartbeats))]))
        }
        for id in pending.keys.sorted() where pending[id]!.deadline <= now {
            let request = pending.removeValue(forKey: id)!
            abandoned.insert(id)
            switch request.kind {
            case .request(let handle, let method):
                actions.append(.completeRequest(handle, .failure(CILError(
                    .noAnswer, "\(method) was sent and no answer came within \(profile.requestTimeout): its outcome is unknown"))))
            case .mode(let mode, .app(let handle, _)):
                actions.append(.completeRequest(handle, .failure(CILError(
                    .noAnswer, "no answer to setting \(mode) within \(profile.requestTimeout)"))))
            case .mode:
                // The server answers every request; one that does not is not to be trusted.
                return actions + violation("no answer to setting the mode again within \(profile.requestTimeout)", now: now)
            }
        }
        if now - lastSent >= open.heartbeat {
            lastSent = now
            actions.append(.send(open.connection, .heartbeat))
        }
        return actions
    }

    /// When ``tick(now:)`` next has something to do; `nil` when nothing is timed.
    package var nextDeadline: Duration? {
        var deadline: Duration? = connectDeadline
        func consider(_ candidate: Duration) {
            if deadline.map({ candidate < $0 }) ?? true { deadline = candidate }
        }
        switch phase {
        case .idle:
            return nil
        case .connecting(let attempt), .awaitingWelcome(let attempt):
            consider(attempt.startedAt + profile.connectAttemptTimeout)
        case .backingOff(let until, _):
            consider(until)
        case .open(let open):
            consider(lastSent + open.heartbeat)
            consider(lastReceived + open.heartbeat * profile.maxHeartbeats)
            let nextMissed = missedReported + 2
            if nextMissed < profile.maxHeartbeats + 1 { consider(lastReceived + open.heartbeat * nextMissed) }
            for request in pending.values { consider(request.deadline) }
        }
        return deadline
    }
}
