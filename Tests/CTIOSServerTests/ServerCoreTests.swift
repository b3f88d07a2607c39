@testable import CTIOSServer
import CTIOSCore
import CTIOSWire
import CTIOSTestKit
import CTISimulator
import GED188
import Testing

struct ServerCoreTests {
    // MARK: Sessions

    @Test func aHelloBeforeTheFirstSnapshotIsRefusedAsNotReady() throws {
        var harness = try ServerHarness()
        let client = harness.connectClient()
        let frames = harness.take(client)
        #expect(frames.count == 1)
        guard case .reject(let code, _) = frames.first else { Issue.record("\(frames)"); return }
        #expect(code == .notReady)
        #expect(harness.closed[client] != nil)
        #expect(!harness.server.isReady)
    }

    @Test func aReadyServerWelcomesWithItsPositionAndTheHeartbeatItWillUse() throws {
        var harness = try ServerHarness()
        harness.start()
        #expect(harness.server.isReady)
        let client = harness.connectClient(heartbeatMilliseconds: 10)
        guard case .welcome(let version, let serverID, _, let position, let heartbeat) = harness.take(client).first else {
            Issue.record("no welcome"); return
        }
        #expect(version == .current)
        #expect(serverID == "A")
        #expect(position == LogPosition(epoch: harness.server.store.epoch, sequence: harness.server.store.sequence))
        #expect(heartbeat == 50, "a heartbeat below 50 ms is raised to 50 ms")
    }

