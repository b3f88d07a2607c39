@testable import CIL
import CTIOSWire

/// A state machine and the time, with the steps most tests start with.
struct MachineFixture {
    var machine = CILSessionStateMachine(seed: 7)
    var now: Duration = .zero
    var profile: ConnectionProfile

    static let serverA = ServerAddress(host: "a.example", port: 42028)
    static let serverB = ServerAddress(host: "b.example", port: 43028)

    init(pair: Bool = false, heartbeat: Duration = .milliseconds(100), maxHeartbeats: Int = 3) {
        profile = ConnectionProfile(serverA: Self.serverA, serverB: pair ? Self.serverB : nil, heartbeat: heartbeat,
                                    maxHeartbeats: maxHeartbeats, connectTimeout: .seconds(5),
                                    connectAttemptTimeout: .seconds(1), requestTimeout: .seconds(2),
                                    reconnectBackoff: .milliseconds(50), maximumReconnectBackoff: .milliseconds(400),
                                    randomSeed: 7)
    }

    /// The connection being tried or open.
    var connection: ConnectionID { machine.currentConnection! }

    mutating func start() -> [String] { text(machine.start(profile: profile, now: now)) }
    mutating func connected() -> [String] { text(machine.connected(connection, now: now)) }
    mutating func receive(_ message: WireMessage) -> [String] { text(machine.received(message, on: connection, now: now)) }
    mutating func tick() -> [String] { text(machine.tick(now: now)) }
    mutating func advance(_ duration: Duration) -> [String] {
        now += duration
        return tick()
    }

    static func welcome(heartbeat: UInt32 = 100, sequence: UInt64 = 10) -> WireMessage {
        .welcome(version: .current, serverID: "A", serverName: "test", position: LogPosition(epoch: 1, sequence: sequence),
                 heartbeatMilliseconds: heartbeat)
    }

    /// Started, connected and welcomed.
    mutating func open() {
        _ = start()
        _ = connected()
        _ = receive(Self.welcome())
    }

    /// Open, in agent mode with a live stream at `sequence`.
    mutating func live(agent: String = "1004", sequence: UInt64 = 10) {
        open()
        _ = text(machine.setMode(.agent(peripheralID: 5000, agentID: agent, instrument: ""), handle: RequestHandle(1), now: now))
        _ = receive(.response(requestID: 1, result: .success([:])))
        let position = LogPosition(epoch: 1, sequence: sequence)
        _ = receive(.snapshotBegin(position: position, reason: .initial))
        _ = receive(.snapshotEnd(position: position))
    }

    static func batch(_ sequence: UInt64) -> WireMessage {
        .batch(ChangeBatch(epoch: 1, sequence: sequence, events: [], changes: []))
    }
}
