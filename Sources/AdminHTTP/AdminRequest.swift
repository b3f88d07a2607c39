/// What a registered admin route handler receives about its request.
///
/// Hummingbird's types stay inside this module: handlers see plain strings.
public struct AdminRequest: Sendable, Hashable {
    /// `GET` or `POST`.
    public var method: String
    /// The request path, without the query: `/v1/faults/side/A/offline`.
    public var path: String
    /// Values of the path's `:name` segments: for the route `/v1/faults/side/:side/offline` and the path above,
    /// `["side": "A"]`.
    public var parameters: [String: String]
    /// Query parameters, percent-decoded; when a name repeats, the last value wins.
    public var query: [String: String]

    /// Creates a request description (handlers get one from the server; tests may build their own).
    public init(method: String, path: String, parameters: [String: String] = [:], query: [String: String] = [:]) {
        self.method = method
        self.path = path
        self.parameters = parameters
        self.query = query
    }

    /// The value of the path parameter `name`, or a 400 ``AdminHTTPError`` naming it.
    public func parameter(_ name: String) throws(AdminHTTPError) -> String {
        guard let value = self.parameters[name] else {
            throw .badRequest("\(self.method) \(self.path): missing path parameter '\(name)'")
        }
        return value
    }
}
