import NIOConcurrencyHelpers

/// Tells ``AdminServer/boundPort`` callers the port once the server listens: idle → starting → listening → stopped.
///
/// Waiters park until the port is known, the server stops, or their task is cancelled; continuations are
/// resumed outside the lock.
final class AdminListeningState: Sendable {
    private enum Phase {
        case idle
        case starting
        case listening(port: Int)
        case stopped(message: String)
    }

    private struct State {
        var phase: Phase = .idle
        var waiters: [UInt64: CheckedContinuation<Int, any Error>] = [:]
        var nextWaiterID: UInt64 = 0
    }

    private let state = NIOLockedValueBox(State())

    /// idle → starting; any other phase means `run()` was called before.
    func start() throws(AdminServerError) {
        let started = self.state.withLockedValue { state -> Bool in
            guard case .idle = state.phase else { return false }
            state.phase = .starting
            return true
        }
        guard started else {
            throw AdminServerError(.alreadyStarted, "AdminServer.run() was called twice; an instance runs once")
        }
    }

    /// starting → listening; resumes every waiter with the port.
    func didBind(port: Int) {
        let waiters = self.state.withLockedValue { state in
            state.phase = .listening(port: port)
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    /// Any phase → stopped; fails every waiter. `error` is why the server stopped, if it failed.
    func didStop(error: (any Error)?) {
        let (waiters, message) = self.state.withLockedValue { state in
            let message: String
            switch state.phase {
            case .listening, .stopped:
                message = "the admin server has stopped"
            case .idle, .starting:
                message = "the admin server stopped before listening" + (error.map { ": \($0)" } ?? "")
            }
            state.phase = .stopped(message: message)
            defer { state.waiters = [:] }
            return (Array(state.waiters.values), message)
        }
        for waiter in waiters { waiter.resume(throwing: AdminServerError(.notListening, message)) }
    }

    /// The bound port: at once if listening, else once it is.
    func port() async throws -> Int {
        let id = self.state.withLockedValue { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let result: Result<Int, any Error>? = self.state.withLockedValue { state in
                    switch state.phase {
                    case .listening(let port):
                        return .success(port)
                    case .stopped(let message):
                        return .failure(AdminServerError(.notListening, message))
                    case .idle, .starting:
                        if Task.isCancelled { return .failure(CancellationError()) }
                        state.waiters[id] = continuation
                        return nil
                    }
                }
                if let result { continuation.resume(with: result) }
            }
        } onCancel: {
            let waiter = self.state.withLockedValue { $0.waiters.removeValue(forKey: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
