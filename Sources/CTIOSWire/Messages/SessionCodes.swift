/// Why a server refused a `hello` (frame `reject`; the server then closes the connection).
/// Extensible: a client treats an unknown code like ``badHello``.
public struct RejectCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// None of the client's protocol versions is supported (Cisco's `OnConnectionRejected`).
    public static let unsupportedVersion = RejectCode(rawValue: 1)
    /// The first frame was not a well-formed `hello`.
    public static let badHello = RejectCode(rawValue: 2)
    /// The server cannot serve yet (catching up with its peer); try the other server.
    public static let notReady = RejectCode(rawValue: 3)
    /// The server is at its client limit; try the other server.
    public static let overloaded = RejectCode(rawValue: 4)

    public var description: String {
        switch self {
        case .unsupportedVersion: "unsupported version"
        case .badHello: "bad hello"
        case .notReady: "not ready"
        case .overloaded: "overloaded"
        default: "reject code \(rawValue)"
        }
    }
}

/// Why a server is about to close a connection (frame `goodbye`). Extensible: a client treats an unknown code like
/// ``shutdown``.
public struct GoodbyeCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The server is stopping; reconnect (to the other server first).
    public static let shutdown = GoodbyeCode(rawValue: 1)
    /// The server is shedding clients (maintenance, rebalancing); reconnect to the other server.
    public static let drain = GoodbyeCode(rawValue: 2)
    /// The client did not read fast enough: its queue reached the server's bound.
    public static let slowClient = GoodbyeCode(rawValue: 3)
    /// The client sent a frame that does not decode or breaks a protocol rule; the reason names it.
    public static let protocolError = GoodbyeCode(rawValue: 4)
    /// Nothing arrived from the client for the agreed number of heartbeat intervals.
    public static let missedHeartbeats = GoodbyeCode(rawValue: 5)

    public var description: String {
        switch self {
        case .shutdown: "shutdown"
        case .drain: "drain"
        case .slowClient: "slow client"
        case .protocolError: "protocol error"
        case .missedHeartbeats: "missed heartbeats"
        default: "goodbye code \(rawValue)"
        }
    }
}

/// Why a snapshot follows (frame `snapshotBegin`). Extensible: a client handles every reason the same way (replace
/// its cache by the snapshot, raising the events that the difference implies); the reason is for logs and metrics.
public struct SnapshotReason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The first mode of a session that did not ask to resume.
    public static let initial = SnapshotReason(rawValue: 1)
    /// The session asked to resume from a point that is not on this server's recorded history.
    public static let resumePointNotInHistory = SnapshotReason(rawValue: 2)
    /// A new `setAgentMode` or `setMonitorMode` changed which objects the session sees.
    public static let modeChanged = SnapshotReason(rawValue: 3)
    /// The server chose to resynchronise the session (for example after it could not keep its stream whole).
    public static let resynchronize = SnapshotReason(rawValue: 4)

    public var description: String {
        switch self {
        case .initial: "initial"
        case .resumePointNotInHistory: "resume point not in history"
        case .modeChanged: "mode changed"
        case .resynchronize: "resynchronize"
        default: "snapshot reason \(rawValue)"
        }
    }
}

/// A request that did not succeed: Cisco's `OnControlFailureConf` and its kin.
public struct RequestFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable code a program can match (see ``StandardCode``; a server may use others).
    public var code: String
    /// A sentence for a person. Never holds the request's argument values.
    public var reason: String
    /// The CTI Server's failure code (GED-188 `FAILURE_CONF` status), when the CTI Server refused.
    public var ctiFailureCode: UInt32?

    public init(code: String, reason: String, ctiFailureCode: UInt32? = nil) {
        self.code = code
        self.reason = reason
        self.ctiFailureCode = ctiFailureCode
    }

    public var description: String {
        var text = "\(code): \(reason)"
        if let ctiFailureCode { text += " (CTI Server failure code \(ctiFailureCode))" }
        return text
    }

    /// The codes this project's server and CIL use.
    public enum StandardCode {
        /// The method is not one the server knows.
        public static let unknownMethod = "UnknownMethod"
        /// An argument is missing or has the wrong type; the reason names the key.
        public static let invalidArguments = "InvalidArguments"
        /// The request needs a mode (agent or monitor) that the session has not set.
        public static let noMode = "NoMode"
        /// The session may not do this (another agent's object, a monitor-mode session asking for control).
        public static let notPermitted = "NotPermitted"
        /// The object named by `UniqueObjectID` does not exist (any more).
        public static let noSuchObject = "NoSuchObject"
        /// The object's state does not allow the request (answering a call that is not ringing).
        public static let invalidState = "InvalidState"
        /// The CTI Server refused; ``RequestFailure/ctiFailureCode`` holds its code.
        public static let ctiFailure = "CTIFailure"
        /// The CTI Server did not answer in time.
        public static let timeout = "Timeout"
        /// The server has no CTI Server session right now.
        public static let ctiUnavailable = "CTIUnavailable"
        /// The connection was lost before an answer came (raised by the CIL; never replayed).
        public static let connectionLost = "ConnectionLost"
    }
}
