import NodeManager
import SystemdKit
import Testing

/// The supervision of one child, driven by hand: time is an input, so every deadline is checked at its edge
/// (one nanosecond before: nothing; at it: the action).
struct ChildSupervisionStateMachineTests {
    typealias Machine = ChildSupervisionStateMachine
    let ns = Duration.nanoseconds(1)

    static let configuration = ChildSupervisionConfiguration(
        startTimeout: .seconds(30), watchdogInterval: .seconds(10), abortGrace: .seconds(5), stopTimeout: .seconds(10),
        stableAfter: .seconds(30), initialBackoff: .milliseconds(100), maximumBackoff: .seconds(10),
        restartBurst: 5, restartInterval: .seconds(60))

    /// A child spawned as pid 100 at `at`.
    func started(_ configuration: ChildSupervisionConfiguration = configuration, at: Duration = .zero) -> Machine {
        var machine = Machine(configuration: configuration)
        #expect(machine.start(now: at) == [.spawn])
        #expect(machine.state == .starting)
        #expect(machine.spawned(pid: 100, now: at) == [])
        return machine
    }

    /// A child ready at `at` (spawned at zero).
    func ready(_ configuration: ChildSupervisionConfiguration = configuration, at: Duration = .seconds(1)) -> Machine {
        var machine = started(configuration)
        _ = machine.notification([.ready], from: 100, now: at)
        return machine
    }

    // MARK: Start

