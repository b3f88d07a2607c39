import DequeModule
import GED188
import NIOConcurrencyHelpers
import NIOCore

/// One thing that arrived on a test connection.
enum TestClientArrival: Sendable {
    case message(GED188Message)
    /// A whole frame whose body does not decode.
    case undecodable(MessageType, GED188Error)
}

/// How a test connection ended.
enum TestClientEnd<StreamError: Error & Hashable & Sendable>: Sendable, Equatable {
    /// The server closed the connection (orderly close or reset).
    case closedByServer(reason: String?)
    /// The test closed the client.
    case closedByClient
    /// The frame decoder refused the byte stream (a header announcing an oversized body): the client closed the
    /// connection, since nothing after it can be framed.
    case brokenStream(StreamError)
}

/// What a wait on the inbox gave.
enum TestClientWaitOutcome<Item: Sendable, StreamError: Error & Hashable & Sendable>: Sendable {
    case arrival(Item)
    case ended(TestClientEnd<StreamError>)
    case timedOut
    case busy
}

/// What the reader has received and not yet handed out, and the one task waiting for it. A wait is bounded by a
/// timer on the connection's event loop, so it never outlives its deadline and starts no task.
final class TestClientInbox<Item: Sendable, StreamError: Error & Hashable & Sendable>: Sendable {
    typealias Outcome = TestClientWaitOutcome<Item, StreamError>

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Outcome, Never>
        var timer: Scheduled<Void>?
    }

    private struct State {
        var arrivals = Deque<Item>()
        var end: TestClientEnd<StreamError>?
        var waiter: Waiter?
        var nextID: UInt64 = 0
        var cancelled: Set<UInt64> = []
    }

    private let state = NIOLockedValueBox(State())
    private let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Something arrived.
    func push(_ arrival: Item) {
        let waiter = state.withLockedValue { state -> Waiter? in
            guard let waiter = state.waiter else {
                state.arrivals.append(arrival)
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(returning: .arrival(arrival))
    }

    /// The connection ended; the first reason given stands. What arrived before is still handed out first.
    func finish(_ end: TestClientEnd<StreamError>) {
        let waiter = state.withLockedValue { state -> Waiter? in
            if state.end == nil { state.end = end }
            guard state.arrivals.isEmpty, let waiter = state.waiter else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(returning: .ended(end))
    }

    /// How the connection ended, if it has.
    var end: TestClientEnd<StreamError>? { state.withLockedValue { $0.end } }

    /// The next arrival, the end of the connection once everything that arrived was handed out, or `timedOut` after
    /// `timeout`. One task waits at a time; a second gets `busy`. A cancelled wait gives `timedOut` at once.
    func next(timeout: Duration) async -> Outcome {
        let id = state.withLockedValue { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Outcome, Never>) in
                let immediate = state.withLockedValue { state -> Outcome? in
                    if let arrival = state.arrivals.popFirst() { return .arrival(arrival) }
                    if let end = state.end { return .ended(end) }
                    if state.cancelled.remove(id) != nil || timeout <= .zero { return .timedOut }
                    if state.waiter != nil { return .busy }
                    state.waiter = Waiter(id: id, continuation: continuation, timer: nil)
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                    return
                }
                let timer = eventLoop.scheduleTask(in: TimeAmount(timeout)) { [self] in expire(id) }
                let stillWaiting = state.withLockedValue { state -> Bool in
                    guard state.waiter?.id == id else { return false }
                    state.waiter?.timer = timer
                    return true
                }
                if !stillWaiting { timer.cancel() }
            }
        } onCancel: {
            expire(id, cancelled: true)
        }
        state.withLockedValue { _ = $0.cancelled.remove(id) }
        return outcome
    }

    /// The wait `id` is over without an arrival (its deadline passed, or its task was cancelled).
    private func expire(_ id: UInt64, cancelled: Bool = false) {
        let waiter = state.withLockedValue { state -> Waiter? in
            guard let waiter = state.waiter, waiter.id == id else {
                if cancelled { state.cancelled.insert(id) }
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.timer?.cancel()
        waiter?.continuation.resume(returning: .timedOut)
    }
}

extension TestClientInbox where Item == TestClientArrival, StreamError == GED188Error {
    /// A GED-188 frame arrived: decoded here, so that one that does not decode is reported, never thrown past the
    /// reader.
    func push(_ frame: GED188Frame) {
        do {
            push(.message(try frame.decode()))
        } catch {
            push(.undecodable(frame.type, error))
        }
    }
}
