import GED188

/// Why a ``GED188TestClient`` call failed. The message says what the test waited for and what it got instead, so a
/// failing test explains itself; it names messages by type and never prints their fields (they may carry
/// passwords or call data).
public struct GED188TestClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure; an open set of codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name.
        public let rawValue: String
        /// A code of this name (the static members are the client's own).
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// The code's name.
        public var description: String { rawValue }

        /// The TCP connection could not be made.
        public static let connectionFailed = Code("connectionFailed")
        /// Nothing (or nothing that matched) arrived before the deadline.
        public static let timedOut = Code("timedOut")
        /// The server closed the connection (or it broke) while the test waited.
        public static let connectionClosed = Code("connectionClosed")
        /// A frame arrived whose body does not decode; `frameType` and `decodingError` say which and why.
        public static let undecodableFrame = Code("undecodableFrame")
        /// OPEN_REQ was answered with FAILURE_CONF; `status` is its status.
        public static let openRefused = Code("openRefused")
        /// A message could not be encoded or written.
        public static let sendFailed = Code("sendFailed")
        /// Two waits at once on the same client (a test bug: the client is read by one task at a time).
        public static let concurrentWait = Code("concurrentWait")
        /// The client was closed by the test.
        public static let clientClosed = Code("clientClosed")
    }

    /// What kind of failure.
    public var code: Code
    /// What happened, with what was awaited and what was seen.
    public var message: String
    /// FAILURE_CONF's status, for ``Code/openRefused``.
    public var status: StatusCode?
    /// The type of the frame that did not decode, for ``Code/undecodableFrame``.
    public var frameType: MessageType?
    /// Why it did not decode, for ``Code/undecodableFrame``.
    public var decodingError: GED188Error?

    /// An error with its code and message, and the details that go with the code.
    public init(_ code: Code, _ message: String, status: StatusCode? = nil, frameType: MessageType? = nil,
                decodingError: GED188Error? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.frameType = frameType
        self.decodingError = decodingError
    }

    /// `GED188TestClient timedOut: timed out after 2 seconds waiting for …`.
    public var description: String { "GED188TestClient \(code): \(message)" }
}
