import GED188
import NIOCore

/// The keys of `ctios server --config FILE` (YAML; every key may be left out). Docs/Operations.md lists them all.
public struct ServerFileConfiguration: Codable, Sendable, Equatable {
    /// This server's name in the pair (`A` or `B`), sent to clients in `welcome`.
    public var serverID = "A"
    /// A name for logs and `welcome`.
    public var serverName = "ctios"
    /// Where CIL clients connect. A socket named `cil` inherited from the node manager or systemd wins.
    public var listen = "127.0.0.1:42028"
    /// The admin HTTP address.
    public var admin = "127.0.0.1:42081"
    public var logLevel = "info"
    public var ctiServer = CTIServer()
    public var clients = Clients()
    public var backlog = Backlog()
    /// The pair; left out, the server runs alone.
    public var pair: Pair?

    /// The pair's peer link.
    public struct Pair: Codable, Sendable, Equatable {
        /// Where this server listens for its peer (an inherited `peer` socket wins).
        public var listen = "127.0.0.1:42029"
        /// The peer's peer-link address.
        public var peer = "127.0.0.1:43029"
        /// Whether this server dials the peer; left out: B dials, A listens.
        public var dialsPeer: Bool?
        public var heartbeatMilliseconds = 100
        public var missedHeartbeats = 5
        /// At start, how long to wait for the peer before serving alone as primary.
        public var startupWaitMilliseconds = 1_000
        public var redialMilliseconds = 100

