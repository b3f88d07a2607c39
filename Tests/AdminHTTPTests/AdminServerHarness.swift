@testable import AdminHTTP
import Logging
import Prometheus
import ServiceLifecycle

/// A logger that drops everything: tests read responses, not logs.
let quietLogger = Logger(label: "AdminHTTPTests", factory: { _ in SwiftLogNoOpLogHandler() })

/// Readiness the test flips by hand.
actor ReadinessSwitch {
    private(set) var value: AdminReadiness
    init(_ value: AdminReadiness) { self.value = value }
    func set(_ value: AdminReadiness) { self.value = value }
}

struct DeadlineExceeded: Error, CustomStringConvertible {
    var description: String
}

/// Runs `operation`, failing with `what` if it has not finished after `limit` (the wait is only a bound on a
/// hang; correctness never depends on it).
func withDeadline<T: Sendable>(
    _ limit: Duration = .seconds(20),
    waitingFor what: String,
    _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw DeadlineExceeded(description: "gave up after \(limit) waiting for \(what)")
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

/// Starts an ``AdminServer`` on 127.0.0.1 with an ephemeral port under a real `ServiceGroup`, runs `body` with
/// the server and its port, then shuts the group down gracefully and waits for it.
@discardableResult
func withAdminServer<T: Sendable>(
    routes: AdminRoutes = AdminRoutes(),
    registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    maxRequestBodyBytes: Int = 64 * 1024,
    readiness: @escaping @Sendable () async -> AdminReadiness = { .ready },
    _ body: @escaping @Sendable (AdminServer, Int) async throws -> T
) async throws -> T {
    let server = AdminServer(
        configuration: .init(host: "127.0.0.1", port: 0, maxRequestBodyBytes: maxRequestBodyBytes),
        registry: registry,
        routes: routes,
        readiness: readiness,
        logger: quietLogger
    )
    let group = ServiceGroup(configuration: .init(services: [server], logger: quietLogger))
    return try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        do {
            let port = try await withDeadline(waitingFor: "the admin server to listen") { try await server.boundPort }
            let result = try await withDeadline(waitingFor: "the test body") { try await body(server, port) }
            await group.triggerGracefulShutdown()
            // The group's task is the first to finish unless the watchdog gives up first.
            tasks.addTask {
                try await Task.sleep(for: .seconds(20))
                throw DeadlineExceeded(description: "gave up after 20 s waiting for the service group to stop")
            }
            try await tasks.next()
            tasks.cancelAll()
            return result
        } catch {
            tasks.cancelAll()
            throw error
        }
    }
}
