@testable import CIL
import CTIOSTestKit
import CTIOSCore
import CTIOSServer
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// Losing the connection and recovering: from the server's backlog, from a snapshot compared with the cache,
/// after a silent (frozen) server, after bytes that do not decode; and what happens to requests in flight.
struct RecoveryTests {
    static let filter = "UniqueObjectID=*"

    static func monitor(_ lab: inout Lab) throws -> Int {
        let desk = lab.addDesk()
        lab.connect(desk)
        _ = lab.setMode(desk, .monitor(filter: filter))
        return desk
    }

    static func expectEqualsTruth(_ lab: Lab, _ desk: Int, mode: ClientMode, agents: Set<String>? = nil,
                                  sourceLocation: SourceLocation = #_sourceLocation) {
        let server = compare(cache: lab.objects(desk), server: lab.server.store.visibleObjects(for: mode))
        #expect(server.isEmpty, "server: \(server.prefix(10))", sourceLocation: sourceLocation)
        let truth = lab.core.center.groundTruth()
        let simulator = compare(cache: lab.objects(desk), simulator: truth, agents: agents ?? Set(truth.agents.map(\.id)))
        #expect(simulator.isEmpty, "simulator: \(simulator.prefix(10))", sourceLocation: sourceLocation)
    }

    @Test func aCutConnectionResumesFromTheBacklogAndRaisesWhatWasMissed() throws {
        var lab = try Lab(traffic: TrafficProfile(callsPerSecond: 3))
        lab.run(for: .seconds(10), step: .milliseconds(50))
        let desk = try Self.monitor(&lab)
        lab.run(for: .seconds(5), step: .milliseconds(50))
        let callsBefore = Set(lab.objects(desk).keys.filter { $0.kind == .call })
        _ = lab.takeEvents(desk)
        // Cut, and keep the server from answering the reconnect for a while: batches are missed meanwhile.
        lab.accepting = false
        lab.cut(desk)
        lab.run(for: .seconds(3), step: .milliseconds(50))
        #expect(lab.desks[desk].engine.machine.connectionState != .connected(Lab.address))
        lab.accepting = true
        lab.run(for: .seconds(3), step: .milliseconds(50))
        let events = lab.takeEvents(desk)
        let names = events.map(\.name)
        #expect(names.first == .onConnectionFailure)
        #expect(events.first?.arguments.integer(.failureCode) == 2, "transport error")
        let recovered = try #require(events.first { $0.name == .onSessionRecovered })
        #expect(recovered.arguments["Recovery"]?.string == "backlog")
        #expect((recovered.arguments.integer(.duration) ?? 0) >= 3_000)
        #expect(lab.desks[desk].engine.machine.counters.snapshotRecoveries == 0)
        // Every call that was there before the cut and is gone now was ended with OnCallEnd.
        let ended = Set(events.filter { $0.name == .onCallEnd }.compactMap(\.uniqueObjectID))
        let gone = callsBefore.filter { lab.objects(desk)[$0] == nil }
        #expect(!gone.isEmpty, "calls ended while the desk was away")
        #expect(gone.isSubset(of: ended), "\(gone.subtracting(ended))")
        Self.expectEqualsTruth(lab, desk, mode: .monitor(try MonitorFilter(Self.filter)))
    }

    @Test func aResumePointOutOfTheBacklogGetsASnapshotAndTheDifferenceAsEvents() throws {
        var configuration = ServerCore.Configuration()
        configuration.store = .init(backlogMaximumBatches: 10)
        var lab = try Lab(configuration: configuration)
        let agentDesk = lab.addDesk()
        lab.connect(agentDesk)
        _ = lab.setAgent(agentDesk, "1004")
        _ = lab.call(agentDesk, "Login", ["UniqueObjectID": "agent.5000.1004", "AgentPassword": "pw1004", "SkillGroups": [199]])
        _ = lab.call(agentDesk, "SetAgentState", ["UniqueObjectID": "agent.5000.1004", "AgentState": .integer(3)])
        let placed = lab.placeCall(ani: "5551234", callVariables: [])
        let callID = try #require(placed)
        lab.run(for: .milliseconds(100))
        let call = UniqueObjectID.call(peripheral: 5000, callID: callID, device: "2004")
        #expect(lab.objects(agentDesk)[call] != nil, "ringing before the cut")
        _ = lab.takeEvents(agentDesk)
        let requestsBefore = lab.core.center.requestLog.entries.count

        lab.accepting = false
        lab.cut(agentDesk)
        // While the desk is away: the caller hangs up, the agent goes not ready with a reason, many batches pass.
        _ = lab.core.releaseExternalParty(callID: callID, now: lab.now)
        lab.run(for: .milliseconds(200))
        for index in 0..<20 {
            _ = lab.placeCall(ani: "555\(index)", dialedNumber: "8005550101")
            lab.run(for: .milliseconds(20))
        }
        lab.accepting = true
        lab.run(for: .seconds(3))
        let events = lab.takeEvents(agentDesk)
        let recovered = try #require(events.first { $0.name == .onSessionRecovered })
        #expect(recovered.arguments["Recovery"]?.string == "snapshot")
        let about = events.filter { $0.uniqueObjectID == call }.map(\.name.rawValue)
        #expect(about == ["OnCallCleared", "OnCallEnd"], "the call that ended while away: \(about)")
        let stateChanges = events.filter { $0.name == .onAgentStateChange }
        #expect(stateChanges.count == 1, "one state change for whatever happened meanwhile: \(stateChanges)")
        #expect(lab.desks[agentDesk].engine.currentCall == nil)
        #expect(events.contains { $0.name == .onCurrentCallChanged })
        #expect(lab.core.center.requestLog.entries.count == requestsBefore, "nothing was sent again")
        Self.expectEqualsTruth(lab, agentDesk, mode: .agent("1004"), agents: ["1004"])
    }

