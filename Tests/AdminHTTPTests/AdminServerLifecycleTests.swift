@testable import AdminHTTP
import NIOCore
import Prometheus
import ServiceLifecycle
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting, binding and stopping.
@Suite("AdminServer lifecycle")
struct AdminServerLifecycleTests {
    @Test("after graceful shutdown of the service group the port is closed")
    func gracefulShutdownClosesPort() async throws {
        let (server, port) = try await withAdminServer { server, port async throws -> (AdminServer, Int) in
            #expect(try await TestHTTPClient.send("GET", "/health", port: port).status == 200)
            return (server, port)
        }
        // withAdminServer returned only after ServiceGroup.run() did.
        let error = await #expect(throws: IOError.self, "connect to the stopped server's port \(port)") {
            _ = try await TestHTTPClient.send("GET", "/health", port: port)
        }
        #expect(error?.errnoCode == ECONNREFUSED)
        await #expect(throws: AdminServerError(.notListening, "the admin server has stopped")) {
            _ = try await server.boundPort
        }
    }

    @Test("run() is refused a second time")
    func runTwice() async throws {
        try await withAdminServer { server, _ in
            await #expect(throws: AdminServerError.self) { try await server.run() }
        }
    }

    @Test("a port already in use: run() throws and boundPort tells why")
    func portInUse() async throws {
        try await withAdminServer { _, takenPort in
            let second = AdminServer(
                configuration: .init(host: "127.0.0.1", port: takenPort),
                registry: PrometheusCollectorRegistry(),
                readiness: { .ready },
                logger: quietLogger
            )
            await #expect(throws: (any Error).self) {
                try await withDeadline(waitingFor: "the second server to fail binding") { try await second.run() }
            }
            let error = await #expect(throws: AdminServerError.self) { _ = try await second.boundPort }
            #expect(error?.code == .notListening)
            #expect(error?.message.hasPrefix("the admin server stopped before listening") == true)
        }
    }

    @Test("a boundPort waiter is released by cancellation")
    func boundPortCancellation() async throws {
        let server = AdminServer(
            configuration: .init(port: 0), registry: PrometheusCollectorRegistry(), readiness: { .ready }, logger: quietLogger
        )
        let waiter = Task { try await server.boundPort }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { _ = try await waiter.value }
    }
}

/// The pure pieces, without sockets.
@Suite("AdminHTTP pieces")
struct AdminHTTPPieceTests {
    @Test("route paths are normalized as the router matches them")
    func normalizedPath() {
        let route = AdminRoute(method: .get, path: "//v1//state/") { _, _ in [] }
        #expect(route.normalizedPath == "/v1/state")
    }

    @Test("error codes carry their status")
    func errorCodes() {
        #expect(AdminHTTPError.badRequest("x").status == 400)
        #expect(AdminHTTPError(.methodNotAllowed, "x").status == 405)
        #expect(AdminHTTPError.Code("side_unknown", status: 404).status == 404)
    }

    @Test("clashing capture routes make run() throw instead of trapping")
    func clashingRoutes() async throws {
        var routes = AdminRoutes()
        routes.get("/v1/x/:a") { _ in 1 }
        routes.get("/v1/x/*") { _ in 2 }
        let server = AdminServer(
            configuration: .init(port: 0), registry: PrometheusCollectorRegistry(), routes: routes,
            readiness: { .ready }, logger: quietLogger
        )
        let error = await #expect(throws: AdminServerError.self) { try await server.run() }
        #expect(error?.code == .invalidRoutes)
    }
}
