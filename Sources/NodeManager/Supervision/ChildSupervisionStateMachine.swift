import SystemdKit

/// The supervision of one child process, as a pure state machine: it never reads a clock, sleeps, spawns or
/// signals. Every input carries `now` (a monotonic `Duration` from any fixed origin) and returns the ``Action``s
/// for the shell to perform; ``nextDeadline`` tells the shell when to call ``tick(now:)``.
///
/// ```
/// not-started ─start→ (spawn) ─spawned→ starting ─READY=1→ ready ─stableAfter→ running
///                                          │ start deadline     │ watchdog missed   │
///                                          ▼                    ▼                   ▼
///                                      unhealthy (SIGTERM or SIGABRT … SIGKILL after abortGrace)
///  any running state ─exit→ backing-off (0, then initialBackoff doubling) ─delay→ (spawn)
///                         └→ failed (more than restartBurst restarts in restartInterval): escalate
///  stop → stopping (SIGTERM … SIGKILL after stopTimeout) ─exit→ stopped
/// ```
public struct ChildSupervisionStateMachine: Sendable {
    /// What the shell does for the machine.
    public enum Action: Hashable, Sendable {
        /// Start the child process; report ``spawned(pid:now:)`` or ``spawnFailed(errno:now:)``.
        case spawn
        /// Send this signal to the running child (``ChildSignal/kill`` to its whole process group).
        case signal(ChildSignal, pid: Int32)
        /// The child sent `READY=1`, `startedIn` after it was spawned; `recoveredIn` is the time from the exit
        /// that caused this restart to now, when this start is a restart.
        case becameReady(pid: Int32, startedIn: Duration, recoveredIn: Duration?)
        /// The child missed a deadline and is being killed; `silence` is how long it had been quiet (since its
        /// last `WATCHDOG=1` or `READY=1`, or since its spawn for a start timeout).
        case becameUnhealthy(UnhealthyReason, pid: Int32, silence: Duration)
        /// The child exited; it is started again after `delay` (zero: at once).
        case willRestart(RestartReason, exit: ChildExit, delay: Duration, attempt: Int)
        /// The child exited and stays down (stopped on request, or a clean exit under `restart: on-failure`).
        case didStop(exit: ChildExit?)
        /// Too many restarts: the child is `failed`; the node manager must exit with failure.
        case escalate(reason: String)
        /// The child asked for more time to start (`EXTEND_TIMEOUT_USEC=`); its deadline is now `until`.
        case extendedStart(by: Duration, until: Duration)
        /// A notification came from a process that is not the child (refused, counted).
        case refusedNotification(fromPID: Int32)
    }

    enum Phase: Hashable, Sendable {
        case notStarted
        /// `spawn` was asked for; waiting for the shell to report the pid.
        case spawning(since: Duration)
        case starting(Instance, deadline: Duration)
        case ready(Instance, readySince: Duration, watchdogDeadline: Duration?)
        case running(Instance, watchdogDeadline: Duration?)
        case unhealthy(Instance, UnhealthyReason, killDeadline: Duration?)
        case backingOff(until: Duration)
        case failed(reason: String)
        case stopping(Instance, killDeadline: Duration?)
        case stopped
    }

    /// One run of the child process.
    struct Instance: Hashable, Sendable {
        var pid: Int32
        var spawnedAt: Duration
        /// The exit that caused this start, when it is a restart.
        var restartedAfterExitAt: Duration?
        var watchdogInterval: Duration?
        /// The last `READY=1` or `WATCHDOG=1` (the spawn before either).
        var lastSignOfLife: Duration
    }

    /// How this child is supervised.
    public let configuration: ChildSupervisionConfiguration
    private(set) var phase: Phase = .notStarted
    /// Restarts in a row since the child was last `running` (1 after the first).
    private(set) var consecutiveRestarts = 0
    /// When recent restarts happened, for the restart limit.
    private(set) var recentRestarts: [Duration] = []
    /// Every restart since the node manager started.
    public private(set) var restartCount = 0
    /// The child's last `STATUS=`.
    public private(set) var statusText: String?
    /// How the child's last run ended.
    public private(set) var lastExit: ChildExit?
    /// When the current state began.
    public private(set) var stateSince: Duration = .zero
    /// Set when stop was asked for: the child is not restarted after it exits.
    private var stopRequested = false
    /// When the last exit happened (for `recoveredIn`).
    private var lastExitAt: Duration?

