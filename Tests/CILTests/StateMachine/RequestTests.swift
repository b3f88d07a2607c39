@testable import CIL
import CTIOSWire
import Testing

/// Every request gets exactly one answer.
struct RequestTests {
    @Test func aRequestIsSentWithTheNextIDAndAnsweredByItsResponse() {
        var f = MachineFixture()
        f.live()
        #expect(text(f.machine.request("Login", [:], handle: RequestHandle(7), now: f.now)) == ["send 1 request 2 Login"])
        #expect(f.receive(.response(requestID: 2, result: .success(["Confirmation": "SET_AGENT_STATE_CONF"]))) == ["answer 7 success"])
        #expect(f.machine.pendingCount == 0)
    }

    @Test func aRefusalCarriesTheServersCodeAndTheCTIServersFailureCode() {
        var f = MachineFixture()
        f.live()
        let actions = f.machine.request("Login", [:], handle: RequestHandle(7), now: f.now)
        _ = actions
        let answer = f.machine.received(.response(requestID: 2, result: .failure(RequestFailure(
            code: "CTIFailure", reason: "the CTI Server refused Login", ctiFailureCode: 12))), on: f.connection, now: f.now)
        guard case .completeRequest(_, .failure(let error)) = answer.first else { Issue.record("\(text(answer))"); return }
        #expect(error.code == .ctiFailure)
        #expect(error.ctiFailureCode == 12)
    }

    @Test func aRequestWhileNotConnectedFailsAtOnceAsNotSent() {
        var f = MachineFixture()
        #expect(text(f.machine.request("Answer", [:], handle: RequestHandle(1), now: f.now)) == ["answer 1 NotSent"])
        _ = f.start()
        #expect(text(f.machine.request("Answer", [:], handle: RequestHandle(2), now: f.now)) == ["answer 2 NotSent"])
    }

    @Test func requestsInFlightAtALossFailAsConnectionLostAndAreNotSentAgain() {
        var f = MachineFixture()
        f.live()
        _ = text(f.machine.request("Hold", [:], handle: RequestHandle(3), now: f.now))
        _ = text(f.machine.request("Answer", [:], handle: RequestHandle(4), now: f.now))
        let lost = text(f.machine.closed(f.connection, now: f.now))
        #expect(lost == ["close 1", "answer 3 ConnectionLost", "answer 4 ConnectionLost", "raise OnConnectionFailure 2",
                         "connect 2 a.example:42028"])
        _ = f.connected()
        let welcome = f.receive(MachineFixture.welcome())
        #expect(welcome == ["raise OnConnection", "send 2 setAgentMode 1 1004"], "the mode, and nothing else, is sent again")
    }

    @Test func aRequestWhoseWriteFailedIsNotSentAtTheLoss() {
        var f = MachineFixture()
        f.live()
        _ = text(f.machine.request("Hold", [:], handle: RequestHandle(3), now: f.now))
        f.machine.writeFailed(f.connection, requestID: 2)
        #expect(text(f.machine.closed(f.connection, now: f.now)).contains("answer 3 NotSent"))
    }

    @Test func aRequestThatCannotBeEncodedFailsAsNotSent() {
        var f = MachineFixture()
        f.live()
        _ = text(f.machine.request("SetCallData", [:], handle: RequestHandle(3), now: f.now))
        #expect(text(f.machine.sendFailed(f.connection, requestID: 2, reason: "frame too large")) == ["answer 3 NotSent"])
        #expect(f.machine.pendingCount == 0)
    }

    @Test func noAnswerWithinTheRequestTimeoutFailsAsNoAnswerAndALateAnswerIsDropped() {
        var f = MachineFixture()
        f.live()
        _ = text(f.machine.request("Answer", [:], handle: RequestHandle(3), now: f.now))
        for _ in 0..<19 {
            _ = f.receive(.heartbeat)
            #expect(!f.advance(.milliseconds(100)).contains { $0.hasPrefix("answer") })
        }
        _ = f.receive(.heartbeat)
        #expect(f.advance(.milliseconds(100)).contains("answer 3 NoAnswer"), "at 2 s exactly")
        #expect(f.receive(.response(requestID: 2, result: .success([:]))) == [], "late: dropped, the connection stays")
        #expect(f.machine.connectionState == .connected(MachineFixture.serverA))
    }

    @Test func aResponseToNothingIsAProtocolError() {
        var f = MachineFixture()
        f.live()
        #expect(f.receive(.response(requestID: 99, result: .success([:]))).first == "close 1")
        #expect(f.machine.counters.protocolErrors == 1)
    }

    @Test func requestIDsStartAtOneOnEveryConnection() {
        var f = MachineFixture()
        f.open()
        #expect(text(f.machine.request("A", [:], handle: RequestHandle(1), now: f.now)) == ["send 1 request 1 A"])
        _ = text(f.machine.closed(f.connection, now: f.now))
        _ = f.connected()
        _ = f.receive(MachineFixture.welcome())
        #expect(text(f.machine.request("B", [:], handle: RequestHandle(2), now: f.now)) == ["send 2 request 1 B"])
    }
}
