@testable import CTIOSServer
import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import NIOCore

/// Two whole server nodes (A and B) in memory, each with its own CTI Server session to one simulator core, a peer
/// link between them that can be closed or cut (frames silently lost, as in a partition), servers that can crash,
/// restart or freeze, and clients on either server. Model time; every byte encoded and decoded on the way.
struct PairHarness {
    static let names = ["A", "B"]

    var servers: [ServerCore]
    var core: SimulatorCore
    var now: Duration = .zero
    var cti: [SessionID?] = [nil, nil]
    var nextSession: UInt64 = 1
    /// Whether a peer connection exists.
    var linked = false
    /// While cut, peer frames are lost in both directions and dials fail (a partition).
    var cut = false
    var alive = [true, true]
    var frozen = [false, false]
    var clientServer: [ClientID: Int] = [:]
    var inbox: [ClientID: [WireMessage]] = [:]
    var closed: [ClientID: String] = [:]
    var keepAlive: Set<ClientID> = []
    var problems: [[String]] = [[], []]
    var nextClient: UInt64 = 1
    var restarts = [0, 0]
    /// While set, the backup's acknowledgements are held back (a slow peer link), until ``releaseAcknowledgements()``.
    var holdAcknowledgements = false
    var heldAcknowledgements: [(to: Int, PeerMessage)] = []

    init(traffic: TrafficProfile = .none, seed: UInt64 = 1) throws {
        core = SimulatorCore(center: try ContactCenter(configuration: .standard(), traffic: traffic, seed: seed))
        servers = [Self.makeServer(0, epoch: 1_000), Self.makeServer(1, epoch: 2_000)]
    }

    static func makeServer(_ index: Int, epoch: UInt64) -> ServerCore {
        ServerCore(configuration: .init(
            serverID: names[index], link: .init(heartbeatInterval: .milliseconds(100), missedHeartbeats: 3),
            pair: PairConfiguration(dialsPeer: index == 1, startupWait: .milliseconds(500), initialEpoch: epoch)))
    }

    // MARK: Driving

    mutating func start(_ index: Int) {
        servers[index].start(now: now)
        pump()
    }

    mutating func startBoth() {
        start(0)
        start(1)
    }

    /// Moves output between the servers, the simulator and the clients until nobody has anything more to say.
    mutating func pump() {
        var rounds = 0
        while true {
            rounds += 1
            precondition(rounds < 100_000, "pump does not settle")
            var moved = false
            for index in 0..<2 where alive[index] && !frozen[index] {
                let output = servers[index].takeOutput()
                if !output.isEmpty { moved = true }
                problems[index] += output.problems
                handleLink(output.link, index)
                handlePeer(output.peer, index)
                for (client, bytes) in output.sends {
                    var buffer = bytes
                    while let message = try! WireMessage.decode(from: &buffer) { inbox[client, default: []].append(message) }
                }
                for (client, reason) in output.closes { closed[client] = reason }
            }
            let simulated = core.takeOutput()
            for (session, bytes) in simulated.sends {
                guard let index = cti.firstIndex(of: session), alive[index] else { continue }
                moved = true
                var buffer = bytes
                while let message = try! GED188Message.decode(from: &buffer) {
                    if !frozen[index] { servers[index].ctiReceived(message, now: now) }
                }
            }
            for (session, _) in simulated.closes {
                guard let index = cti.firstIndex(of: session) else { continue }
                moved = true
                cti[index] = nil
                if alive[index] { servers[index].ctiDisconnected(now: now) }
            }
            if !moved { return }
        }
    }

    private mutating func handleLink(_ actions: [CTILinkStateMachine.Action], _ index: Int) {
        for action in actions {
            switch action {
            case .connect(let side):
                let id = SessionID(nextSession)
                nextSession += 1
                if core.connect(id, side: side == .a ? .a : .b, now: now) {
                    cti[index] = id
                    servers[index].ctiConnected(now: now)
                } else {
                    servers[index].ctiConnectFailed(now: now)
                }
            case .send(let message):
                guard let session = cti[index] else { continue }
                var bytes = ByteBuffer()
                try! message.encode(into: &bytes)
                core.receive(try! GED188Message.decode(from: &bytes)!, from: session, now: now)
            case .close:
                if let session = cti[index] { core.disconnect(session) }
                cti[index] = nil
                servers[index].ctiDisconnected(now: now)
            default:
                break
            }
        }
    }

