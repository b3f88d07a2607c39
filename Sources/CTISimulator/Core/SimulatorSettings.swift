/// How the simulator's CTI Server behaves towards its clients.
public struct SimulatorSettings: Codable, Hashable, Sendable {
    /// The ClientPassword every OPEN_REQ must carry; `nil` accepts any (the default).
    public var clientPassword: String?
    /// The shortest IdleTimeout an OPEN_REQ may ask for, in seconds. Cisco's CTI Server requires 20 s (four times
    /// its 5 s minimum heartbeat); the simulator allows less, as a documented extension, so that failover tests
    /// can use fast heartbeats.
    public var minimumIdleTimeoutSeconds: Double
    /// A connection that sends no OPEN_REQ within this many seconds is reset.
    public var openTimeoutSeconds: Double
    /// While event delivery is paused, at most this many events wait; past that every session is reset.
    public var maximumPausedEvents: Int

    public init(
        clientPassword: String? = nil,
        minimumIdleTimeoutSeconds: Double = 0.5,
        openTimeoutSeconds: Double = 30,
        maximumPausedEvents: Int = 1_000_000
    ) {
        self.clientPassword = clientPassword
        self.minimumIdleTimeoutSeconds = minimumIdleTimeoutSeconds
        self.openTimeoutSeconds = openTimeoutSeconds
        self.maximumPausedEvents = maximumPausedEvents
    }

    private enum CodingKeys: String, CodingKey {
        case clientPassword, minimumIdleTimeoutSeconds, openTimeoutSeconds, maximumPausedEvents
    }

    /// Every key may be left out; it then takes its default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SimulatorSettings()
        clientPassword = try c.decodeIfPresent(String.self, forKey: .clientPassword)
        minimumIdleTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .minimumIdleTimeoutSeconds) ?? d.minimumIdleTimeoutSeconds
        openTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .openTimeoutSeconds) ?? d.openTimeoutSeconds
        maximumPausedEvents = try c.decodeIfPresent(Int.self, forKey: .maximumPausedEvents) ?? d.maximumPausedEvents
    }
}
