/// An error of the ``AdminServer`` itself (not of a request): run twice, clashing routes, not listening.
public struct AdminServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong. Extensible.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// Stable machine-readable name.
        public let rawValue: String
        /// Creates a code.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }

        /// ``AdminServer/run()`` was called a second time.
        public static let alreadyStarted = Self("already_started")
        /// Two registered routes match the same paths (for example `/v1/x/:a` and `/v1/x/*`).
        public static let invalidRoutes = Self("invalid_routes")
        /// ``AdminServer/boundPort`` was asked of a server that stopped or never managed to listen.
        public static let notListening = Self("not_listening")
    }

    /// What went wrong.
    public var code: Code
    /// A clear message.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "AdminServerError(\(self.code)): \(self.message)" }
}
