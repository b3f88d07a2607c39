import CIL
import CTIOSServer
import CTIOSWire
import CTISimulator
import DequeModule
import GED188
import NIOCore

/// One end of a simulated connection.
public enum SimulatedEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// Server A (0) or B (1).
    case server(Int)
    /// A CIL session.
    case desk(Int)
    /// The CTI Server (the simulator's core).
    case simulator

    public var description: String {
        switch self {
        case .server(let index): "server \(index == 0 ? "A" : "B")"
        case .desk(let index): "desk \(index)"
        case .simulator: "the simulator"
        }
    }
}

/// What travels on a simulated connection: its opening, frames (decoded on arrival as a shell would), its closing.
enum SimulatedPayload: Sendable {
    case open
    case close
    /// A CIL frame to a server (encoded and decoded on the way).
    case wire(WireMessage)
    /// A server's bytes to a CIL session (split into frames on arrival).
    case bytes(ByteBuffer)
    case peer(PeerMessage)
    case ged(GED188Message)
}

/// Which connection it is, and what its ends call it.
enum SimulatedConnectionKind: Sendable {
    /// A CIL session's socket to a server: end 0 is the desk, end 1 the server.
    case client(desk: Int, connection: ConnectionID, server: Int, generation: Int, client: ClientID)
    /// The peer link: end 0 dialed, end 1 accepted.
    case peer(generations: [Int])
    /// A server's CTI Server session: end 0 is the server, end 1 the simulator.
    case cti(server: Int, generation: Int, session: SessionID)
}

/// One TCP connection: two one-way FIFO queues (messages on a connection stay in order), a latency, and the
/// faults on it (extra delay, a stall).
struct SimulatedConnection: Sendable {
    struct Item: Sendable {
        var at: Duration
        var payload: SimulatedPayload
    }

    let id: Int
    let kind: SimulatedConnectionKind
    /// The two ends; `queues[i]` travels toward `ends[i]`.
    let ends: [SimulatedEndpoint]
    var queues: [Deque<Item>] = [[], []]
    /// Whether each end still reads (an end that closed or crashed reads nothing more).
    var reading = [true, true]
    var latency: Duration
    var extraDelay: Duration = .zero
    var extraDelayUntil: Duration = .zero
    /// Nothing is delivered before this (a stall: TCP retransmitting, nothing lost).
    var stalledUntil: Duration = .zero
    var lastAt: [Duration] = [.zero, .zero]

    var isFinished: Bool { !reading[0] && !reading[1] }

    /// Queues a payload toward end `to`, after the latency and never before what was queued before it.
    mutating func enqueue(_ payload: SimulatedPayload, to: Int, now: Duration) {
        guard reading[to] else { return }
        var at = now + latency
        if now < extraDelayUntil { at += extraDelay }
        at = max(at, lastAt[to])
        lastAt[to] = at
        queues[to].append(Item(at: at, payload: payload))
    }

    /// The end opposite `end`.
    static func other(_ end: Int) -> Int { 1 - end }
}

/// Every connection of the world, in creation order.
struct SimulatedNetwork: Sendable {
    var connections: [Int: SimulatedConnection] = [:]
    /// Live connection IDs, ascending (delivery order never depends on hashing).
    var order: [Int] = []
    var nextID = 1

    mutating func add(kind: SimulatedConnectionKind, ends: [SimulatedEndpoint], latency: Duration) -> Int {
        let id = nextID
        nextID += 1
        connections[id] = SimulatedConnection(id: id, kind: kind, ends: ends, latency: latency)
        order.append(id)
        return id
    }

    /// Drops connections both of whose ends are closed.
    mutating func collect() {
        order.removeAll { id in
            guard let connection = connections[id], connection.isFinished else { return false }
            connections[id] = nil
            return true
        }
    }
}