    private mutating func handlePeer(_ actions: [PeerAction], _ index: Int) {
        let other = 1 - index
        for action in actions {
            switch action {
            case .connect:
                if alive[other] && !cut && !linked {
                    linked = true
                    servers[index].peerConnected(now: now)
                    if !frozen[other] { servers[other].peerConnected(now: now) }
                } else {
                    servers[index].peerConnectFailed(now: now)
                }
            case .send(let bytes):
                guard linked, !cut, alive[other], !frozen[other] else { continue }
                var buffer = bytes
                while let message = try! PeerMessage.nextMessage(from: &buffer) {
                    if holdAcknowledgements, case .acknowledge = message {
                        heldAcknowledgements.append((other, message))
                        continue
                    }
                    servers[other].peerReceived(message, now: now)
                }
            case .close:
                guard linked else { continue }
                linked = false
                servers[index].peerDisconnected(now: now)
                // Across a cut the other side does not learn of the close; it times out.
                if !cut, alive[other], !frozen[other] { servers[other].peerDisconnected(now: now) }
            }
        }
    }

    /// Delivers the held acknowledgements and stops holding them.
    mutating func releaseAcknowledgements() {
        holdAcknowledgements = false
        let held = heldAcknowledgements
        heldAcknowledgements = []
        for (index, message) in held where alive[index] && !frozen[index] { servers[index].peerReceived(message, now: now) }
        pump()
    }

    /// Advances model time in steps, ticking the simulator and every running server.
    mutating func run(for duration: Duration, step: Duration = .milliseconds(10)) {
        let end = now + duration
        while now < end {
            now += step
            core.advance(to: now)
            pump()
            for client in keepAlive.sorted() where closed[client] == nil {
                let index = clientServer[client]!
                if alive[index] && !frozen[index] { servers[index].clientReceived(.heartbeat, from: client, now: now) }
            }
            for index in 0..<2 where alive[index] && !frozen[index] { servers[index].tick(now: now) }
            pump()
        }
    }

    // MARK: Faults

    /// kill -9: the process is gone; its sockets close (the simulator and the peer notice at once).
    mutating func crash(_ index: Int) {
        alive[index] = false
        frozen[index] = false
        if let session = cti[index] { core.disconnect(session) }
        cti[index] = nil
        if linked {
            linked = false
            if alive[1 - index], !frozen[1 - index] { servers[1 - index].peerDisconnected(now: now) }
        }
        for (client, server) in clientServer where server == index && closed[client] == nil {
            closed[client] = "the server crashed"
        }
        pump()
    }

    /// The process starts again with no state and a new epoch.
    mutating func restart(_ index: Int) {
        restarts[index] += 1
        servers[index] = Self.makeServer(index, epoch: UInt64(10_000 * (restarts[index] + 1) + index))
        alive[index] = true
        start(index)
    }

    /// SIGSTOP: nothing is processed; sockets stay open.
    mutating func freeze(_ index: Int) { frozen[index] = true }

    // MARK: Clients

    mutating func connectClient(to index: Int, name: String = "test", resume: LogPosition? = nil) -> ClientID {
        let id = ClientID(nextClient)
        nextClient += 1
        clientServer[id] = index
        servers[index].clientConnected(id, now: now)
        send(.hello(versions: [.current], clientName: name, heartbeatMilliseconds: 0, resume: resume), from: id)
        return id
    }

    mutating func send(_ message: WireMessage, from client: ClientID) {
        let index = clientServer[client]!
        guard alive[index], !frozen[index] else { return }
        var bytes = try! message.encoded()
        servers[index].clientReceived(try! WireMessage.decode(from: &bytes)!, from: client, now: now)
        pump()
    }

    mutating func take(_ client: ClientID) -> [WireMessage] {
        defer { inbox[client] = [] }
        return inbox[client] ?? []
    }

    func response(_ requestID: UInt32, for client: ClientID) -> Result<Arguments, RequestFailure>? {
        for message in inbox[client] ?? [] {
            if case .response(requestID, let result) = message { return result }
        }
        return nil
    }

    mutating func call(_ method: String, _ arguments: Arguments, requestID: UInt32, from client: ClientID,
                       limit: Duration = .seconds(5)) -> Result<Arguments, RequestFailure>? {
        send(.request(requestID: requestID, method: method, arguments: arguments), from: client)
        let end = now + limit
        while response(requestID, for: client) == nil && now < end { run(for: .milliseconds(10)) }
        return response(requestID, for: client)
    }
}
