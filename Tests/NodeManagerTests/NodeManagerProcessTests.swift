import AdminHTTP
import Foundation
import NodeManager
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The node manager over real child processes that crash, hang, never become ready or flap. Run one at a time:
/// restart timings are measured, and two cores shared by parallel tests would blur them.
@Suite(.serialized)
struct NodeManagerProcessTests {
    typealias H = NodeManagerHarness

    @Test func aCrashedChildIsRestartedAtOnce() async throws {
        let harness = try H { [H.child("crasher", ["--crash-after", "200"], directory: $0)] }
        let snapshot = try await harness.waitFor("a restart after the crash, ready again") {
            ($0.child("crasher")?.restarts ?? 0) >= 1 && $0.child("crasher")?.state.isUp == true
        }
        let child = try #require(snapshot.child("crasher"))
        #expect(child.lastExit == "signal 11 (SEGV)")
        let recovery = try #require(child.lastRecoverySeconds)
        // Exit to READY=1 of the new process: the restart is immediate, so this is the child's own start time.
        #expect(recovery < 1.0, "exit to READY=1 took \(recovery) s")
        #expect(snapshot.notifiedReady)
        #expect(harness.reports("crasher").count >= 2)
        _ = try await harness.stop()
    }

    @Test func aHungChildIsKilledWithinItsWatchdogIntervalAndRestarted() async throws {
        let harness = try H { [H.child("hanger", ["--hang-after", "300"], directory: $0) { $0.watchdogSeconds = 1 }] }
        let snapshot = try await harness.waitFor("the hung child killed and restarted") {
            ($0.child("hanger")?.restarts ?? 0) >= 1
        }
        let child = try #require(snapshot.child("hanger"))
        #expect(child.lastExit == "signal 6 (ABRT)")
        let silence = try #require(child.lastKillSilenceSeconds)
        // It pings every 0.5 s; the kill comes 1 s after its last ping, plus the loop's reaction (at most 10%).
        #expect(silence >= 1 && silence <= 1.1, "killed after \(silence) s of silence (watchdog 1 s + 10%)")
        #expect(child.lastKill?.hasPrefix("watchdog after") == true)
        _ = try await harness.stop()
    }

    @Test func aHungChildThatIgnoresAbortIsKilledAfterTheGrace() async throws {
        let harness = try H {
            [H.child("stubborn", ["--hang-after", "100", "--ignore-abort"], directory: $0) {
                $0.watchdogSeconds = 0.3
                $0.abortGraceSeconds = 0.3
            }]
        }
        let snapshot = try await harness.waitFor("the child killed with SIGKILL") { ($0.child("stubborn")?.restarts ?? 0) >= 1 }
        #expect(snapshot.child("stubborn")?.lastExit == "signal 9 (KILL)")
        _ = try await harness.stop()
    }

    @Test func aChildNeverReadyIsKilledAtItsStartDeadline() async throws {
        let started = ContinuousClock.now
        let harness = try H { [H.child("sleeper", ["--never-ready"], directory: $0) { $0.startTimeoutSeconds = 0.5 }] }
        let snapshot = try await harness.waitFor("the child killed for not being ready") { ($0.child("sleeper")?.restarts ?? 0) >= 1 }
        let elapsed = ContinuousClock.now - started
        let child = try #require(snapshot.child("sleeper"))
        #expect(child.lastExit == "signal 15 (TERM)")
        #expect(child.lastKill?.hasPrefix("start-timeout after 0.5") == true, "\(child.lastKill ?? "-")")
        #expect(elapsed >= .milliseconds(500) && elapsed < .seconds(3))
        #expect(!snapshot.notifiedReady)
        _ = try await harness.stop()
    }

