import AdminHTTP
import ArgumentParser
import CTIOSConfiguration
import Logging
import NodeManager
import ServiceLifecycle

/// `ctios nodemgr`: the node manager, supervising the processes of one node under systemd.
struct NodeManagerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nodemgr",
        abstract: "Run the node manager: start this node's processes and restart any that crashes or hangs.",
        discussion: """
            Each child gets its own NOTIFY_SOCKET and is held to READY=1 and WATCHDOG=1 as systemd would hold
            it. Runs under systemd as Type=notify with a watchdog (Systemd/ctios-nodemgr.service). Every key of
            the configuration file is in Docs/Operations.md; a bad key is refused by name.
            """
    )

    @Option(help: "The YAML configuration file (Docs/Operations.md lists every key).") var config: String
    @Option(help: "The admin HTTP address, host:port (overrides the file's admin).") var admin: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (overrides the file).")
    var logLevel: String?
    @Flag(help: "Check the configuration file and exit (0 when it is valid).") var check = false

    func run() async throws {
        var settings = try NodeManagerConfiguration.load(from: config)
        if let admin { settings.admin = admin }
        if let logLevel { settings.logLevel = logLevel }
        try settings.validate(source: config)
        if check {
            print("\(config): valid; node \(settings.node), children: \(settings.children.map(\.name).joined(separator: ", "))")
            return
        }
        let logger = try makeLogger(label: "ctios.nodemgr", level: settings.logLevel)
        let adminAddress = try parseHostPort(settings.admin, option: "admin")
        let metrics = AdminMetrics()
        let manager = NodeManager(configuration: settings, logger: logger, metrics: NodeManagerMetrics(metrics: metrics))
        let adminServer = AdminServer(
            configuration: .init(host: adminAddress.host, port: adminAddress.port), registry: metrics.registry,
            routes: NodeManagerAdmin.routes(for: manager),
            readiness: { NodeManagerAdmin.readiness(of: manager) },
            logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: manager, successTerminationBehavior: .gracefullyShutdownGroup,
                      failureTerminationBehavior: .gracefullyShutdownGroup),
                .init(service: adminServer, failureTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
