import GED188

extension GED188TestClient {
    /// Waits for the first message `match` accepts and returns what it made of it. Messages it does not accept are
    /// skipped and kept in the log (``skippedMessages``).
    ///
    /// ```swift
    /// let conf = try await client.waitFor("HEARTBEAT_CONF 7") {
    ///     if case .heartbeatConf(let conf) = $0, conf.invokeID == 7 { conf } else { nil }
    /// }
    /// ```
    ///
    /// - Parameter what: what the test waits for, in words; the error repeats it.
    /// - Throws: ``GED188TestClientError/Code/timedOut`` (naming `what` and the messages seen instead),
    ///   ``GED188TestClientError/Code/connectionClosed``, ``GED188TestClientError/Code/undecodableFrame``, or what
    ///   `match` throws.
    public func waitFor<T>(
        _ what: String, timeout: Duration = .seconds(5), where match: (GED188Message) throws -> T?
    ) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        var seen: [GED188Message] = []
        while true {
            switch await nextOutcome(timeout: ContinuousClock.now.duration(to: deadline)) {
            case .arrival(.message(let message)):
                if let value = try match(message) { return value }
                seen.append(message)
                logSkipped(message)
            case .arrival(.undecodable(let type, let error)):
                throw Self.undecodable(type, error, waitingFor: what)
            case .ended(let end):
                throw Self.ended(end, waitingFor: what, saw: seen)
            case .timedOut:
                throw GED188TestClientError(.timedOut, "timed out after \(timeout) waiting for \(what); " + Self.summary(seen))
            case .busy:
                throw Self.concurrentWait
            }
        }
    }

    /// Waits for the first message of one type, skipping the others.
    public func waitFor(_ type: MessageType, timeout: Duration = .seconds(5)) async throws -> GED188Message {
        try await waitFor(type.name ?? "message type \(type.rawValue)", timeout: timeout) { $0.type == type ? $0 : nil }
    }

    /// Sends OPEN_REQ and waits for its answer.
    /// - Returns: OPEN_CONF.
    /// - Throws: ``GED188TestClientError/Code/openRefused`` with FAILURE_CONF's status in
    ///   ``GED188TestClientError/status``, or any error of ``waitFor(_:timeout:where:)``.
    @discardableResult
    public func open(_ request: OpenReq, timeout: Duration = .seconds(5)) async throws -> OpenConf {
        try await send(.openReq(request))
        let answer = try await waitFor("OPEN_CONF (or FAILURE_CONF) for InvokeID \(request.invokeID)", timeout: timeout) {
            message -> OpenAnswer? in
            switch message {
            case .openConf(let conf) where conf.invokeID == request.invokeID: .confirmed(conf)
            case .failureConf(let failure): .refused(failure.status)
            default: nil
            }
        }
        switch answer {
        case .confirmed(let conf):
            return conf
        case .refused(let status):
            throw GED188TestClientError(.openRefused, "OPEN_REQ \(request.invokeID) was refused with FAILURE_CONF \(status)",
                                        status: status)
        }
    }

    /// Sends HEARTBEAT_REQ and waits for the HEARTBEAT_CONF with the same InvokeID.
    @discardableResult
    public func heartbeat(invokeID: UInt32, timeout: Duration = .seconds(5)) async throws -> HeartbeatConf {
        try await send(.heartbeatReq(HeartbeatReq(invokeID: invokeID)))
        return try await waitFor("HEARTBEAT_CONF for InvokeID \(invokeID)", timeout: timeout) {
            if case .heartbeatConf(let conf) = $0, conf.invokeID == invokeID { conf } else { nil }
        }
    }
}

private enum OpenAnswer {
    case confirmed(OpenConf)
    case refused(StatusCode)
}

extension OpenReq {
    /// An ALL_EVENTS (bridge) session with client control: any peripheral (0xFFFFFFFF), no idle timeout
    /// (0xFFFFFFFF), and every call event and agent state the guide defines in its masks.
    public static func bridge(clientID: String, invokeID: UInt32 = 1, password: Secret = Secret([])) -> OpenReq {
        OpenReq(
            invokeID: invokeID, versionNumber: GED188Protocol.version, idleTimeout: GED188Protocol.nullID,
            peripheralID: GED188Protocol.nullID, servicesRequested: [.allEvents, .clientControl],
            callMsgMask: .allDefined, agentStateMask: .allDefined,
            clientID: clientID, clientPassword: password)
    }
}

extension GED188Mask {
    /// Every bit the guide defines.
    public static var allDefined: Self {
        Self(rawValue: knownNames.reduce(0) { $0 | $1.0.rawValue })
    }
}
