public import CTIOSConfiguration

extension NodeManagerConfiguration {
    /// Checks every value; the error names the key (`children[1].watchdogSeconds`) and what is wrong.
    public func validate(source: String) throws(ConfigurationFileError) {
        func fail(_ key: String, _ message: String) -> ConfigurationFileError {
            ConfigurationFileError(source: source, key: key, message: message)
        }
        guard !node.isEmpty, node.count <= 32, node.allSatisfy(Self.isNameCharacter) else {
            throw fail("node", "must be 1 to 32 letters, digits, '-' or '_'")
        }
        guard HostPort(admin) != nil else { throw fail("admin", "'\(admin)' is not host:port (for example 127.0.0.1:42082)") }
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw fail("logLevel", "'\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        if let runtimeDirectory, !runtimeDirectory.hasPrefix("/") {
            throw fail("runtimeDirectory", "must be an absolute path")
        }
        guard !children.isEmpty else { throw fail("children", "at least one child is needed") }
        var names: Set<String> = []
        var listening: [String: String] = [:]
        for (index, child) in children.enumerated() {
            let key = "children[\(index)]"
            guard !child.name.isEmpty, child.name.count <= 32, child.name.allSatisfy(Self.isNameCharacter) else {
                throw fail("\(key).name", "must be 1 to 32 letters, digits, '-' or '_'")
            }
            guard names.insert(child.name).inserted else { throw fail("\(key).name", "'\(child.name)' is used twice") }
            guard !child.executable.isEmpty else { throw fail("\(key).executable", "must not be empty") }
            for name in child.environment.keys where name.isEmpty || name.contains("=") {
                throw fail("\(key).environment", "'\(name)' is not a variable name")
            }
            if let directory = child.workingDirectory, !directory.hasPrefix("/") {
                throw fail("\(key).workingDirectory", "must be an absolute path")
            }
            let positive: [(String, Double)] = [
                ("startTimeoutSeconds", child.startTimeoutSeconds), ("abortGraceSeconds", child.abortGraceSeconds),
                ("stopTimeoutSeconds", child.stopTimeoutSeconds), ("restartIntervalSeconds", child.restartIntervalSeconds),
            ]
            for (name, value) in positive where !(value > 0 && value <= 86_400) {
                throw fail("\(key).\(name)", "must be more than 0 and at most 86400 seconds")
            }
            let nonNegative: [(String, Double)] = [
                ("stableSeconds", child.stableSeconds), ("restartBackoffSeconds", child.restartBackoffSeconds),
                ("maximumRestartBackoffSeconds", child.maximumRestartBackoffSeconds),
            ]
            for (name, value) in nonNegative where !(value >= 0 && value <= 86_400) {
                throw fail("\(key).\(name)", "must be between 0 and 86400 seconds")
            }
            guard child.watchdogSeconds == 0 || (child.watchdogSeconds >= 0.01 && child.watchdogSeconds <= 86_400) else {
                throw fail("\(key).watchdogSeconds", "must be 0 (no watchdog) or between 0.01 and 86400 seconds")
            }
            guard child.maximumRestartBackoffSeconds >= child.restartBackoffSeconds else {
                throw fail("\(key).maximumRestartBackoffSeconds", "must be at least restartBackoffSeconds")
            }
            guard child.restartBurst >= 0, child.restartBurst <= 1_000 else {
                throw fail("\(key).restartBurst", "must be between 0 and 1000")
            }
            var socketNames: Set<String> = []
            for (socketIndex, socket) in child.sockets.enumerated() {
                let socketKey = "\(key).sockets[\(socketIndex)]"
                guard !socket.name.isEmpty, socket.name.count <= 64,
                      socket.name.allSatisfy({ Self.isNameCharacter($0) || $0 == "." }) else {
                    throw fail("\(socketKey).name", "must be 1 to 64 letters, digits, '-', '_' or '.'")
                }
                guard socketNames.insert(socket.name).inserted else {
                    throw fail("\(socketKey).name", "'\(socket.name)' is used twice in this child")
                }
                guard let address = HostPort(socket.listen), address.port > 0 else {
                    throw fail("\(socketKey).listen", "'\(socket.listen)' is not host:port with a port from 1 to 65535")
                }
                if let other = listening[address.description] {
                    throw fail("\(socketKey).listen", "'\(socket.listen)' is already held for \(other)")
                }
                listening[address.description] = "\(key).sockets[\(socketIndex)]"
                guard socket.backlog >= 1, socket.backlog <= 65_535 else {
                    throw fail("\(socketKey).backlog", "must be between 1 and 65535")
                }
            }
            guard child.sockets.count <= 64 else { throw fail("\(key).sockets", "at most 64 sockets") }
        }
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }
}

/// `host:port`, with `[v6]:port` for IPv6.
public struct HostPort: Hashable, Sendable, CustomStringConvertible {
    /// The host, without brackets.
    public var host: String
    /// The port.
    public var port: Int

    /// Parses `host:port` or `[v6]:port`; `nil` when it is neither.
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), colon != text.startIndex,
              let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2 else { return nil }
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            return nil
        }
        self.host = host
        self.port = port
    }

    /// `host:port`, or `[host]:port` for IPv6.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
