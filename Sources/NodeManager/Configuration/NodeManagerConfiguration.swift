public import CTIOSConfiguration

/// The node manager's configuration file (`ctios nodemgr --config FILE`, YAML). Every key is documented in
/// `Docs/Operations.md`; unknown keys and bad values are refused with the key's name
/// (``NodeManagerConfiguration/load(from:)``).
public struct NodeManagerConfiguration: Codable, Hashable, Sendable {
    /// The node's name (`A`, `B`): in the status line, in every log entry (`node`), and passed to children as
    /// `CTIOS_NODE`.
    public var node: String = "A"
    /// The admin HTTP address, `host:port`.
    public var admin: String = "127.0.0.1:42082"
    /// trace, debug, info, notice, warning, error or critical.
    public var logLevel: String = "info"
    /// Where the children's notification sockets are made; `nil`: `$RUNTIME_DIRECTORY` (systemd's
    /// `RuntimeDirectory=`), else a new directory under `$TMPDIR` or `/tmp`.
    public var runtimeDirectory: String?
    /// The children, started in this order and stopped in the reverse order.
    public var children: [Child] = []

    /// One supervised process.
    public struct Child: Codable, Hashable, Sendable {
        /// Its name: letters, digits, `-` and `_`, at most 32; unique.
        public var name: String
        /// The program: an absolute path, or a name looked up in `PATH`.
        public var executable: String
        /// Its arguments (without the program's name).
        public var arguments: [String] = []
        /// Variables added to (or replacing) the node manager's own environment.
        public var environment: [String: String] = [:]
        /// The working directory; `nil`: the node manager's.
        public var workingDirectory: String?
        /// `always` or `on-failure`.
        public var restart: ChildSupervisionConfiguration.RestartPolicy = .always
        /// From start to `READY=1`.
        public var startTimeoutSeconds: Double = 30
        /// The watchdog interval given to the child in `WATCHDOG_USEC`; 0: no watchdog.
        public var watchdogSeconds: Double = 10
        /// After SIGABRT (watchdog) or SIGTERM (start timeout), the wait before SIGKILL.
        public var abortGraceSeconds: Double = 5
        /// After SIGTERM at shutdown, the wait before SIGKILL.
        public var stopTimeoutSeconds: Double = 10
        /// Ready this long, the child's restart backoff starts again from zero.
        public var stableSeconds: Double = 30
        /// The delay before the second restart in a row (the first is at once); it doubles each time.
        public var restartBackoffSeconds: Double = 0.1
        /// The longest delay between restarts.
        public var maximumRestartBackoffSeconds: Double = 10
        /// More restarts than this within `restartIntervalSeconds` make the node manager give up and exit with
        /// failure.
        public var restartBurst: Int = 5
        /// The window `restartBurst` counts in.
        public var restartIntervalSeconds: Double = 60
        /// Listening sockets the node manager opens and holds across the child's restarts; the child gets them
        /// as `LISTEN_FDS` (socket activation), in this order.
        public var sockets: [HeldSocket] = []

        /// A child with a name and a program; every other key at its default.
        public init(name: String, executable: String) {
            self.name = name
            self.executable = executable
        }

