import CNodeManager
import Logging
import SystemdKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The node manager's supervision loop: one dedicated thread that waits in `poll(2)` on every child's
/// notification socket and pidfd and on a wake-up descriptor, feeds what happened (and the time) to the
/// ``NodeSupervisionStateMachine``, and performs its actions: spawn, signal, reap, notify systemd.
///
/// It is the path that does the work, so its `WATCHDOG=1` to systemd proves the supervision runs: a node
/// manager hung anywhere in here stops pinging and systemd kills it. Children are spawned from this thread and
/// die with it (`PR_SET_PDEATHSIG`), so even `kill -9` of the node manager leaves no orphan.
final class SupervisionLoop {
    private let configuration: NodeManagerConfiguration
    private let children: [SupervisedChild]
    private let notifier: SystemdNotifier
    private let logger: Logger
    private let metrics: NodeManagerMetrics?
    private let shared: NodeManager.Shared
    private let wakeFileDescriptor: Int32
    private let baseEnvironment: [String: String]
    private let origin = ContinuousClock.now
    private var machine: NodeSupervisionStateMachine
    private var lastWatchdogPing: Duration?

    init(configuration: NodeManagerConfiguration, children: [SupervisedChild], notifier: SystemdNotifier, logger: Logger,
         metrics: NodeManagerMetrics?, shared: NodeManager.Shared, wakeFileDescriptor: Int32,
         baseEnvironment: [String: String]) {
        self.configuration = configuration
        self.children = children
        self.notifier = notifier
        self.logger = logger
        self.metrics = metrics
        self.shared = shared
        self.wakeFileDescriptor = wakeFileDescriptor
        self.baseEnvironment = baseEnvironment
        self.machine = NodeSupervisionStateMachine(
            node: configuration.node, children: children.map { ($0.name, $0.configuration.supervision) })
    }

    private var now: Duration { ContinuousClock.now - origin }

    /// Runs until every child is stopped; returns how the node ends.
    func run() -> NodeSupervisionStateMachine.Exit {
        perform(machine.start(now: now))
        while machine.exit == nil {
            waitAndHandle()
            perform(machine.tick(now: now))
            pingWatchdogIfDue()
            publish()
        }
        publish()
        return machine.exit ?? .stopped
    }

    // MARK: Waiting

    private func waitAndHandle() {
        var pollSet = [pollfd(fd: wakeFileDescriptor, events: Int16(POLLIN), revents: 0)]
        var needsPolling = false
        for child in children {
            pollSet.append(pollfd(fd: child.notificationSocket.fileDescriptor, events: Int16(POLLIN), revents: 0))
            if child.pid != nil, child.pidFileDescriptor < 0 { needsPolling = true }
            pollSet.append(pollfd(fd: child.pid != nil ? child.pidFileDescriptor : -1, events: Int16(POLLIN), revents: 0))
        }
        _ = poll(&pollSet, nfds_t(pollSet.count), timeoutMilliseconds(reapingByPolling: needsPolling))
        if pollSet[0].revents != 0 {
            var value: UInt64 = 0
            _ = read(wakeFileDescriptor, &value, 8)
        }
        if shared.isStopRequested, !machine.isStopping {
            logger.notice("stopping every child, in reverse order")
            perform(machine.stop(now: now))
        }
        for (index, child) in children.enumerated() {
            if pollSet[1 + index * 2].revents != 0 { receiveNotifications(child: index) }
            if child.pid != nil, pollSet[2 + index * 2].revents != 0 || child.pidFileDescriptor < 0 { reap(child: index) }
        }
    }

    private func timeoutMilliseconds(reapingByPolling: Bool) -> Int32 {
        let current = now
        var wake = machine.nextDeadline.map { $0 - current } ?? .seconds(1)
        if let interval = notifier.watchdogPingInterval {
            wake = min(wake, (lastWatchdogPing ?? current) + interval - current)
        }
        wake = min(wake, reapingByPolling ? .milliseconds(20) : .seconds(1))
        guard wake > .zero else { return 0 }
        // Round up, so the loop never wakes just before a deadline and spins.
        return Int32(min((wake.nanosecondCount + 999_999) / 1_000_000, 1_000))
    }

