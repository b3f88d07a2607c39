@testable import CIL
import CTIOSCore
import CTIOSServer
import CTIOSWire
import CTISimulator
import GED188
import NIOCore

/// A server node and CIL sessions in memory, in model time: ``ServerCore`` wired to the simulator's pure core (as
/// the server's tests do), and any number of ``SessionEngine``s (the whole CIL but its NIO shell) wired to the
/// server through frames encoded and decoded on the way, as over TCP. Faults: a connection cut (both ends see it
/// close), a server that refuses connections, a server frozen (it takes connections, reads and answers nothing,
/// and catches up in order when thawed), bytes that do not decode.
struct Lab {
    /// One CIL session.
    struct Desk {
        var engine: SessionEngine
        var events: [CILEvent] = []
        var answers: [RequestHandle: Result<Arguments, CILError>] = [:]
        var connectResults: [Result<Void, CILError>] = []
        var nextHandle: UInt64 = 0
        /// The server-side client of each of the desk's connections.
        var clients: [ConnectionID: ClientID] = [:]
    }

    /// What the server is sent while frozen, delivered in order when thawed.
    enum ServerInput {
        case connected(ClientID)
        case received(ClientID, WireMessage)
        case disconnected(ClientID)
    }

    static let address = ServerAddress(host: "server-a", port: 42028)

    var server: ServerCore
    var core: SimulatorCore
    var now: Duration = .zero
    var ctiSession: SessionID?
    var nextSession: UInt64 = 1
    var nextClient: UInt64 = 1
    var desks: [Desk] = []
    /// Which desk and connection each server-side client is.
    var owners: [ClientID: (desk: Int, connection: ConnectionID)] = [:]
    /// Whether the server takes connections (false: they are refused).
    var accepting = true
    /// Whether the server is frozen (SIGSTOP): it takes connections and reads nothing, sends nothing, ticks not.
    var frozen = false
    var held: [ServerInput] = []
    var problems: [String] = []

    init(configuration: ServerCore.Configuration = .init(), traffic: TrafficProfile = .none, seed: UInt64 = 1) throws {
        server = ServerCore(configuration: configuration)
        core = SimulatorCore(center: try ContactCenter(configuration: .standard(), traffic: traffic, seed: seed))
        server.start(now: now)
        pump()
    }

    static func profile(heartbeat: Duration = .milliseconds(100), maxHeartbeats: Int = 3) -> ConnectionProfile {
        ConnectionProfile(serverA: address, heartbeat: heartbeat, maxHeartbeats: maxHeartbeats, connectTimeout: .seconds(5),
                          connectAttemptTimeout: .seconds(1), requestTimeout: .seconds(15), randomSeed: 1)
    }

    // MARK: Desks

    /// A new session (not connected).
    mutating func addDesk(seed: UInt64 = 1) -> Int {
        desks.append(Desk(engine: SessionEngine(seed: seed)))
        return desks.count - 1
    }

    /// Connects a desk and runs until its connect is answered.
    @discardableResult
    mutating func connect(_ desk: Int, profile: ConnectionProfile = Lab.profile()) -> Result<Void, CILError>? {
        desks[desk].engine.start(profile: profile, now: now)
        pump()
        let end = now + .seconds(10)
        while desks[desk].connectResults.isEmpty, now < end { run(for: .milliseconds(10)) }
        return desks[desk].connectResults.last
    }

    mutating func takeHandle(_ desk: Int) -> RequestHandle {
        desks[desk].nextHandle += 1
        return RequestHandle(desks[desk].nextHandle)
    }

    /// Sets a desk's mode and runs until it is answered.
    mutating func setMode(_ desk: Int, _ mode: SessionMode, limit: Duration = .seconds(5)) -> Result<Arguments, CILError>? {
        let handle = takeHandle(desk)
        desks[desk].engine.setMode(mode, handle: handle, now: now)
        return waitForAnswer(desk, handle, limit: limit)
    }

    mutating func setAgent(_ desk: Int, _ agentID: String) -> Result<Arguments, CILError>? {
        setMode(desk, .agent(peripheralID: 5000, agentID: agentID, instrument: ""))
    }

    /// Calls a method and runs until it is answered (or `limit` of model time passes).
    mutating func call(_ desk: Int, _ method: String, _ arguments: Arguments,
                       limit: Duration = .seconds(5)) -> Result<Arguments, CILError>? {
        let handle = send(desk, method, arguments)
        return waitForAnswer(desk, handle, limit: limit)
    }

    /// Calls a method without waiting for its answer.
    mutating func send(_ desk: Int, _ method: String, _ arguments: Arguments) -> RequestHandle {
        let handle = takeHandle(desk)
        desks[desk].engine.request(method, arguments, handle: handle, now: now)
        pump()
        return handle
    }

    mutating func waitForAnswer(_ desk: Int, _ handle: RequestHandle, limit: Duration) -> Result<Arguments, CILError>? {
        pump()
        let end = now + limit
        while desks[desk].answers[handle] == nil, now < end { run(for: .milliseconds(10)) }
        return desks[desk].answers[handle]
    }

    /// Takes a desk's events so far.
    mutating func takeEvents(_ desk: Int) -> [CILEvent] {
        defer { desks[desk].events = [] }
        return desks[desk].events
    }

    /// The objects a desk's cache holds, by ID.
    func objects(_ desk: Int) -> [UniqueObjectID: Arguments] {
        var result: [UniqueObjectID: Arguments] = [:]
        for (id, properties) in desks[desk].engine.cache.objects { result[UniqueObjectID(id)!] = properties }
        return result
    }

