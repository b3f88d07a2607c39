import AdminHTTP
import GED188
import Prometheus

/// The simulator's admin API (`/v1/...`), served by the project's one admin HTTP module. Documented in
/// Docs/Simulator.md.
public enum SimulatorAdmin {
    /// An acknowledgement: what the operation did.
    public struct Done: Codable, Sendable {
        public var ok = true
        public var detail: String
    }

    /// A side and its condition.
    public struct SideState: Codable, Sendable {
        public var side: Side
        public var condition: SideCondition
        public var address: String?
    }

    /// One open session.
    public struct Session: Codable, Sendable {
        public var id: UInt64
        public var side: Side
        public var clientID: String?
        public var agentID: String?
        public var bridge: Bool
    }

    /// `POST /v1/calls`: an inbound call.
    public struct NewCall: Codable, Sendable {
        public var dialedNumber: String
        public var ani: String
        public var callVariables: [String?]?
    }

    public struct PlacedCall: Codable, Sendable {
        public var callID: UInt32
    }

    /// `GET /v1/requests`: the request log from `since` (a sequence number) on.
    public struct Requests: Codable, Sendable {
        public var dropped: UInt64
        public var entries: [RequestLog.Entry]
    }

    public struct Clock: Codable, Sendable {
        public var held: Bool
        public var timeMilliseconds: Int64
    }

    /// The routes, bound to a running simulator.
    public static func routes(for server: SimulatorServer) -> AdminRoutes {
        var routes = AdminRoutes()
        routes.get("/v1/state") { _ in try await server.withCore { core, _ in core.center.groundTruth() } }
        routes.get("/v1/requests") { request in
            let since = UInt64(request.query["since"] ?? "") ?? 0
            return try await server.withCore { core, _ in
                let log = core.center.requestLog
                return Requests(dropped: log.dropped, entries: log.entries.filter { $0.sequence >= since })
            }
        }
        routes.get("/v1/sessions") { _ in
            try await server.withCore { core, _ in
                core.sessionSummaries.map {
                    Session(id: $0.id.rawValue, side: $0.side, clientID: $0.clientID, agentID: $0.agentID, bridge: $0.bridge)
                }
            }
        }
        routes.get("/v1/sides") { _ in
            let addresses = try await server.boundAddresses()
            return try await server.withCore { core, _ in
                Side.allCases.map { SideState(side: $0, condition: core.sides[$0] ?? .online,
                                              address: addresses[$0].map { "\($0)" }) }
            }
        }
        routes.post("/v1/sides/:side/:condition") { request in
            let sideName = try request.parameter("side").uppercased()
            guard let side = Side(rawValue: sideName) else {
                throw AdminHTTPError(.badRequest, "unknown side '\(sideName)': use A or B")
            }
            let conditionName = try request.parameter("condition")
            guard let condition = SideCondition(rawValue: conditionName) else {
                throw AdminHTTPError(.badRequest, "unknown condition '\(conditionName)': use online, offline or hung")
            }
            try await server.setSide(side, condition)
            return Done(detail: "side \(side) \(condition)")
        }
        routes.post("/v1/sessions/drop") { _ in
            let count = try await server.withCore { core, _ in
                let count = core.sessionSummaries.count
                core.dropAllSessions()
                return count
            }
            return Done(detail: "dropped \(count) sessions")
        }
        routes.post("/v1/peripheral/:condition") { request in
            let condition = try request.parameter("condition")
            guard condition == "online" || condition == "offline" else {
                throw AdminHTTPError(.badRequest, "unknown peripheral condition '\(condition)': use online or offline")
            }
            try await server.withCore { core, _ in core.setPeripheralOnline(condition == "online") }
            return Done(detail: "peripheral \(condition)")
        }
        routes.post("/v1/delivery/:action") { request in
            let action = try request.parameter("action")
            guard action == "pause" || action == "resume" else {
                throw AdminHTTPError(.badRequest, "unknown delivery action '\(action)': use pause or resume")
            }
            try await server.withCore { core, _ in core.setDeliveryPaused(action == "pause") }
            return Done(detail: "event delivery \(action == "pause" ? "paused" : "resumed")")
        }
        routes.get("/v1/clock") { _ in
            let held = try await server.isClockHeld()
            return try await server.withCore { core, _ in Clock(held: held, timeMilliseconds: core.center.now.milliseconds) }
        }
        routes.post("/v1/clock/:action") { request in
            switch try request.parameter("action") {
            case "hold": try await server.holdClock()
            case "start": try await server.startClock()
            case let action: throw AdminHTTPError(.badRequest, "unknown clock action '\(action)': use hold or start")
            }
            return Done(detail: "clock \(try request.parameter("action"))")
        }
        routes.post("/v1/calls", body: NewCall.self) { _, body in
            guard let body else { throw AdminHTTPError(.badRequest, "give the call as JSON: {\"dialedNumber\": …, \"ani\": …}") }
            let id = try await server.withCore { core, now in
                core.placeInboundCall(dialedNumber: body.dialedNumber, ani: body.ani,
                                      callVariables: body.callVariables ?? [], now: now)
            }
            guard let id else { throw AdminHTTPError(.badRequest, "dialed number \(body.dialedNumber) routes to no skill group") }
            return PlacedCall(callID: id)
        }
        routes.post("/v1/calls/:id/release") { request in
            let text = try request.parameter("id")
            guard let id = UInt32(text) else { throw AdminHTTPError(.badRequest, "call ID '\(text)' is not a number") }
            let released = try await server.withCore { core, now in core.releaseExternalParty(callID: id, now: now) }
            guard released else { throw AdminHTTPError(.notFound, "no call \(id)") }
            return Done(detail: "the external party left call \(id)")
        }
        routes.get("/v1/traffic") { _ in try await server.withCore { core, _ in core.center.traffic } }
        routes.post("/v1/traffic", body: TrafficProfile.self) { _, body in
            guard let body else { throw AdminHTTPError(.badRequest, "give the traffic profile as JSON") }
            try await server.withCore { core, now in core.setTraffic(body, now: now) }
            return Done(detail: "traffic now \(body.callsPerSecond) calls per second")
        }
        return routes
    }

