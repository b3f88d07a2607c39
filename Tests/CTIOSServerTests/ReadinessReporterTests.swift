@testable import CTIOSServer
import Testing

/// What the server tells systemd (or the node manager) as its readiness changes: `READY=1` once, `STATUS=` on a
/// change, `EXTEND_TIMEOUT_USEC=` while a restarted server catches up with its peer before its first `READY=1`.
struct ReadinessReporterTests {
    @Test func readyIsToldOnceThenOnlyChanges() {
        var reporter = ReadinessReporter()
        #expect(reporter.update(ready: false, catchingUp: false, status: "waiting", periodic: true) == .status)
        #expect(reporter.update(ready: false, catchingUp: false, status: "waiting", periodic: true) == .none)
        #expect(reporter.update(ready: true, catchingUp: false, status: "serving 0 clients", periodic: false) == .ready)
        #expect(reporter.update(ready: true, catchingUp: false, status: "serving 0 clients", periodic: true) == .none)
        #expect(reporter.update(ready: true, catchingUp: false, status: "serving 3 clients", periodic: false) == .none)
        #expect(reporter.update(ready: true, catchingUp: false, status: "serving 3 clients", periodic: true) == .status)
        #expect(reporter.update(ready: false, catchingUp: false, status: "waiting", periodic: false) == .status)
        #expect(reporter.update(ready: true, catchingUp: false, status: "serving 3 clients", periodic: false) == .status)
    }

    @Test func catchingUpExtendsTheStartDeadlineEachSecondUntilReady() {
        var reporter = ReadinessReporter()
        #expect(reporter.update(ready: false, catchingUp: true, status: "catching up with the peer", periodic: false) == .none)
        #expect(reporter.update(ready: false, catchingUp: true, status: "catching up with the peer", periodic: true) == .extend)
        #expect(reporter.update(ready: false, catchingUp: true, status: "catching up with the peer", periodic: true) == .extend)
        #expect(reporter.update(ready: true, catchingUp: false, status: "backup, serving 0 clients", periodic: true) == .ready)
    }

    /// The twin: a server waiting for the CTI Server (not its peer) is not making the progress that earns more time,
    /// and one already told ready never extends a start deadline that has passed.
    @Test func onlyCatchingUpBeforeTheFirstReadyExtends() {
        var reporter = ReadinessReporter()
        #expect(reporter.update(ready: false, catchingUp: false, status: "waiting", periodic: true) == .status)
        #expect(reporter.update(ready: false, catchingUp: false, status: "waiting", periodic: true) == .none)
        #expect(reporter.update(ready: true, catchingUp: false, status: "primary", periodic: false) == .ready)
        #expect(reporter.update(ready: false, catchingUp: true, status: "catching up with the peer", periodic: true) == .status)
        #expect(reporter.update(ready: false, catchingUp: true, status: "catching up with the peer", periodic: true) == .none)
    }
}
