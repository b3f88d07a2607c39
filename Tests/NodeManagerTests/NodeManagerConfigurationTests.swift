import CTIOSConfiguration
import NodeManager
import Testing

/// The configuration file: defaults, every key read, and bad input refused with the key's name.
struct NodeManagerConfigurationTests {
    func decode(_ yaml: String) throws(ConfigurationFileError) -> NodeManagerConfiguration {
        try NodeManagerConfiguration.decode(yaml: yaml, source: "nodemgr.yaml")
    }

    func error(_ yaml: String) -> ConfigurationFileError? {
        #expect(throws: ConfigurationFileError.self) { try decode(yaml) }
    }

    @Test func aMinimalFileTakesTheDefaults() throws {
        let configuration = try decode("children:\n  - {name: server, executable: /usr/local/bin/ctios}\n")
        #expect(configuration.node == "A")
        #expect(configuration.admin == "127.0.0.1:42082")
        let supervision = configuration.children[0].supervision
        #expect(supervision == ChildSupervisionConfiguration())
    }

    @Test func everyKeyIsRead() throws {
        let configuration = try decode("""
            node: B
            admin: 0.0.0.0:43082
            logLevel: debug
            runtimeDirectory: /run/ctios-nodemgr
            children:
              - name: server
                executable: ctios
                arguments: [server, --config, /etc/ctios/server-b.yaml]
                environment: {CTIOS_SIDE: B}
                workingDirectory: /var/lib/ctios
                restart: on-failure
                startTimeoutSeconds: 120
                watchdogSeconds: 2.5
                abortGraceSeconds: 3
                stopTimeoutSeconds: 15
                stableSeconds: 20
                restartBackoffSeconds: 0.5
                maximumRestartBackoffSeconds: 30
                restartBurst: 10
                restartIntervalSeconds: 300
                sockets:
                  - {name: cil, listen: "0.0.0.0:43028", backlog: 4096}
                  - {name: peer, listen: "[::]:43029"}
            """)
        let child = configuration.children[0]
        #expect(configuration.node == "B" && configuration.admin == "0.0.0.0:43082" && configuration.logLevel == "debug")
        #expect(configuration.runtimeDirectory == "/run/ctios-nodemgr")
        #expect(child.arguments == ["server", "--config", "/etc/ctios/server-b.yaml"])
        #expect(child.environment == ["CTIOS_SIDE": "B"] && child.workingDirectory == "/var/lib/ctios")
        #expect(child.sockets == [.init(name: "cil", listen: "0.0.0.0:43028", backlog: 4096), .init(name: "peer", listen: "[::]:43029")])
        #expect(child.supervision == ChildSupervisionConfiguration(
            restart: .onFailure, startTimeout: .seconds(120), watchdogInterval: .milliseconds(2_500), abortGrace: .seconds(3),
            stopTimeout: .seconds(15), stableAfter: .seconds(20), initialBackoff: .milliseconds(500),
            maximumBackoff: .seconds(30), restartBurst: 10, restartInterval: .seconds(300)))
    }

    @Test func watchdogZeroMeansNone() throws {
        let configuration = try decode("children: [{name: sim, executable: /bin/true, watchdogSeconds: 0}]")
        #expect(configuration.children[0].supervision.watchdogInterval == nil)
    }

    @Test(arguments: [
        ("children: [{name: a, executable: /bin/true, watchdogSecs: 3}]", "children[0].watchdogSecs", "unknown key"),
        ("nodes: A\nchildren: [{name: a, executable: /bin/true}]", "nodes", "unknown key"),
        ("children: [{name: a}]", "children[0].executable", "required key missing"),
        ("children: [{name: a, executable: /bin/true, restart: sometimes}]", "children[0].restart", nil),
        ("children: [{name: a, executable: /bin/true, watchdogSeconds: -1}]", "children[0].watchdogSeconds", "must be 0"),
        ("children: [{name: a, executable: /bin/true, startTimeoutSeconds: 0}]", "children[0].startTimeoutSeconds", "more than 0"),
        ("children: [{name: a, executable: /bin/true}, {name: a, executable: /bin/true}]", "children[1].name", "used twice"),
        ("children: [{name: 'a b', executable: /bin/true}]", "children[0].name", "letters"),
        ("children: []", "children", "at least one"),
        ("admin: localhost\nchildren: [{name: a, executable: /bin/true}]", "admin", "host:port"),
        ("logLevel: loud\nchildren: [{name: a, executable: /bin/true}]", "logLevel", "not one of"),
        ("children: [{name: a, executable: /bin/true, restartBackoffSeconds: 5, maximumRestartBackoffSeconds: 1}]",
         "children[0].maximumRestartBackoffSeconds", "at least"),
        ("children: [{name: a, executable: /bin/true, sockets: [{name: cil, listen: 'nowhere'}]}]",
         "children[0].sockets[0].listen", "host:port"),
        ("children: [{name: a, executable: /bin/true, sockets: [{name: cil, listen: '0.0.0.0:1'}, {name: x, listen: '0.0.0.0:1'}]}]",
         "children[0].sockets[1].listen", "already held"),
        ("children: [{name: a, executable: /bin/true, sockets: [{name: 'c:l', listen: '0.0.0.0:1'}]}]",
         "children[0].sockets[0].name", "letters"),
        ("children: [{name: a, executable: /bin/true, workingDirectory: relative}]", "children[0].workingDirectory", "absolute"),
    ] as [(String, String, String?)])
    func badConfigurationIsRefusedNamingTheKey(yaml: String, key: String, message: String?) {
        let error = error(yaml)
        #expect(error?.key == key, "\(error.map { "\($0)" } ?? "no error")")
        if let message { #expect(error?.message.contains(message) == true, "\(error.map { "\($0)" } ?? "no error")") }
        #expect(error?.description.hasPrefix("nodemgr.yaml: configuration key \(key)") == true)
    }

    @Test func theShippedExamplesAreValid() throws {
        let root = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        for file in ["nodemgr-a.yaml", "nodemgr-b.yaml"] {
            let configuration = try NodeManagerConfiguration.load(from: "/\(root)/Systemd/\(file)")
            #expect(configuration.children.contains { $0.name == "server" })
        }
    }
}