    private func receiveNotifications(child index: Int) {
        let child = children[index]
        for datagram in child.notificationSocket.receiveAll() {
            if datagram.truncated {
                logger.warning("notification cut to \(NotifyState.maximumDatagramBytes) bytes", metadata: ["child": "\(child.name)"])
            }
            if datagram.descriptorsDropped > 0 {
                logger.warning("notification carried file descriptors; closed them",
                               metadata: ["child": "\(child.name)", "count": "\(datagram.descriptorsDropped)"])
            }
            let states = NotifyState.parse(datagram.text)
            logger.trace("notification", metadata: ["child": "\(child.name)", "pid": "\(datagram.senderPID)",
                                                     "keys": "\(states.map(\.key).joined(separator: ","))"])
            perform(machine.notification(child: index, states, from: datagram.senderPID, now: now))
        }
    }

    private func reap(child index: Int) {
        let child = children[index]
        guard let pid = child.pid, let exit = ProcessSpawner.reap(pid) else { return }
        if child.pidFileDescriptor >= 0 { close(child.pidFileDescriptor) }
        child.pidFileDescriptor = -1
        child.pid = nil
        perform(machine.exited(child: index, pid: pid, exit, now: now))
    }

    // MARK: Actions

    private func perform(_ actions: [NodeSupervisionStateMachine.Action]) {
        for action in actions {
            switch action {
            case .child(let index, let childAction):
                perform(childAction, child: index)
            case .notifyReady(let status):
                logger.notice("node ready: every child is ready", metadata: ["status": "\(status)"])
                metrics?.nodeReady(true)
                notify { () throws(SystemdError) in try notifier.ready(status: status) }
            case .notifyStatus(let status):
                notify { () throws(SystemdError) in try notifier.status(status) }
            case .notifyStopping:
                notify { () throws(SystemdError) in try notifier.stopping() }
            case .extendStartTimeout(let extra):
                notify { () throws(SystemdError) in try notifier.extendTimeout(by: extra) }
            case .abandoned(let index):
                logger.error("child did not stop even after SIGKILL; giving up on it", metadata: ["child": "\(children[index].name)"])
            case .exit(let exit):
                switch exit {
                case .stopped: logger.notice("every child stopped")
                case .escalated(let child, let reason):
                    logger.critical("giving up: exiting with failure so that systemd acts",
                                    metadata: ["child": "\(child)", "reason": "\(reason)"])
                }
            }
        }
    }

    private func perform(_ action: ChildSupervisionStateMachine.Action, child index: Int) {
        let child = children[index]
        let name = child.name
        switch action {
        case .spawn:
            spawn(child: index)
        case .signal(let signal, let pid):
            logger.debug("signal", metadata: ["child": "\(name)", "pid": "\(pid)", "signal": "\(signal.number)"])
            ProcessSpawner.send(signal, to: pid)
        case .becameReady(let pid, let startedIn, let recoveredIn):
            child.lastStart = startedIn
            if let recoveredIn { child.lastRecovery = recoveredIn }
            var metadata: Logger.Metadata = ["child": "\(name)", "pid": "\(pid)", "startSeconds": "\(startedIn.seconds)"]
            if let recoveredIn { metadata["recoverySeconds"] = "\(recoveredIn.seconds)" }
            logger.info("child ready", metadata: metadata)
            metrics?.ready(name, startedIn: startedIn, recoveredIn: recoveredIn)
        case .becameUnhealthy(let reason, let pid, let silence):
            child.lastKill = "\(reason.rawValue) after \(silence.seconds) s of silence"
            child.lastKillSilence = silence
            let message: Logger.Message = switch reason {
            case .watchdog: "child missed its watchdog: killing it (SIGABRT, then SIGKILL)"
            case .watchdogTrigger: "child asked for a watchdog kill: killing it (SIGABRT, then SIGKILL)"
            case .startTimeout: "child not ready in time: killing it (SIGTERM, then SIGKILL)"
            }
            logger.error(message, metadata: ["child": "\(name)", "pid": "\(pid)", "reason": "\(reason.rawValue)",
                                             "silenceSeconds": "\(silence.seconds)"])
            metrics?.killed(name, reason: reason, silence: silence)
        case .willRestart(let reason, let exit, let delay, let attempt):
            logger.warning("child exited; restarting", metadata: [
                "child": "\(name)", "exit": "\(exit)", "reason": "\(reason.rawValue)",
                "delaySeconds": "\(delay.seconds)", "attempt": "\(attempt)",
            ])
            metrics?.restarted(name, reason: reason)
        case .didStop(let exit):
            logger.notice("child stopped", metadata: ["child": "\(name)", "exit": "\(exit.map { "\($0)" } ?? "not running")"])
        case .escalate(let reason):
            logger.critical("child failed too often", metadata: ["child": "\(name)", "reason": "\(reason)"])
            metrics?.escalated()
        case .extendedStart(let extra, _):
            logger.info("child asked for more time to start", metadata: ["child": "\(name)", "extraSeconds": "\(extra.seconds)"])
        case .refusedNotification(let pid):
            child.refusedNotifications += 1
            metrics?.refused(name)
            logger.warning("notification refused: not from the child's process",
                           metadata: ["child": "\(name)", "senderPID": "\(pid)", "childPID": "\(child.pid.map { "\($0)" } ?? "none")"])
        }
        metrics?.state(name, machine.children[index].machine.state)
    }

