import CTIOSCore
import CTIOSWire

/// One CIL connection to this server.
public struct ClientID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt64
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    public static func < (lhs: ClientID, rhs: ClientID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "client \(rawValue)" }
}

/// What the server knows of one client: the protocol phase, its heartbeats, and (once it set a mode) its view.
struct ClientSession: Sendable {
    enum Phase: Sendable {
        /// Connected, no hello yet.
        case awaitingHello
        /// Welcomed; the client may set a mode.
        case open
    }

    enum TickDecision {
        case nothing
        case sendHeartbeat
        case close(GoodbyeCode, String)
    }

    let id: ClientID
    var phase: Phase = .awaitingHello
    var name = ""
    let connectedAt: Duration
    var lastReceived: Duration
    var lastSent: Duration
    /// Something was sent since the last tick (then `lastSent` becomes that tick's time).
    var sentSinceTick = false
    var heartbeat: Duration = .milliseconds(250)
    /// Where the client asked to resume from (hello); used when it sets its mode.
    var resume: LogPosition?
    /// Request IDs sent to the CTI Server and not yet answered: a client may not reuse one.
    var pendingRequests: Set<UInt32> = []
    /// The mode and the objects the client has; `nil` until a mode is set.
    var view: ClientView?
    /// The agent and device keys this client is indexed under (agent mode).
    var indexedAgents: Set<String> = []
    var indexedDevices: Set<String> = []

    init(id: ClientID, now: Duration) {
        self.id = id
        connectedAt = now
        lastReceived = now
        lastSent = now
    }

    var mode: ClientMode? { view?.mode }

    /// Heartbeats and their loss. `stall`: how late this tick is; the server's own stall is not the client's
    /// silence, so after one longer than the client's interval the client gets one more interval from now.
    mutating func tick(now: Duration, stall: Duration = .zero, configuration: ServerCore.Configuration) -> TickDecision {
        if stall > heartbeat {
            lastReceived = max(lastReceived, now - heartbeat * (configuration.missedHeartbeats - 1))
        }
        if sentSinceTick {
            lastSent = now
            sentSinceTick = false
        }
        switch phase {
        case .awaitingHello:
            return now - connectedAt >= configuration.helloTimeout
                ? .close(.protocolError, "no hello within \(configuration.helloTimeout)") : .nothing
        case .open:
            if now - lastReceived >= heartbeat * configuration.missedHeartbeats {
                return .close(.missedHeartbeats, "nothing received for \(configuration.missedHeartbeats) heartbeat intervals")
            }
            return now - lastSent >= heartbeat ? .sendHeartbeat : .nothing
        }
    }
}

/// Who asked for a request the CTI Server carries out: one of this server's clients, or (on the primary) the
/// backup, for one of its clients.
enum RequestOrigin: Sendable {
    case client(ClientID, UInt32)
    case peer(UInt64)
}
