public import CoreMetrics
public import Prometheus

/// Makes swift-metrics counters, gauges and timers that land in one `PrometheusCollectorRegistry`, the one an
/// ``AdminServer`` renders on `GET /metrics`, without touching the global `MetricsSystem` (so many servers, and
/// many tests, can live in one process).
///
/// ```swift
/// let metrics = AdminMetrics()
/// let frames = metrics.counter("ctios_ged188_frames_total", dimensions: [("side", "A")])
/// frames.increment()
/// let server = AdminServer(configuration: …, registry: metrics.registry, readiness: …, logger: logger)
/// ```
///
/// Code that takes a `MetricsFactory` can be handed ``factory`` directly. Names follow Prometheus rules
/// (`[a-zA-Z_:][a-zA-Z0-9_:]*`; other characters become `_`). Asking twice for the same name and dimensions
/// returns the same series. One name must keep one kind and one set of dimension names: the registry traps
/// on a name used as both a counter and a gauge, or with and without dimensions.
public struct AdminMetrics: Sendable {
    /// The registry every metric made here lands in.
    public let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory over ``registry``.
    public let factory: PrometheusMetricsFactory

    /// Metrics over `registry` (a new, empty one by default).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
    }

    /// A counter: a value that only goes up (`…_total` by convention).
    public func counter(_ label: String, dimensions: [(String, String)] = []) -> CoreMetrics.Counter {
        CoreMetrics.Counter(label: label, dimensions: dimensions, factory: self.factory)
    }

    /// A gauge: a value that goes up and down (connected clients, queue depth).
    public func gauge(_ label: String, dimensions: [(String, String)] = []) -> CoreMetrics.Gauge {
        CoreMetrics.Gauge(label: label, dimensions: dimensions, factory: self.factory)
    }

    /// A timer, exported as a Prometheus histogram of seconds with the factory's default buckets
    /// (5 ms to 10 s).
    public func timer(_ label: String, dimensions: [(String, String)] = []) -> CoreMetrics.Timer {
        CoreMetrics.Timer(label: label, dimensions: dimensions, factory: self.factory)
    }
}
