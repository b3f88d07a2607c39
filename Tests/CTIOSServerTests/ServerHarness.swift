@testable import CTIOSServer
import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import NIOCore

/// A whole server node in memory: ``ServerCore`` wired to the simulator's pure core (GED-188 bytes encoded and
/// decoded between them) and to any number of clients (wire frames encoded by the core, decoded here). Model time.
struct ServerHarness {
    var server: ServerCore
    var core: SimulatorCore
    var now: Duration = .zero
    var ctiSession: SessionID?
    var nextSession: UInt64 = 1
    var nextClient: UInt64 = 1
    /// Every frame each client received, in order.
    var inbox: [ClientID: [WireMessage]] = [:]
    /// Clients the server closed, with its reason.
    var closed: [ClientID: String] = [:]
    var problems: [String] = []
    /// Clients that send a heartbeat on every step of ``run(for:step:)``, as a live CIL would.
    var keepAlive: Set<ClientID> = []

    init(configuration: ServerCore.Configuration = .init(), traffic: TrafficProfile = .none, seed: UInt64 = 1) throws {
        server = ServerCore(configuration: configuration)
        core = SimulatorCore(center: try ContactCenter(configuration: .standard(), traffic: traffic, seed: seed))
    }

    // MARK: Driving

    mutating func start() {
        server.start(now: now)
        pump()
    }

    /// Moves output between the three parties until nobody has anything more to say.
    mutating func pump() {
        while true {
            var moved = false
            let output = server.takeOutput()
            problems += output.problems
            for action in output.link {
                moved = true
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
            for (client, bytes) in output.sends {
                moved = true
                var buffer = bytes
                while let message = try! WireMessage.decode(from: &buffer) { inbox[client, default: []].append(message) }
                precondition(buffer.readableBytes == 0, "a partial frame for \(client)")
            }
            for (client, reason) in output.closes {
                moved = true
                closed[client] = reason
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
            if !moved { return }
        }
    }

    /// Advances model time in steps, ticking the simulator and the server.
    mutating func run(for duration: Duration, step: Duration = .milliseconds(10)) {
        let end = now + duration
        while now < end {
            now += step
            core.advance(to: now)
            pump()
            for client in keepAlive.sorted() where closed[client] == nil {
                server.clientReceived(.heartbeat, from: client, now: now)
            }
            server.tick(now: now)
            pump()
        }
    }

    // MARK: Clients

    /// Connects a client and sends its hello; returns its ID.
    mutating func connectClient(name: String = "test", heartbeatMilliseconds: UInt32 = 0,
                                resume: LogPosition? = nil) -> ClientID {
        let id = ClientID(nextClient)
        nextClient += 1
        server.clientConnected(id, now: now)
        send(.hello(versions: [.current], clientName: name, heartbeatMilliseconds: heartbeatMilliseconds, resume: resume),
             from: id)
        return id
    }

    /// Sends a frame as the client would: encoded and decoded on the way.
    mutating func send(_ message: WireMessage, from client: ClientID) {
        var bytes = try! message.encoded()
        let decoded = try! WireMessage.decode(from: &bytes)!
        server.clientReceived(decoded, from: client, now: now)
        pump()
    }

    mutating func disconnect(_ client: ClientID) {
        server.clientDisconnected(client)
        pump()
    }

    /// Takes a client's frames so far.
    mutating func take(_ client: ClientID) -> [WireMessage] {
        defer { inbox[client] = [] }
        return inbox[client] ?? []
    }

    /// The response to `requestID` among the client's frames.
    func response(_ requestID: UInt32, for client: ClientID) -> Result<Arguments, RequestFailure>? {
        for message in inbox[client] ?? [] {
            if case .response(requestID, let result) = message { return result }
        }
        return nil
    }

    /// Sends a CIL request and runs until its response arrives (or `limit` of model time passes).
    mutating func call(_ method: String, _ arguments: Arguments, requestID: UInt32, from client: ClientID,
                       limit: Duration = .seconds(5)) -> Result<Arguments, RequestFailure>? {
        send(.request(requestID: requestID, method: method, arguments: arguments), from: client)
        let end = now + limit
        while response(requestID, for: client) == nil && now < end { run(for: .milliseconds(10)) }
        return response(requestID, for: client)
    }
}