    /// A child not started yet.
    public init(configuration: ChildSupervisionConfiguration) {
        self.configuration = configuration
    }

    /// The state, for `/v1/children` and the metrics.
    public var state: ChildState {
        switch phase {
        case .notStarted: .notStarted
        case .spawning, .starting: .starting
        case .ready: .ready
        case .running: .running
        case .unhealthy: .unhealthy
        case .backingOff: .backingOff
        case .failed: .failed
        case .stopping: .stopping
        case .stopped: .stopped
        }
    }

    /// The running process's pid, if there is one.
    public var pid: Int32? {
        switch phase {
        case .starting(let instance, _), .ready(let instance, _, _), .running(let instance, _),
             .unhealthy(let instance, _, _), .stopping(let instance, _):
            instance.pid
        case .notStarted, .spawning, .backingOff, .failed, .stopped:
            nil
        }
    }

    /// Whether the child has nothing left to do: `stopped` or `failed`.
    public var isFinished: Bool {
        switch phase {
        case .stopped, .failed: true
        case .notStarted, .spawning, .starting, .ready, .running, .unhealthy, .backingOff, .stopping: false
        }
    }

    /// The earliest time ``tick(now:)`` has something to do, if any.
    public var nextDeadline: Duration? {
        switch phase {
        case .starting(_, let deadline): deadline
        case .ready(_, let readySince, let watchdogDeadline):
            [readySince + configuration.stableAfter, watchdogDeadline].compactMap { $0 }.min()
        case .running(_, let watchdogDeadline): watchdogDeadline
        case .unhealthy(_, _, let killDeadline): killDeadline
        case .backingOff(let until): until
        case .stopping(_, let killDeadline): killDeadline
        case .notStarted, .spawning, .failed, .stopped: nil
        }
    }

    // MARK: Inputs

    /// Start the child (once, at the beginning).
    public mutating func start(now: Duration) -> [Action] {
        switch phase {
        case .notStarted:
            enter(.spawning(since: now), now: now)
            return [.spawn]
        case .spawning, .starting, .ready, .running, .unhealthy, .backingOff, .failed, .stopping, .stopped:
            return []
        }
    }

    /// The shell started the process asked for by ``Action/spawn``.
    public mutating func spawned(pid: Int32, now: Duration) -> [Action] {
        switch phase {
        case .spawning:
            let instance = Instance(pid: pid, spawnedAt: now, restartedAfterExitAt: restartCount > 0 ? lastExitAt : nil,
                                    watchdogInterval: configuration.watchdogInterval, lastSignOfLife: now)
            if stopRequested {
                enter(.stopping(instance, killDeadline: now + configuration.stopTimeout), now: now)
                return [.signal(.terminate, pid: pid)]
            }
            enter(.starting(instance, deadline: now + configuration.startTimeout), now: now)
            return []
        case .notStarted, .starting, .ready, .running, .unhealthy, .backingOff, .failed, .stopping, .stopped:
            return []
        }
    }

    /// The process asked for by ``Action/spawn`` could not be started.
    public mutating func spawnFailed(errno: Int32, now: Duration) -> [Action] {
        switch phase {
        case .spawning:
            return afterExit(.spawnFailed(errno), reason: .spawnFailed, now: now)
        case .notStarted, .starting, .ready, .running, .unhealthy, .backingOff, .failed, .stopping, .stopped:
            return []
        }
    }

    /// A datagram arrived on the child's `NOTIFY_SOCKET` from process `pid` (its credentials).
    public mutating func notification(_ states: [NotifyState], from pid: Int32, now: Duration) -> [Action] {
        guard let current = self.pid, current == pid else { return [.refusedNotification(fromPID: pid)] }
        var actions: [Action] = []
        for state in states {
            actions += apply(state, now: now)
        }
        return actions
    }

