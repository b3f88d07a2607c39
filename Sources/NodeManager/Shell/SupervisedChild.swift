/// What the shell holds for one child: its notification socket, held listening sockets and running process.
final class SupervisedChild {
    let configuration: NodeManagerConfiguration.Child
    let executable: String
    let notificationSocket: NotificationSocket
    let listeningSockets: [ListeningSocket]
    /// The running process and its pidfd (-1 when the kernel has none: reaped by polling).
    var pid: Int32?
    var pidFileDescriptor: Int32 = -1
    var refusedNotifications = 0
    var lastRecovery: Duration?
    var lastStart: Duration?
    var lastKill: String?
    var lastKillSilence: Duration?

    init(configuration: NodeManagerConfiguration.Child, executable: String, notificationSocket: NotificationSocket,
         listeningSockets: [ListeningSocket]) {
        self.configuration = configuration
        self.executable = executable
        self.notificationSocket = notificationSocket
        self.listeningSockets = listeningSockets
    }

    var name: String { configuration.name }
}
