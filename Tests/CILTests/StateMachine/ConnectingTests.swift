@testable import CIL
import CTIOSWire
import Testing

/// Connecting, the hello and welcome, rejects, and giving up.
struct ConnectingTests {
    @Test func startConnectsThenSaysHelloThenTheWelcomeConnects() {
        var f = MachineFixture()
        #expect(f.start() == ["connect 1 a.example:42028"])
        #expect(f.machine.connectionState == .connecting(MachineFixture.serverA))
        #expect(f.connected() == ["send 1 hello 100 resume none"])
        #expect(f.receive(MachineFixture.welcome()) == ["raise OnConnection", "connected"])
        #expect(f.machine.connectionState == .connected(MachineFixture.serverA))
    }

    @Test func aPairStartsOnAServerChosenBySeedAndBothAreChosenOverSeeds() {
        var first: Set<String> = []
        for seed in UInt64(0)..<20 {
            var f = MachineFixture(pair: true)
            f.profile.randomSeed = seed
            first.insert(f.start()[0])
        }
        #expect(first == ["connect 1 a.example:42028", "connect 1 b.example:43028"])
    }

    @Test func aFailedAttemptBacksOffThenTriesTheOtherServer() {
        var f = MachineFixture(pair: true)
        f.profile.randomSeed = 1
        let first = f.start()[0]
        #expect(text(f.machine.connectFailed(f.connection, reason: "refused", now: f.now)) == [])
        guard case .backingOff(let until, _) = f.machine.phase else { Issue.record("\(f.machine.phase)"); return }
        #expect(until >= .milliseconds(25) && until <= .milliseconds(50), "the first backoff is 50 ms, jittered down to half")
        f.now = until - .nanoseconds(1)
        #expect(f.tick() == [])
        f.now = until
        let second = f.tick()
        #expect(second.count == 1 && second[0].dropFirst("connect 2".count) != first.dropFirst("connect 1".count),
                "the other server: \(first) then \(second)")
    }

    @Test func backoffDoublesToItsCapWithJitterBetweenHalfAndAll() {
        let policy = ReconnectPolicy(base: .milliseconds(50), cap: .milliseconds(400))
        #expect((1...6).map { policy.backoff(afterFailures: $0) }
                == [.milliseconds(50), .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(400), .milliseconds(400)])
        var random = SplitMix64(seed: 3)
        for failures in 1...6 {
            let full = policy.backoff(afterFailures: failures)
            for _ in 0..<50 {
                let delay = policy.jitteredBackoff(afterFailures: failures, using: &random)
                #expect(delay >= full / 2 && delay <= full)
            }
        }
    }

    @Test func connectGivesUpAtItsTimeoutNamingTheServers() {
        var f = MachineFixture()
        _ = f.start()
        var results: [String] = []
        while f.now < .seconds(6), !results.contains(where: { $0.hasPrefix("connect failed") }) {
            if case .connecting = f.machine.phase {
                results += text(f.machine.connectFailed(f.connection, reason: "connection refused", now: f.now))
            }
            f.now += .milliseconds(10)
            results += f.tick()
        }
        #expect(results.last == "connect failed ConnectFailed")
        #expect(f.now >= .seconds(5) && f.now < .seconds(5) + .milliseconds(20))
        #expect(f.machine.phase == .idle)
        #expect(f.machine.lastError?.reason.contains("a.example:42028") == true)
        #expect(f.machine.lastError?.reason.contains("connection refused") == true)
    }

    @Test func aServerThatAcceptsAndNeverWelcomesIsGivenUpAfterTheAttemptTimeout() {
        var f = MachineFixture()
        _ = f.start()
        _ = f.connected()
        #expect(f.advance(.milliseconds(999)) == [])
        #expect(f.advance(.milliseconds(1)) == ["close 1"], "then a backoff")
        #expect(f.machine.lastError?.reason == "no welcome from a.example:42028 within 1.0 seconds")
    }

    @Test func anUnsupportedVersionFailsConnectAtOnceAndIsOnConnectionRejected() {
        var f = MachineFixture()
        _ = f.start()
        _ = f.connected()
        #expect(f.receive(.reject(code: .unsupportedVersion, reason: "the client offers 1, this server speaks 2"))
                == ["close 1", "raise OnConnectionRejected", "connect failed ConnectionRejected"])
        #expect(f.machine.phase == .idle)
    }

    @Test func aNotReadyServerIsAFailedAttempt() {
        var f = MachineFixture(pair: true)
        _ = f.start()
        _ = f.connected()
        #expect(f.receive(.reject(code: .notReady, reason: "catching up")) == ["close 1"])
        guard case .backingOff = f.machine.phase else { Issue.record("\(f.machine.phase)"); return }
    }

    @Test func anythingButWelcomeFirstIsAProtocolError() {
        var f = MachineFixture()
        _ = f.start()
        _ = f.connected()
        #expect(f.receive(MachineFixture.batch(3)) == ["close 1"])
        #expect(f.machine.counters.protocolErrors == 1)
        #expect(f.machine.lastError?.reason.contains("batch before welcome") == true)
    }

    @Test func aFrameFromAnOlderConnectionIsIgnored() {
        var f = MachineFixture()
        f.open()
        let old = ConnectionID(0)
        #expect(text(f.machine.received(.goodbye(code: .shutdown, reason: "old"), on: old, now: f.now)) == [])
        #expect(text(f.machine.closed(old, now: f.now)) == [])
        #expect(f.machine.connectionState == .connected(MachineFixture.serverA))
    }

    @Test func disconnectClosesAnswersEverythingAndEmptiesTheCache() {
        var f = MachineFixture()
        f.open()
        _ = text(f.machine.request("Login", [:], handle: RequestHandle(5), now: f.now))
        #expect(text(f.machine.stop(now: f.now))
                == ["close 1", "answer 5 ConnectionLost", "raise OnConnectionClosed", "reset cache"])
        #expect(f.machine.connectionState == .disconnected)
        #expect(text(f.machine.stop(now: f.now)) == [], "a second disconnect does nothing")
    }

    @Test func aSecondConnectWhileConnectedIsRefused() {
        var f = MachineFixture()
        f.open()
        #expect(f.start() == ["connect failed InvalidState"])
    }
}
