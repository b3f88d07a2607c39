@testable import CTIOSServer
import CTIOSCore
import CTIOSTestKit
import CTIOSWire
import CTISimulator
import GED188
import Testing

struct PairTests {
    static let everything = "UniqueObjectID=*"

    /// Objects of a server's store as a client in monitor mode for everything would see them.
    func truth(_ harness: PairHarness, _ index: Int) throws -> [UniqueObjectID: Arguments] {
        harness.servers[index].store.visibleObjects(for: .monitor(try MonitorFilter(Self.everything)))
    }

    @Test func theFirstServerUpIsPrimaryAndTheOtherBecomesItsBackup() throws {
        var harness = try PairHarness(traffic: TrafficProfile(callsPerSecond: 2))
        harness.start(0)
        harness.run(for: .milliseconds(600))
        #expect(harness.servers[0].role == .primary, "alone after the startup wait")
        #expect(harness.servers[0].isReady)
        harness.start(1)
        harness.run(for: .milliseconds(300))
        #expect(harness.servers[1].role == .backup)
        #expect(harness.servers[1].isReady)
        harness.run(for: .seconds(10))
        #expect(harness.servers[1].store.objects == harness.servers[0].store.objects, "the backup mirrors the primary")
        #expect(harness.servers[1].store.sequence == harness.servers[0].store.sequence)
        #expect(harness.cti[1] == nil, "only the primary holds a CTI Server session")
        let quiet = harness.problems.allSatisfy { $0.isEmpty }
        #expect(quiet, "\(harness.problems)")
    }

    @Test func bothStartingTogetherAgreeOnOnePrimary() throws {
        var harness = try PairHarness()
        harness.startBoth()
        harness.run(for: .seconds(1))
        let roles = harness.servers.map(\.role)
        #expect(Set(roles) == [.primary, .backup], "\(roles)")
        let ready = harness.servers.allSatisfy { $0.isReady }
        #expect(ready)
    }

