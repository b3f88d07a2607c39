/// Cisco's `ConnectionMode`: what a session watches.
public enum ConnectionMode: Int, Hashable, Sendable, CustomStringConvertible {
    /// No mode set (`eNotConnected`, 0).
    case notConnected = 0
    /// Agent mode, set by ``Session/setAgent(peripheralID:agentID:instrument:)`` (1).
    case agent = 1
    /// Monitor mode, set by ``Session/setMessageFilter(_:)`` (2).
    case monitor = 2

    /// `agent`, `monitor` or `not connected`.
    public var description: String {
        switch self {
        case .notConnected: "not connected"
        case .agent: "agent"
        case .monitor: "monitor"
        }
    }
}
