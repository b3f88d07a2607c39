import CTIOSCore
import CTIOSServer
import CTIOSTestKit
import CTIOSWire
import CTISimulator
import GED188
import Logging
import NIOCore
import Testing

/// Two `ObjectServer`s in this process, paired over a real TCP peer link, on a real simulator.
@Suite(.serialized)
struct PairOverTCPTests {
    static func makeServer(_ id: String, simulator: LiveSimulator, peerAddress: SocketAddress?, epoch: UInt64) throws -> ObjectServer {
        ObjectServer(
            configuration: .init(
                listen: try SocketAddress(ipAddress: "127.0.0.1", port: 0),
                ctiSideA: try SocketAddress(ipAddress: "127.0.0.1", port: simulator.portA),
                ctiSideB: try SocketAddress(ipAddress: "127.0.0.1", port: simulator.portB),
                core: .init(serverID: id, link: .init(heartbeatInterval: .milliseconds(100)),
                            pair: PairConfiguration(dialsPeer: id == "B", startupWait: .milliseconds(300), initialEpoch: epoch)),
                peerListen: try SocketAddress(ipAddress: "127.0.0.1", port: 0), peerAddress: peerAddress),
            logger: Logger(label: "ctios.test.\(id)", factory: { _ in SwiftLogNoOpLogHandler() }),
            notifier: .disabled)
    }

    static func waitUntil(_ what: String, timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("timed out after \(timeout) waiting for \(what)")
                throw WireTestClientError(.timedOut, what)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    @Test func theBackupTakesOverWhenThePrimaryGoesAndItsClientsStayTrue() async throws {
        try await LiveSimulator.with(traffic: TrafficProfile(callsPerSecond: 5), holdClock: false) { simulator in
            let a = try Self.makeServer("A", simulator: simulator, peerAddress: nil, epoch: 100)
            try await a.start()
            try await Self.waitUntil("A primary and ready") { await a.isReady() }
            let peerPort = try #require(try await a.peerListeningAddress()?.port)
            let b = try Self.makeServer("B", simulator: simulator,
                                        peerAddress: try SocketAddress(ipAddress: "127.0.0.1", port: peerPort), epoch: 200)
            try await b.start()
            try await Self.waitUntil("B backup and ready") { await b.isReady() }
            #expect(try await b.withCore { $0.role } == .backup)
            let port = try #require(try await b.listeningAddress()?.port)

            // A desktop on the backup: its login goes to the CTI Server through the primary.
            let desktop = try await WireTestClient.connect(port: port)
            try await desktop.hello(name: "desktop 1004")
            desktop.startHeartbeats()
            try await desktop.setAgentMode("1004")
            try await desktop.request("Login", ["UniqueObjectID": "agent.5000.1004", "AgentPassword": "pw1004", "SkillGroups": [199]],
                                      requestID: 2)
            let monitor = try await WireTestClient.connect(port: port)
            try await monitor.hello(name: "monitor")
            monitor.startHeartbeats()
            try await monitor.setMonitorMode("UniqueObjectID=*")
            try await Task.sleep(for: .seconds(1))

            try await a.stop()
            try await Self.waitUntil("B primary and ready") {
                try await b.withCore { $0.role == .primary && $0.isReady }
            }
            try await Task.sleep(for: .milliseconds(500))
            try await simulator.server.holdClock()
            // Read everything that arrived until 200 ms pass with nothing new.
            while (try? await monitor.waitFor("frames", timeout: .milliseconds(200), where: { message -> Bool? in
                if case .heartbeat = message { return nil }
                return true
            })) != nil {}
            var replica = WireReplica()
            replica.receive(monitor.takeReceived())
            let truth = try await b.withCore { try! $0.store.visibleObjects(for: .monitor(MonitorFilter("UniqueObjectID=*"))) }
            let differences = compare(replica, truth)
            #expect(differences.isEmpty, "\(differences.prefix(10))")
            #expect(!monitor.isClosed && !desktop.isClosed, "the backup's clients stayed connected")
            #expect(truth[.agent(peripheral: 5000, agentID: "1004")]?.integer(.agentState) == Int64(AgentState.notReady.rawValue),
                    "the agent is in the state it had")
            await monitor.close()
            await desktop.close()
            try await b.stop()
        }
    }
}
