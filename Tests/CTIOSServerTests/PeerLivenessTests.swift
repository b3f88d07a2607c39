@testable import CTIOSServer
import Testing

/// The peer link's heartbeat decisions on model time: 100 ms interval, 5 missed.
struct PeerLivenessTests {
    func liveness() -> PeerLiveness { PeerLiveness(interval: .milliseconds(100), missed: 5, now: .zero) }

    @Test func aHeartbeatWhenNothingWasWrittenForAnInterval() {
        var live = liveness()
        #expect(live.tick(now: .milliseconds(50)) == .nothing)
        live.wrote(now: .milliseconds(60))
        #expect(live.tick(now: .milliseconds(100)) == .nothing, "something was written 40 ms ago")
        #expect(live.tick(now: .milliseconds(160)) == .sendHeartbeat)
        #expect(live.tick(now: .milliseconds(200)) == .nothing, "the heartbeat counts as a write")
    }

    @Test func thePeerIsLostAfterFiveSilentIntervalsAndKeptWhileItSpeaks() {
        var live = liveness()
        var now = Duration.zero
        while now < .milliseconds(475) {
            now += .milliseconds(25)
            live.read(now: now)
            #expect(live.tick(now: now) != .lost)
        }
        let lastRead = now
        while now < lastRead + .milliseconds(475) {
            now += .milliseconds(25)
            #expect(live.tick(now: now) != .lost, "silent for \(now - lastRead)")
        }
        now += .milliseconds(25)
        #expect(live.tick(now: now) == .lost, "silent for \(now - lastRead): five intervals")
    }

    /// This side's own stall (a tick 600 ms late) is not the peer's silence; silence after it still loses the peer.
    @Test func ourOwnStallIsNotThePeersSilence() {
        var live = liveness()
        #expect(live.tick(now: .milliseconds(25)) == .nothing)
        #expect(live.tick(now: .milliseconds(625)) != .lost, "the tick came 600 ms late")
        var now = Duration.milliseconds(625)
        while now < .milliseconds(1_100) {
            now += .milliseconds(25)
            #expect(live.tick(now: now) != .lost)
        }
        #expect(live.tick(now: .milliseconds(1_125)) == .lost, "500 ms of silence after the stall")
    }
}
