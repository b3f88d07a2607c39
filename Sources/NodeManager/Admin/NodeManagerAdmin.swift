public import AdminHTTP

/// The node manager's admin routes, besides `/health`, `/ready` and `/metrics`:
///
/// - `GET /v1/children`: the whole ``NodeSnapshot`` (node, readiness, status line, every child);
/// - `GET /v1/children/:name`: one ``ChildSnapshot``, or 404 `not_found`.
public enum NodeManagerAdmin {
    /// The routes over `manager`.
    public static func routes(for manager: NodeManager) -> AdminRoutes {
        var routes = AdminRoutes()
        routes.get("/v1/children") { _ in manager.snapshot }
        routes.get("/v1/children/:name") { request in
            let name = try request.parameter("name")
            guard let child = manager.snapshot.children.first(where: { $0.name == name }) else {
                throw AdminHTTPError(.notFound, "no child named '\(name)'")
            }
            return child
        }
        return routes
    }

    /// What `GET /ready` says: ready while every child is up.
    public static func readiness(of manager: NodeManager) -> AdminReadiness {
        let snapshot = manager.snapshot
        if snapshot.ready { return .ready }
        let down = snapshot.children.filter { !$0.state.isUp }.map { "\($0.name) \($0.state.rawValue)" }
        return .notReady(reason: down.isEmpty ? "starting" : down.joined(separator: ", "))
    }
}
