/// One connection attempt of a session (a socket), so that a late event from an older socket is recognised and
/// ignored.
package struct ConnectionID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The attempt's number, from 1 per session.
    package let rawValue: UInt64
    /// The attempt with this number.
    package init(_ rawValue: UInt64) { self.rawValue = rawValue }
    /// Attempts compare by number.
    package static func < (lhs: ConnectionID, rhs: ConnectionID) -> Bool { lhs.rawValue < rhs.rawValue }
    /// `connection 3`.
    package var description: String { "connection \(rawValue)" }
}

/// An application's request (or mode change) as the session tracks it until its one answer: unlike the wire's
/// request IDs, which start again on every connection, a handle is unique for the session's life.
package struct RequestHandle: Hashable, Sendable, CustomStringConvertible {
    /// The handle's number, chosen by whoever calls the state machine.
    package let rawValue: UInt64
    /// The handle with this number.
    package init(_ rawValue: UInt64) { self.rawValue = rawValue }
    /// `request 7`.
    package var description: String { "request \(rawValue)" }
}

/// Cisco's `OnConnectionFailure` reason codes (the event's `FailureCode`).
package enum ConnectionFailureCode: Int64, Sendable {
    /// The server sent something this CIL cannot read or that breaks the protocol.
    case protocolMismatch = 0
    /// Nothing came from the server for `MaxHeartbeats` heartbeat intervals.
    case missedHeartbeats = 1
    /// The socket closed or failed.
    case transportError = 2
    /// No connection could be made.
    case connectFailed = 3
    /// Anything else: the server said goodbye (shutting down, shedding clients, …).
    case other = 4
}
