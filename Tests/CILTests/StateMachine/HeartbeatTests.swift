@testable import CIL
import CTIOSWire
import Testing

/// Heartbeats and their loss, at the exact edges.
struct HeartbeatTests {
    @Test func anIdleClientSendsAHeartbeatEveryIntervalToTheNanosecond() {
        var f = MachineFixture()
        f.open()
        _ = f.receive(.heartbeat)
        #expect(f.advance(.milliseconds(100) - .nanoseconds(1)) == [])
        #expect(f.advance(.nanoseconds(1)) == ["send 1 heartbeat"])
        _ = f.receive(.heartbeat)
        #expect(f.advance(.milliseconds(100)) == ["send 1 heartbeat"])
    }

    @Test func anyFrameSentCountsAsAHeartbeat() {
        var f = MachineFixture()
        f.open()
        f.now += .milliseconds(60)
        _ = text(f.machine.request("QueryAgentState", [:], handle: RequestHandle(1), now: f.now))
        _ = f.receive(.heartbeat)
        #expect(f.advance(.milliseconds(99)) == [], "the request went out 99 ms ago")
        #expect(f.advance(.milliseconds(1)) == ["send 1 heartbeat"])
    }

    @Test func aSilentServerIsLostAfterMaxHeartbeatsIntervalsExactly() {
        var f = MachineFixture()
        f.open()
        f.now = .milliseconds(300) - .nanoseconds(1)
        #expect(!f.tick().contains { $0.hasPrefix("close") })
        f.now = .milliseconds(300)
        #expect(f.tick() == ["close 1", "raise OnConnectionFailure 1", "connect 2 a.example:42028"])
        #expect(f.machine.connectionState == .reconnecting(MachineFixture.serverA))
    }

    @Test func onMissingHeartbeatAfterTwoSilentIntervals() {
        var f = MachineFixture(maxHeartbeats: 5)
        f.open()
        #expect(f.advance(.milliseconds(199)).contains("raise OnMissingHeartbeat") == false)
        #expect(f.advance(.milliseconds(1)).contains("raise OnMissingHeartbeat"))
        #expect(f.advance(.milliseconds(50)).contains("raise OnMissingHeartbeat") == false, "once per interval")
        #expect(f.advance(.milliseconds(50)).contains("raise OnMissingHeartbeat"))
    }

    @Test func anyFrameReceivedKeepsTheConnection() {
        var f = MachineFixture()
        f.open()
        for _ in 0..<20 {
            f.now += .milliseconds(250)
            _ = f.receive(.heartbeat)
            #expect(!f.tick().contains { $0.hasPrefix("close") })
        }
    }

    @Test func theWelcomesHeartbeatIsTheOneUsed() {
        var f = MachineFixture()
        _ = f.start()
        _ = f.connected()
        _ = f.receive(MachineFixture.welcome(heartbeat: 50))
        #expect(f.advance(.milliseconds(50)) == ["send 1 heartbeat"])
        #expect(f.advance(.milliseconds(100)).contains("close 1"), "lost at 3 × 50 ms")
    }

    @Test func theNextDeadlineIsTheEarliestTimedThing() {
        var f = MachineFixture()
        f.open()
        #expect(f.machine.nextDeadline == .milliseconds(100))
        _ = f.advance(.milliseconds(100))
        #expect(f.machine.nextDeadline == .milliseconds(200), "the next heartbeat, and the first missing one")
    }
}