    @Test func extendTimeoutKeepsACatchingUpChildStarting() async throws {
        let harness = try H {
            [H.child("catcher", ["--extend", "5000", "--ready-after", "900"], directory: $0) { $0.startTimeoutSeconds = 0.3 }]
        }
        let snapshot = try await harness.waitFor("the child ready after its extended start") { $0.child("catcher")?.state.isUp == true }
        #expect(snapshot.child("catcher")?.restarts == 0)
        #expect((snapshot.child("catcher")?.lastStartSeconds ?? 0) >= 0.9)
        _ = try await harness.stop()
    }

    @Test func aFlappingChildBacksOffThenTheNodeManagerEscalates() async throws {
        let harness = try H {
            [H.child("flapper", ["--exit-after", "0", "--exit-code", "3"], directory: $0) {
                $0.restartBackoffSeconds = 0.2
                $0.maximumRestartBackoffSeconds = 1
                $0.restartBurst = 3
                $0.stableSeconds = 60
            }]
        }
        let result = try await harness.finish()
        guard case .failure(let error as NodeManagerError) = result else {
            Issue.record("expected an escalation, got \(result)")
            return
        }
        #expect(error.code == .escalated)
        #expect(error.message.contains("child flapper failed too often"))
        #expect(harness.manager.snapshot.child("flapper")?.state == .failed)
        #expect(harness.manager.snapshot.child("flapper")?.lastExit == "exit status 3")
        // Four starts: the first restart at once, then 0.2 s and 0.4 s of backoff; the fourth exit escalates.
        let starts = harness.reports("flapper").compactMap { $0["t"].flatMap(Int.init) }
        #expect(starts.count == 4, "\(starts)")
        guard starts.count == 4 else { return }
        let gaps = zip(starts.dropFirst(), starts).map { $0 - $1 }
        // Each gap is the backoff plus the child's own life (start, READY=1, exit): tens of milliseconds.
        #expect(gaps[0] < 400, "first restart after \(gaps[0]) ms")
        #expect(gaps[1] >= 200 && gaps[1] < 900, "second restart after \(gaps[1]) ms")
        #expect(gaps[2] >= 400 && gaps[2] < 1_100, "third restart after \(gaps[2]) ms")
    }

    @Test func notificationsFromAnotherProcessAreRefused() async throws {
        let harness = try H { [H.child("quiet", ["--never-ready"], directory: $0) { $0.startTimeoutSeconds = 30 }] }
        try await harness.waitFor("the child started") { $0.child("quiet")?.pid != nil }
        let socketPath = try #require(harness.reports("quiet").first?["NOTIFY_SOCKET"])
        // This test process is not the child: READY=1 from here must not count.
        try sendDatagram("READY=1\nWATCHDOG=1", to: socketPath)
        let snapshot = try await harness.waitFor("the message refused") { $0.child("quiet")?.refusedNotifications == 1 }
        #expect(snapshot.child("quiet")?.state == .starting)
        _ = try await harness.stop()
    }

    @Test func theChildGetsItsEnvironmentAndHeldSockets() async throws {
        let port = try freePort()
        let harness = try H(node: "B") {
            [H.child("server", ["--serve"], directory: $0) {
                $0.environment = ["CTIOS_EXTRA": "1"]
                $0.sockets = [.init(name: "cil", listen: "127.0.0.1:\(port)")]
            }]
        }
        let snapshot = try await harness.waitFor("the child ready") { $0.child("server")?.state.isUp == true }
        let report = try #require(harness.reports("server").first)
        #expect(report["pid"] == snapshot.child("server")?.pid.map { "\($0)" })
        #expect(report["pgid"] == report["pid"], "the child leads its own process group")
        #expect(report["sockets"] == "cil" && report["listening"] == "true")
        #expect(report["watchdogPingMs"] == "200", "half of the 0.4 s watchdog")
        #expect(report["SWIFT_BACKTRACE"] == "enable=no")
        #expect(report["CTIOS_NODE"] == "B" && report["CTIOS_CHILD"] == "server")
        #expect(report["LISTEN_FDS"] == "", "the child's SystemdKit took the sockets and cleared the variables")
        #expect(snapshot.child("server")?.sockets == ["cil=127.0.0.1:\(port)"])
        #expect(try answer(fromPort: port) == report["pid"])
        #expect(NodeManagerAdmin.readiness(of: harness.manager) == .ready)
        _ = try await harness.stop()
        #expect(NodeManagerAdmin.readiness(of: harness.manager) == .notReady(reason: "server stopped"))
    }

