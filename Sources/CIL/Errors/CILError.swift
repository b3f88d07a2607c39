import CTIOSWire

/// Why a CIL call failed: a request refused by the server or the CTI Server, a request whose answer never came, or
/// a connection that could not be made.
///
/// The ``code`` is stable and extensible (match it with the static members of ``Code``); the ``reason`` is a
/// sentence for a person and never holds a request's argument values (passwords, call data).
public struct CILError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A stable error code. The server's request failure codes (`InvalidState`, `CTIFailure`, …) come through as
    /// they are; the CIL adds its own for what happens on the client's side.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The code's text (`ConnectionLost`, `CTIFailure`, …).
        public let rawValue: String
        /// A code from its text.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A code from a string literal.
        public init(stringLiteral value: String) { rawValue = value }
        /// The code's text.
        public var description: String { rawValue }

        // Raised by the server (Docs/Protocol.md, "response").

        /// The server does not know the method.
        public static let unknownMethod = Code(rawValue: RequestFailure.StandardCode.unknownMethod)
        /// An argument is missing or has the wrong type; the reason names the key.
        public static let invalidArguments = Code(rawValue: RequestFailure.StandardCode.invalidArguments)
        /// The request needs agent or monitor mode and the session has none.
        public static let noMode = Code(rawValue: RequestFailure.StandardCode.noMode)
        /// The session may not do this (another agent's object; control from monitor mode).
        public static let notPermitted = Code(rawValue: RequestFailure.StandardCode.notPermitted)
        /// The object named no longer exists.
        public static let noSuchObject = Code(rawValue: RequestFailure.StandardCode.noSuchObject)
        /// The object's state does not allow the request.
        public static let invalidState = Code(rawValue: RequestFailure.StandardCode.invalidState)
        /// The CTI Server refused; ``CILError/ctiFailureCode`` holds its code.
        public static let ctiFailure = Code(rawValue: RequestFailure.StandardCode.ctiFailure)
        /// The CTI Server did not answer in time: the outcome is unknown.
        public static let timeout = Code(rawValue: RequestFailure.StandardCode.timeout)
        /// The server has no CTI Server session now.
        public static let ctiUnavailable = Code(rawValue: RequestFailure.StandardCode.ctiUnavailable)

        // Raised by the CIL.

        /// The request left this client, and the connection was lost before its answer came: it may or may not have
        /// taken effect. The CIL never sends it again by itself.
        public static let connectionLost = Code(rawValue: RequestFailure.StandardCode.connectionLost)
        /// The request never left this client (no connection at the time, or the write failed): it did not take
        /// effect.
        public static let notSent: Code = "NotSent"
        /// The request was sent and no answer came within the profile's request timeout: the outcome is unknown,
        /// and a late answer is ignored.
        public static let noAnswer: Code = "NoAnswer"
        /// ``Session/connect(_:)`` found no server that would take the session within the profile's connect timeout.
        public static let connectFailed: Code = "ConnectFailed"
        /// The server does not speak this CIL's protocol version (Cisco's `OnConnectionRejected`).
        public static let connectionRejected: Code = "ConnectionRejected"
        /// The session is not connected, or it was disconnected while the call waited.
        public static let notConnected: Code = "NotConnected"
        /// An event stream's consumer fell so far behind that its buffer filled: the stream ends with this error
        /// rather than drop an event silently.
        public static let slowConsumer: Code = "SlowConsumer"
    }

    /// What went wrong, as a stable code.
    public var code: Code
    /// A sentence for a person.
    public var reason: String
    /// The CTI Server's failure code (GED-188 `FAILURE_CONF` status or `CONTROL_FAILURE_CONF` failure code), when
    /// the CTI Server refused.
    public var ctiFailureCode: UInt32?

    /// An error with a code, a reason and, when the CTI Server refused, its failure code.
    public init(_ code: Code, _ reason: String, ctiFailureCode: UInt32? = nil) {
        self.code = code
        self.reason = reason
        self.ctiFailureCode = ctiFailureCode
    }

    /// The server's failure answer to a request, as an error.
    public init(_ failure: RequestFailure) {
        self.init(Code(rawValue: failure.code), failure.reason, ctiFailureCode: failure.ctiFailureCode)
    }

    /// Whether the request may have taken effect although it failed: it was sent, and no answer says what
    /// happened (``Code/connectionLost``, ``Code/noAnswer``, ``Code/timeout``). Look at the objects (or query) before
    /// trying again.
    public var outcomeIsUnknown: Bool { code == .connectionLost || code == .noAnswer || code == .timeout }

    /// Whether the request certainly did not reach the server (``Code/notSent``): trying again is safe.
    public var wasNeverSent: Bool { code == .notSent }

    /// `Code: reason`, with the CTI Server's failure code when there is one.
    public var description: String {
        var text = "\(code): \(reason)"
        if let ctiFailureCode { text += " (CTI Server failure code \(ctiFailureCode))" }
        return text
    }
}
