/// One CTI OS server of a connection profile: a host name or address and a TCP port.
public struct ServerAddress: Hashable, Sendable, CustomStringConvertible {
    /// The host name or IP address (Cisco's `CtiosA` / `CtiosB`).
    public var host: String
    /// The TCP port (Cisco's `PortA` / `PortB`; 42028 by default).
    public var port: Int

    /// The server at `host:port`.
    public init(host: String, port: Int = ConnectionProfile.defaultPort) {
        self.host = host
        self.port = port
    }

    /// `host:port` (an IPv6 address in brackets).
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