    @Test func startsOnceAndReportsReadyWithItsStartTime() {
        var machine = started()
        #expect(machine.start(now: .seconds(1)) == [])
        #expect(machine.pid == 100)
        #expect(machine.notification([.ready], from: 100, now: .milliseconds(250))
            == [.becameReady(pid: 100, startedIn: .milliseconds(250), recoveredIn: nil)])
        #expect(machine.state == .ready)
    }

    @Test func notReadyAtTheStartDeadlineIsTerminatedThenKilledAfterTheGrace() {
        var machine = started()
        #expect(machine.nextDeadline == .seconds(30))
        #expect(machine.tick(now: .seconds(30) - ns) == [])
        #expect(machine.tick(now: .seconds(30)) == [.becameUnhealthy(.startTimeout, pid: 100, silence: .seconds(30)), .signal(.terminate, pid: 100)])
        #expect(machine.state == .unhealthy)
        #expect(machine.tick(now: .seconds(35) - ns) == [])
        #expect(machine.tick(now: .seconds(35)) == [.signal(.kill, pid: 100)])
        #expect(machine.tick(now: .seconds(100)) == [])
        #expect(machine.exited(pid: 100, .signaled(9), now: .seconds(36))
            == [.willRestart(.startTimeout, exit: .signaled(9), delay: .zero, attempt: 1), .spawn])
    }

    @Test func extendTimeoutMovesTheStartDeadlineButNeverEarlier() {
        var machine = started()
        #expect(machine.notification([.extendTimeout(.seconds(50))], from: 100, now: .seconds(20))
            == [.extendedStart(by: .seconds(50), until: .seconds(70))])
        #expect(machine.tick(now: .seconds(70) - ns) == [])
        #expect(machine.notification([.extendTimeout(.seconds(1))], from: 100, now: .seconds(60))
            == [.extendedStart(by: .seconds(1), until: .seconds(70))])
        #expect(machine.tick(now: .seconds(70)).first == .becameUnhealthy(.startTimeout, pid: 100, silence: .seconds(70)))
    }

    @Test func extendTimeoutAfterReadyChangesNothing() {
        var machine = ready()
        #expect(machine.notification([.extendTimeout(.seconds(50))], from: 100, now: .seconds(2)) == [])
    }

    // MARK: Watchdog

    @Test func theWatchdogStartsAtReadyAndEachPingMovesIt() {
        var machine = ready(at: .seconds(1))
        #expect(machine.nextDeadline == .seconds(11))
        #expect(machine.tick(now: .seconds(11) - ns) == [])
        #expect(machine.notification([.watchdog], from: 100, now: .seconds(6)) == [])
        #expect(machine.tick(now: .seconds(16) - ns) == [])
        #expect(machine.tick(now: .seconds(16)) == [.becameUnhealthy(.watchdog, pid: 100, silence: .seconds(10)), .signal(.abort, pid: 100)])
        #expect(machine.tick(now: .seconds(21) - ns) == [])
        #expect(machine.tick(now: .seconds(21)) == [.signal(.kill, pid: 100)])
        #expect(machine.exited(pid: 100, .signaled(6), now: .seconds(21))
            == [.willRestart(.watchdog, exit: .signaled(6), delay: .zero, attempt: 1), .spawn])
    }

    @Test func pingsWhileStartingDoNotCountAndTheDeadlineIsTheStartOne() {
        var machine = started()
        #expect(machine.notification([.watchdog], from: 100, now: .seconds(25)) == [])
        #expect(machine.nextDeadline == .seconds(30))
    }

    @Test func withoutAWatchdogOnlyStabilityIsTimed() {
        var configuration = Self.configuration
        configuration.watchdogInterval = nil
        var machine = ready(configuration, at: .seconds(1))
        #expect(machine.nextDeadline == .seconds(31))
        #expect(machine.tick(now: .seconds(31)) == [])
        #expect(machine.state == .running)
        #expect(machine.nextDeadline == nil)
    }

    @Test func watchdogTriggerKillsAtOnce() {
        var machine = ready()
        #expect(machine.notification([.watchdogTrigger], from: 100, now: .seconds(2))
            == [.becameUnhealthy(.watchdogTrigger, pid: 100, silence: .seconds(1)), .signal(.abort, pid: 100)])
    }

    @Test func aChildMayChangeItsOwnWatchdogInterval() {
        var machine = ready(at: .seconds(1))
        _ = machine.notification([.watchdogInterval(.seconds(2))], from: 100, now: .seconds(2))
        #expect(machine.nextDeadline == .seconds(4))
        _ = machine.notification([.watchdog], from: 100, now: .seconds(3))
        #expect(machine.nextDeadline == .seconds(5))
    }

    @Test func aHungChildThatIgnoresAbortIsKilledAfterTheGraceAndThenWaitedFor() {
        var machine = ready(at: .seconds(1))
        _ = machine.tick(now: .seconds(11))
        #expect(machine.tick(now: .seconds(16)) == [.signal(.kill, pid: 100)])
        #expect(machine.state == .unhealthy)
        #expect(machine.nextDeadline == nil)
    }

    // MARK: Stability and backoff

    @Test func readyForStableAfterBecomesRunningAndResetsTheBackoff() {
        var machine = ready(at: .seconds(1))
        // Crash twice quickly: the second restart waits the initial backoff.
        #expect(machine.exited(pid: 100, .exited(1), now: .seconds(2)) == [.willRestart(.exit, exit: .exited(1), delay: .zero, attempt: 1), .spawn])
        _ = machine.spawned(pid: 101, now: .seconds(2))
        _ = machine.notification([.ready], from: 101, now: .seconds(3))
        // Ready long enough (with pings): running, backoff reset.
        for second in stride(from: 8, through: 33, by: 5) {
            _ = machine.notification([.watchdog], from: 101, now: .seconds(second))
        }
        #expect(machine.tick(now: .seconds(33) - ns) == [])
        #expect(machine.state == .ready)
        #expect(machine.tick(now: .seconds(33)) == [])
        #expect(machine.state == .running)
        #expect(machine.exited(pid: 101, .signaled(11), now: .seconds(34))
            == [.willRestart(.crash, exit: .signaled(11), delay: .zero, attempt: 1), .spawn])
        #expect(machine.restartCount == 2)
    }

    @Test func restartsInARowBackOffDoublingUpToTheMaximum() {
        var configuration = Self.configuration
        configuration.restartBurst = 100
        configuration.restartInterval = .seconds(1)
        var machine = started(configuration)
        var now = Duration.zero
        var delays: [Duration] = []
        for pid in Int32(100)..<Int32(110) {
            now += .seconds(2)
            let actions = machine.exited(pid: pid, .exited(1), now: now)
            guard case .willRestart(.exit, _, let delay, _) = actions.first else {
                Issue.record("expected a restart, got \(actions)")
                return
            }
            delays.append(delay)
            if delay > .zero {
                #expect(machine.state == .backingOff)
                #expect(machine.tick(now: now + delay - ns) == [])
                now += delay
                #expect(machine.tick(now: now) == [.spawn])
            }
            _ = machine.spawned(pid: pid + 1, now: now)
        }
        #expect(delays == [0, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 10, 10].map { Duration.milliseconds(Int64($0 * 1_000)) })
    }

    @Test func moreThanTheBurstWithinTheIntervalEscalates() {
        var configuration = Self.configuration
        configuration.initialBackoff = .zero
        configuration.maximumBackoff = .zero
        var machine = started(configuration)
        for pid in Int32(100)..<Int32(105) {
            let now = Duration.seconds(Int64(pid - 99))
            #expect(machine.exited(pid: pid, .exited(1), now: now).last == .spawn)
            _ = machine.spawned(pid: pid + 1, now: now)
        }
        let actions = machine.exited(pid: 105, .exited(1), now: .seconds(6))
        guard case .escalate(let reason) = actions.first else {
            Issue.record("expected an escalation, got \(actions)")
            return
        }
        #expect(reason.contains("6 failures"))
        #expect(machine.state == .failed)
        #expect(machine.isFinished)
        #expect(machine.nextDeadline == nil)
    }

    @Test func restartsOlderThanTheIntervalNoLongerCount() {
        var configuration = Self.configuration
        configuration.initialBackoff = .zero
        configuration.maximumBackoff = .zero
        var machine = started(configuration)
        // Five restarts at 1…5 s; the sixth at 61 s sees only those after 1 s (2…5: four).
        for pid in Int32(100)..<Int32(105) {
            let now = Duration.seconds(Int64(pid - 99))
            _ = machine.exited(pid: pid, .exited(1), now: now)
            _ = machine.spawned(pid: pid + 1, now: now)
        }
        #expect(machine.exited(pid: 105, .exited(1), now: .seconds(61)).last == .spawn)
    }

    @Test func onFailureLeavesACleanExitStopped() {
        var configuration = Self.configuration
        configuration.restart = .onFailure
        var machine = ready(configuration)
        #expect(machine.exited(pid: 100, .exited(0), now: .seconds(2)) == [.didStop(exit: .exited(0))])
        #expect(machine.state == .stopped)
        var failing = ready(configuration)
        #expect(failing.exited(pid: 100, .exited(2), now: .seconds(2)).last == .spawn)
    }

    @Test func aSpawnFailureIsRestartedLikeAnExit() {
        var machine = Machine(configuration: Self.configuration)
        _ = machine.start(now: .zero)
        #expect(machine.spawnFailed(errno: 2, now: .zero)
            == [.willRestart(.spawnFailed, exit: .spawnFailed(2), delay: .zero, attempt: 1), .spawn])
        #expect(machine.spawnFailed(errno: 2, now: .zero) == [.willRestart(.spawnFailed, exit: .spawnFailed(2), delay: .milliseconds(100), attempt: 2)])
        #expect(machine.state == .backingOff)
    }

    @Test func recoveryIsMeasuredFromTheExitToReady() {
        var machine = ready()
        _ = machine.exited(pid: 100, .signaled(9), now: .seconds(5))
        _ = machine.spawned(pid: 101, now: .seconds(5) + .milliseconds(10))
        #expect(machine.notification([.ready], from: 101, now: .seconds(5) + .milliseconds(80))
            == [.becameReady(pid: 101, startedIn: .milliseconds(70), recoveredIn: .milliseconds(80))])
    }

    // MARK: Credentials and content

    @Test func notificationsFromAnyOtherPidAreRefused() {
        var machine = started()
        #expect(machine.notification([.ready], from: 999, now: .seconds(1)) == [.refusedNotification(fromPID: 999)])
        #expect(machine.state == .starting)
        // An old instance's late message after a restart is refused too.
        _ = machine.notification([.ready], from: 100, now: .seconds(1))
        _ = machine.exited(pid: 100, .exited(1), now: .seconds(2))
        _ = machine.spawned(pid: 101, now: .seconds(2))
        #expect(machine.notification([.ready], from: 100, now: .seconds(2)) == [.refusedNotification(fromPID: 100)])
    }

    @Test func nothingIsAcceptedWhileNoProcessRuns() {
        var machine = Machine(configuration: Self.configuration)
        #expect(machine.notification([.ready], from: 100, now: .zero) == [.refusedNotification(fromPID: 100)])
        #expect(machine.exited(pid: 100, .exited(0), now: .zero) == [])
    }

    @Test func statusIsKeptAndUnknownLinesIgnored() {
        var machine = started()
        #expect(machine.notification([.status("catching up 40%"), .unknown("X=1"), .mainPID(7)], from: 100, now: .seconds(1)) == [])
        #expect(machine.statusText == "catching up 40%")
    }

    // MARK: Stop

    @Test func stopTerminatesThenKillsAfterTheStopTimeout() {
        var machine = ready()
        #expect(machine.stop(now: .seconds(2)) == [.signal(.terminate, pid: 100)])
        #expect(machine.state == .stopping)
        #expect(machine.tick(now: .seconds(12) - ns) == [])
        #expect(machine.tick(now: .seconds(12)) == [.signal(.kill, pid: 100)])
        #expect(machine.exited(pid: 100, .signaled(9), now: .seconds(12)) == [.didStop(exit: .signaled(9))])
        #expect(machine.isFinished)
    }

    @Test func stopWhileBackingOffStopsAtOnce() {
        var machine = ready()
        _ = machine.exited(pid: 100, .exited(1), now: .seconds(2))
        _ = machine.spawned(pid: 101, now: .seconds(2))
        _ = machine.exited(pid: 101, .exited(1), now: .seconds(3))
        #expect(machine.state == .backingOff)
        #expect(machine.stop(now: .seconds(3)) == [.didStop(exit: nil)])
        #expect(machine.tick(now: .seconds(10)) == [])
    }

    @Test func stopWhileSpawningTerminatesOnceThePidIsKnown() {
        var machine = Machine(configuration: Self.configuration)
        _ = machine.start(now: .zero)
        #expect(machine.stop(now: .zero) == [])
        #expect(machine.spawned(pid: 100, now: .zero) == [.signal(.terminate, pid: 100)])
        #expect(machine.exited(pid: 100, .signaled(15), now: .seconds(1)) == [.didStop(exit: .signaled(15))])
    }

    @Test func anExitDuringStopIsNeverRestarted() {
        var machine = ready()
        _ = machine.stop(now: .seconds(2))
        #expect(machine.exited(pid: 100, .exited(1), now: .seconds(3)) == [.didStop(exit: .exited(1))])
    }

    @Test func extendTimeoutWhileStoppingMovesTheKill() {
        var machine = ready()
        _ = machine.stop(now: .seconds(2))
        _ = machine.notification([.extendTimeout(.seconds(20))], from: 100, now: .seconds(3))
        #expect(machine.nextDeadline == .seconds(23))
    }

    @Test func stopWhileUnhealthyLetsTheKillFinish() {
        var machine = ready(at: .seconds(1))
        _ = machine.tick(now: .seconds(11))
        #expect(machine.stop(now: .seconds(12)) == [])
        #expect(machine.state == .stopping)
        #expect(machine.tick(now: .seconds(16)) == [.signal(.kill, pid: 100)])
        #expect(machine.exited(pid: 100, .signaled(9), now: .seconds(16)) == [.didStop(exit: .signaled(9))])
    }
}