        public init() {}

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Pair()
            listen = try c.decodeIfPresent(String.self, forKey: .listen) ?? d.listen
            peer = try c.decodeIfPresent(String.self, forKey: .peer) ?? d.peer
            dialsPeer = try c.decodeIfPresent(Bool.self, forKey: .dialsPeer)
            heartbeatMilliseconds = try c.decodeIfPresent(Int.self, forKey: .heartbeatMilliseconds) ?? d.heartbeatMilliseconds
            missedHeartbeats = try c.decodeIfPresent(Int.self, forKey: .missedHeartbeats) ?? d.missedHeartbeats
            startupWaitMilliseconds = try c.decodeIfPresent(Int.self, forKey: .startupWaitMilliseconds) ?? d.startupWaitMilliseconds
            redialMilliseconds = try c.decodeIfPresent(Int.self, forKey: .redialMilliseconds) ?? d.redialMilliseconds
        }
    }

    /// The CTI Server session.
    public struct CTIServer: Codable, Sendable, Equatable {
        public var sideA = "127.0.0.1:42027"
        public var sideB = "127.0.0.1:43027"
        public var peripheralID: UInt32 = 5000
        /// OPEN_REQ's ClientID and ClientPassword.
        public var clientID = "ctios-server"
        public var clientPassword = ""
        public var heartbeatMilliseconds = 500
        public var missedHeartbeats = 3
        public var initialBackoffMilliseconds = 100
        public var maximumBackoffMilliseconds = 5_000
        public var requestTimeoutSeconds = 10.0
        /// How often skill group statistics are asked for; 0 for never.
        public var statisticsIntervalSeconds = 10.0

        public init() {}

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = CTIServer()
            sideA = try c.decodeIfPresent(String.self, forKey: .sideA) ?? d.sideA
            sideB = try c.decodeIfPresent(String.self, forKey: .sideB) ?? d.sideB
            peripheralID = try c.decodeIfPresent(UInt32.self, forKey: .peripheralID) ?? d.peripheralID
            clientID = try c.decodeIfPresent(String.self, forKey: .clientID) ?? d.clientID
            clientPassword = try c.decodeIfPresent(String.self, forKey: .clientPassword) ?? d.clientPassword
            heartbeatMilliseconds = try c.decodeIfPresent(Int.self, forKey: .heartbeatMilliseconds) ?? d.heartbeatMilliseconds
            missedHeartbeats = try c.decodeIfPresent(Int.self, forKey: .missedHeartbeats) ?? d.missedHeartbeats
            initialBackoffMilliseconds = try c.decodeIfPresent(Int.self, forKey: .initialBackoffMilliseconds) ?? d.initialBackoffMilliseconds
            maximumBackoffMilliseconds = try c.decodeIfPresent(Int.self, forKey: .maximumBackoffMilliseconds) ?? d.maximumBackoffMilliseconds
            requestTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .requestTimeoutSeconds) ?? d.requestTimeoutSeconds
            statisticsIntervalSeconds = try c.decodeIfPresent(Double.self, forKey: .statisticsIntervalSeconds) ?? d.statisticsIntervalSeconds
        }
    }

    /// CIL client sessions.
    public struct Clients: Codable, Sendable, Equatable {
        /// The heartbeat interval for a client that asks for none (clients may ask for 50 ms to 60 s).
        public var heartbeatMilliseconds = 250
        /// Intervals without a frame after which a client is lost.
        public var missedHeartbeats = 3
        public var helloTimeoutSeconds = 10.0
        /// A client whose unsent bytes pass this is closed as too slow (it may resume).
        public var maximumOutboundBytes = 4 << 20
        /// Each client socket's kernel send buffer in bytes; 0 leaves it to the kernel (which grows it to
        /// `net.ipv4.tcp_wmem`'s maximum, so a slow client is noticed later).
        public var socketSendBufferBytes = 0
        public var maximumClients = 20_000
        public var snapshotChunkBytes = 64 << 10

        public init() {}

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Clients()
            heartbeatMilliseconds = try c.decodeIfPresent(Int.self, forKey: .heartbeatMilliseconds) ?? d.heartbeatMilliseconds
            missedHeartbeats = try c.decodeIfPresent(Int.self, forKey: .missedHeartbeats) ?? d.missedHeartbeats
            helloTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .helloTimeoutSeconds) ?? d.helloTimeoutSeconds
            maximumOutboundBytes = try c.decodeIfPresent(Int.self, forKey: .maximumOutboundBytes) ?? d.maximumOutboundBytes
            socketSendBufferBytes = try c.decodeIfPresent(Int.self, forKey: .socketSendBufferBytes) ?? d.socketSendBufferBytes
            maximumClients = try c.decodeIfPresent(Int.self, forKey: .maximumClients) ?? d.maximumClients
            snapshotChunkBytes = try c.decodeIfPresent(Int.self, forKey: .snapshotChunkBytes) ?? d.snapshotChunkBytes
        }
    }

    /// The change history kept for clients that resume.
    public struct Backlog: Codable, Sendable, Equatable {
        public var maximumBatches = 100_000
        public var maximumBytes = 64 << 20

        public init() {}

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Backlog()
            maximumBatches = try c.decodeIfPresent(Int.self, forKey: .maximumBatches) ?? d.maximumBatches
            maximumBytes = try c.decodeIfPresent(Int.self, forKey: .maximumBytes) ?? d.maximumBytes
        }
    }

    public init() {}

    enum CodingKeys: String, CodingKey {
        case serverID, serverName, listen, admin, logLevel, ctiServer, clients, backlog, pair
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ServerFileConfiguration()
        serverID = try c.decodeIfPresent(String.self, forKey: .serverID) ?? d.serverID
        serverName = try c.decodeIfPresent(String.self, forKey: .serverName) ?? d.serverName
        listen = try c.decodeIfPresent(String.self, forKey: .listen) ?? d.listen
        admin = try c.decodeIfPresent(String.self, forKey: .admin) ?? d.admin
        logLevel = try c.decodeIfPresent(String.self, forKey: .logLevel) ?? d.logLevel
        ctiServer = try c.decodeIfPresent(CTIServer.self, forKey: .ctiServer) ?? d.ctiServer
        clients = try c.decodeIfPresent(Clients.self, forKey: .clients) ?? d.clients
        backlog = try c.decodeIfPresent(Backlog.self, forKey: .backlog) ?? d.backlog
        pair = try c.decodeIfPresent(Pair.self, forKey: .pair)
    }

    /// A value out of range, named by its key.
    public struct InvalidValue: Error, CustomStringConvertible {
        public var key: String
        public var message: String
        public var description: String { "\(key): \(message)" }
    }

    /// Checks every value's range; the error names the key.
    public func validate() throws(InvalidValue) {
        func check(_ condition: Bool, _ key: String, _ message: String) throws(InvalidValue) {
            if !condition { throw InvalidValue(key: key, message: message) }
        }
        try check(!serverID.isEmpty && serverID.utf8.count <= 64, "serverID", "must be 1 to 64 characters")
        try check((50...60_000).contains(ctiServer.heartbeatMilliseconds), "ctiServer.heartbeatMilliseconds",
                  "must be between 50 and 60000")
        try check((1...100).contains(ctiServer.missedHeartbeats), "ctiServer.missedHeartbeats", "must be between 1 and 100")
        try check((1...600_000).contains(ctiServer.initialBackoffMilliseconds), "ctiServer.initialBackoffMilliseconds",
                  "must be between 1 and 600000")
        try check(ctiServer.maximumBackoffMilliseconds >= ctiServer.initialBackoffMilliseconds
                  && ctiServer.maximumBackoffMilliseconds <= 600_000,
                  "ctiServer.maximumBackoffMilliseconds", "must be between initialBackoffMilliseconds and 600000")
        try check(ctiServer.requestTimeoutSeconds > 0 && ctiServer.requestTimeoutSeconds <= 600, "ctiServer.requestTimeoutSeconds",
                  "must be more than 0 and at most 600")
        try check(ctiServer.statisticsIntervalSeconds >= 0 && ctiServer.statisticsIntervalSeconds <= 86_400,
                  "ctiServer.statisticsIntervalSeconds", "must be between 0 (never) and 86400")
        try check(ctiServer.clientID.utf8.count <= 64, "ctiServer.clientID", "must be at most 64 bytes (GED-188)")
        try check(ctiServer.clientPassword.utf8.count <= 64, "ctiServer.clientPassword", "must be at most 64 bytes (GED-188)")
        try check((50...60_000).contains(clients.heartbeatMilliseconds), "clients.heartbeatMilliseconds", "must be between 50 and 60000")
        try check((1...100).contains(clients.missedHeartbeats), "clients.missedHeartbeats", "must be between 1 and 100")
        try check(clients.helloTimeoutSeconds > 0 && clients.helloTimeoutSeconds <= 600, "clients.helloTimeoutSeconds",
                  "must be more than 0 and at most 600")
        try check(clients.maximumOutboundBytes >= 64 << 10, "clients.maximumOutboundBytes", "must be at least 65536")
        try check(clients.socketSendBufferBytes == 0 || (4_096...(64 << 20)).contains(clients.socketSendBufferBytes),
                  "clients.socketSendBufferBytes", "must be 0 (the kernel's choice) or between 4096 and 67108864")
        try check(clients.maximumClients >= 1, "clients.maximumClients", "must be at least 1")
        try check((1_024...(1 << 20) - 64).contains(clients.snapshotChunkBytes), "clients.snapshotChunkBytes",
                  "must be between 1024 and 1048512 (a frame is at most 1 MiB)")
        if let pair {
            try check((10...60_000).contains(pair.heartbeatMilliseconds), "pair.heartbeatMilliseconds", "must be between 10 and 60000")
            try check((1...100).contains(pair.missedHeartbeats), "pair.missedHeartbeats", "must be between 1 and 100")
            try check((0...600_000).contains(pair.startupWaitMilliseconds), "pair.startupWaitMilliseconds", "must be between 0 and 600000")
            try check((10...60_000).contains(pair.redialMilliseconds), "pair.redialMilliseconds", "must be between 10 and 60000")
        }
        try check(backlog.maximumBatches >= 0, "backlog.maximumBatches", "must be 0 or more")
        try check(backlog.maximumBytes >= 0, "backlog.maximumBytes", "must be 0 or more")
    }

    /// The core's configuration. `initialEpoch`: the epoch a fresh history starts with (the wall clock in
    /// milliseconds, so that each start's is larger than any before).
    public func coreConfiguration(initialEpoch: UInt64 = 1) -> ServerCore.Configuration {
        ServerCore.Configuration(
            serverID: serverID, serverName: serverName, peripheralID: ctiServer.peripheralID,
            defaultHeartbeat: .milliseconds(clients.heartbeatMilliseconds), missedHeartbeats: clients.missedHeartbeats,
            helloTimeout: .milliseconds(Int64(clients.helloTimeoutSeconds * 1_000)),
            snapshotChunkBytes: clients.snapshotChunkBytes,
            store: .init(peripheralID: ctiServer.peripheralID, backlogMaximumBatches: backlog.maximumBatches,
                         backlogMaximumBytes: backlog.maximumBytes),
            link: .init(peripheralID: ctiServer.peripheralID, clientID: ctiServer.clientID,
                        clientPassword: Secret(ctiServer.clientPassword),
                        heartbeatInterval: .milliseconds(ctiServer.heartbeatMilliseconds),
                        missedHeartbeats: ctiServer.missedHeartbeats,
                        initialBackoff: .milliseconds(ctiServer.initialBackoffMilliseconds),
                        maximumBackoff: .milliseconds(ctiServer.maximumBackoffMilliseconds),
                        requestTimeout: .milliseconds(Int64(ctiServer.requestTimeoutSeconds * 1_000)),
                        statisticsInterval: .milliseconds(Int64(ctiServer.statisticsIntervalSeconds * 1_000))),
            pair: pair.map { pair in
                PairConfiguration(dialsPeer: pair.dialsPeer ?? (serverID == "B"),
                                  heartbeatInterval: .milliseconds(pair.heartbeatMilliseconds),
                                  missedHeartbeats: pair.missedHeartbeats,
                                  startupWait: .milliseconds(pair.startupWaitMilliseconds),
                                  redialInterval: .milliseconds(pair.redialMilliseconds), initialEpoch: initialEpoch)
            })
    }
}
