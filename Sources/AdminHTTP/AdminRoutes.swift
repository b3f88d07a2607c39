/// The `/v1/...` routes a process adds to its ``AdminServer``, registered before the server starts.
///
/// A value type: build it, then hand it to ``AdminServer/init(configuration:registry:routes:readiness:logger:)``;
/// the server never changes after it starts.
///
/// ```swift
/// var routes = AdminRoutes()
/// routes.get("/v1/state") { _ in await simulator.state() }
/// routes.post("/v1/faults/side/:side/offline", body: OfflineFault.self) { request, fault in
///     let side = try request.parameter("side")
///     try await simulator.takeOffline(side: side, for: fault?.seconds)
///     return ["ok": true]
/// }
/// ```
///
/// Paths are `/`-separated; a segment `:name` captures that segment into ``AdminRequest/parameters``.
/// Responses are JSON with sorted keys (equal values give equal bytes). A GET route also answers HEAD. A method
/// not registered for a known path answers 405 with an `Allow` header. Registering the same method and path
/// twice, a path not starting with `/`, or one of the built-in paths (`/health`, `/ready`, `/metrics`) is a
/// programming error and traps.
public struct AdminRoutes: Sendable {
    /// The paths the server itself answers; callers cannot register them.
    public static let builtInPaths: Set<String> = ["/health", "/ready", "/metrics"]

    var routes: [AdminRoute] = []

    /// An empty set of routes.
    public init() {}

    /// Adds a `GET` route whose handler returns a value sent as JSON with status 200.
    ///
    /// An error the handler throws becomes a JSON error response: an ``AdminHTTPError`` with its own status,
    /// anything else 500.
    public mutating func get<Output: Encodable & Sendable>(
        _ path: String,
        _ handler: @escaping @Sendable (AdminRequest) async throws -> Output
    ) {
        self.add(AdminRoute(method: .get, path: path) { request, _ in
            try AdminJSON.encode(try await handler(request))
        })
    }

    /// Adds a `POST` route taking an optional JSON body of type `Body`; its result is sent as JSON with status 200.
    ///
    /// An empty body reaches the handler as `nil`; a body that is not valid JSON or does not decode as `Body`
    /// is answered 400 `invalid_json` without calling the handler. Any `Content-Type` is accepted.
    public mutating func post<Body: Decodable & Sendable, Output: Encodable & Sendable>(
        _ path: String,
        body: Body.Type = Body.self,
        _ handler: @escaping @Sendable (AdminRequest, Body?) async throws -> Output
    ) {
        self.add(AdminRoute(method: .post, path: path) { request, bytes in
            let body = try AdminJSON.decodeBody(Body.self, from: bytes, request: request)
            return try AdminJSON.encode(try await handler(request, body))
        })
    }

    /// Adds a `POST` route that takes no body (an empty body or any valid JSON, which is ignored).
    public mutating func post<Output: Encodable & Sendable>(
        _ path: String,
        _ handler: @escaping @Sendable (AdminRequest) async throws -> Output
    ) {
        self.post(path, body: IgnoredBody.self) { request, _ in try await handler(request) }
    }

    private mutating func add(_ route: AdminRoute) {
        precondition(route.path.hasPrefix("/"), "admin route '\(route.path)' must start with '/'")
        precondition(
            !Self.builtInPaths.contains(route.normalizedPath),
            "admin route '\(route.path)' is built in and cannot be registered"
        )
        precondition(
            !self.routes.contains { $0.method == route.method && $0.normalizedPath == route.normalizedPath },
            "admin route \(route.method.rawValue) \(route.path) is registered twice"
        )
        self.routes.append(route)
    }
}

/// One registered route, type-erased: JSON bytes in, JSON bytes out.
struct AdminRoute: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    let method: Method
    let path: String
    /// Runs the handler on the request and its body bytes (empty for GET); returns the JSON response body.
    let handler: @Sendable (AdminRequest, [UInt8]) async throws -> [UInt8]

    /// The path with empty segments removed, as the router matches it: `/v1//state/` is `/v1/state`.
    var normalizedPath: String {
        "/" + self.path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }
}

/// Decodes from any valid JSON document and keeps nothing.
struct IgnoredBody: Decodable, Sendable {
    init(from decoder: any Decoder) throws {}
}