    private func spawn(child index: Int) {
        let child = children[index]
        let environment = ChildEnvironment.make(
            base: baseEnvironment, node: configuration.node, child: child.configuration,
            notifySocket: child.notificationSocket.path, watchdog: child.configuration.supervision.watchdogInterval,
            socketNames: child.listeningSockets.map(\.name))
        let request = SpawnRequest(
            executable: child.executable, arguments: child.configuration.arguments, environment: environment,
            fileDescriptors: child.listeningSockets.map(\.fileDescriptor), workingDirectory: child.configuration.workingDirectory)
        switch ProcessSpawner.spawn(request) {
        case .success(let pid):
            child.pid = pid
            child.pidFileDescriptor = ctios_pidfd_open(pid)
            logger.info("child started", metadata: ["child": "\(child.name)", "pid": "\(pid)"])
            perform(machine.spawned(child: index, pid: pid, now: now))
        case .failure(let error):
            logger.error("child could not be started", metadata: ["child": "\(child.name)", "error": "\(error)"])
            perform(machine.spawnFailed(child: index, errno: error.errno, now: now))
        }
    }

    private func notify(_ body: () throws(SystemdError) -> Void) {
        do {
            try body()
        } catch {
            logger.warning("notifying systemd failed", metadata: ["error": "\(error)"])
        }
    }

    private func pingWatchdogIfDue() {
        guard let interval = notifier.watchdogPingInterval else { return }
        let current = now
        if let last = lastWatchdogPing, current - last < interval { return }
        lastWatchdogPing = current
        notify { () throws(SystemdError) in try notifier.watchdog() }
    }

    private func publish() {
        let current = now
        let snapshot = NodeSnapshot(
            node: configuration.node,
            ready: machine.children.allSatisfy { $0.machine.state.isUp },
            notifiedReady: machine.isReady,
            stopping: machine.isStopping,
            status: machine.statusLine,
            children: zip(children, machine.children).map { child, supervised in
                ChildSnapshot(
                    name: child.name, state: supervised.machine.state, pid: supervised.machine.pid,
                    restarts: supervised.machine.restartCount, lastExit: supervised.machine.lastExit.map { "\($0)" },
                    status: supervised.machine.statusText,
                    secondsInState: (current - supervised.machine.stateSince).seconds,
                    lastRecoverySeconds: child.lastRecovery?.seconds, lastStartSeconds: child.lastStart?.seconds,
                    refusedNotifications: child.refusedNotifications,
                    lastKill: child.lastKill, lastKillSilenceSeconds: child.lastKillSilence?.seconds,
                    sockets: child.listeningSockets.map { "\($0.name)=\($0.address)" })
            })
        shared.publish(snapshot)
    }
}
