import AdminHTTP
import ArgumentParser
import CTIOSConfiguration
import CTISimulator
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle
import SystemdKit

/// `ctios sim`: a CTI Server (GED-188) on sides A and B, serving a simulated contact center.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the CTI Server simulator: a contact center that speaks GED-188 on sides A and B.",
        discussion: """
            With no options it serves side A on 127.0.0.1:42027 and side B on 127.0.0.1:43027, drives a
            50-agent contact center with gentle traffic, and answers its admin API on 127.0.0.1:42080.
            Options override the configuration file (--config); every key is in Docs/Simulator.md.
            """
    )

    @Option(help: "A YAML configuration file (Docs/Simulator.md lists every key).") var config: String?
    @Option(name: .customLong("side-a"), help: "Side A's address, host:port (default 127.0.0.1:42027).") var sideA: String?
    @Option(name: .customLong("side-b"), help: "Side B's address, host:port (default 127.0.0.1:43027).") var sideB: String?
    @Option(help: "The admin HTTP address, host:port (default 127.0.0.1:42080).") var admin: String?
    @Option(help: "The random seed: the same seed and configuration replay the same run (default 1).") var seed: UInt64?
    @Option(help: "Agents in the default contact center (default 50).") var agents: Int?
    @Option(name: .customLong("skill-groups"), help: "Traffic skill groups in the default contact center (default 4).") var skillGroups: Int?
    @Option(help: "Teams in the default contact center (default 3).") var teams: Int?
    @Option(name: .customLong("calls-per-second"), help: "Inbound traffic calls per second (default 0.5; 0 for none).") var callsPerSecond: Double?
    @Flag(name: .customLong("hold-clock"), help: "Hold model time at zero until POST /v1/clock/start.") var holdClock = false
    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info).") var logLevel: String?

    func run() async throws {
        var settings = try config.map { try ConfigurationFile.load(SimulatorFileConfiguration.self, from: $0) }
            ?? SimulatorFileConfiguration()
        settings.apply(self)
        let logger = try makeLogger(label: "ctios.sim", level: logLevel ?? settings.logLevel)
        let sideAAddress = try parseAddress(settings.sideA, option: "side-a")
        let sideBAddress = try parseAddress(settings.sideB, option: "side-b")
        let adminAddress = try parseHostPort(settings.admin, option: "admin")

        let center: ContactCenter
        do {
            center = try ContactCenter(configuration: settings.contactCenterConfiguration(), traffic: settings.traffic,
                                       seed: settings.seed)
        } catch {
            throw ValidationError("\(error)")
        }
        let registry = PrometheusCollectorRegistry()
        let server = SimulatorServer(
            core: SimulatorCore(center: center, settings: settings.settings),
            configuration: .init(sideA: sideAAddress, sideB: sideBAddress,
                                 maximumOutboundBytes: settings.maximumOutboundBytes, holdClock: settings.holdClock),
            logger: logger, metrics: SimulatorAdmin.Metrics(registry: registry))
        try await server.start()
        let adminServer = AdminServer(
            configuration: .init(host: adminAddress.host, port: adminAddress.port), registry: registry,
            routes: SimulatorAdmin.routes(for: server),
            readiness: {
                let sides = (try? await server.boundAddresses().count) ?? 0
                return sides > 0 ? .ready : .notReady(reason: "no side is listening")
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: server), .init(service: adminServer)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        try await group.run()
    }
}

/// The keys of `ctios sim --config FILE`. Every key may be left out.
struct SimulatorFileConfiguration: Codable {
    var seed: UInt64 = 1
    var sideA = "127.0.0.1:42027"
    var sideB = "127.0.0.1:43027"
    var admin = "127.0.0.1:42080"
    var holdClock = false
    var logLevel = "info"
    /// A whole contact center; without it the standard one of `size` is used.
    var contactCenter: ContactCenterConfiguration?
    var size = StandardSize()
    var traffic = TrafficProfile.gentle
    var settings = SimulatorSettings()
    var maximumOutboundBytes = 8 << 20

    struct StandardSize: Codable {
        var agents = 50
        var skillGroups = 4
        var teams = 3

        enum CodingKeys: String, CodingKey { case agents, skillGroups, teams }

        init() {}

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            agents = try c.decodeIfPresent(Int.self, forKey: .agents) ?? 50
            skillGroups = try c.decodeIfPresent(Int.self, forKey: .skillGroups) ?? 4
            teams = try c.decodeIfPresent(Int.self, forKey: .teams) ?? 3
        }
    }

    enum CodingKeys: String, CodingKey {
        case seed, sideA, sideB, admin, holdClock, logLevel, contactCenter, size, traffic, settings, maximumOutboundBytes
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SimulatorFileConfiguration()
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        sideA = try c.decodeIfPresent(String.self, forKey: .sideA) ?? d.sideA
        sideB = try c.decodeIfPresent(String.self, forKey: .sideB) ?? d.sideB
        admin = try c.decodeIfPresent(String.self, forKey: .admin) ?? d.admin
        holdClock = try c.decodeIfPresent(Bool.self, forKey: .holdClock) ?? d.holdClock
        logLevel = try c.decodeIfPresent(String.self, forKey: .logLevel) ?? d.logLevel
        contactCenter = try c.decodeIfPresent(ContactCenterConfiguration.self, forKey: .contactCenter)
        size = try c.decodeIfPresent(StandardSize.self, forKey: .size) ?? d.size
        traffic = try c.decodeIfPresent(TrafficProfile.self, forKey: .traffic) ?? d.traffic
        settings = try c.decodeIfPresent(SimulatorSettings.self, forKey: .settings) ?? d.settings
        maximumOutboundBytes = try c.decodeIfPresent(Int.self, forKey: .maximumOutboundBytes) ?? d.maximumOutboundBytes
    }

    mutating func apply(_ options: SimCommand) {
        if let value = options.seed { seed = value }
        if let value = options.sideA { sideA = value }
        if let value = options.sideB { sideB = value }
        if let value = options.admin { admin = value }
        if options.holdClock { holdClock = true }
        if let value = options.agents { size.agents = value }
        if let value = options.skillGroups { size.skillGroups = value }
        if let value = options.teams { size.teams = value }
        if let value = options.callsPerSecond { traffic.callsPerSecond = value }
    }

    func contactCenterConfiguration() throws -> ContactCenterConfiguration {
        if let contactCenter { return contactCenter }
        guard size.agents >= 1, size.agents <= 10_000 else { throw ValidationError("--agents must be between 1 and 10000") }
        guard size.skillGroups >= 1, size.skillGroups <= 90 else { throw ValidationError("--skill-groups must be between 1 and 90") }
        guard size.teams >= 1, size.teams <= size.agents else { throw ValidationError("--teams must be between 1 and the number of agents") }
        return .standard(agents: size.agents, skillGroups: size.skillGroups, teams: size.teams)
    }
}
