public import Logging
public import Prometheus
public import ServiceLifecycle
import Hummingbird
import NIOCore

/// The admin HTTP surface of a long-running ctios process (`ctios sim`, `ctios server`, `ctios nodemgr`):
/// a swift-service-lifecycle `Service` that serves, until cancelled or gracefully shut down,
///
/// - `GET /health`: 200 `ok` while the process runs;
/// - `GET /ready`: 200 `{"ready":true}` when the readiness provider says ``AdminReadiness/ready``, else 503
///   `{"ready":false,"reason":"…"}`;
/// - `GET /metrics`: the Prometheus text exposition of the registry passed in;
/// - the caller's own JSON routes (``AdminRoutes``).
///
/// ```swift
/// let metrics = AdminMetrics()
/// let server = AdminServer(
///     configuration: .init(host: "127.0.0.1", port: 42080),
///     registry: metrics.registry,
///     routes: routes,
///     readiness: { await link.isUp ? .ready : .notReady(reason: "CTI link down") },
///     logger: logger
/// )
/// let group = ServiceGroup(services: [server, …], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
///
/// Every error, whether from a handler, an unknown path, a wrong method or a bad body, is answered with a
/// 4xx/5xx status and the JSON body described at ``AdminHTTPError``; nothing a client sends stops the server.
/// One instance runs once: a second ``run()`` throws.
public final class AdminServer: Service, Sendable {
    /// Where the server listens and what it accepts.
    public struct Configuration: Sendable, Hashable {
        /// Address to bind: `127.0.0.1` (the default) keeps the admin surface on the host; `0.0.0.0` exposes it.
        public var host: String
        /// TCP port to bind; 0 lets the system choose one, which ``AdminServer/boundPort`` then tells.
        public var port: Int
        /// Largest request body accepted; a larger one is answered 413.
        public var maxRequestBodyBytes: Int
        /// A connection idle this long is closed, so a silent client holds nothing for ever.
        public var idleTimeout: Duration

        /// Creates a configuration.
        public init(
            host: String = "127.0.0.1",
            port: Int,
            maxRequestBodyBytes: Int = 64 * 1024,
            idleTimeout: Duration = .seconds(60)
        ) {
            self.host = host
            self.port = port
            self.maxRequestBodyBytes = maxRequestBodyBytes
            self.idleTimeout = idleTimeout
        }
    }

    /// Where the server listens and what it accepts.
    public let configuration: Configuration
    let registry: PrometheusCollectorRegistry
    let routes: AdminRoutes
    let readiness: @Sendable () async -> AdminReadiness
    let logger: Logger
    let listening = AdminListeningState()

    /// Creates a server; it listens only once ``run()`` is called.
    ///
    /// - Parameters:
    ///   - configuration: host, port and limits.
    ///   - registry: the registry `GET /metrics` renders; make metrics in it with ``AdminMetrics``.
    ///   - routes: the caller's own routes.
    ///   - readiness: asked on every `GET /ready`; keep it quick and free of I/O.
    ///   - logger: the process's logger; the server adds `admin.port` metadata once bound.
    public init(
        configuration: Configuration,
        registry: PrometheusCollectorRegistry,
        routes: AdminRoutes = AdminRoutes(),
        readiness: @escaping @Sendable () async -> AdminReadiness,
        logger: Logger
    ) {
        self.configuration = configuration
        self.registry = registry
        self.routes = routes
        self.readiness = readiness
        self.logger = logger
    }

    /// Binds, serves until the task is cancelled or a graceful shutdown is triggered, then closes the listening
    /// socket and lets requests in flight finish before returning.
    ///
    /// Throws ``AdminServerError`` if called twice or if the routes clash, and the bind error if the port is taken.
    public func run() async throws {
        try self.listening.start()
        do {
            let router = try self.makeRouter()
            let listening = self.listening
            let logger = self.logger
            let host = self.configuration.host
            let application = Application(
                router: router,
                server: .http1(configuration: .init(idleTimeout: .nanoseconds(self.configuration.idleTimeout.nanoseconds))),
                configuration: ApplicationConfiguration(address: .hostname(host, port: self.configuration.port)),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? 0
                    logger.info("admin HTTP listening", metadata: ["admin.host": "\(host)", "admin.port": "\(port)"])
                    listening.didBind(port: port)
                },
                logger: self.logger
            )
            try await application.run()
            self.listening.didStop(error: nil)
        } catch {
            self.listening.didStop(error: error)
            throw error
        }
    }

    /// The TCP port the server listens on, once it does: waits while it binds, and throws
    /// ``AdminServerError/Code-swift.struct/notListening`` if it stopped (or failed to bind) instead.
    /// Useful with port 0. Cancelling the waiting task throws `CancellationError`.
    public var boundPort: Int {
        get async throws { try await self.listening.port() }
    }
}

extension Duration {
    /// Whole nanoseconds, saturating.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = self.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow2 ? .max : sum
    }
}
