import NIOConcurrencyHelpers

/// A `Clock` whose time moves only when a test moves it, for shells that sleep.
///
/// `now` starts at zero. ``advance(by:)`` and ``advance(to:)`` move it forward; every sleeper whose deadline has
/// come wakes, in deadline order (sleepers with the same deadline in the order they went to sleep). A sleeper wakes
/// exactly at its deadline: moving to one nanosecond before it wakes nothing, moving to it wakes it. While it wakes
/// sleepers, the clock stops at each deadline in turn, so a sleeper that reads `now` as it is resumed synchronously
/// sees its own deadline; code that runs later sees the time the test moved to.
///
/// A sleeping task that is cancelled stops sleeping at once with `CancellationError`. ``waitForSleepers(_:)`` lets a
/// test wait (without real time) until the code under test has gone to sleep, before it moves the clock.
public final class MockClock: Clock, Sendable {
    /// A point in the clock's time: how long after its start.
    public struct Instant: InstantProtocol, Hashable, Sendable, CustomStringConvertible {
        /// Time since the clock's start.
        public var offset: Duration

        /// The instant `offset` after the clock's start.
        public init(offset: Duration) { self.offset = offset }

        /// The instant `duration` later.
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        /// How long from this instant to `other`.
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        /// Whether `lhs` comes before `rhs`.
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
        /// `MockClock.Instant(5.0 seconds)`.
        public var description: String { "MockClock.Instant(\(offset))" }
    }

    private struct Sleeper {
        var id: UInt64
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Watcher {
        var id: UInt64
        var count: Int
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now = Instant(offset: .zero)
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
        var watchers: [Watcher] = []
        /// Sleepers cancelled before they were registered.
        var cancelled: Set<UInt64> = []
    }

    private let state = NIOLockedValueBox(State())

    /// A clock at its start (offset zero), with no sleeper.
    public init() {}

    /// The clock's time; it changes only in ``advance(by:)``, ``advance(to:)`` and ``advanceToNextDeadline()``.
    public var now: Instant { state.withLockedValue { $0.now } }

    /// One nanosecond: the clock is exact.
    public var minimumResolution: Duration { .nanoseconds(1) }

    /// How many tasks are sleeping on this clock now.
    public var sleeperCount: Int { state.withLockedValue { $0.sleepers.count } }

    /// The earliest deadline a task sleeps until, if any.
    public var nextDeadline: Instant? { state.withLockedValue { $0.sleepers.map(\.deadline).min() } }

    /// Sleeps until the clock reaches `deadline` (at once if it has). `tolerance` is ignored: the clock is exact.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        let id = state.withLockedValue { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Outcome { case wake, cancel, sleep }
                let (outcome, watchers) = state.withLockedValue { state -> (Outcome, [Watcher]) in
                    if state.cancelled.remove(id) != nil { return (.cancel, []) }
                    if deadline <= state.now { return (.wake, []) }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return (.sleep, Self.satisfiedWatchers(&state))
                }
                switch outcome {
                case .wake: continuation.resume()
                case .cancel: continuation.resume(throwing: CancellationError())
                case .sleep: for watcher in watchers { watcher.continuation.resume() }
                }
            }
        } onCancel: {
            let sleeper = state.withLockedValue { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
        // A sleep that ended without running (cancelled first) leaves no trace.
        state.withLockedValue { _ = $0.cancelled.remove(id) }
    }

    /// Moves the clock forward by `duration` (a negative duration is refused) and wakes every sleeper due.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "MockClock moves only forward (asked to move by \(duration))")
        advance(to: now.advanced(by: duration))
    }

    /// Moves the clock to `instant` (an instant in the past is refused) and wakes every sleeper due, in deadline
    /// order, the clock standing at each one's deadline as it is resumed.
    public func advance(to instant: Instant) {
        while true {
            let due = state.withLockedValue { state -> Sleeper? in
                precondition(instant >= state.now, "MockClock moves only forward (now \(state.now), asked \(instant))")
                guard let index = Self.earliest(state.sleepers), state.sleepers[index].deadline <= instant else {
                    state.now = instant
                    return nil
                }
                let sleeper = state.sleepers.remove(at: index)
                state.now = sleeper.deadline
                return sleeper
            }
            guard let due else { return }
            due.continuation.resume()
        }
    }

    /// Moves the clock to the earliest deadline a task sleeps until and wakes it (and any other due then). Returns
    /// `false`, moving nothing, when no task sleeps.
    @discardableResult
    public func advanceToNextDeadline() -> Bool {
        guard let deadline = nextDeadline else { return false }
        advance(to: max(deadline, now))
        return true
    }

    /// Returns once at least `count` tasks sleep on this clock. It waits on the sleepers themselves, not on real
    /// time; a task cancelled while it waits returns at once.
    public func waitForSleepers(_ count: Int = 1) async {
        let id = state.withLockedValue { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLockedValue { state -> Bool in
                    if state.cancelled.remove(id) != nil || state.sleepers.count >= count { return true }
                    state.watchers.append(Watcher(id: id, count: count, continuation: continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let watcher = state.withLockedValue { state -> Watcher? in
                guard let index = state.watchers.firstIndex(where: { $0.id == id }) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return state.watchers.remove(at: index)
            }
            watcher?.continuation.resume()
        }
        state.withLockedValue { _ = $0.cancelled.remove(id) }
    }

    private static func earliest(_ sleepers: [Sleeper]) -> Int? {
        // Stable: among equal deadlines, the one that went to sleep first.
        sleepers.indices.min { (sleepers[$0].deadline, sleepers[$0].id) < (sleepers[$1].deadline, sleepers[$1].id) }
    }

    private static func satisfiedWatchers(_ state: inout State) -> [Watcher] {
        let count = state.sleepers.count
        let satisfied = state.watchers.filter { $0.count <= count }
        state.watchers.removeAll { $0.count <= count }
        return satisfied
    }
}
