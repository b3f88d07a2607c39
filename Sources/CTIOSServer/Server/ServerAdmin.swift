import AdminHTTP
import CTIOSCore
import CTIOSWire

/// The object server's admin API (`/v1/...`) beside the built-in `/health`, `/ready` and `/metrics`. Documented in
/// Docs/Operations.md.
public enum ServerAdmin {
    /// `GET /v1/state`: the store.
    public struct State: Encodable, Sendable {
        public var epoch: UInt64
        public var sequence: UInt64
        public var ctiSide: String?
        public var ready: Bool
        public var ctiServerOnline: Bool
        public var peripheralOnline: Bool
        /// Every object by UniqueObjectID, its properties as JSON values.
        public var objects: [String: ArgumentsJSON]
    }

    /// `GET /v1/clients`: one connected client.
    public struct Client: Encodable, Sendable {
        public var id: UInt64
        public var name: String
        /// `agent`, `monitor`, or `none` before a mode is set.
        public var mode: String
        public var agentID: String?
        public var filter: String?
        public var objects: Int
        public var pendingRequests: Int
    }

    /// `GET /v1/cluster`: this server in its pair.
    public struct Cluster: Encodable, Sendable {
        public var serverID: String
        /// `primary`, `backup` or `joining` (alone: `primary`).
        public var role: String
        public var epoch: UInt64
        public var sequence: UInt64
        public var ready: Bool
        /// `none` (alone), `down`, `dialing`, `handshaking`, `up`, `catching up` (transfer sent, not acknowledged),
        /// `replicating` (every batch published only once the backup has it).
        public var peer: String
        public var peerID: String?
        /// Primary: batches made that the backup has not acknowledged yet.
        public var replicationLagBatches: Int
        /// Primary: batches held from clients until the backup acknowledges them.
        public var awaitingAcknowledgement: Int
        public var ctiSide: String?
        /// While a drain is in progress: its rate and how many clients it moved (since its rate was last set).
        public var drain: Drain?
    }

    /// A drain in progress (`POST /v1/drain`).
    public struct Drain: Codable, Sendable {
        public var clientsPerSecond: Int
        public var moved: Int?
        /// Whether it is moving clients now (it pauses while the peer link is down).
        public var active: Bool?
    }

    struct Done: Encodable, Sendable {
        var detail: String
    }

    public static func routes(for server: ObjectServer) -> AdminRoutes {
        var routes = AdminRoutes()
        routes.get("/v1/state") { _ in
            try await server.withCore { core in
                State(epoch: core.store.epoch, sequence: core.store.sequence, ctiSide: core.ctiSide.map { "\($0)" },
                      ready: core.isReady, ctiServerOnline: core.store.ctiServerOnline,
                      peripheralOnline: core.store.peripheralOnline,
                      objects: Dictionary(uniqueKeysWithValues: core.store.objects.map { ($0.key.description, ArgumentsJSON($0.value)) }))
            }
        }
        routes.get("/v1/cluster") { _ in
            try await server.withCore { core in core.clusterSummary }
        }
        routes.post("/v1/drain", body: Drain.self) { _, body in
            let rate = body?.clientsPerSecond ?? 100
            guard (1...100_000).contains(rate) else {
                throw AdminHTTPError(.badRequest, "clientsPerSecond must be between 1 and 100000, not \(rate)")
            }
            do {
                try await server.startDrain(clientsPerSecond: rate)
            } catch let refusal as DrainRefusal {
                throw AdminHTTPError(.conflict, refusal.description)
            }
            return Done(detail: "draining clients to the peer at \(rate) per second")
        }
        routes.post("/v1/drain/stop") { _ in
            try await server.stopDrain()
            return Done(detail: "not draining; new clients are welcome")
        }
        routes.get("/v1/clients") { _ in
            try await server.withCore { core in core.clientSummaries }
        }
        return routes
    }
}

/// `Arguments` as JSON: an object whose members are the keys, integers and booleans and strings as themselves,
/// nested sets as objects, arrays as arrays.
public struct ArgumentsJSON: Encodable, Sendable {
    public let arguments: Arguments
    public init(_ arguments: Arguments) { self.arguments = arguments }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (key, value) in arguments {
            try container.encode(ValueJSON(value), forKey: Key(stringValue: key))
        }
    }

    struct ValueJSON: Encodable {
        let value: ArgumentValue
        init(_ value: ArgumentValue) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            switch value {
            case .array(let elements):
                var container = encoder.unkeyedContainer()
                for element in elements { try container.encode(ValueJSON(element)) }
            case .arguments(let nested):
                try ArgumentsJSON(nested).encode(to: encoder)
            case .integer(let integer):
                var container = encoder.singleValueContainer()
                try container.encode(integer)
            case .boolean(let boolean):
                var container = encoder.singleValueContainer()
                try container.encode(boolean)
            case .string(let string):
                var container = encoder.singleValueContainer()
                try container.encode(string)
            }
        }
    }
}
