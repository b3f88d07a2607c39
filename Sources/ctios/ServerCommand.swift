import AdminHTTP
import ArgumentParser
import Foundation
import CTIOSConfiguration
import CTIOSServer
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import SystemdKit

/// `ctios server`: the CTI OS object server, one node.
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Run the CTI OS object server: CTI Server events as objects, served to CIL clients.",
        discussion: """
            With no options it serves CIL clients on 127.0.0.1:42028, uses the CTI Server at 127.0.0.1:42027
            (side A) and 127.0.0.1:43027 (side B), and answers its admin API on 127.0.0.1:42081. Options
            override the configuration file (--config); every key is in Docs/Operations.md. READY=1 (and
            /ready) once listening, connected to the CTI Server and its snapshot reconciled.
            """
    )

    @Option(help: "A YAML configuration file (Docs/Operations.md lists every key).") var config: String?
    @Option(help: "Where CIL clients connect, host:port (default 127.0.0.1:42028).") var listen: String?
    @Option(help: "The admin HTTP address, host:port (default 127.0.0.1:42081).") var admin: String?
    @Option(name: .customLong("cti-side-a"), help: "The CTI Server's side A, host:port (default 127.0.0.1:42027).") var ctiSideA: String?
    @Option(name: .customLong("cti-side-b"), help: "The CTI Server's side B, host:port (default 127.0.0.1:43027).") var ctiSideB: String?
    @Option(name: .customLong("server-id"), help: "This server's name in the pair, A or B (default A).") var serverID: String?
    @Option(name: .customLong("peripheral-id"), help: "The peripheral whose agents and calls are served (default 5000).") var peripheralID: UInt32?
    @Option(name: .customLong("peer"), help: "Run as one server of a pair: the peer's peer-link address, host:port (pair.peer).") var peer: String?
    @Option(name: .customLong("peer-listen"), help: "Where this server listens for its peer, host:port (pair.listen).") var peerListen: String?
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info).") var logLevel: String?
    @Flag(help: "Check the configuration and exit (0 when it is valid).") var check = false

    func run() async throws {
        var settings: ServerFileConfiguration
        do {
            settings = try config.map { try ConfigurationFile.load(ServerFileConfiguration.self, from: $0) } ?? ServerFileConfiguration()
        } catch {
            throw ValidationError("\(error)")
        }
        if let listen { settings.listen = listen }
        if let admin { settings.admin = admin }
        if let ctiSideA { settings.ctiServer.sideA = ctiSideA }
        if let ctiSideB { settings.ctiServer.sideB = ctiSideB }
        if let serverID { settings.serverID = serverID }
        if let peripheralID { settings.ctiServer.peripheralID = peripheralID }
        if let logLevel { settings.logLevel = logLevel }
        if peer != nil || peerListen != nil {
            var pair = settings.pair ?? ServerFileConfiguration.Pair()
            if let peer { pair.peer = peer }
            if let peerListen { pair.listen = peerListen }
            settings.pair = pair
        }
        do {
            try settings.validate()
        } catch {
            throw ValidationError("\(config ?? "configuration"): \(error)")
        }
        let logger = try makeLogger(label: "ctios.server", level: settings.logLevel)
        let listenAddress = try parseAddress(settings.listen, option: "listen")
        let sideA = try parseAddress(settings.ctiServer.sideA, option: "cti-side-a")
        let sideB = try parseAddress(settings.ctiServer.sideB, option: "cti-side-b")
        let adminAddress = try parseHostPort(settings.admin, option: "admin")
        if check {
            print("\(config ?? "defaults"): valid; clients on \(settings.listen), CTI Server \(settings.ctiServer.sideA) / \(settings.ctiServer.sideB)")
            return
        }
        // A listening socket named `cil` from the node manager or systemd: clients that connect while this
        // process restarts wait in its backlog instead of being refused.
        let inherited = (try? InheritedSockets.take()) ?? []
        let cil = inherited.first { $0.name == "cil" && $0.isListeningStreamSocket }
        let peerSocket = inherited.first { $0.name == "peer" && $0.isListeningStreamSocket }
        let peerListen = try settings.pair.map { try parseAddress($0.listen, option: "peer-listen") }
        let peerAddress = try settings.pair.map { try parseAddress($0.peer, option: "peer") }
        let epoch = UInt64(Date().timeIntervalSince1970 * 1_000)

        let registry = PrometheusCollectorRegistry()
        let server = ObjectServer(
            configuration: .init(listen: listenAddress, inheritedListener: cil?.fileDescriptor, ctiSideA: sideA, ctiSideB: sideB,
                                 maximumOutboundBytes: settings.clients.maximumOutboundBytes,
                                 socketSendBufferBytes: settings.clients.socketSendBufferBytes == 0 ? nil : settings.clients.socketSendBufferBytes,
                                 maximumClients: settings.clients.maximumClients,
                                 core: settings.coreConfiguration(initialEpoch: epoch),
                                 peerListen: peerListen, peerAddress: peerAddress, inheritedPeerListener: peerSocket?.fileDescriptor),
            logger: logger, metrics: ServerMetrics(registry: registry))
        try await server.start()
        let adminServer = AdminServer(
            configuration: .init(host: adminAddress.host, port: adminAddress.port), registry: registry,
            routes: ServerAdmin.routes(for: server),
            readiness: {
                await server.isReady() ? .ready : .notReady(reason: "not connected to the CTI Server, or its snapshot not reconciled")
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: server, failureTerminationBehavior: .gracefullyShutdownGroup),
                .init(service: adminServer, failureTerminationBehavior: .gracefullyShutdownGroup),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}
