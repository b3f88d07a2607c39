import NodeManager
import SystemdKit
import Testing

/// The node as a whole: READY=1 once every child is ready, STATUS= on change, escalation, stop in reverse order.
struct NodeSupervisionStateMachineTests {
    typealias Node = NodeSupervisionStateMachine
    static let child = ChildSupervisionConfiguration(
        startTimeout: .seconds(30), watchdogInterval: .seconds(10), abortGrace: .seconds(5), stopTimeout: .seconds(10),
        stableAfter: .seconds(30), initialBackoff: .zero, maximumBackoff: .zero, restartBurst: 2, restartInterval: .seconds(60))

    /// A node of `sim` (pid 100) and `server` (pid 200), both spawned at zero.
    func started() -> Node {
        var node = Node(node: "A", children: [("sim", Self.child), ("server", Self.child)])
        let actions = node.start(now: .zero)
        #expect(actions.filter { if case .child(_, .spawn) = $0 { true } else { false } }.count == 2)
        _ = node.spawned(child: 0, pid: 100, now: .zero)
        _ = node.spawned(child: 1, pid: 200, now: .zero)
        return node
    }

    @Test func readyGoesToSystemdOnlyOnceEveryChildIsReady() {
        var node = started()
        let first = node.notification(child: 0, [.ready], from: 100, now: .seconds(1))
        #expect(!first.contains { if case .notifyReady = $0 { true } else { false } })
        #expect(first.contains(.notifyStatus("node A: 1/2 up; sim ready (pid 100); server starting (pid 200)")))
        let second = node.notification(child: 1, [.ready], from: 200, now: .seconds(2))
        #expect(second.last == .notifyReady(status: "node A: 2/2 up; sim ready (pid 100); server ready (pid 200)"))
        #expect(node.isReady)
        // A later restart does not send READY=1 again; the status line tells it.
        let restart = node.exited(child: 1, pid: 200, .signaled(9), now: .seconds(3))
        #expect(!restart.contains { if case .notifyReady = $0 { true } else { false } })
        #expect(restart.last == .notifyStatus("node A: 1/2 up; sim ready (pid 100); server starting (1 restart)"))
    }

    @Test func aChildsExtendTimeoutIsForwardedOnlyWhileTheNodeStarts() {
        var node = started()
        #expect(node.notification(child: 1, [.extendTimeout(.seconds(90))], from: 200, now: .seconds(1))
            .contains(.extendStartTimeout(.seconds(90))))
        _ = node.notification(child: 0, [.ready], from: 100, now: .seconds(2))
        _ = node.notification(child: 1, [.ready], from: 200, now: .seconds(3))
        _ = node.exited(child: 1, pid: 200, .exited(1), now: .seconds(4))
        _ = node.spawned(child: 1, pid: 201, now: .seconds(4))
        #expect(!node.notification(child: 1, [.extendTimeout(.seconds(90))], from: 201, now: .seconds(5))
            .contains(.extendStartTimeout(.seconds(90))))
    }

    @Test func stopGoesInReverseOrderOneChildAtATime() {
        var node = started()
        let stop = node.stop(now: .seconds(1))
        #expect(stop.prefix(2) == [.notifyStopping, .child(1, .signal(.terminate, pid: 200))])
        #expect(!stop.contains(.child(0, .signal(.terminate, pid: 100))))
        let serverGone = node.exited(child: 1, pid: 200, .signaled(15), now: .seconds(2))
        #expect(serverGone.prefix(2) == [.child(1, .didStop(exit: .signaled(15))), .child(0, .signal(.terminate, pid: 100))])
        let simGone = node.exited(child: 0, pid: 100, .exited(0), now: .seconds(3))
        #expect(simGone.contains(.exit(.stopped)))
        #expect(node.exit == .stopped)
    }

    @Test func escalationStopsTheOthersAndExitsWithFailure() {
        var node = started()
        _ = node.exited(child: 0, pid: 100, .exited(1), now: .seconds(1))
        _ = node.spawned(child: 0, pid: 101, now: .seconds(1))
        _ = node.exited(child: 0, pid: 101, .exited(1), now: .seconds(2))
        _ = node.spawned(child: 0, pid: 102, now: .seconds(2))
        let actions = node.exited(child: 0, pid: 102, .exited(1), now: .seconds(3))
        #expect(actions.contains(.notifyStopping))
        #expect(actions.contains(.child(1, .signal(.terminate, pid: 200))))
        let done = node.exited(child: 1, pid: 200, .signaled(15), now: .seconds(4))
        guard case .exit(.escalated(let child, _)) = done.first(where: { if case .exit = $0 { true } else { false } }) else {
            Issue.record("expected an escalated exit, got \(done)")
            return
        }
        #expect(child == "sim")
    }

    @Test func aChildThatWillNotDieIsAbandonedAfterItsBound() {
        var node = started()
        _ = node.stop(now: .zero)
        // stop timeout 10 s → SIGKILL; then 5 s more before giving up on it.
        #expect(node.tick(now: .seconds(10)).contains(.child(1, .signal(.kill, pid: 200))))
        #expect(node.nextDeadline == .seconds(15))
        let abandoned = node.tick(now: .seconds(15))
        #expect(abandoned.prefix(2) == [.abandoned(child: 1), .child(0, .signal(.terminate, pid: 100))])
    }

    @Test func stopBeforeAnythingRunsExitsAtOnce() {
        var node = Node(node: "B", children: [("server", Self.child)])
        #expect(node.stop(now: .zero) == [.notifyStopping, .child(0, .didStop(exit: nil)), .exit(.stopped),
                                          .notifyStatus("node B: stopping, 0/1 up; server stopped")])
    }
}
