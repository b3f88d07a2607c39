import NIOCore
import Prometheus

/// The object server's metrics (`/metrics`), refreshed once a second from the core's counters on its loop.
public struct ServerMetrics: Sendable {
    let ctiEvents: Gauge
    let batches: Gauge
    let deliveries: Gauge
    let requests: Gauge
    let requestFailures: Gauge
    let clientsRejected: Gauge
    let slowClients: Gauge
    let resumes: Gauge
    let snapshots: Gauge
    let agentClients: Gauge
    let monitorClients: Gauge
    let clientsWithoutMode: Gauge
    let queuedBytes: Gauge
    let largestQueue: Gauge
    let objects: Gauge
    let sequence: Gauge
    let backlogBatches: Gauge
    let ctiConnected: Gauge
    let ready: Gauge
    let requestLatency: DurationHistogram

    public init(registry: PrometheusCollectorRegistry) {
        func gauge(_ name: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "ctios", subsystem: "server", metricName: name,
                                                                unitName: "", helpText: help), labels: [])
        }
        ctiEvents = gauge("cti_events", "CTI Server events applied to the store")
        batches = gauge("batches", "change batches published")
        deliveries = gauge("deliveries", "batches delivered to clients (one per client that saw a batch)")
        requests = gauge("requests", "client requests received")
        requestFailures = gauge("request_failures", "client requests answered with a failure")
        clientsRejected = gauge("clients_rejected", "hellos refused (version, not ready, overloaded)")
        slowClients = gauge("slow_clients", "clients closed because they did not read fast enough")
        resumes = gauge("resumes", "modes set by replaying what the client missed")
        snapshots = gauge("snapshots", "modes set with a snapshot")
        agentClients = gauge("clients_agent_mode", "clients in agent mode")
        monitorClients = gauge("clients_monitor_mode", "clients in monitor mode")
        clientsWithoutMode = gauge("clients_no_mode", "clients connected that have set no mode yet")
        queuedBytes = gauge("client_queued_bytes", "bytes written to clients and not yet sent, all clients")
        largestQueue = gauge("client_queued_bytes_max", "the largest one client's unsent bytes")
        objects = gauge("objects", "objects in the store")
        sequence = gauge("log_sequence", "the change log's last sequence number")
        backlogBatches = gauge("backlog_batches", "batches kept for resuming clients")
        ctiConnected = gauge("cti_connected", "1 while the CTI link is up (snapshot reconciled)")
        ready = gauge("ready", "1 while the server serves correct state")
        requestLatency = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "ctios", subsystem: "server", metricName: "request", unitName: "seconds",
                                             helpText: "from a client request's arrival to its answer"),
            labels: [],
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                      .seconds(5), .seconds(10)])
    }

    func requestAnswered(after latency: Duration) { requestLatency.record(latency) }

    /// Copies the core's counters (call it on the server's loop).
    func update(_ server: ObjectServer) {
        let state = server.state.value
        let core = state.core
        let counters = core.counters
        ctiEvents.set(Double(counters.ctiEvents))
        batches.set(Double(counters.batches))
        deliveries.set(Double(counters.deliveries))
        requests.set(Double(counters.requests))
        requestFailures.set(Double(counters.requestFailures))
        clientsRejected.set(Double(counters.clientsRejected))
        slowClients.set(Double(counters.slowClients))
        resumes.set(Double(counters.resumes))
        snapshots.set(Double(counters.snapshots))
        let modes = core.clientModeCounts
        agentClients.set(Double(modes.agent))
        monitorClients.set(Double(modes.monitor))
        clientsWithoutMode.set(Double(modes.none))
        var total = 0
        var largest = 0
        for channel in state.clients.values {
            let queued = (try? channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
            total += queued
            largest = max(largest, queued)
        }
        queuedBytes.set(Double(total))
        largestQueue.set(Double(largest))
        objects.set(Double(core.store.objects.count))
        sequence.set(Double(core.store.sequence))
        backlogBatches.set(Double(core.store.backlogCount))
        ctiConnected.set(core.ctiSide != nil && core.hasReconciled ? 1.0 : 0.0)
        ready.set(state.listener != nil && core.isReady ? 1.0 : 0.0)
    }
}
