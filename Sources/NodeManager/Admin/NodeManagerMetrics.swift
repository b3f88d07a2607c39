public import AdminHTTP
import CoreMetrics

/// The node manager's metrics, in the registry its admin server renders on `GET /metrics`.
///
/// | metric | labels | meaning |
/// |---|---|---|
/// | `ctios_nodemgr_child_restarts_total` | child, reason | restarts, by reason (`exit`, `crash`, `watchdog`, `start-timeout`, `spawn-failed`) |
/// | `ctios_nodemgr_child_kills_total` | child, reason | kills for a missed watchdog or start deadline |
/// | `ctios_nodemgr_child_up` | child | 1 while the child is ready or running |
/// | `ctios_nodemgr_child_state` | child, state | 1 for the child's current state, 0 for the others |
/// | `ctios_nodemgr_child_recovery_seconds` | child | histogram: exit to `READY=1` after the restart |
/// | `ctios_nodemgr_child_start_seconds` | child | histogram: spawn to `READY=1` |
/// | `ctios_nodemgr_child_silence_seconds` | child | histogram: a killed child's silence (last ping to kill) |
/// | `ctios_nodemgr_notifications_refused_total` | child | datagrams on a child's socket from another process |
/// | `ctios_nodemgr_escalations_total` | — | times the node manager gave up on a child |
/// | `ctios_nodemgr_ready` | — | 1 once the node sent `READY=1` |
public struct NodeManagerMetrics: Sendable {
    let metrics: AdminMetrics

    /// Metrics in `metrics`' registry.
    public init(metrics: AdminMetrics) {
        self.metrics = metrics
    }

    func restarted(_ child: String, reason: RestartReason) {
        metrics.counter("ctios_nodemgr_child_restarts_total", dimensions: [("child", child), ("reason", reason.rawValue)]).increment()
    }

    func killed(_ child: String, reason: UnhealthyReason, silence: Duration) {
        metrics.counter("ctios_nodemgr_child_kills_total", dimensions: [("child", child), ("reason", reason.rawValue)]).increment()
        metrics.timer("ctios_nodemgr_child_silence_seconds", dimensions: [("child", child)]).recordNanoseconds(silence.nanosecondCount)
    }

    func state(_ child: String, _ state: ChildState) {
        metrics.gauge("ctios_nodemgr_child_up", dimensions: [("child", child)]).record(state.isUp ? 1 : 0)
        for candidate in ChildState.allCases {
            metrics.gauge("ctios_nodemgr_child_state", dimensions: [("child", child), ("state", candidate.rawValue)])
                .record(candidate == state ? 1 : 0)
        }
    }

    func ready(_ child: String, startedIn: Duration, recoveredIn: Duration?) {
        metrics.timer("ctios_nodemgr_child_start_seconds", dimensions: [("child", child)]).recordNanoseconds(startedIn.nanosecondCount)
        if let recoveredIn {
            metrics.timer("ctios_nodemgr_child_recovery_seconds", dimensions: [("child", child)])
                .recordNanoseconds(recoveredIn.nanosecondCount)
        }
    }

    func refused(_ child: String) {
        metrics.counter("ctios_nodemgr_notifications_refused_total", dimensions: [("child", child)]).increment()
    }

    func escalated() {
        metrics.counter("ctios_nodemgr_escalations_total").increment()
    }

    func nodeReady(_ ready: Bool) {
        metrics.gauge("ctios_nodemgr_ready").record(ready ? 1 : 0)
    }
}

extension Duration {
    /// Whole nanoseconds (saturating).
    var nanosecondCount: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole + attoseconds / 1_000_000_000
    }

    /// Seconds as a `Double`.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
