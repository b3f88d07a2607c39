@testable import CTIOSServer
import CTISimulator
import GED188
import Testing

struct CTILinkStateMachineTests {
    @Test func startsOnSideAAndTakesASystemWideSnapshot() throws {
        var harness = try CTILinkHarness()
        harness.start()
        #expect(harness.connectAttempts == [.a])
        #expect(harness.ups == [.a], "the link is up once the snapshot is complete")
        let snapshot = try #require(harness.reconciled.first)
        #expect(snapshot.agents.count == 50)
        #expect(snapshot.skillGroupNumbers == [101, 102, 103, 104, 199])
        let agentStates = snapshot.answers.filter { $0.type == .queryAgentStateConf }
        #expect(agentStates.count == 50, "one QUERY_AGENT_STATE_CONF per agent")
        let deviceSnapshots = snapshot.answers.filter { $0.type == .snapshotDeviceConf }
        #expect(deviceSnapshots.count == 50 + 5, "every agent device and every route point")
        let teams = snapshot.answers.filter { $0.type == .listAgentTeamConf }
        #expect(teams.count == 3, "one LIST_AGENT_TEAM per supervisor")
        #expect(harness.link.liveSide == .a)
    }

    @Test func liveEventsReachTheStoreInOrder() throws {
        var harness = try CTILinkHarness(traffic: TrafficProfile(callsPerSecond: 5))
        harness.start()
        harness.run(for: .seconds(5))
        #expect(harness.applied.count > 50)
        #expect(harness.applied.contains { $0.type == .callDeliveredEvent })
        #expect(harness.downs.isEmpty)
    }

    @Test func aSilentSideIsLostAfterTheMissedHeartbeatsAndTheOtherSideTakesOver() throws {
        var harness = try CTILinkHarness(link: .init(heartbeatInterval: .milliseconds(100), missedHeartbeats: 3))
        harness.start()
        harness.core.setSide(.a, .hung)
        harness.run(for: .milliseconds(390))
        #expect(harness.downs.isEmpty, "3 heartbeats may go unanswered")
        harness.run(for: .milliseconds(30))
        #expect(harness.downs.count == 1, "the 4th interval without an answer loses the link")
        #expect(harness.connectAttempts == [.a, .b], "the other side at once")
        #expect(harness.ups == [.a, .b])
        #expect(harness.reconciled.count == 2, "a new snapshot on every reconnect")
    }

    @Test func aSideGoingOfflineSwitchesAtOnce() throws {
        var harness = try CTILinkHarness()
        harness.start()
        harness.takeSideOffline(.a)
        #expect(harness.downs.count == 1)
        #expect(harness.connectAttempts == [.a, .b])
        #expect(harness.link.liveSide == .b)
    }

    @Test func whenBothSidesRefuseItBacksOffAndAlternates() throws {
        var harness = try CTILinkHarness(link: .init(initialBackoff: .milliseconds(100), maximumBackoff: .milliseconds(400)))
        harness.refusing = [.a, .b]
        harness.start()
        #expect(harness.connectAttempts == [.a, .b], "both sides tried at once")
        harness.run(for: .milliseconds(90))
        #expect(harness.connectAttempts.count == 2, "then a pause")
        harness.run(for: .milliseconds(20))
        #expect(harness.connectAttempts == [.a, .b, .a, .b])
        harness.run(for: .seconds(3))
        // Waits of 100, 200, then 400 ms (capped) between rounds of two: about 20 attempts in 3.1 s, not hundreds.
        let attempts = harness.connectAttempts.count
        #expect((16...22).contains(attempts), "\(attempts) attempts in 3.1 s")
        harness.refusing = []
        harness.run(for: .milliseconds(500))
        #expect(harness.link.liveSide != nil)
    }

    @Test func clientRequestsGetExactlyOneAnswer() throws {
        var harness = try CTILinkHarness()
        let early = harness.link.submit(.queryAgentStateReq(QueryAgentStateReq(peripheralID: 5000, agentID: "1004")), tag: 1, now: .zero)
        harness.perform(early)
        #expect(harness.answers.count == 1)
        guard case .notSent = harness.answers[0].1 else { Issue.record("\(harness.answers[0].1)"); return }

        harness.start()
        harness.perform(harness.link.submit(.queryAgentStateReq(QueryAgentStateReq(invokeID: 999, peripheralID: 5000, agentID: "1004")),
                                            tag: 2, now: harness.now))
        guard case .confirmed(.queryAgentStateConf(let conf)) = harness.answers.last?.1 else {
            Issue.record("\(String(describing: harness.answers.last))"); return
        }
        #expect(conf.agentID == "1004")
        #expect(conf.invokeID != 999, "the link numbers requests itself")

        harness.perform(harness.link.submit(.setAgentStateReq(SetAgentStateReq(peripheralID: 5000, agentState: .login,
                                                                               agentID: "1004", agentPassword: "wrong")),
                                            tag: 3, now: harness.now))
        guard case .failed(.controlFailureConf(let failure)) = harness.answers.last?.1 else {
            Issue.record("\(String(describing: harness.answers.last))"); return
        }
        #expect(failure.failureCode == .invalidPasswordSpecified)
        #expect(harness.answers.map(\.0) == [1, 2, 3])
    }

    @Test func aRequestInFlightWhenTheLinkIsLostHasAnUnknownOutcome() throws {
        var harness = try CTILinkHarness()
        harness.start()
        harness.core.setSide(.a, .hung)
        harness.perform(harness.link.submit(.queryAgentStateReq(QueryAgentStateReq(peripheralID: 5000, agentID: "1004")),
                                            tag: 7, now: harness.now))
        #expect(harness.answers.isEmpty)
        harness.run(for: .seconds(3))
        guard case .unknown(let reason) = harness.answers.first?.1 else { Issue.record("\(harness.answers)"); return }
        #expect(reason.contains("after the request was sent"))
        #expect(harness.answers.count == 1)
    }

    @Test func aRequestTheCTIServerNeverAnswersTimesOut() throws {
        var harness = try CTILinkHarness(link: .init(heartbeatInterval: .seconds(60), requestTimeout: .seconds(2)))
        harness.start()
        harness.core.setSide(.a, .hung)
        harness.perform(harness.link.submit(.queryAgentStateReq(QueryAgentStateReq(peripheralID: 5000, agentID: "1004")),
                                            tag: 8, now: harness.now))
        harness.run(for: .milliseconds(1_990))
        #expect(harness.answers.isEmpty)
        harness.run(for: .milliseconds(20))
        guard case .unknown(let reason) = harness.answers.first?.1 else { Issue.record("\(harness.answers)"); return }
        #expect(reason.contains("did not answer"))
    }
}
