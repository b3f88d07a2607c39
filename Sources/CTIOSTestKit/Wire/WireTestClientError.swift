import CTIOSWire

/// Why a ``WireTestClient`` call failed. The message says what the test waited for and what it got instead (frames by
/// kind, never their values).
public struct WireTestClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure; an open set of codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The TCP connection could not be made.
        public static let connectionFailed = Code("connectionFailed")
        /// Nothing (or nothing that matched) arrived before the deadline.
        public static let timedOut = Code("timedOut")
        /// The server closed the connection while the test waited; `goodbye` holds its last word, if any.
        public static let connectionClosed = Code("connectionClosed")
        /// The server's bytes could not be framed or decoded; `wireError` says why.
        public static let undecodableFrame = Code("undecodableFrame")
        /// The server refused the hello; `reject` holds its code.
        public static let rejected = Code("rejected")
        /// A request was answered with a failure; `failure` holds it.
        public static let requestFailed = Code("requestFailed")
        /// A frame could not be encoded or written.
        public static let sendFailed = Code("sendFailed")
        /// Two waits at once on the same client (a test bug).
        public static let concurrentWait = Code("concurrentWait")
        /// The client was closed by the test.
        public static let clientClosed = Code("clientClosed")
    }

    public var code: Code
    public var message: String
    public var reject: RejectCode?
    public var failure: RequestFailure?
    public var wireError: WireError?

    public init(_ code: Code, _ message: String, reject: RejectCode? = nil, failure: RequestFailure? = nil,
                wireError: WireError? = nil) {
        self.code = code
        self.message = message
        self.reject = reject
        self.failure = failure
        self.wireError = wireError
    }

    public var description: String { "WireTestClient \(code): \(message)" }
}