    /// The simulator's metrics, kept current by ``update(_:)``.
    public struct Metrics: Sendable {
        let eventsGenerated: Gauge
        let messagesSent: Gauge
        let messagesReceived: Gauge
        let malformed: Gauge
        let sessions: Gauge
        let sessionsOpened: Gauge
        let sessionsRefused: Gauge
        let version: Gauge
        let calls: Gauge
        let agentsLoggedIn: Gauge

        public init(registry: PrometheusCollectorRegistry) {
            eventsGenerated = registry.makeGauge(name: "ctios_sim_events_generated", help: "GED-188 events the model produced")
            messagesSent = registry.makeGauge(name: "ctios_sim_messages_sent", help: "GED-188 messages sent to sessions")
            messagesReceived = registry.makeGauge(name: "ctios_sim_messages_received", help: "GED-188 messages received")
            malformed = registry.makeGauge(name: "ctios_sim_malformed_messages", help: "messages that did not decode (each reset its session)")
            sessions = registry.makeGauge(name: "ctios_sim_sessions", help: "sessions connected now")
            sessionsOpened = registry.makeGauge(name: "ctios_sim_sessions_opened", help: "sessions opened (OPEN_CONF sent)")
            sessionsRefused = registry.makeGauge(name: "ctios_sim_sessions_refused", help: "connections refused by an offline side")
            version = registry.makeGauge(name: "ctios_sim_state_version", help: "the model's state version")
            calls = registry.makeGauge(name: "ctios_sim_calls", help: "calls in progress")
            agentsLoggedIn = registry.makeGauge(name: "ctios_sim_agents_logged_in", help: "agents logged in")
        }

        /// Copies the core's counters into the gauges (call it from the core's loop).
        public func update(_ core: SimulatorCore) {
            let counters = core.counters
            eventsGenerated.set(Double(counters.eventsGenerated))
            messagesSent.set(Double(counters.messagesSent))
            messagesReceived.set(Double(counters.messagesReceived))
            malformed.set(Double(counters.malformedMessages))
            sessions.set(Double(core.sessionSummaries.count))
            sessionsOpened.set(Double(counters.sessionsOpened))
            sessionsRefused.set(Double(counters.sessionsRefused))
            version.set(Double(core.center.version))
            calls.set(Double(core.center.calls.count))
            agentsLoggedIn.set(Double(core.center.agents.filter(\.isLoggedIn).count))
        }
    }
}
