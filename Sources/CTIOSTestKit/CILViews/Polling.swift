import CIL
import NIOConcurrencyHelpers

/// A wait that failed: what was waited for, for how long, and what was seen instead.
public struct WaitTimedOut: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// Polls `condition` every 5 ms until it holds; after `timeout` throws, naming what was waited for and, from
/// `seen`, what there was instead. Never a sleep for correctness: the deadline only bounds a failure.
public func poll(_ what: String, timeout: Duration = .seconds(10), seen: () -> String = { "" },
          _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else {
            let report = seen()
            throw WaitTimedOut(description: "waited \(timeout) for \(what)\(report.isEmpty ? "" : "; saw: \(report)")")
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// Every event of a session, as a listener (``GenericEvents``) sees it, kept for a test to wait on and inspect.
public final class EventLog: GenericEvents, @unchecked Sendable {
    public init() {}

    private let box = NIOLockedValueBox<[CILEvent]>([])

    public func onEvent(_ event: CILEvent) { box.withLockedValue { $0.append(event) } }

    public var events: [CILEvent] { box.withLockedValue { $0 } }
    public var names: [String] { events.map(\.name.rawValue) }

    /// Waits for an event that matches, and returns it.
    @discardableResult
    public func wait(for what: String, timeout: Duration = .seconds(10), after start: Int = 0,
              _ matches: @escaping @Sendable (CILEvent) -> Bool) async throws -> CILEvent {
        var found: CILEvent?
        try await poll(what, timeout: timeout, seen: { [self] in names.suffix(12).joined(separator: ", ") }) {
            found = events.dropFirst(start).first(where: matches)
            return found != nil
        }
        return found!
    }

    /// Waits for an event by name.
    @discardableResult
    public func wait(for name: EventName, timeout: Duration = .seconds(10), after start: Int = 0) async throws -> CILEvent {
        try await wait(for: name.rawValue, timeout: timeout, after: start) { $0.name == name }
    }
}
