@testable import AdminHTTP
import Foundation
import Metrics
import Prometheus
import Testing

/// The admin surface over a real socket on 127.0.0.1 with an ephemeral port.
@Suite("AdminServer endpoints")
struct AdminServerTests {
    struct SideState: Codable, Sendable, Equatable {
        var zeta: Int
        var alpha: String
        var side: String
        var verbose: String?
    }

    struct OfflineFault: Codable, Sendable, Equatable {
        var seconds: Int
        var reason: String?
    }

    struct FaultAnswer: Codable, Sendable, Equatable {
        var side: String
        var seconds: Int?
        var applied: Bool
    }

    struct ErrorBody: Codable, Equatable {
        struct Detail: Codable, Equatable {
            var code: String
            var message: String
        }

        var error: Detail
    }

    static func faultRoutes() -> AdminRoutes {
        var routes = AdminRoutes()
        routes.get("/v1/state/:side") { request in
            SideState(zeta: 26, alpha: "first", side: try request.parameter("side"), verbose: request.query["verbose"])
        }
        routes.post("/v1/faults/side/:side/offline", body: OfflineFault.self) { request, fault in
            FaultAnswer(side: try request.parameter("side"), seconds: fault?.seconds, applied: true)
        }
        routes.post("/v1/faults/reset") { _ in ["reset": true] }
        routes.get("/v1/refuse") { _ -> [String: Int] in
            throw AdminHTTPError.conflict("GET /v1/refuse: side B is already offline")
        }
        routes.get("/v1/crash") { _ -> [String: Int] in
            throw CocoaError(.fileNoSuchFile)
        }
        return routes
    }

    @Test("GET /health answers 200 ok")
    func health() async throws {
        try await withAdminServer { _, port in
            let response = try await TestHTTPClient.send("GET", "/health", port: port)
            #expect(response.status == 200)
            #expect(response.body == "ok")
            #expect(response.headers["content-type"]?.hasPrefix("text/plain") == true)
        }
    }

    @Test("GET /ready answers 503 with a reason, then 200 once the provider says ready")
    func readyFlips() async throws {
        let readiness = ReadinessSwitch(.notReady(reason: "CTI link down"))
        try await withAdminServer(readiness: { await readiness.value }) { _, port in
            let before = try await TestHTTPClient.send("GET", "/ready", port: port)
            #expect(before.status == 503)
            #expect(before.body == #"{"ready":false,"reason":"CTI link down"}"#)
            #expect(before.headers["content-type"] == "application/json")

            await readiness.set(.ready)
            let after = try await TestHTTPClient.send("GET", "/ready", port: port)
            #expect(after.status == 200)
            #expect(after.body == #"{"ready":true}"#)
        }
    }

    @Test("GET /metrics shows metrics made through AdminMetrics, in Prometheus text")
    func metrics() async throws {
        let metrics = AdminMetrics()
        let counter = metrics.counter("ctios_test_requests_total", dimensions: [("side", "A")])
        let gauge = metrics.gauge("ctios_test_clients")
        let timer = metrics.timer("ctios_test_latency_seconds")
        counter.increment(by: 3)
        gauge.record(7)
        timer.recordMilliseconds(20)
        try await withAdminServer(registry: metrics.registry) { _, port in
            let first = try await TestHTTPClient.send("GET", "/metrics", port: port)
            #expect(first.status == 200)
            #expect(first.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            #expect(first.body.contains(#"ctios_test_requests_total{side="A"} 3"#))
            #expect(first.body.contains("ctios_test_clients 7"))
            #expect(first.body.contains(#"ctios_test_latency_seconds_bucket{le="0.025"} 1"#))

            counter.increment()
            let second = try await TestHTTPClient.send("GET", "/metrics", port: port)
            #expect(second.body.contains(#"ctios_test_requests_total{side="A"} 4"#))
        }
    }

    @Test("a registered GET route answers JSON with sorted keys, path parameters and query")
    func getJSONRoute() async throws {
        try await withAdminServer(routes: Self.faultRoutes()) { _, port in
            let response = try await TestHTTPClient.send("GET", "/v1/state/B?verbose=yes", port: port)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.body == #"{"alpha":"first","side":"B","verbose":"yes","zeta":26}"#)

            let head = try await TestHTTPClient.send("HEAD", "/v1/state/B", port: port)
            #expect(head.status == 200)
        }
    }

    @Test("a registered POST route decodes its JSON body and answers JSON")
    func postJSONRoute() async throws {
        try await withAdminServer(routes: Self.faultRoutes()) { _, port in
            let response = try await TestHTTPClient.send(
                "POST", "/v1/faults/side/A/offline", port: port,
                body: #"{"seconds": 5, "reason": "drill"}"#, headers: [("Content-Type", "application/json")]
            )
            #expect(response.status == 200)
            let answer = try JSONDecoder().decode(FaultAnswer.self, from: Data(response.body.utf8))
            #expect(answer == FaultAnswer(side: "A", seconds: 5, applied: true))

            let empty = try await TestHTTPClient.send("POST", "/v1/faults/side/B/offline", port: port)
            #expect(empty.status == 200)
            #expect(empty.body == #"{"applied":true,"side":"B"}"#)

            let noBody = try await TestHTTPClient.send("POST", "/v1/faults/reset", port: port, body: "{}")
            #expect(noBody.status == 200)
            #expect(noBody.body == #"{"reset":true}"#)
        }
    }

