@testable import CTIOSServer
import CTIOSCore
import CTIOSWire
import Testing

/// An operator's drain of one server's clients to its peer: the rate, who is moved, who is refused, and when a
/// drain cannot start or pauses. Two servers and the simulator in memory, on model time.
struct DrainTests {
    static let everything = "UniqueObjectID=*"

    /// A and B up (A primary), `count` monitor clients on A.
    func pairWithClients(_ count: Int) throws -> (PairHarness, [ClientID]) {
        var harness = try PairHarness()
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .milliseconds(300))
        var clients: [ClientID] = []
        for _ in 0..<count {
            let client = harness.connectClient(to: 0)
            harness.send(.setMonitorMode(requestID: 1, filter: Self.everything), from: client)
            clients.append(client)
        }
        harness.keepAlive = Set(clients)
        harness.run(for: .milliseconds(100))
        return (harness, clients)
    }

    func drained(_ harness: PairHarness, _ clients: [ClientID]) -> [ClientID] {
        clients.filter { harness.closed[$0]?.hasPrefix("drain:") == true }
    }

    @Test func clientsAreMovedAtTheRateOldestFirstWithTheDrainCode() throws {
        var (harness, clients) = try pairWithClients(10)
        try harness.servers[0].startDrain(clientsPerSecond: 20, now: harness.now)
        harness.pump()
        #expect(drained(harness, clients) == [clients[0]], "the first at once")
        harness.run(for: .milliseconds(200))
        let afterAFifth = drained(harness, clients)
        #expect(afterAFifth == Array(clients.prefix(5)), "1 + 0.2 s × 20/s, oldest connection first: \(afterAFifth)")
        #expect(harness.inbox[clients[0]]?.contains { if case .goodbye(.drain, _) = $0 { true } else { false } } == true)
        harness.run(for: .seconds(1))
        #expect(drained(harness, clients) == clients)
        #expect(harness.servers[0].drain?.moved == 10)
        #expect(harness.closed[clients[0]]?.contains("reconnect to B") == true, "\(harness.closed[clients[0]] ?? "")")
    }

    @Test func whileDrainingNewClientsAreSentToTheOtherServerAndWelcomeAgainAfter() throws {
        var (harness, _) = try pairWithClients(0)
        try harness.servers[0].startDrain(clientsPerSecond: 5, now: harness.now)
        let refused = harness.connectClient(to: 0)
        #expect(harness.take(refused).contains { if case .reject(.overloaded, _) = $0 { true } else { false } })
        harness.servers[0].stopDrain()
        let welcome = harness.connectClient(to: 0)
        #expect(harness.take(welcome).contains { if case .welcome = $0 { true } else { false } })
        #expect(harness.servers[0].drain == nil)
    }

    @Test func aDrainNeedsAPeerAndPausesWhenItIsLost() throws {
        var alone = ServerCore(configuration: .init(serverID: "A"))
        alone.start(now: .zero)
        #expect(throws: DrainRefusal.self) { try alone.startDrain(clientsPerSecond: 10, now: .zero) }

        var (harness, clients) = try pairWithClients(6)
        #expect(throws: DrainRefusal.self) { try harness.servers[0].startDrain(clientsPerSecond: 0, now: harness.now) }
        try harness.servers[0].startDrain(clientsPerSecond: 10, now: harness.now)
        harness.pump()
        harness.run(for: .milliseconds(100))
        let before = drained(harness, clients).count
        #expect(before == 2)
        harness.crash(1)
        harness.run(for: .seconds(1))
        #expect(drained(harness, clients).count == before, "nobody is sent to a peer that is not there")
        let welcome = harness.connectClient(to: 0)
        #expect(harness.take(welcome).contains { if case .welcome = $0 { true } else { false } },
                "and new clients are welcome while the drain waits")
        #expect(harness.servers[0].clusterSummary.drain?.active == false)
    }
}