    private mutating func apply(_ notification: NotifyState, now: Duration) -> [Action] {
        switch notification {
        case .status(let text):
            statusText = text
            return []
        case .ready:
            guard case .starting(var instance, _) = phase else { return [] }
            instance.lastSignOfLife = now
            enter(.ready(instance, readySince: now, watchdogDeadline: instance.watchdogInterval.map { now + $0 }), now: now)
            return [.becameReady(pid: instance.pid, startedIn: now - instance.spawnedAt,
                                 recoveredIn: instance.restartedAfterExitAt.map { now - $0 })]
        case .watchdog:
            switch phase {
            case .ready(var instance, let readySince, _):
                instance.lastSignOfLife = now
                phase = .ready(instance, readySince: readySince, watchdogDeadline: instance.watchdogInterval.map { now + $0 })
            case .running(var instance, _):
                instance.lastSignOfLife = now
                phase = .running(instance, watchdogDeadline: instance.watchdogInterval.map { now + $0 })
            case .notStarted, .spawning, .starting, .unhealthy, .backingOff, .failed, .stopping, .stopped:
                break
            }
            return []
        case .watchdogTrigger:
            switch phase {
            case .starting(let instance, _), .ready(let instance, _, _), .running(let instance, _):
                return kill(instance, .watchdogTrigger, now: now)
            case .notStarted, .spawning, .unhealthy, .backingOff, .failed, .stopping, .stopped:
                return []
            }
        case .watchdogInterval(let interval):
            switch phase {
            case .starting(var instance, let deadline):
                instance.watchdogInterval = interval
                phase = .starting(instance, deadline: deadline)
            case .ready(var instance, let readySince, _):
                instance.watchdogInterval = interval
                phase = .ready(instance, readySince: readySince, watchdogDeadline: now + interval)
            case .running(var instance, _):
                instance.watchdogInterval = interval
                phase = .running(instance, watchdogDeadline: now + interval)
            case .notStarted, .spawning, .unhealthy, .backingOff, .failed, .stopping, .stopped:
                break
            }
            return []
        case .extendTimeout(let extra):
            switch phase {
            case .starting(let instance, let deadline):
                let extended = max(deadline, now + extra)
                phase = .starting(instance, deadline: extended)
                return [.extendedStart(by: extra, until: extended)]
            case .stopping(let instance, let killDeadline):
                phase = .stopping(instance, killDeadline: killDeadline.map { max($0, now + extra) })
                return []
            case .notStarted, .spawning, .ready, .running, .unhealthy, .backingOff, .failed, .stopped:
                return []
            }
        case .stopping, .mainPID, .errno, .fdStore, .fdStoreRemove, .fdName, .unknown:
            return []
        }
    }

    /// The child process exited (the shell reaped it).
    public mutating func exited(pid: Int32, _ exit: ChildExit, now: Duration) -> [Action] {
        guard let current = self.pid, current == pid else { return [] }
        switch phase {
        case .starting, .ready, .running:
            let reason: RestartReason = if case .signaled = exit { .crash } else { .exit }
            if !stopRequested, configuration.restart == .onFailure, exit.isSuccess {
                lastExit = exit
                lastExitAt = now
                enter(.stopped, now: now)
                return [.didStop(exit: exit)]
            }
            return afterExit(exit, reason: reason, now: now)
        case .unhealthy(_, let why, _):
            return afterExit(exit, reason: why == .startTimeout ? .startTimeout : .watchdog, now: now)
        case .stopping:
            lastExit = exit
            lastExitAt = now
            enter(.stopped, now: now)
            return [.didStop(exit: exit)]
        case .notStarted, .spawning, .backingOff, .failed, .stopped:
            return []
        }
    }

