@testable import CIL
import CTIOSWire
import Testing

/// Modes, the object stream's order, and resuming.
struct StreamTests {
    @Test func setAgentIsAnsweredOnceItsSnapshotIsWhole() {
        var f = MachineFixture()
        f.open()
        #expect(text(f.machine.setMode(.agent(peripheralID: 5000, agentID: "1004", instrument: "2004"), handle: RequestHandle(1), now: f.now))
                == ["send 1 setAgentMode 1 1004"])
        #expect(f.receive(.response(requestID: 1, result: .success([:]))) == ["mode agent 1004 on 5000"])
        let position = LogPosition(epoch: 1, sequence: 12)
        #expect(f.receive(.snapshotBegin(position: position, reason: .initial)) == ["begin snapshot 12"])
        #expect(f.receive(.snapshotObjects([SnapshotObject(objectID: "agent.5000.1004", properties: [:])])) == ["snapshot objects 1"])
        #expect(f.receive(.snapshotEnd(position: position)) == ["end snapshot 12", "raise OnSetAgentModeEvent", "answer 1 success"])
        #expect(f.machine.position == position)
        #expect(f.receive(MachineFixture.batch(13)) == ["apply 13"])
        #expect(f.machine.position == LogPosition(epoch: 1, sequence: 13))
    }

    @Test func aRefusedModeLeavesThePreviousOne() {
        var f = MachineFixture()
        f.live()
        _ = text(f.machine.setMode(.agent(peripheralID: 5000, agentID: "7777", instrument: ""), handle: RequestHandle(2), now: f.now))
        #expect(f.receive(.response(requestID: 2, result: .failure(RequestFailure(code: "NoSuchObject", reason: "no agent 7777"))))
                == ["answer 2 NoSuchObject"])
        #expect(f.machine.mode == .agent(peripheralID: 5000, agentID: "1004", instrument: ""))
        #expect(f.receive(MachineFixture.batch(11)) == ["apply 11"], "the old stream goes on")
    }

    @Test func aSecondModeChangeWhileOneIsInProgressIsRefused() {
        var f = MachineFixture()
        f.open()
        _ = text(f.machine.setMode(.monitor(filter: "AgentID=1004"), handle: RequestHandle(1), now: f.now))
        #expect(text(f.machine.setMode(.monitor(filter: "AgentID=1005"), handle: RequestHandle(2), now: f.now))
                == ["answer 2 InvalidState"])
    }

    @Test func theStreamsOrderIsChecked() {
        var outOfOrder: [(String, [WireMessage])] = [
            ("a batch before any mode", [MachineFixture.batch(1)]),
            ("snapshotObjects outside a snapshot", [.snapshotObjects([])]),
            ("a batch inside a snapshot", [.snapshotBegin(position: .init(epoch: 1, sequence: 20), reason: .resynchronize),
                                           MachineFixture.batch(21)]),
            ("a snapshotEnd at another position", [.snapshotBegin(position: .init(epoch: 1, sequence: 20), reason: .resynchronize),
                                                   .snapshotEnd(position: .init(epoch: 1, sequence: 19))]),
            ("a batch that does not follow", [MachineFixture.batch(10)]),
            ("caughtUp without a resume", [.caughtUp(position: .init(epoch: 1, sequence: 30))]),
            ("a second welcome", [MachineFixture.welcome()]),
        ]
        for (index, (name, frames)) in outOfOrder.enumerated() {
            var f = MachineFixture()
            if index == 0 { f.open() } else { f.live() }
            var last: [String] = []
            for frame in frames { last = f.receive(frame) }
            #expect(last.first == "close 1", "\(name): \(last)")
            #expect(f.machine.counters.protocolErrors == 1, "\(name)")
        }
        outOfOrder.removeAll()
    }

    @Test func aServerResynchronisationMidStreamIsASnapshotWithNoWaiter() {
        var f = MachineFixture()
        f.live()
        let position = LogPosition(epoch: 1, sequence: 40)
        #expect(f.receive(.snapshotBegin(position: position, reason: .resynchronize)) == ["begin snapshot 40"])
        #expect(f.receive(.snapshotEnd(position: position)) == ["end snapshot 40"])
        #expect(f.receive(MachineFixture.batch(41)) == ["apply 41"])
    }

    @Test func aReconnectResumesFromTheLastPositionAndSetsTheModeAgain() {
        var f = MachineFixture()
        f.live(sequence: 10)
        _ = f.receive(MachineFixture.batch(14))
        f.now = .seconds(1)
        #expect(text(f.machine.closed(f.connection, now: f.now)) == ["close 1", "raise OnConnectionFailure 2", "connect 2 a.example:42028"])
        #expect(f.connected() == ["send 2 hello 100 resume 14"])
        f.now += .milliseconds(30)
        #expect(f.receive(MachineFixture.welcome()) == ["raise OnConnection", "send 2 setAgentMode 1 1004"])
        #expect(f.machine.connectionState == .reconnecting(MachineFixture.serverA), "not current until the stream is")
        #expect(text(f.machine.request("Answer", [:], handle: RequestHandle(9), now: f.now)) == ["answer 9 NotSent"])
        #expect(f.receive(.response(requestID: 1, result: .success([:]))) == ["mode agent 1004 on 5000"])
        #expect(f.receive(MachineFixture.batch(17)) == ["apply 17"])
        #expect(f.receive(.caughtUp(position: .init(epoch: 1, sequence: 20))) == ["raise OnSessionRecovered backlog"])
        #expect(f.machine.connectionState == .connected(MachineFixture.serverA))
        #expect(f.machine.position == LogPosition(epoch: 1, sequence: 20))
        #expect(f.machine.counters.backlogRecoveries == 1)
    }

    @Test func aPairSwitchesToTheOtherServerAtOnceOnALoss() {
        var f = MachineFixture(pair: true)
        f.profile.randomSeed = 1
        _ = f.start()
        let first = f.machine.currentServer!
        _ = f.connected()
        _ = f.receive(MachineFixture.welcome())
        let actions = text(f.machine.closed(f.connection, now: f.now))
        let other = first == MachineFixture.serverA ? MachineFixture.serverB : MachineFixture.serverA
        #expect(actions.last == "connect 2 \(other)")
    }

    @Test func aModeThatCannotBeSetAgainDropsTheObjectsAndSaysWhy() {
        var f = MachineFixture()
        f.live()
        _ = text(f.machine.closed(f.connection, now: f.now))
        _ = f.connected()
        _ = f.receive(MachineFixture.welcome())
        let actions = f.receive(.response(requestID: 1, result: .failure(RequestFailure(code: "NoSuchObject", reason: "no agent 1004"))))
        #expect(actions == ["drop objects", "raise OnSessionRecovered none"])
        #expect(f.machine.mode == nil)
        #expect(f.machine.connectionState == .connected(MachineFixture.serverA))
    }

    /// A drain: the server asks the session to move. It goes to the other server at once, with no failure event,
    /// resumes from its position, and the recovery says it was a move.
    @Test func aDrainMovesToTheOtherServerWithoutAFailure() {
        var f = MachineFixture(pair: true)
        f.profile.randomSeed = 1
        f.live(sequence: 10)
        let first = f.machine.currentServer!
        let other = first == MachineFixture.serverA ? MachineFixture.serverB : MachineFixture.serverA
        _ = f.receive(MachineFixture.batch(12))
        f.now += .seconds(1)
        #expect(f.receive(.goodbye(code: .drain, reason: "draining")) == ["close 1", "connect 2 \(other)"])
        #expect(f.connected() == ["send 2 hello 100 resume 12"])
        f.now += .milliseconds(5)
        #expect(f.receive(MachineFixture.welcome()) == ["raise OnConnection", "send 2 setAgentMode 1 1004"])
        #expect(f.receive(.response(requestID: 1, result: .success([:]))) == ["mode agent 1004 on 5000"])
        let recovered = f.machine.received(.caughtUp(position: .init(epoch: 1, sequence: 12)), on: f.connection, now: f.now)
        guard case .raise(let name, let arguments) = recovered.first else { Issue.record("\(recovered)"); return }
        #expect(name == .onSessionRecovered)
        #expect(arguments["Moved"]?.boolean == true)
        #expect(arguments["Recovery"]?.string == "backlog")
        #expect(arguments[.duration]?.integer == 5)
        #expect(f.machine.counters.moves == 1 && f.machine.counters.losses == 0)
    }

    /// The twin: the same goodbye from a server with no peer in the profile is a loss like any other (there is no
    /// other server to move to), and a later recovery is not a move.
    @Test func aDrainWithoutAPeerIsALoss() {
        var f = MachineFixture()
        f.live(sequence: 10)
        #expect(f.receive(.goodbye(code: .drain, reason: "draining")).prefix(2) == ["close 1", "raise OnConnectionFailure 4"])
        _ = f.connected()
        _ = f.receive(MachineFixture.welcome())
        _ = f.receive(.response(requestID: 1, result: .success([:])))
        let recovered = f.machine.received(.caughtUp(position: .init(epoch: 1, sequence: 10)), on: f.connection, now: f.now)
        guard case .raise(_, let arguments) = recovered.first else { Issue.record("\(recovered)"); return }
        #expect(arguments["Moved"]?.boolean == false)
    }

    @Test func aGoodbyeIsALossWithTheServersReason() {
        var f = MachineFixture()
        f.live()
        #expect(f.receive(.goodbye(code: .missedHeartbeats, reason: "quiet client")).prefix(2) == ["close 1", "raise OnConnectionFailure 1"])
        #expect(f.machine.lastError?.reason.contains("quiet client") == true)
    }

    @Test func anAppModeAcceptedButCutBeforeItsObjectsFailsAndIsRestoredAfterTheReconnect() {
        var f = MachineFixture()
        f.open()
        _ = text(f.machine.setMode(.monitor(filter: "AgentID=1004"), handle: RequestHandle(1), now: f.now))
        _ = f.receive(.response(requestID: 1, result: .success([:])))
        #expect(text(f.machine.closed(f.connection, now: f.now)).contains("answer 1 ConnectionLost"))
        _ = f.connected()
        #expect(f.receive(MachineFixture.welcome()).last == "send 2 setMonitorMode 1 AgentID=1004")
    }
}
