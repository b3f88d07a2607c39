/// An error that an admin HTTP handler throws to answer with a specific status and a JSON error body.
///
/// Every error response of an ``AdminServer`` has the same shape, whatever produced it (a handler, the router,
/// the body decoder):
///
/// ```json
/// {"error":{"code":"invalid_json","message":"POST /v1/faults/side/A/offline: the body is not valid JSON"}}
/// ```
///
/// The message names the request and the input at fault, never a payload's values.
public struct AdminHTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, with the HTTP status it maps to. Extensible: a module can define its own codes.
    ///
    /// ```swift
    /// extension AdminHTTPError.Code {
    ///     static let sideUnknown = Self("side_unknown", status: 404)
    /// }
    /// ```
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// Stable machine-readable name, `snake_case`; the `code` field of the JSON error body.
        public let rawValue: String
        /// The HTTP status code of the response (400 to 599).
        public let status: Int

        /// Creates a code; `status` must be a 4xx or 5xx status.
        public init(_ rawValue: String, status: Int) {
            precondition((400...599).contains(status), "AdminHTTPError.Code \(rawValue): status \(status) is not 4xx/5xx")
            self.rawValue = rawValue
            self.status = status
        }

        public var description: String { self.rawValue }

        /// 400: the request is malformed or its values are out of range.
        public static let badRequest = Self("bad_request", status: 400)
        /// 400: the request body is not valid JSON or does not have the expected shape.
        public static let invalidJSON = Self("invalid_json", status: 400)
        /// 404: no route for this path (or the handler found no such object).
        public static let notFound = Self("not_found", status: 404)
        /// 405: the path exists but not for this method.
        public static let methodNotAllowed = Self("method_not_allowed", status: 405)
        /// 409: the request conflicts with the current state.
        public static let conflict = Self("conflict", status: 409)
        /// 413: the request body is larger than the server accepts.
        public static let payloadTooLarge = Self("payload_too_large", status: 413)
        /// 500: the handler failed for a reason the client cannot fix.
        public static let internalError = Self("internal_error", status: 500)
        /// 503: the process cannot serve this now (not ready, shutting down).
        public static let unavailable = Self("unavailable", status: 503)
    }

    /// What went wrong; decides the HTTP status.
    public var code: Code
    /// A clear, human-readable message naming the input at fault.
    public var message: String

    /// Creates an error with a code and a message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The HTTP status code of the response.
    public var status: Int { self.code.status }

    public var description: String { "\(self.code.rawValue) (\(self.code.status)): \(self.message)" }

    /// 400 `bad_request` with a message.
    public static func badRequest(_ message: String) -> Self { Self(.badRequest, message) }
    /// 404 `not_found` with a message.
    public static func notFound(_ message: String) -> Self { Self(.notFound, message) }
    /// 409 `conflict` with a message.
    public static func conflict(_ message: String) -> Self { Self(.conflict, message) }
    /// 503 `unavailable` with a message.
    public static func unavailable(_ message: String) -> Self { Self(.unavailable, message) }
}

extension AdminHTTPError {
    /// The JSON body of every error response: `{"error":{"code":…,"message":…}}`.
    struct Body: Codable, Sendable, Equatable {
        struct Detail: Codable, Sendable, Equatable {
            var code: String
            var message: String
        }

        var error: Detail
    }

    var body: Body { Body(error: .init(code: self.code.rawValue, message: self.message)) }
}