    @Test func requestsInFlightAtTheLossFailWithWhetherTheyWereSent() throws {
        var lab = try AgentDesktopTests.availableAgent()
        // The CTI Server stops answering: the request stays in flight at the server.
        lab.core.setSide(.a, .hung)
        let inFlight = lab.send(0, "QueryAgentState", ["UniqueObjectID": "agent.5000.1004"])
        lab.run(for: .milliseconds(30))
        #expect(lab.desks[0].answers[inFlight] == nil)
        lab.accepting = false
        lab.cut(0)
        guard case .failure(let lost)? = lab.desks[0].answers[inFlight] else { Issue.record("not answered"); return }
        #expect(lost.code == .connectionLost)
        #expect(lost.outcomeIsUnknown)
        let whileAway = lab.send(0, "SetAgentState", ["UniqueObjectID": "agent.5000.1004", "AgentState": .integer(2)])
        guard case .failure(let notSent)? = lab.desks[0].answers[whileAway] else { Issue.record("not answered"); return }
        #expect(notSent.code == .notSent)
        #expect(notSent.wasNeverSent)
        lab.core.setSide(.a, .online)
        lab.accepting = true
        lab.run(for: .seconds(3))
        #expect(lab.desks[0].engine.machine.connectionState == .connected(Lab.address))
        #expect(lab.desks[0].answers.count == lab.desks[0].nextHandle.asInt, "every request answered exactly once")
    }

    @Test func aFrozenServerIsLostAfterTheMissedHeartbeatsAndTheSessionComesBackWhenItThaws() throws {
        var lab = try AgentDesktopTests.availableAgent()
        _ = lab.takeEvents(0)
        lab.freeze()
        let frozeAt = lab.now
        var lostAt: Duration?
        while lostAt == nil, lab.now < frozeAt + .seconds(2) {
            lab.run(for: .milliseconds(1), step: .milliseconds(1))
            if lab.desks[0].events.contains(where: { $0.name == .onConnectionFailure }) { lostAt = lab.now }
        }
        let detected = try #require(lostAt) - frozeAt
        // Heartbeat 100 ms, 3 missed: lost 300 ms after the last frame, which came at most a tick before freezing.
        #expect(detected <= .milliseconds(300) && detected >= .milliseconds(200), "\(detected)")
        let failure = try #require(lab.desks[0].events.first { $0.name == .onConnectionFailure })
        #expect(failure.arguments.integer(.failureCode) == 1, "missed heartbeats")
        #expect(lab.desks[0].events.contains { $0.name == .onMissingHeartbeat })
        lab.run(for: .seconds(2))
        lab.thaw()
        lab.run(for: .seconds(3))
        #expect(lab.desks[0].events.contains { $0.name == .onSessionRecovered })
        #expect(lab.desks[0].engine.machine.connectionState == .connected(Lab.address))
        Self.expectEqualsTruth(lab, 0, mode: .agent("1004"), agents: ["1004"])
    }

    @Test(arguments: [
        [UInt8]([0, 0, 0, 2, 0x7f, 0]),                   // an unknown frame kind
        [0xff, 0xff, 0xff, 0xff],                           // a frame length over the limit
        [0, 0, 0, 0],                                       // an empty frame
        [0, 0, 0, 3, 0x20, 0x01, 0x80],                     // a batch cut inside a varint
    ])
    func bytesThatDoNotDecodeCloseAndTheSessionReconnects(garbage: [UInt8]) throws {
        var lab = try AgentDesktopTests.availableAgent()
        _ = lab.takeEvents(0)
        lab.sendGarbage(to: 0, garbage)
        let failure = try #require(lab.desks[0].events.first { $0.name == .onConnectionFailure })
        #expect(failure.arguments.integer(.failureCode) == 0, "protocol mismatch")
        let reason = failure.arguments.string(.errorMessage) ?? ""
        #expect(reason.contains("CTI OS wire"), "the decoder's error: \(reason)")
        lab.run(for: .seconds(1))
        #expect(lab.desks[0].events.contains { $0.name == .onSessionRecovered })
        Self.expectEqualsTruth(lab, 0, mode: .agent("1004"), agents: ["1004"])
    }

    @Test func aServerThatRefusesEveryConnectionFailsConnectWithTheServerAndTheReason() throws {
        var lab = try Lab()
        lab.accepting = false
        let desk = lab.addDesk()
        guard case .failure(let error)? = lab.connect(desk) else { Issue.record("connected"); return }
        #expect(error.code == .connectFailed)
        #expect(error.reason.contains("server-a:42028"))
        #expect(error.reason.contains("connection refused"))
        #expect(lab.now >= .seconds(5) && lab.now <= .seconds(5) + .milliseconds(20), "the profile's connect timeout: \(lab.now)")
    }
}

extension UInt64 {
    var asInt: Int { Int(self) }
}