    /// Time passed: act on every deadline that has come (call it at ``nextDeadline``, or any time).
    public mutating func tick(now: Duration) -> [Action] {
        switch phase {
        case .starting(let instance, let deadline):
            guard now >= deadline else { return [] }
            return kill(instance, .startTimeout, now: now)
        case .ready(let instance, let readySince, let watchdogDeadline):
            if let watchdogDeadline, now >= watchdogDeadline {
                return kill(instance, .watchdog, now: now)
            }
            if now >= readySince + configuration.stableAfter {
                consecutiveRestarts = 0
                enter(.running(instance, watchdogDeadline: watchdogDeadline), now: now)
            }
            return []
        case .running(let instance, let watchdogDeadline):
            guard let watchdogDeadline, now >= watchdogDeadline else { return [] }
            return kill(instance, .watchdog, now: now)
        case .unhealthy(let instance, let reason, let killDeadline):
            guard let killDeadline, now >= killDeadline else { return [] }
            phase = .unhealthy(instance, reason, killDeadline: nil)
            return [.signal(.kill, pid: instance.pid)]
        case .backingOff(let until):
            guard now >= until else { return [] }
            if stopRequested {
                enter(.stopped, now: now)
                return [.didStop(exit: nil)]
            }
            enter(.spawning(since: now), now: now)
            return [.spawn]
        case .stopping(let instance, let killDeadline):
            guard let killDeadline, now >= killDeadline else { return [] }
            phase = .stopping(instance, killDeadline: nil)
            return [.signal(.kill, pid: instance.pid)]
        case .notStarted, .spawning, .failed, .stopped:
            return []
        }
    }

    /// Stop the child for good: SIGTERM, then SIGKILL after the stop timeout. A child not running is stopped at
    /// once (``Action/didStop(exit:)``).
    public mutating func stop(now: Duration) -> [Action] {
        stopRequested = true
        switch phase {
        case .starting(let instance, _), .ready(let instance, _, _), .running(let instance, _):
            enter(.stopping(instance, killDeadline: now + configuration.stopTimeout), now: now)
            return [.signal(.terminate, pid: instance.pid)]
        case .unhealthy(let instance, _, let killDeadline):
            // Already being killed: let that finish, as a stop.
            enter(.stopping(instance, killDeadline: killDeadline), now: now)
            return []
        case .notStarted, .backingOff:
            enter(.stopped, now: now)
            return [.didStop(exit: nil)]
        case .spawning:
            // The shell reports the pid next; `spawned` then sends SIGTERM.
            return []
        case .failed, .stopping, .stopped:
            return []
        }
    }

    // MARK: Transitions

    private mutating func kill(_ instance: Instance, _ reason: UnhealthyReason, now: Duration) -> [Action] {
        let signal: ChildSignal = reason == .startTimeout ? .terminate : .abort
        enter(.unhealthy(instance, reason, killDeadline: now + configuration.abortGrace), now: now)
        return [.becameUnhealthy(reason, pid: instance.pid, silence: now - instance.lastSignOfLife), .signal(signal, pid: instance.pid)]
    }

    private mutating func afterExit(_ exit: ChildExit, reason: RestartReason, now: Duration) -> [Action] {
        lastExit = exit
        lastExitAt = now
        if stopRequested {
            enter(.stopped, now: now)
            return [.didStop(exit: exit)]
        }
        recentRestarts.removeAll { $0 <= now - configuration.restartInterval }
        if recentRestarts.count >= configuration.restartBurst {
            let reasonText = "\(recentRestarts.count + 1) failures within \(configuration.restartInterval) (last: \(exit))"
            enter(.failed(reason: reasonText), now: now)
            return [.escalate(reason: reasonText)]
        }
        recentRestarts.append(now)
        restartCount += 1
        consecutiveRestarts += 1
        let delay = configuration.backoff(consecutive: consecutiveRestarts)
        let actions: [Action] = [.willRestart(reason, exit: exit, delay: delay, attempt: consecutiveRestarts)]
        if delay == .zero {
            enter(.spawning(since: now), now: now)
            return actions + [.spawn]
        }
        enter(.backingOff(until: now + delay), now: now)
        return actions
    }

    private mutating func enter(_ phase: Phase, now: Duration) {
        self.phase = phase
        stateSince = now
    }
}
