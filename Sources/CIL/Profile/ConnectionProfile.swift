/// Where a ``Session`` connects and how it watches the connection: Cisco's connection profile.
///
/// A profile names server A and, for a pair, server B (Cisco's `CtiosA`, `PortA`, `CtiosB`, `PortB`). The session
/// starts on one of them at random (so a pair's clients spread over both), and on a loss reconnects to the other at
/// once, then alternates between them with capped, jittered backoff. The heartbeat settings are Cisco's
/// `Heartbeat` and `MaxHeartbeats`: a server silent for `heartbeat × maxHeartbeats` is lost; a closed socket is lost
/// at once.
public struct ConnectionProfile: Hashable, Sendable {
    /// Cisco's default CIL port, for both servers.
    public static let defaultPort = 42028

    /// Server A (`CtiosA`, `PortA`).
    public var serverA: ServerAddress
    /// Server B (`CtiosB`, `PortB`), the other server of a pair; `nil` for a single server.
    public var serverB: ServerAddress?
    /// The heartbeat interval to ask the server for (Cisco's `Heartbeat`); the server may clamp it, and the one in
    /// its `welcome` is used. Default 250 ms.
    public var heartbeat: Duration
    /// Heartbeat intervals without a frame from the server after which it is lost (Cisco's `MaxHeartbeats`).
    /// Default 3.
    public var maxHeartbeats: Int
    /// How long ``Session/connect(_:)`` keeps trying (alternating the servers) before it gives up. Default 10 s.
    public var connectTimeout: Duration
    /// How long one attempt may take, from opening the socket to the server's `welcome`. Default 2 s.
    public var connectAttemptTimeout: Duration
    /// How long a request waits for its answer before it fails with ``CILError/Code/noAnswer`` (the server answers
    /// every request, a CTI Server that does not with `Timeout` after 10 s, so this is a last resort). Default 15 s.
    public var requestTimeout: Duration
    /// The first backoff between reconnect attempts after the immediate switch to the other server; it doubles per
    /// failed attempt up to ``maximumReconnectBackoff``, and each delay is drawn between half of it and all of it.
    /// Default 50 ms.
    public var reconnectBackoff: Duration
    /// The longest backoff between reconnect attempts. Default 2 s.
    public var maximumReconnectBackoff: Duration
    /// The name the server logs for this client (`agent-desktop 1001@host`).
    public var clientName: String
    /// Seeds the choice of the first server and the backoff jitter, for reproducible tests; `nil` draws a seed.
    public var randomSeed: UInt64?

    /// A profile for server A and, optionally, server B of a pair.
    public init(
        serverA: ServerAddress = ServerAddress(host: "127.0.0.1"),
        serverB: ServerAddress? = nil,
        heartbeat: Duration = .milliseconds(250),
        maxHeartbeats: Int = 3,
        connectTimeout: Duration = .seconds(10),
        connectAttemptTimeout: Duration = .seconds(2),
        requestTimeout: Duration = .seconds(15),
        reconnectBackoff: Duration = .milliseconds(50),
        maximumReconnectBackoff: Duration = .seconds(2),
        clientName: String = "ctios-cil",
        randomSeed: UInt64? = nil
    ) {
        self.serverA = serverA
        self.serverB = serverB
        self.heartbeat = heartbeat
        self.maxHeartbeats = max(1, maxHeartbeats)
        self.connectTimeout = connectTimeout
        self.connectAttemptTimeout = connectAttemptTimeout
        self.requestTimeout = requestTimeout
        self.reconnectBackoff = reconnectBackoff
        self.maximumReconnectBackoff = maximumReconnectBackoff
        self.clientName = clientName
        self.randomSeed = randomSeed
    }

    /// A profile in Cisco's terms: `CtiosA`, `PortA`, and optionally `CtiosB`, `PortB`.
    public init(ctiosA: String, portA: Int = defaultPort, ctiosB: String? = nil, portB: Int = defaultPort) {
        self.init(serverA: ServerAddress(host: ctiosA, port: portA),
                  serverB: ctiosB.map { ServerAddress(host: $0, port: portB) })
    }

    /// The servers in order: A, then B when there is one.
    public var servers: [ServerAddress] { [serverA] + (serverB.map { [$0] } ?? []) }
}