    /// Places an inbound call (to the lab skill group by default) and returns its call ID.
    mutating func placeCall(ani: String, callVariables: [String?] = [],
                            dialedNumber: String = ContactCenterConfiguration.labDialedNumber) -> UInt32? {
        core.placeInboundCall(dialedNumber: dialedNumber, ani: ani, callVariables: callVariables, now: now)
    }

    // MARK: Faults

    /// Cuts a desk's connection: both ends see it close.
    mutating func cut(_ desk: Int) {
        guard let connection = desks[desk].engine.machine.currentConnection,
              let client = desks[desk].clients.removeValue(forKey: connection) else { return }
        owners[client] = nil
        toServer(.disconnected(client))
        desks[desk].engine.closed(connection, now: now)
        pump()
    }

    /// Sends bytes that do not decode to a desk, as a broken server would.
    mutating func sendGarbage(to desk: Int, _ bytes: [UInt8]) {
        guard let connection = desks[desk].engine.machine.currentConnection else { return }
        var buffer = ByteBuffer(bytes: bytes)
        deliver(&buffer, to: desk, on: connection)
        pump()
    }

    mutating func freeze() { frozen = true }

    mutating func thaw() {
        frozen = false
        let inputs = held
        held = []
        for input in inputs { toServer(input) }
        pump()
    }

    // MARK: Running

    /// Advances model time in steps: the simulator, the server and every desk tick.
    mutating func run(for duration: Duration, step: Duration = .milliseconds(10)) {
        let end = now + duration
        while now < end {
            now = min(now + step, end)
            core.advance(to: now)
            pump()
            if !frozen { server.tick(now: now) }
            for index in desks.indices { desks[index].engine.tick(now: now) }
            pump()
        }
    }

    /// Moves output between the simulator, the server and the desks until nobody has anything more to say.
    mutating func pump() {
        var moved = true
        while moved {
            moved = false
            if !frozen {
                let output = server.takeOutput()
                problems += output.problems
                moved = moved || !output.isEmpty
                performLink(output.link)
                for (client, bytes) in output.sends {
                    guard let (desk, connection) = owners[client] else { continue }
                    var buffer = bytes
                    deliver(&buffer, to: desk, on: connection)
                }
                for (client, _) in output.closes {
                    guard let (desk, connection) = owners.removeValue(forKey: client) else { continue }
                    desks[desk].clients[connection] = nil
                    desks[desk].engine.closed(connection, now: now)
                }
            }
            let simulated = core.takeOutput()
            problems += simulated.problems
            for (session, bytes) in simulated.sends where session == ctiSession {
                moved = true
                var buffer = bytes
                while let message = try! GED188Message.decode(from: &buffer) { server.ctiReceived(message, now: now) }
            }
            if simulated.closes.contains(where: { $0.session == ctiSession }) {
                moved = true
                ctiSession = nil
                server.ctiDisconnected(now: now)
            }
            for index in desks.indices {
                let output = desks[index].engine.takeOutput()
                guard !output.isEmpty else { continue }
                moved = true
                desks[index].events += output.events
                for (handle, result) in output.completions {
                    precondition(desks[index].answers[handle] == nil, "\(handle) answered twice")
                    desks[index].answers[handle] = result
                }
                desks[index].connectResults += output.connectResults
                for action in output.transport { perform(action, for: index) }
            }
        }
    }

    private mutating func performLink(_ actions: [CTILinkStateMachine.Action]) {
        for action in actions {
            switch action {
            case .connect(let side):
                let id = SessionID(nextSession)
                nextSession += 1
                if core.connect(id, side: side == .a ? .a : .b, now: now) {
                    ctiSession = id
                    server.ctiConnected(now: now)
                } else {
                    server.ctiConnectFailed(now: now)
                }
            case .send(let message):
                guard let ctiSession else { continue }
                var bytes = ByteBuffer()
                try! message.encode(into: &bytes)
                core.receive(try! GED188Message.decode(from: &bytes)!, from: ctiSession, now: now)
            case .close:
                if let ctiSession { core.disconnect(ctiSession) }
                ctiSession = nil
                server.ctiDisconnected(now: now)
            default:
                break
            }
        }
    }

    private mutating func perform(_ action: SessionEngine.TransportAction, for desk: Int) {
        switch action {
        case .connect(let connection, let address):
            guard accepting, address == Self.address else {
                desks[desk].engine.connectFailed(connection, reason: "connection refused", now: now)
                return
            }
            let client = ClientID(nextClient)
            nextClient += 1
            owners[client] = (desk, connection)
            desks[desk].clients[connection] = client
            toServer(.connected(client))
            desks[desk].engine.connected(connection, now: now)
        case .send(let connection, let message):
            guard let client = desks[desk].clients[connection] else { return }
            // Encoded and decoded on the way, as over TCP.
            var bytes = try! message.encoded()
            let decoded = try! WireFrameDecoder.nextMessage(from: &bytes)!
            toServer(.received(client, decoded))
        case .close(let connection):
            guard let client = desks[desk].clients.removeValue(forKey: connection) else { return }
            owners[client] = nil
            toServer(.disconnected(client))
        }
    }

    private mutating func toServer(_ input: ServerInput) {
        if frozen {
            held.append(input)
            return
        }
        switch input {
        case .connected(let client): server.clientConnected(client, now: now)
        case .received(let client, let message): server.clientReceived(message, from: client, now: now)
        case .disconnected(let client): server.clientDisconnected(client)
        }
    }

    /// Splits bytes into frames for a desk, as its channel handler does.
    private mutating func deliver(_ buffer: inout ByteBuffer, to desk: Int, on connection: ConnectionID) {
        do {
            while let message = try WireFrameDecoder.nextMessage(from: &buffer) {
                desks[desk].engine.received(message, on: connection, now: now)
            }
        } catch {
            desks[desk].engine.protocolError(connection, "\(error)", now: now)
        }
    }
}
