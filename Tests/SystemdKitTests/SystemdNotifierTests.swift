#if canImport(Glibc)
import Glibc
#endif
import SystemdKit
import Testing

/// These tests set NOTIFY_SOCKET and WATCHDOG_* for the whole process, so they run one at a time.
@Suite(.serialized)
struct SystemdNotifierTests {
    @Test func sendsEachStateAsTheProtocolSpellsIt() throws {
        let socket = try NotifySocket()
        try withEnvironment(["NOTIFY_SOCKET": socket.path]) {
            let notifier = SystemdNotifier()
            #expect(notifier.isEnabled)
            try notifier.ready(status: "serving 3 sessions")
            try notifier.status("line one\nline two")
            try notifier.watchdog()
            try notifier.extendTimeout(by: .milliseconds(2_500))
            try notifier.stopping()
        }
        #expect(socket.received() == [
            "READY=1\nSTATUS=serving 3 sessions",
            "STATUS=line one line two",
            "WATCHDOG=1",
            "EXTEND_TIMEOUT_USEC=2500000",
            "STOPPING=1",
        ])
    }

    @Test func withoutNotifySocketEverySendIsANoOp() throws {
        try withEnvironment(["NOTIFY_SOCKET": nil, "WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            let notifier = SystemdNotifier()
            #expect(!notifier.isEnabled)
            #expect(notifier.watchdogPingInterval == nil)
            try notifier.ready()
            try notifier.watchdog()
        }
    }

    @Test func pingsAtHalfTheWatchdogInterval() {
        withEnvironment(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "\(getpid())"]) {
            #expect(SystemdNotifier().watchdogPingInterval == .milliseconds(1_500))
        }
    }

    @Test func aWatchdogMeantForAnotherProcessIsIgnored() {
        withEnvironment(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "\(getpid() + 1)"]) {
            #expect(SystemdNotifier().watchdogPingInterval == nil)
        }
    }

    @Test func anUnreachableSocketIsAnErrorNamingTheState() {
        withEnvironment(["NOTIFY_SOCKET": "/nonexistent/ctios-notify.sock"]) {
            let error = #expect(throws: SystemdError.self) { try SystemdNotifier().watchdog() }
            #expect(error?.operation == "sd_notify(WATCHDOG)")
            #expect(error?.description.contains("No such file or directory") == true)
        }
    }

    @Test func extendTimeoutRoundsDownToMicroseconds() {
        #expect(NotifyState.extendTimeout(.nanoseconds(1_999)).assignment == "EXTEND_TIMEOUT_USEC=1")
        #expect(NotifyState.extendTimeout(.seconds(-1)).assignment == "EXTEND_TIMEOUT_USEC=0")
    }
}
