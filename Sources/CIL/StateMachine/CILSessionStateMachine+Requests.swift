import CTIOSCore
import CTIOSWire

extension CILSessionStateMachine {
    /// The application calls a method (`Login`, `Answer`, …). Sent at once on a live connection; otherwise it fails
    /// at once with ``CILError/Code/notSent``: a request is never held back to be sent later.
    package mutating func request(_ method: String, _ arguments: Arguments, handle: RequestHandle,
                                  now: Duration) -> [CILSessionAction] {
        guard case .open(let open) = phase, lostAt == nil else {
            return [.completeRequest(handle, .failure(CILError(.notSent, "\(method) was not sent: the session is \(connectionState)")))]
        }
        let id = takeRequestID()
        pending[id] = Pending(kind: .request(handle, method: method), deadline: now + profile.requestTimeout)
        lastSent = now
        return [.send(open.connection, .request(requestID: id, method: method, arguments: arguments))]
    }

    /// The application sets agent or monitor mode. Answered once the server accepted it and the mode's objects are
    /// in the cache.
    package mutating func setMode(_ mode: SessionMode, handle: RequestHandle, now: Duration) -> [CILSessionAction] {
        guard case .open = phase, lostAt == nil else {
            return [.completeRequest(handle, .failure(CILError(.notSent, "the mode was not set: the session is \(connectionState)")))]
        }
        let busy = pending.values.contains { if case .mode = $0.kind { true } else { false } }
        let streaming: Bool = switch stream {
        case .awaiting, .snapshot, .replaying: true
        case .none, .live: false
        }
        guard !busy, !streaming else {
            return [.completeRequest(handle, .failure(CILError(.invalidState, "a mode change is already in progress")))]
        }
        return sendMode(mode, waiter: .app(handle, mode), now: now)
    }

    mutating func sendMode(_ mode: SessionMode, waiter: StreamWaiter, now: Duration) -> [CILSessionAction] {
        guard case .open(let open) = phase else { return [] }
        let id = takeRequestID()
        pending[id] = Pending(kind: .mode(mode, waiter), deadline: now + profile.requestTimeout)
        lastSent = now
        return [.send(open.connection, mode.message(requestID: id))]
    }

    /// The next request ID of this connection: from 1, skipping any still waiting (after a wrap).
    mutating func takeRequestID() -> UInt32 {
        while pending[nextRequestID] != nil || abandoned.contains(nextRequestID) || nextRequestID == 0 {
            nextRequestID &+= 1
        }
        let id = nextRequestID
        nextRequestID &+= 1
        return id
    }

    /// The shell could not write a request's frame (the socket was closing): it never left this client.
    package mutating func writeFailed(_ connection: ConnectionID, requestID: UInt32) {
        guard currentConnection == connection else { return }
        pending[requestID]?.writeFailed = true
    }

    /// The shell could not encode a request's frame (it breaks a wire limit): it fails now, never sent.
    package mutating func sendFailed(_ connection: ConnectionID, requestID: UInt32, reason: String) -> [CILSessionAction] {
        guard currentConnection == connection, let request = pending.removeValue(forKey: requestID) else { return [] }
        let error = CILError(.notSent, "the request was not sent: \(reason)")
        switch request.kind {
        case .request(let handle, _), .mode(_, .app(let handle, _)):
            return [.completeRequest(handle, .failure(error))]
        case .mode(_, .restore):
            return []
        }
    }

    /// A response: the request's one answer.
    mutating func answered(_ requestID: UInt32, _ result: Result<Arguments, RequestFailure>, now: Duration) -> [CILSessionAction] {
        guard let request = pending.removeValue(forKey: requestID) else {
            if abandoned.remove(requestID) != nil { return [] }
            return violation("a response to request \(requestID), which is not waiting for one", now: now)
        }
        switch (request.kind, result) {
        case (.request(let handle, _), .success(let arguments)):
            return [.completeRequest(handle, .success(arguments))]
        case (.request(let handle, _), .failure(let failure)):
            return [.completeRequest(handle, .failure(CILError(failure)))]
        case (.mode(let mode, let waiter), .success):
            self.mode = mode
            stream = .awaiting(waiter)
            return [.modeEstablished(mode)]
        case (.mode(_, .app(let handle, _)), .failure(let failure)):
            // A refused mode leaves the previous one (and its stream) as it was.
            return [.completeRequest(handle, .failure(CILError(failure)))]
        case (.mode(let mode, .restore), .failure(let failure)):
            // The mode cannot be set again (the agent is gone?): the session stays connected without it.
            self.mode = nil
            let error = CILError(failure)
            lastError = error
            var arguments = lostAt.map { recoveryArguments(since: $0, now: now, kind: "none") } ?? Arguments()
            arguments[.errorMessage] = .string("the session could not set \(mode) again: \(error)")
            arguments[.connectionMode] = .integer(0)
            lostAt = nil
            moving = false
            return [.dropObjects, .raise(.onSessionRecovered, arguments)]
        }
    }
}