    @Test func aBackupsClientsSeeTheSameStreamAsThePrimarys() throws {
        var harness = try PairHarness(traffic: TrafficProfile(callsPerSecond: 3))
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .milliseconds(300))
        let onA = harness.connectClient(to: 0)
        let onB = harness.connectClient(to: 1)
        harness.keepAlive = [onA, onB]
        for client in [onA, onB] { harness.send(.setMonitorMode(requestID: 1, filter: Self.everything), from: client) }
        var replicaA = WireReplica(), replicaB = WireReplica()
        for _ in 0..<10 {
            harness.run(for: .seconds(3))
            replicaA.receive(harness.take(onA))
            replicaB.receive(harness.take(onB))
        }
        let differences_A0 = compare(replicaA, try truth(harness, 0))
        #expect(differences_A0.isEmpty, "\(differences_A0.prefix(10))")
        let differences_B1 = compare(replicaB, try truth(harness, 1))
        #expect(differences_B1.isEmpty, "\(differences_B1.prefix(10))")
        #expect(replicaA.position == replicaB.position, "both at the same point of one history")
        #expect(replicaB.violations.isEmpty, "\(replicaB.violations.prefix(5))")
    }

    @Test func thePrimaryPublishesOnlyWhatTheBackupHas() throws {
        var harness = try PairHarness(traffic: TrafficProfile(callsPerSecond: 5))
        harness.startBoth()
        harness.run(for: .seconds(1))
        let primary = harness.servers[0].role == .primary ? 0 : 1
        let client = harness.connectClient(to: primary)
        harness.keepAlive = [client]
        harness.send(.setMonitorMode(requestID: 1, filter: Self.everything), from: client)
        var replica = WireReplica()
        for _ in 0..<50 {
            harness.run(for: .milliseconds(100))
            replica.receive(harness.take(client))
            let position = try #require(replica.position)
            #expect(position.sequence <= harness.servers[1 - primary].store.sequence,
                    "a client is never ahead of the backup")
        }
    }

    /// A client that sets its mode on the primary while batches wait for the backup's acknowledgement gets its
    /// snapshot only once the backup has its position, and then only the batches after it, in order: it never holds
    /// a position the backup lacks, and never sees a batch twice or out of order.
    @Test func aStreamStartedWhileBatchesWaitForTheBackupIsGatedByThem() throws {
        var harness = try PairHarness(traffic: TrafficProfile(callsPerSecond: 5))
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .seconds(1))
        #expect(harness.servers[0].role == .primary)
        harness.holdAcknowledgements = true
        harness.run(for: .seconds(2))
        let waiting = harness.servers[0].clusterSummary.awaitingAcknowledgement
        #expect(waiting > 0, "batches wait for the held acknowledgements")
        let client = harness.connectClient(to: 0)
        harness.keepAlive = [client]
        harness.send(.setMonitorMode(requestID: 1, filter: Self.everything), from: client)
        let before = harness.take(client)
        #expect(!before.contains { if case .snapshotBegin = $0 { true } else { false } },
                "no snapshot while its position is not on the backup: \(before.map(\.kind))")
        harness.releaseAcknowledgements()
        harness.run(for: .seconds(3))
        var replica = WireReplica()
        replica.receive(before + harness.take(client))
        #expect(replica.violations.isEmpty, "\(replica.violations.prefix(5))")
        let differences = compare(replica, try truth(harness, 0))
        #expect(differences.isEmpty, "\(differences.prefix(10))")
    }

    @Test func killingThePrimaryLetsTheBackupTakeOverWithoutDroppingItsClients() throws {
        var harness = try PairHarness(traffic: TrafficProfile(callsPerSecond: 3))
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .seconds(5))
        let onB = harness.connectClient(to: 1)
        harness.keepAlive = [onB]
        harness.send(.setMonitorMode(requestID: 1, filter: Self.everything), from: onB)
        var replica = WireReplica()
        replica.receive(harness.take(onB))
        let epochBefore = harness.servers[1].store.epoch
        harness.crash(0)
        #expect(harness.servers[1].role == .primary, "a closed peer socket is loss at once")
        #expect(harness.servers[1].store.epoch == epochBefore + 1)
        harness.run(for: .seconds(5))
        #expect(harness.servers[1].isReady)
        replica.receive(harness.take(onB))
        #expect(harness.closed[onB] == nil)
        let differences_1 = compare(replica, try truth(harness, 1))
        #expect(differences_1.isEmpty, "\(differences_1.prefix(10))")
        #expect(replica.violations.isEmpty, "\(replica.violations.prefix(5))")
    }

    @Test func aClientOfTheDeadPrimaryResumesOnTheNewOneFromTheBacklog() throws {
        var harness = try PairHarness(traffic: TrafficProfile(callsPerSecond: 3))
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .seconds(3))
        let onA = harness.connectClient(to: 0)
        harness.keepAlive = [onA]
        harness.send(.setMonitorMode(requestID: 1, filter: Self.everything), from: onA)
        var replica = WireReplica()
        harness.run(for: .seconds(3))
        replica.receive(harness.take(onA))
        harness.crash(0)
        harness.run(for: .seconds(2))
        let again = harness.connectClient(to: 1, resume: replica.position)
        harness.keepAlive = [again]
        harness.send(.setMonitorMode(requestID: 1, filter: Self.everything), from: again)
        let frames = harness.take(again)
        #expect(!frames.contains { if case .snapshotBegin = $0 { true } else { false } }, "resumed from the backlog across the takeover")
        replica.receive(frames)
        let differences_1 = compare(replica, try truth(harness, 1))
        #expect(differences_1.isEmpty, "\(differences_1.prefix(10))")
    }

    @Test func aFrozenPrimaryIsLostAfterTheMissedHeartbeats() throws {
        var harness = try PairHarness()
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .seconds(1))
        harness.freeze(0)
        // The last frame from A came at most one heartbeat interval (100 ms) before the freeze.
        harness.run(for: .milliseconds(390))
        #expect(harness.servers[1].role == .backup, "4 silent intervals are not yet a loss")
        harness.run(for: .milliseconds(120))
        #expect(harness.servers[1].role == .primary, "5 silent intervals of 100 ms are")
    }

    @Test func aRestartedServerRejoinsAsBackupAndIsNotReadyUntilCaughtUp() throws {
        var harness = try PairHarness(traffic: TrafficProfile(callsPerSecond: 3))
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .seconds(3))
        harness.crash(1)
        harness.run(for: .seconds(3))
        // It comes back while it cannot reach A yet: it must not serve before it has A's state.
        harness.cut = true
        harness.restart(1)
        harness.run(for: .milliseconds(200))
        #expect(!harness.servers[1].isReady)
        let early = harness.connectClient(to: 1)
        guard case .reject(let code, _)? = harness.take(early).first else { Issue.record("no reject"); return }
        #expect(code == .notReady)
        harness.cut = false
        harness.run(for: .milliseconds(200))
        #expect(harness.servers[1].role == .backup)
        #expect(harness.servers[1].isReady)
        #expect(harness.servers[1].store.objects == harness.servers[0].store.objects)
    }

    @Test func aRequestOnTheBackupIsCarriedOutByThePrimary() throws {
        var harness = try PairHarness()
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .milliseconds(300))
        let desktop = harness.connectClient(to: 1)
        harness.keepAlive = [desktop]
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1004", instrument: ""), from: desktop)
        let login = harness.call("Login", ["UniqueObjectID": "agent.5000.1004", "AgentPassword": "pw1004"], requestID: 2, from: desktop)
        guard case .success = login else { Issue.record("\(String(describing: login))"); return }
        harness.run(for: .milliseconds(100))
        var replica = WireReplica()
        replica.receive(harness.take(desktop))
        #expect(replica.objects["agent.5000.1004"]?.integer(.agentState) == Int64(AgentState.notReady.rawValue))
        let refused = harness.call("Login", ["UniqueObjectID": "agent.5000.1004", "AgentPassword": "nope"], requestID: 3, from: desktop)
        guard case .failure(let failure) = refused else { Issue.record("\(String(describing: refused))"); return }
        #expect(failure.ctiFailureCode != nil, "the CTI Server's refusal comes back through the primary")
    }

    @Test func aHealedPartitionLeavesOnePrimaryAndEveryViewTrue() throws {
        var harness = try PairHarness(traffic: TrafficProfile(callsPerSecond: 3))
        harness.start(0)
        harness.run(for: .milliseconds(600))
        harness.start(1)
        harness.run(for: .seconds(2))
        let onA = harness.connectClient(to: 0)
        let onB = harness.connectClient(to: 1)
        harness.keepAlive = [onA, onB]
        for client in [onA, onB] { harness.send(.setMonitorMode(requestID: 1, filter: Self.everything), from: client) }
        harness.cut = true
        harness.run(for: .seconds(3))
        #expect(harness.servers.map(\.role) == [.primary, .primary], "both follow the CTI Server during the partition")
        harness.cut = false
        harness.run(for: .seconds(2))
        let roles = harness.servers.map(\.role)
        #expect(Set(roles) == [.primary, .backup], "\(roles)")
        #expect(roles[1] == .primary, "B took a higher epoch when it took over: A steps down")
        harness.run(for: .seconds(3))
        var replicaA = WireReplica(), replicaB = WireReplica()
        replicaA.receive(harness.take(onA))
        replicaB.receive(harness.take(onB))
        let differences_A0 = compare(replicaA, try truth(harness, 0))
        #expect(differences_A0.isEmpty, "\(differences_A0.prefix(10))")
        let differences_B1 = compare(replicaB, try truth(harness, 1))
        #expect(differences_B1.isEmpty, "\(differences_B1.prefix(10))")
        #expect(harness.servers[0].store.objects == harness.servers[1].store.objects)
        #expect(harness.closed[onA] == nil && harness.closed[onB] == nil, "no client was dropped")
    }
}