    @Test func aHeldSocketKeepsClientsWaitingWhileTheChildRestarts() async throws {
        let port = try freePort()
        let harness = try H {
            [H.child("server", ["--serve", "--hang-after", "400"], directory: $0) {
                $0.watchdogSeconds = 0.5
                $0.sockets = [.init(name: "cil", listen: "127.0.0.1:\(port)")]
            }]
        }
        let first = try await harness.waitFor("the child ready") { $0.child("server")?.state.isUp == true }
        let firstPID = try #require(first.child("server")?.pid)
        try await Task.sleep(for: .milliseconds(500))  // the child is hung now (it hangs 0.4 s after READY=1)
        // Connect while it is hung and then killed: the connection waits in the held socket's backlog and the
        // restarted child answers it.
        let answered = try answer(fromPort: port, timeout: 5)
        let second = try await harness.waitFor("the restart recorded") { ($0.child("server")?.restarts ?? 0) >= 1 }
        #expect(answered != nil && answered != "\(firstPID)", "answered by \(answered ?? "nobody"), the hung child was \(firstPID)")
        #expect(answered == harness.reports("server").last?["pid"])
        #expect(second.child("server")?.lastExit == "signal 6 (ABRT)")
        _ = try await harness.stop()
    }

    @Test func stopEndsEveryChildInReverseOrderAndKillsOneThatIgnoresTerm() async throws {
        let harness = try H {
            [H.child("first", [], directory: $0), H.child("second", ["--ignore-term"], directory: $0) { $0.stopTimeoutSeconds = 0.3 }]
        }
        let snapshot = try await harness.waitFor("both children ready") { $0.ready }
        #expect(snapshot.notifiedReady)
        let pids = snapshot.children.compactMap(\.pid)
        let result = try await harness.stop()
        if case .failure(let error) = result { Issue.record("stop failed: \(error)") }
        let after = harness.manager.snapshot
        #expect(after.children.map(\.state) == [.stopped, .stopped])
        #expect(after.child("first")?.lastExit == "signal 15 (TERM)")
        #expect(after.child("second")?.lastExit == "signal 9 (KILL)")
        for pid in pids { #expect(kill(pid, 0) != 0, "process \(pid) is gone") }
    }

    @Test func aMissingProgramIsRefusedAtStartNamingTheChild() async throws {
        let harness = try H { directory in
            var child = NodeManagerConfiguration.Child(name: "ghost", executable: "/nonexistent/ctios")
            child.arguments = []
            _ = directory
            return [child]
        }
        let result = try await harness.finish()
        guard case .failure(let error as NodeManagerError) = result else {
            Issue.record("expected a setup error, got \(result)")
            return
        }
        #expect(error.code == .setup)
        #expect(error.message.contains("child ghost"))
    }
}

// MARK: Helpers

/// A port free on 127.0.0.1 right now.
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    guard bound else { throw POSIXError(.EADDRINUSE) }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// Connects to 127.0.0.1:`port` and reads one line (the test child's pid); `nil` if nothing came in `timeout`.
func answer(fromPort port: Int, timeout: Int = 2) throws -> String? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED) }
    var wait = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = read(fd, &buffer, buffer.count)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Sends one datagram to a Unix socket, from this process.
func sendDatagram(_ text: String, to path: String) throws {
    let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in path.utf8CString.withUnsafeBytes { raw.copyMemory(from: $0) } }
    let sent = text.withCString { bytes in
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes, strlen(bytes), 0, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
    }
    guard sent >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
