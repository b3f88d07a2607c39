import CTIOSWire

/// What `welcome` said.
public struct WireWelcome: Hashable, Sendable {
    public var version: ProtocolVersion
    public var serverID: String
    public var serverName: String
    public var position: LogPosition
    public var heartbeatMilliseconds: UInt32
}

extension WireTestClient {
    /// Sends `hello` and waits for `welcome`.
    /// - Throws: ``WireTestClientError/Code/rejected`` with the server's code, or any wait error.
    @discardableResult
    public func hello(name: String = "test", versions: [ProtocolVersion] = [.current], heartbeatMilliseconds: UInt32 = 0,
                      resume: LogPosition? = nil, timeout: Duration = .seconds(5)) async throws -> WireWelcome {
        try await send(.hello(versions: versions, clientName: name, heartbeatMilliseconds: heartbeatMilliseconds, resume: resume))
        let answer = try await waitFor("welcome or reject", timeout: timeout) { message -> Result<WireWelcome, WireTestClientError>? in
            switch message {
            case .welcome(let version, let serverID, let serverName, let position, let heartbeat):
                .success(WireWelcome(version: version, serverID: serverID, serverName: serverName, position: position,
                                     heartbeatMilliseconds: heartbeat))
            case .reject(let code, let reason):
                .failure(WireTestClientError(.rejected, "the server refused the hello: \(code): \(reason)", reject: code))
            default:
                nil
            }
        }
        return try answer.get()
    }

    /// Waits for the response to `requestID`; a failure is thrown as ``WireTestClientError/Code/requestFailed``.
    @discardableResult
    public func response(to requestID: UInt32, what: String, timeout: Duration = .seconds(5)) async throws -> Arguments {
        let result = try await waitFor("the response to \(what) (request \(requestID))", timeout: timeout) {
            if case .response(requestID, let result) = $0 { result } else { nil }
        }
        switch result {
        case .success(let arguments):
            return arguments
        case .failure(let failure):
            throw WireTestClientError(.requestFailed, "\(what) failed: \(failure.code): \(failure.reason)", failure: failure)
        }
    }

    /// Sets monitor mode and waits for the response, then for the snapshot's end (or `caughtUp` after a resume).
    public func setMonitorMode(_ filter: String, requestID: UInt32 = 1, timeout: Duration = .seconds(10)) async throws {
        try await send(.setMonitorMode(requestID: requestID, filter: filter))
        try await response(to: requestID, what: "setMonitorMode", timeout: timeout)
        try await waitForSynchronized(timeout: timeout)
    }

    /// Sets agent mode and waits for the response, then for the snapshot's end (or `caughtUp`).
    public func setAgentMode(_ agentID: String, peripheralID: UInt32 = 5000, instrument: String = "", requestID: UInt32 = 1,
                             timeout: Duration = .seconds(10)) async throws {
        try await send(.setAgentMode(requestID: requestID, peripheralID: peripheralID, agentID: agentID, instrument: instrument))
        try await response(to: requestID, what: "setAgentMode \(agentID)", timeout: timeout)
        try await waitForSynchronized(timeout: timeout)
    }

    /// Waits for `snapshotEnd` or `caughtUp`.
    @discardableResult
    public func waitForSynchronized(timeout: Duration = .seconds(10)) async throws -> LogPosition {
        try await waitFor("snapshotEnd or caughtUp", timeout: timeout) {
            switch $0 {
            case .snapshotEnd(let position), .caughtUp(let position): position
            default: nil
            }
        }
    }

    /// Sends a request and waits for its response.
    @discardableResult
    public func request(_ method: String, _ arguments: Arguments, requestID: UInt32,
                        timeout: Duration = .seconds(10)) async throws -> Arguments {
        try await send(.request(requestID: requestID, method: method, arguments: arguments))
        return try await response(to: requestID, what: method, timeout: timeout)
    }
}