    @Test("a body that is not JSON gets 400 invalid_json naming the route, and the handler is not called")
    func badJSON() async throws {
        try await withAdminServer(routes: Self.faultRoutes()) { _, port in
            let response = try await TestHTTPClient.send("POST", "/v1/faults/side/A/offline", port: port, body: "{seconds: five")
            #expect(response.status == 400)
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.utf8))
            #expect(body.error.code == "invalid_json")
            #expect(body.error.message == "POST /v1/faults/side/A/offline: the body is not valid JSON")

            let notJSON = try await TestHTTPClient.send("POST", "/v1/faults/reset", port: port, body: "reset please")
            #expect(notJSON.status == 400)
        }
    }

    @Test("a JSON body of the wrong shape gets 400 naming the key at fault")
    func wrongShape() async throws {
        try await withAdminServer(routes: Self.faultRoutes()) { _, port in
            let missing = try await TestHTTPClient.send("POST", "/v1/faults/side/A/offline", port: port, body: #"{"reason":"x"}"#)
            #expect(missing.status == 400)
            let missingBody = try JSONDecoder().decode(ErrorBody.self, from: Data(missing.body.utf8))
            #expect(missingBody.error.message == "POST /v1/faults/side/A/offline: missing key 'seconds'")

            let wrongType = try await TestHTTPClient.send("POST", "/v1/faults/side/A/offline", port: port, body: #"{"seconds":"five"}"#)
            #expect(wrongType.status == 400)
            let wrongTypeBody = try JSONDecoder().decode(ErrorBody.self, from: Data(wrongType.body.utf8))
            #expect(wrongTypeBody.error.message == "POST /v1/faults/side/A/offline: wrong type at 'seconds': expected Int")
        }
    }

    @Test("an unknown path gets 404 with a JSON error")
    func unknownPath() async throws {
        try await withAdminServer(routes: Self.faultRoutes()) { _, port in
            let response = try await TestHTTPClient.send("GET", "/v1/nothing/here", port: port)
            #expect(response.status == 404)
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.utf8))
            #expect(body.error == .init(code: "not_found", message: "no route for GET /v1/nothing/here"))
        }
    }

    @Test("a known path asked with the wrong method gets 405 with an Allow header")
    func wrongMethod() async throws {
        try await withAdminServer(routes: Self.faultRoutes()) { _, port in
            let post = try await TestHTTPClient.send("POST", "/health", port: port, body: "{}")
            #expect(post.status == 405)
            #expect(post.headers["allow"] == "GET, HEAD")
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(post.body.utf8))
            #expect(body.error.code == "method_not_allowed")

            let get = try await TestHTTPClient.send("GET", "/v1/faults/side/A/offline", port: port)
            #expect(get.status == 405)
            #expect(get.headers["allow"] == "POST")
        }
    }

    @Test("handler errors: AdminHTTPError keeps its status, anything else is 500 with a message")
    func handlerErrors() async throws {
        try await withAdminServer(routes: Self.faultRoutes()) { _, port in
            let refused = try await TestHTTPClient.send("GET", "/v1/refuse", port: port)
            #expect(refused.status == 409)
            #expect(refused.body == #"{"error":{"code":"conflict","message":"GET /v1/refuse: side B is already offline"}}"#)

            let crashed = try await TestHTTPClient.send("GET", "/v1/crash", port: port)
            #expect(crashed.status == 500)
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(crashed.body.utf8))
            #expect(body.error.code == "internal_error")
            #expect(body.error.message.hasPrefix("GET /v1/crash failed: "))

            // The server still serves after handler errors.
            #expect(try await TestHTTPClient.send("GET", "/health", port: port).status == 200)
        }
    }

    @Test("a body over the limit gets 413")
    func bodyTooLarge() async throws {
        try await withAdminServer(routes: Self.faultRoutes(), maxRequestBodyBytes: 64) { _, port in
            let big = #"{"seconds":1,"reason":""# + String(repeating: "x", count: 200) + #""}"#
            let response = try await TestHTTPClient.send("POST", "/v1/faults/side/A/offline", port: port, body: big)
            #expect(response.status == 413)
            let body = try JSONDecoder().decode(ErrorBody.self, from: Data(response.body.utf8))
            #expect(body.error.code == "payload_too_large")
        }
    }

    @Test("garbage instead of HTTP gets a 4xx and does not disturb the server")
    func garbageRequest() async throws {
        try await withAdminServer { _, port in
            let raw = try await TestHTTPClient.exchange(.init(string: "\u{01}\u{02}NOT HTTP AT ALL\r\n\r\n"), port: port)
            let text = String(buffer: raw)
            #expect(text.hasPrefix("HTTP/1.1 4"), "answer was: \(text.prefix(40))")
            #expect(try await TestHTTPClient.send("GET", "/health", port: port).status == 200)
        }
    }
}