        enum CodingKeys: String, CodingKey {
            case name, executable, arguments, environment, workingDirectory, restart, startTimeoutSeconds,
                 watchdogSeconds, abortGraceSeconds, stopTimeoutSeconds, stableSeconds, restartBackoffSeconds,
                 maximumRestartBackoffSeconds, restartBurst, restartIntervalSeconds, sockets
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            executable = try c.decode(String.self, forKey: .executable)
            let d = Child(name: name, executable: executable)
            arguments = try c.decodeIfPresent([String].self, forKey: .arguments) ?? d.arguments
            environment = try c.decodeIfPresent([String: String].self, forKey: .environment) ?? d.environment
            workingDirectory = try c.decodeIfPresent(String.self, forKey: .workingDirectory)
            restart = try c.decodeIfPresent(ChildSupervisionConfiguration.RestartPolicy.self, forKey: .restart) ?? d.restart
            startTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .startTimeoutSeconds) ?? d.startTimeoutSeconds
            watchdogSeconds = try c.decodeIfPresent(Double.self, forKey: .watchdogSeconds) ?? d.watchdogSeconds
            abortGraceSeconds = try c.decodeIfPresent(Double.self, forKey: .abortGraceSeconds) ?? d.abortGraceSeconds
            stopTimeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .stopTimeoutSeconds) ?? d.stopTimeoutSeconds
            stableSeconds = try c.decodeIfPresent(Double.self, forKey: .stableSeconds) ?? d.stableSeconds
            restartBackoffSeconds = try c.decodeIfPresent(Double.self, forKey: .restartBackoffSeconds) ?? d.restartBackoffSeconds
            maximumRestartBackoffSeconds = try c.decodeIfPresent(Double.self, forKey: .maximumRestartBackoffSeconds)
                ?? d.maximumRestartBackoffSeconds
            restartBurst = try c.decodeIfPresent(Int.self, forKey: .restartBurst) ?? d.restartBurst
            restartIntervalSeconds = try c.decodeIfPresent(Double.self, forKey: .restartIntervalSeconds) ?? d.restartIntervalSeconds
            sockets = try c.decodeIfPresent([HeldSocket].self, forKey: .sockets) ?? d.sockets
        }

        /// The supervision these keys describe (valid after ``NodeManagerConfiguration/validate(source:)``).
        public var supervision: ChildSupervisionConfiguration {
            ChildSupervisionConfiguration(
                restart: restart,
                startTimeout: .seconds(startTimeoutSeconds),
                watchdogInterval: watchdogSeconds > 0 ? .seconds(watchdogSeconds) : nil,
                abortGrace: .seconds(abortGraceSeconds),
                stopTimeout: .seconds(stopTimeoutSeconds),
                stableAfter: .seconds(stableSeconds),
                initialBackoff: .seconds(restartBackoffSeconds),
                maximumBackoff: .seconds(maximumRestartBackoffSeconds),
                restartBurst: restartBurst,
                restartInterval: .seconds(restartIntervalSeconds))
        }
    }

    /// A listening socket held for a child.
    public struct HeldSocket: Codable, Hashable, Sendable {
        /// Its name in `LISTEN_FDNAMES` (what the child asks for, `cil` for `ctios server`): letters, digits, `-`,
        /// `_` and `.`, unique within the child.
        public var name: String
        /// Where it listens, `host:port` (`0.0.0.0:42028`, `[::]:42028`, `127.0.0.1:42028`).
        public var listen: String
        /// The listen backlog: connections that wait while the child restarts.
        public var backlog: Int = 1_024

        /// A socket named `name` listening on `listen`.
        public init(name: String, listen: String, backlog: Int = 1_024) {
            self.name = name
            self.listen = listen
            self.backlog = backlog
        }

        enum CodingKeys: String, CodingKey { case name, listen, backlog }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            listen = try c.decode(String.self, forKey: .listen)
            backlog = try c.decodeIfPresent(Int.self, forKey: .backlog) ?? 1_024
        }
    }

    /// An empty configuration (no child).
    public init() {}

    enum CodingKeys: String, CodingKey { case node, admin, logLevel, runtimeDirectory, children }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = NodeManagerConfiguration()
        node = try c.decodeIfPresent(String.self, forKey: .node) ?? d.node
        admin = try c.decodeIfPresent(String.self, forKey: .admin) ?? d.admin
        logLevel = try c.decodeIfPresent(String.self, forKey: .logLevel) ?? d.logLevel
        runtimeDirectory = try c.decodeIfPresent(String.self, forKey: .runtimeDirectory)
        children = try c.decodeIfPresent([Child].self, forKey: .children) ?? d.children
    }

    /// Reads, decodes and validates the file at `path`.
    public static func load(from path: String) throws(ConfigurationFileError) -> NodeManagerConfiguration {
        let configuration = try ConfigurationFile.load(NodeManagerConfiguration.self, from: path)
        try configuration.validate(source: path)
        return configuration
    }

    /// Decodes and validates YAML text; `source` names it in errors.
    public static func decode(yaml: String, source: String) throws(ConfigurationFileError) -> NodeManagerConfiguration {
        let configuration = try ConfigurationFile.decode(NodeManagerConfiguration.self, yaml: yaml, source: source)
        try configuration.validate(source: source)
        return configuration
    }
}