    @Test func aFirstFrameOtherThanHelloIsRefused() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = ClientID(99)
        harness.server.clientConnected(client, now: harness.now)
        harness.send(.setMonitorMode(requestID: 1, filter: "AgentID=1004"), from: client)
        guard case .reject(let code, let reason) = harness.take(client).first else { Issue.record("no reject"); return }
        #expect(code == .badHello)
        #expect(reason.contains("setMonitorMode"))
        #expect(harness.closed[client] != nil)
    }

    @Test func anUnsupportedVersionIsRefusedNamingBothSides() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = ClientID(7)
        harness.server.clientConnected(client, now: harness.now)
        harness.send(.hello(versions: [ProtocolVersion(rawValue: 9)], clientName: "future", heartbeatMilliseconds: 0,
                            resume: nil), from: client)
        guard case .reject(let code, _) = harness.take(client).first else { Issue.record("no reject"); return }
        #expect(code == .unsupportedVersion)
    }

    @Test func aSilentClientIsClosedAfterItsMissedHeartbeatsAndAnIdleOneIsSentHeartbeats() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient(heartbeatMilliseconds: 100)
        _ = harness.take(client)
        harness.run(for: .milliseconds(250))
        let heartbeats = harness.take(client).filter { $0 == .heartbeat }.count
        #expect(heartbeats == 2, "an idle client is sent a heartbeat per interval")
        #expect(harness.closed[client] == nil)
        harness.run(for: .milliseconds(60))
        #expect(harness.closed[client] != nil, "300 ms (3 intervals) without a frame")
        guard case .goodbye(let code, _) = harness.take(client).last else { Issue.record("no goodbye"); return }
        #expect(code == .missedHeartbeats)
    }

    /// The server's own stall (a tick 400 ms late) is not the client's silence: the client gets one more interval
    /// from the end of the stall, and is closed only if it stays silent through it.
    @Test func aStallOfTheServersOwnLoopIsNotCountedAgainstItsClients() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient(heartbeatMilliseconds: 100)
        _ = harness.take(client)
        harness.run(for: .milliseconds(50))
        harness.run(for: .milliseconds(400), step: .milliseconds(400))
        #expect(harness.closed[client] == nil, "silent for 450 ms, but the server itself stalled for 400 of them")
        harness.run(for: .milliseconds(90))
        #expect(harness.closed[client] == nil)
        harness.run(for: .milliseconds(20))
        #expect(harness.closed[client] != nil, "silent for a whole interval after the stall: lost")
    }

    @Test func aClientThatSendsHeartbeatsStays() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient(heartbeatMilliseconds: 100)
        for _ in 0..<10 {
            harness.run(for: .milliseconds(100))
            harness.send(.heartbeat, from: client)
        }
        #expect(harness.closed[client] == nil)
    }

    @Test func aClientWithoutHelloIsClosedAfterTheHelloTimeout() throws {
        var harness = try ServerHarness(configuration: .init(helloTimeout: .seconds(1)))
        harness.start()
        let client = ClientID(5)
        harness.server.clientConnected(client, now: harness.now)
        harness.run(for: .milliseconds(990))
        #expect(harness.closed[client] == nil)
        harness.run(for: .milliseconds(20))
        #expect(harness.closed[client] != nil)
    }

    // MARK: Monitor mode

    @Test func aMonitorClientsReplicaEqualsTheStoreThroughTenMinutesOfTraffic() throws {
        var harness = try ServerHarness(traffic: TrafficProfile(callsPerSecond: 2))
        harness.start()
        harness.run(for: .seconds(30))
        let client = harness.connectClient()
        let filter = "UniqueObjectID=*"
        harness.send(.setMonitorMode(requestID: 1, filter: filter), from: client)
        var replica = WireReplica()
        replica.receive(harness.take(client))
        #expect(replica.snapshots == 1)
        #expect(replica.objects.count == harness.server.store.objects.count)
        harness.keepAlive.insert(client)
        for _ in 0..<10 {
            harness.run(for: .seconds(60), step: .milliseconds(50))
            replica.receive(harness.take(client))
        }
        let truth = harness.server.store.visibleObjects(for: .monitor(try MonitorFilter(filter)))
        let differences = compare(replica, truth)
        #expect(differences.isEmpty, "\(differences.prefix(20))")
        #expect(replica.violations.isEmpty, "\(replica.violations.prefix(10))")
        #expect(replica.position == LogPosition(epoch: harness.server.store.epoch, sequence: harness.server.store.sequence))
        #expect(replica.events.contains { $0.name == "OnCallDelivered" })
        #expect(harness.server.counters.ctiEvents > 5_000)
        #expect(harness.problems.isEmpty, "\(harness.problems)")
    }

    @Test func theReplicaComparisonNamesTheObjectAndFieldThatDiffer() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient()
        harness.send(.setMonitorMode(requestID: 1, filter: "UniqueObjectID=agent*"), from: client)
        var replica = WireReplica()
        replica.receive(harness.take(client))
        let truth = harness.server.store.visibleObjects(for: .monitor(try MonitorFilter("UniqueObjectID=agent*")))
        #expect(compare(replica, truth).isEmpty)

        var wrongField = replica
        wrongField.objects["agent.5000.1004"]?[.agentState] = .integer(99)
        #expect(compare(wrongField, truth) == [ReplicaDifference(object: "agent.5000.1004", field: "AgentState",
                                                                  client: "99", server: "\(truth[.agent(peripheral: 5000, agentID: "1004")]![.agentState]!)")])
        var missing = replica
        missing.objects["agent.5000.1005"] = nil
        #expect(compare(missing, truth).map(\.object) == ["agent.5000.1005"])
        var extra = replica
        extra.objects["agent.5000.4242"] = [:]
        #expect(compare(extra, truth).map(\.object) == ["agent.5000.4242"])
        var extraKey = replica
        extraKey.objects["agent.5000.1006"]?["Surprise"] = "yes"
        #expect(compare(extraKey, truth).map(\.field) == ["Surprise"])
    }

    @Test func aBadFilterIsAFailedResponseAndTheSessionStays() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient()
        harness.send(.setMonitorMode(requestID: 4, filter: "AgentID=1004;;"), from: client)
        guard case .failure(let failure) = harness.response(4, for: client) else { Issue.record("no failure"); return }
        #expect(failure.code == RequestFailure.StandardCode.invalidArguments)
        #expect(failure.reason.contains("filter"))
        #expect(harness.closed[client] == nil)
    }

    // MARK: Agent mode and requests

    @Test func anAgentLogsInAndGoesReadyThroughTheServer() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient()
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1004", instrument: ""), from: client)
        var replica = WireReplica()
        replica.receive(harness.take(client))
        let agent = "agent.5000.1004"
        #expect(replica.objects.keys.contains(agent))
        #expect(!replica.objects.keys.contains("agent.5000.1005"), "agent mode sees its own agent only")

        let login = harness.call("Login", ["UniqueObjectID": .string(agent), "AgentPassword": "pw1004"], requestID: 2, from: client)
        guard case .success = login else { Issue.record("Login: \(String(describing: login))"); return }
        let ready = harness.call("SetAgentState", ["UniqueObjectID": .string(agent), "AgentState": .integer(Int64(AgentState.available.rawValue))],
                                 requestID: 3, from: client)
        guard case .success = ready else { Issue.record("SetAgentState: \(String(describing: ready))"); return }
        harness.run(for: .milliseconds(100))
        replica.receive(harness.take(client))
        #expect(replica.objects[agent]?.integer(.agentState) == Int64(AgentState.available.rawValue))
        #expect(replica.events.contains { $0.name == "OnAgentStateChange" })
        let truth = harness.server.store.visibleObjects(for: .agent("1004"))
        #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth))")
    }

    @Test func aRefusedRequestCarriesTheCTIServersFailureCode() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient()
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1004", instrument: ""), from: client)
        let login = harness.call("Login", ["UniqueObjectID": "agent.5000.1004", "AgentPassword": "wrong"], requestID: 2, from: client)
        guard case .failure(let failure) = login else { Issue.record("Login: \(String(describing: login))"); return }
        #expect(failure.ctiFailureCode != nil)
        #expect(!failure.reason.contains("wrong"), "a failure never echoes a password")
    }

    @Test func requestsTheServerCanCheckAreRefusedWithoutReachingTheCTIServer() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient()
        let logged = harness.core.center.requestLog.entries.count
        // No mode yet.
        let early = harness.call("Login", ["UniqueObjectID": "agent.5000.1004"], requestID: 1, from: client)
        guard case .failure(let noMode) = early else { Issue.record("\(String(describing: early))"); return }
        #expect(noMode.code == RequestFailure.StandardCode.noMode)
        harness.send(.setAgentMode(requestID: 2, peripheralID: 5000, agentID: "1004", instrument: ""), from: client)
        let other = harness.call("Logout", ["UniqueObjectID": "agent.5000.1005"], requestID: 3, from: client)
        guard case .failure(let notPermitted) = other else { Issue.record("\(String(describing: other))"); return }
        #expect(notPermitted.code == RequestFailure.StandardCode.notPermitted)
        let unknown = harness.call("Dance", ["UniqueObjectID": "agent.5000.1004"], requestID: 4, from: client)
        guard case .failure(let noMethod) = unknown else { Issue.record("\(String(describing: unknown))"); return }
        #expect(noMethod.code == RequestFailure.StandardCode.unknownMethod)
        #expect(harness.core.center.requestLog.entries.count == logged, "nothing reached the CTI Server")
    }

    @Test func anUnknownAgentIsAFailedResponse() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient()
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: "7777", instrument: ""), from: client)
        guard case .failure(let failure) = harness.response(1, for: client) else { Issue.record("no failure"); return }
        #expect(failure.code == RequestFailure.StandardCode.noSuchObject)
    }

    // MARK: Resume

    @Test func aClientThatComesBackResumesWithWhatItMissedAndNoSnapshot() throws {
        var harness = try ServerHarness(traffic: TrafficProfile(callsPerSecond: 2))
        harness.start()
        harness.run(for: .seconds(10))
        let filter = "UniqueObjectID=*"
        let first = harness.connectClient()
        harness.send(.setMonitorMode(requestID: 1, filter: filter), from: first)
        var replica = WireReplica()
        replica.receive(harness.take(first))
        harness.keepAlive.insert(first)
        harness.run(for: .seconds(5))
        replica.receive(harness.take(first))
        harness.disconnect(first)
        let before = harness.server.store.sequence
        harness.run(for: .seconds(20))
        #expect(harness.server.store.sequence > before + 10, "the client missed batches")

        let second = harness.connectClient(resume: replica.position)
        harness.send(.setMonitorMode(requestID: 1, filter: filter), from: second)
        let frames = harness.take(second)
        #expect(!frames.contains { if case .snapshotBegin = $0 { true } else { false } }, "no snapshot")
        guard case .caughtUp = frames.last else { Issue.record("no caughtUp: \(frames.last.map { "\($0.kind)" } ?? "nothing")"); return }
        replica.receive(frames)
        let truth = harness.server.store.visibleObjects(for: .monitor(try MonitorFilter(filter)))
        #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth).prefix(10))")
        #expect(replica.violations.isEmpty, "\(replica.violations.prefix(10))")
    }

    @Test func anAgentModeClientResumesWithItsOwnObjectsOnly() throws {
        var harness = try ServerHarness(traffic: TrafficProfile(callsPerSecond: 3))
        harness.start()
        harness.run(for: .seconds(20))
        let agent = "1011"  // driven by the traffic, logged in through the test
        let first = harness.connectClient()
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: agent, instrument: ""), from: first)
        var replica = WireReplica()
        replica.receive(harness.take(first))
        harness.disconnect(first)
        harness.run(for: .seconds(30))
        let second = harness.connectClient(resume: replica.position)
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: agent, instrument: ""), from: second)
        let frames = harness.take(second)
        #expect(!frames.contains { if case .snapshotBegin = $0 { true } else { false } }, "no snapshot")
        replica.receive(frames)
        let truth = harness.server.store.visibleObjects(for: .agent(agent))
        #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth).prefix(10))")
        #expect(replica.violations.isEmpty, "\(replica.violations.prefix(10))")
        #expect(harness.server.counters.resumes == 1)
    }

    @Test func anAgentWhoLoggedInWhileItsClientWasAwayGetsASnapshot() throws {
        var harness = try ServerHarness()
        harness.start()
        let first = harness.connectClient()
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1004", instrument: ""), from: first)
        var replica = WireReplica()
        replica.receive(harness.take(first))
        harness.disconnect(first)
        // Another desktop logs the agent in: the agent's skill groups (and so its scope) change.
        let other = harness.connectClient()
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1004", instrument: ""), from: other)
        let login = harness.call("Login", ["UniqueObjectID": "agent.5000.1004", "AgentPassword": "pw1004", "SkillGroups": [199]],
                                 requestID: 2, from: other)
        guard case .success = login else { Issue.record("Login: \(String(describing: login))"); return }
        let second = harness.connectClient(resume: replica.position)
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1004", instrument: ""), from: second)
        let frames = harness.take(second)
        #expect(frames.contains { if case .snapshotBegin(_, .resynchronize) = $0 { true } else { false } })
        replica.receive(frames)
        let truth = harness.server.store.visibleObjects(for: .agent("1004"))
        #expect(truth.keys.contains { $0.kind == .skillGroup }, "logged in, the agent sees its skill group")
        #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth))")
    }

    @Test func aResumeWithAFilterOnChangingPropertiesGetsASnapshot() throws {
        var harness = try ServerHarness(traffic: TrafficProfile(callsPerSecond: 3))
        harness.start()
        harness.run(for: .seconds(5))
        let filter = "AgentState=3"
        let first = harness.connectClient()
        harness.send(.setMonitorMode(requestID: 1, filter: filter), from: first)
        var replica = WireReplica()
        replica.receive(harness.take(first))
        harness.disconnect(first)
        harness.run(for: .seconds(10))
        let second = harness.connectClient(resume: replica.position)
        harness.send(.setMonitorMode(requestID: 1, filter: filter), from: second)
        let frames = harness.take(second)
        #expect(frames.contains { if case .snapshotBegin(_, .resynchronize) = $0 { true } else { false } },
                "which objects the client had cannot be known from IDs alone")
        replica.receive(frames)
        let truth = harness.server.store.visibleObjects(for: .monitor(try MonitorFilter(filter)))
        #expect(compare(replica, truth).isEmpty)
    }

    @Test func aResumePointOutsideTheHistoryGetsASnapshot() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient(resume: LogPosition(epoch: 77, sequence: 5))
        harness.send(.setMonitorMode(requestID: 1, filter: "UniqueObjectID=*"), from: client)
        let frames = harness.take(client)
        #expect(frames.contains(.snapshotBegin(position: LogPosition(epoch: harness.server.store.epoch,
                                                                     sequence: harness.server.store.sequence),
                                               reason: .resumePointNotInHistory)))
    }

    // MARK: Protocol errors

    @Test func aReusedRequestIDWhileTheFirstIsUnansweredClosesTheClient() throws {
        var harness = try ServerHarness()
        harness.start()
        let client = harness.connectClient()
        harness.send(.setAgentMode(requestID: 1, peripheralID: 5000, agentID: "1004", instrument: ""), from: client)
        harness.send(.request(requestID: 8, method: "QueryAgentState", arguments: ["UniqueObjectID": "agent.5000.1004"]), from: client)
        // The query is answered at once by the in-memory simulator; a hung side answers nothing.
        harness.core.setSide(.a, .hung)
        harness.send(.request(requestID: 9, method: "QueryAgentState", arguments: ["UniqueObjectID": "agent.5000.1004"]), from: client)
        harness.send(.request(requestID: 9, method: "QueryAgentState", arguments: ["UniqueObjectID": "agent.5000.1004"]), from: client)
        guard case .goodbye(let code, let reason) = harness.take(client).last else { Issue.record("no goodbye"); return }
        #expect(code == .protocolError)
        #expect(reason.contains("9"))
    }

    @Test func aMalformedFrameClosesOnlyThatClient() throws {
        var harness = try ServerHarness()
        harness.start()
        let good = harness.connectClient(name: "good")
        let bad = harness.connectClient(name: "bad")
        harness.server.clientSentMalformed(bad, error: "frameTooLarge: the frame announces 4294967295 bytes")
        harness.pump()
        #expect(harness.closed[bad] != nil)
        #expect(harness.closed[good] == nil)
        #expect(harness.server.clientCount == 1)
    }

    // MARK: CTI link

    @Test func losingTheCTIServerSideTellsClientsAndTheOtherSideRebuildsTheStore() throws {
        var harness = try ServerHarness(traffic: TrafficProfile(callsPerSecond: 2))
        harness.start()
        harness.run(for: .seconds(10))
        let client = harness.connectClient()
        let filter = "UniqueObjectID=*"
        harness.send(.setMonitorMode(requestID: 1, filter: filter), from: client)
        var replica = WireReplica()
        replica.receive(harness.take(client))
        harness.keepAlive.insert(client)
        harness.core.setSide(.a, .offline)
        harness.pump()
        #expect(harness.server.ctiSide == .b)
        harness.run(for: .seconds(10))
        replica.receive(harness.take(client))
        #expect(replica.events.contains { $0.name == "OnCTIOSFailure" }, "\(Set(replica.events.map(\.name)))")
        let truth = harness.server.store.visibleObjects(for: .monitor(try MonitorFilter(filter)))
        #expect(compare(replica, truth).isEmpty, "\(compare(replica, truth).prefix(10))")
        #expect(harness.closed[client] == nil, "the client stays through the CTI Server's failover")
    }
}
