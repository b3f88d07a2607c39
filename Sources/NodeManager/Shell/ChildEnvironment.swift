/// The environment a child starts with.
enum ChildEnvironment {
    /// Variables of the node manager's own service manager that must not reach a child: the child gets its own.
    static let removed: Set<String> = [
        "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES",
    ]

    /// `KEY=value` entries: the node manager's environment without ``removed``, then `SWIFT_BACKTRACE=enable=no`
    /// (Swift's backtracer would hold a child that gets SIGABRT), `CTIOS_NODE` and `CTIOS_CHILD`, the child's own
    /// `environment` (which may override any of these), and last the protocol's variables: `NOTIFY_SOCKET`,
    /// `WATCHDOG_USEC` and `WATCHDOG_PID` when it has a watchdog, `LISTEN_FDS`, `LISTEN_FDNAMES` and `LISTEN_PID`
    /// when it gets sockets. The pids are left empty for the spawner to fill in.
    static func make(
        base: [String: String], node: String, child: NodeManagerConfiguration.Child, notifySocket: String,
        watchdog: Duration?, socketNames: [String]
    ) -> [String] {
        var values = base.filter { !removed.contains($0.key) }
        values["SWIFT_BACKTRACE"] = "enable=no"
        values["CTIOS_NODE"] = node
        values["CTIOS_CHILD"] = child.name
        for (key, value) in child.environment { values[key] = value }
        values["NOTIFY_SOCKET"] = notifySocket
        if let watchdog {
            let (seconds, attoseconds) = watchdog.components
            values["WATCHDOG_USEC"] = String(seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
            values["WATCHDOG_PID"] = ""
        }
        if !socketNames.isEmpty {
            values["LISTEN_FDS"] = String(socketNames.count)
            values["LISTEN_FDNAMES"] = socketNames.joined(separator: ":")
            values["LISTEN_PID"] = ""
        }
        return values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }
}
