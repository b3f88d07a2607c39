import Hummingbird
import Logging
import NIOCore
import Prometheus

extension AdminServer {
    /// The methods a path can be asked for; those not registered for a known path are answered 405.
    private static let knownMethods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options]

    /// Builds the Hummingbird router: the error middleware first (so it covers every route and the not-found
    /// responder), then the built-in routes, the caller's routes, and a 405 answer for every other method of a
    /// known path.
    func makeRouter() throws(AdminServerError) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: AdminErrorMiddleware(logger: self.logger))

        var methodsByPath: [(path: String, methods: Set<HTTPRequest.Method>)] = []
        func record(_ path: String, _ method: HTTPRequest.Method) {
            if let index = methodsByPath.firstIndex(where: { $0.path == path }) {
                methodsByPath[index].methods.insert(method)
            } else {
                methodsByPath.append((path, [method]))
            }
        }

        let readiness = self.readiness
        let registry = self.registry
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        router.get("/ready") { _, _ in
            let readiness = await readiness()
            return Response.adminJSON(status: .init(code: readiness.status), readiness.body)
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
        for path in AdminRoutes.builtInPaths.sorted() { record(path, .get) }

        let maxBodyBytes = self.configuration.maxRequestBodyBytes
        for route in self.routes.routes {
            let method: HTTPRequest.Method = route.method == .get ? .get : .post
            router.on(RouterPath(route.normalizedPath), method: method) { request, context in
                var request = request
                let body: [UInt8]
                switch route.method {
                case .get:
                    body = []
                case .post:
                    body = Array(try await request.collectBody(upTo: maxBodyBytes).readableBytesView)
                }
                let json = try await route.handler(AdminRequest(request, context: context), body)
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(bytes: json))
                )
            }
            record(route.normalizedPath, method)
        }

        for (path, registered) in methodsByPath {
            var allowed = registered
            if allowed.contains(.get) { allowed.insert(.head) }
            let allow = Self.knownMethods.filter { allowed.contains($0) }.map(\.rawValue).joined(separator: ", ")
            for method in Self.knownMethods where !allowed.contains(method) {
                router.on(RouterPath(path), method: method) { request, _ in
                    let error = AdminHTTPError(
                        .methodNotAllowed,
                        "\(request.method.rawValue) \(request.uri.path): method not allowed (allowed: \(allow))"
                    )
                    var response = Response.adminError(error)
                    response.headers[.allow] = allow
                    return response
                }
            }
        }

        do {
            try router.validate()
        } catch {
            throw AdminServerError(.invalidRoutes, "admin routes clash: \(error)")
        }
        return router
    }
}

extension AdminRequest {
    init(_ request: Request, context: BasicRequestContext) {
        var parameters: [String: String] = [:]
        for (key, value) in context.parameters { parameters[String(key)] = String(value) }
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        self.init(method: request.method.rawValue, path: request.uri.path, parameters: parameters, query: query)
    }
}
