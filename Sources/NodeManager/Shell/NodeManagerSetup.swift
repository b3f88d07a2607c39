import Logging
import SystemdKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What the node manager prepares before supervising: the runtime directory, each child's notification socket,
/// program path and held listening sockets (adopted from systemd's file descriptor store after a restart of the
/// node manager, else opened and then stored there).
struct NodeManagerSetup {
    let configuration: NodeManagerConfiguration
    let notifier: SystemdNotifier
    let logger: Logger
    let environment: [String: String]

    func makeChildren() throws(NodeManagerError) -> [SupervisedChild] {
        let directory = try runtimeDirectory()
        var inherited: [String: Int32] = [:]
        do {
            for socket in try InheritedSockets.take() { inherited[socket.name] = socket.fileDescriptor }
        } catch {
            logger.warning("ignoring malformed LISTEN_FDS", metadata: ["error": "\(error)"])
        }
        var children: [SupervisedChild] = []
        for child in configuration.children {
            guard let executable = ProcessSpawner.resolve(child.executable, path: environment["PATH"]) else {
                throw NodeManagerError(.setup, "child \(child.name): executable '\(child.executable)' not found or not executable")
            }
            var sockets: [ListeningSocket] = []
            for socket in child.sockets {
                let storeName = "\(child.name).\(socket.name)"
                let address = HostPort(socket.listen)!
                if let fd = inherited.removeValue(forKey: storeName),
                   let adopted = ListeningSocket.adopt(fileDescriptor: fd, name: socket.name, address: address) {
                    logger.info("holding socket kept by systemd", metadata: ["child": "\(child.name)", "socket": "\(socket.name)",
                                                                             "address": "\(adopted.address)"])
                    sockets.append(adopted)
                    continue
                }
                let opened = try ListeningSocket.open(name: socket.name, address: address, backlog: socket.backlog)
                logger.info("holding socket", metadata: ["child": "\(child.name)", "socket": "\(socket.name)",
                                                         "address": "\(opened.address)"])
                do {
                    try notifier.removeStoredFileDescriptors(name: storeName)
                    try notifier.storeFileDescriptors([opened.fileDescriptor], name: storeName)
                } catch {
                    logger.warning("systemd did not take the socket into its store", metadata: ["error": "\(error)"])
                }
                sockets.append(opened)
            }
            let notification = try NotificationSocket(path: "\(directory)/\(child.name).notify")
            children.append(SupervisedChild(configuration: child, executable: executable, notificationSocket: notification,
                                            listeningSockets: sockets))
        }
        for (name, fd) in inherited {
            logger.info("dropping a stored descriptor no child uses", metadata: ["name": "\(name)"])
            close(fd)
            try? notifier.removeStoredFileDescriptors(name: name)
        }
        return children
    }

    /// `runtimeDirectory` from the configuration, else `$RUNTIME_DIRECTORY` (systemd), else a new private
    /// directory under `$TMPDIR` or `/tmp`.
    private func runtimeDirectory() throws(NodeManagerError) -> String {
        if let configured = configuration.runtimeDirectory ?? environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first.map(String.init) {
            if mkdir(configured, 0o750) != 0, errno != EEXIST {
                throw NodeManagerError(.setup, "runtime directory \(configured)", errno: errno)
            }
            return configured
        }
        let base = environment["TMPDIR"] ?? "/tmp"
        var template = Array("\(base)/ctios-nodemgr-\(configuration.node)-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw NodeManagerError(.setup, "runtime directory under \(base)", errno: errno)
        }
        return String(cString: template)
    }
}
