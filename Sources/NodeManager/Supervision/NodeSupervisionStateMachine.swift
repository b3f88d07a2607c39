import SystemdKit

/// The node manager's whole supervision, as a pure state machine: one ``ChildSupervisionStateMachine`` per
/// child (in configuration order), and what the node says to systemd.
///
/// - It sends `READY=1` once every child has been ready (sent `READY=1` itself) since the start, and forwards a
///   child's `EXTEND_TIMEOUT_USEC=` to systemd until then, so a child catching up with its peer keeps the node
///   starting instead of timing out.
/// - It sends `STATUS=` whenever the one-line summary changes.
/// - When a child escalates (too many restarts), or on ``stop(now:)``, it stops the children one at a time in
///   reverse order (each bounded by its stop timeout, then SIGKILL, then ``abandonAfterKill``), then asks the
///   shell to exit: with failure after an escalation.
public struct NodeSupervisionStateMachine: Sendable {
    /// One supervised child.
    public struct Child: Sendable {
        /// Its name in the configuration.
        public let name: String
        /// Its supervision.
        public internal(set) var machine: ChildSupervisionStateMachine
    }

    /// How the node manager ends.
    public enum Exit: Hashable, Sendable {
        /// Stopped on request.
        case stopped
        /// A child failed too often: exit with failure so that systemd acts.
        case escalated(child: String, reason: String)
    }

    /// What the shell does for the node.
    public enum Action: Hashable, Sendable {
        /// Something for one child's process (by index).
        case child(Int, ChildSupervisionStateMachine.Action)
        /// `READY=1` (with the status line) to systemd.
        case notifyReady(status: String)
        /// `STATUS=` to systemd.
        case notifyStatus(String)
        /// `STOPPING=1` to systemd.
        case notifyStopping
        /// `EXTEND_TIMEOUT_USEC=` to systemd: a child is still starting and asked for more time.
        case extendStartTimeout(Duration)
        /// A child's stop took too long even after SIGKILL; it is given up on (logged).
        case abandoned(child: Int)
        /// Every child is down: the node manager ends.
        case exit(Exit)
    }

    enum Phase: Hashable, Sendable {
        case idle
        case supervising
        /// Stopping child `index` (then the ones before it), since `since`.
        case stopping(index: Int, since: Duration, exit: Exit)
        case finished(Exit)
    }

    /// After SIGKILL, how long a child that does not die is waited for before it is given up on.
    public static let abandonAfterKill: Duration = .seconds(5)

    /// The node's name, in the status line.
    public let node: String
    /// The children, in configuration (start) order.
    public private(set) var children: [Child]
    private(set) var phase: Phase = .idle
    /// Whether `READY=1` went to systemd.
    public private(set) var isReady = false
    private var lastStatus: String?

    /// A node with these children (names and supervision), none started.
    public init(node: String, children: [(name: String, configuration: ChildSupervisionConfiguration)]) {
        self.node = node
        self.children = children.map { Child(name: $0.name, machine: ChildSupervisionStateMachine(configuration: $0.configuration)) }
    }

    /// Whether the node manager is done (its exit was asked for).
    public var exit: Exit? {
        if case .finished(let exit) = phase { return exit }
        return nil
    }

    /// Whether a stop (asked for or after an escalation) is under way.
    public var isStopping: Bool {
        switch phase {
        case .stopping, .finished: true
        case .idle, .supervising: false
        }
    }

    /// The earliest time ``tick(now:)`` has something to do.
    public var nextDeadline: Duration? {
        var deadlines = children.compactMap(\.machine.nextDeadline)
        if case .stopping(let index, let since, _) = phase {
            deadlines.append(since + stopBound(of: index))
        }
        return deadlines.min()
    }

    /// The one-line summary for `STATUS=`: `node A: 1/1 up; server running (pid 4711, 2 restarts)`.
    public var statusLine: String {
        let up = children.filter { $0.machine.state.isUp }.count
        var line = "node \(node): "
        switch phase {
        case .stopping, .finished: line += "stopping, "
        case .idle, .supervising: break
        }
        line += "\(up)/\(children.count) up"
        let parts = children.map { child -> String in
            var details: [String] = []
            if let pid = child.machine.pid { details.append("pid \(pid)") }
            if child.machine.restartCount > 0 {
                details.append("\(child.machine.restartCount) restart" + (child.machine.restartCount == 1 ? "" : "s"))
            }
            return "\(child.name) \(child.machine.state.rawValue)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
        }
        return line + "; " + parts.joined(separator: "; ")
    }

    // MARK: Inputs

    /// Start every child, in order.
    public mutating func start(now: Duration) -> [Action] {
        guard case .idle = phase else { return [] }
        phase = .supervising
        var actions: [Action] = []
        for index in children.indices {
            actions += children[index].machine.start(now: now).map { .child(index, $0) }
        }
        return settle(actions, now: now)
    }

    /// The shell started child `index`'s process.
    public mutating func spawned(child index: Int, pid: Int32, now: Duration) -> [Action] {
        settle(children[index].machine.spawned(pid: pid, now: now).map { .child(index, $0) }, now: now)
    }

    /// The shell could not start child `index`'s process.
    public mutating func spawnFailed(child index: Int, errno: Int32, now: Duration) -> [Action] {
        settle(children[index].machine.spawnFailed(errno: errno, now: now).map { .child(index, $0) }, now: now)
    }

    /// A datagram arrived on child `index`'s notification socket from `pid`.
    public mutating func notification(child index: Int, _ states: [NotifyState], from pid: Int32, now: Duration) -> [Action] {
        settle(children[index].machine.notification(states, from: pid, now: now).map { .child(index, $0) }, now: now)
    }

    /// Child `index`'s process `pid` exited.
    public mutating func exited(child index: Int, pid: Int32, _ exit: ChildExit, now: Duration) -> [Action] {
        settle(children[index].machine.exited(pid: pid, exit, now: now).map { .child(index, $0) }, now: now)
    }

    /// Time passed.
    public mutating func tick(now: Duration) -> [Action] {
        var actions: [Action] = []
        for index in children.indices {
            actions += children[index].machine.tick(now: now).map { .child(index, $0) }
        }
        if case .stopping(let index, let since, let exit) = phase, now >= since + stopBound(of: index),
           !children[index].machine.isFinished {
            actions.append(.abandoned(child: index))
            actions += advanceStop(after: index, exit: exit, now: now)
        }
        return settle(actions, now: now)
    }

    /// Stop every child in reverse order, then exit.
    public mutating func stop(now: Duration) -> [Action] {
        switch phase {
        case .idle, .supervising:
            return settle([.notifyStopping] + beginStop(exit: .stopped, now: now), now: now)
        case .stopping, .finished:
            return []
        }
    }

    // MARK: Internals

    /// Follows the children's actions with the node's: escalation, the next child to stop, readiness, status.
    private mutating func settle(_ actions: [Action], now: Duration) -> [Action] {
        var result: [Action] = []
        var pending = actions
        while !pending.isEmpty {
            let action = pending.removeFirst()
            result.append(action)
            guard case .child(let index, let childAction) = action else { continue }
            switch childAction {
            case .escalate(let reason):
                switch phase {
                case .idle, .supervising:
                    pending += [.notifyStopping] + beginStop(exit: .escalated(child: children[index].name, reason: reason), now: now)
                case .stopping(let current, _, let exit):
                    if current == index { pending += advanceStop(after: index, exit: exit, now: now) }
                case .finished:
                    break
                }
            case .didStop:
                if case .stopping(let current, _, let exit) = phase, current == index {
                    pending += advanceStop(after: index, exit: exit, now: now)
                }
            case .extendedStart(let extra, _):
                if !isReady, !isStopping { result.append(.extendStartTimeout(extra)) }
            case .spawn, .signal, .becameReady, .becameUnhealthy, .willRestart, .refusedNotification:
                break
            }
        }
        if !isReady, !isStopping, children.allSatisfy({ $0.machine.state.isUp }) {
            isReady = true
            lastStatus = statusLine
            result.append(.notifyReady(status: statusLine))
        } else if statusLine != lastStatus {
            lastStatus = statusLine
            result.append(.notifyStatus(statusLine))
        }
        return result
    }

    private mutating func beginStop(exit: Exit, now: Duration) -> [Action] {
        stopChild(from: children.count - 1, exit: exit, now: now)
    }

    private mutating func advanceStop(after index: Int, exit: Exit, now: Duration) -> [Action] {
        stopChild(from: index - 1, exit: exit, now: now)
    }

    /// Stops the child at `index`, or the first before it that is not already finished; exits when none is left.
    private mutating func stopChild(from index: Int, exit: Exit, now: Duration) -> [Action] {
        var index = index
        while index >= 0 {
            if !children[index].machine.isFinished {
                phase = .stopping(index: index, since: now, exit: exit)
                let actions = children[index].machine.stop(now: now).map { Action.child(index, $0) }
                if children[index].machine.isFinished {
                    // Stopped at once (it was not running): go on with the one before, keeping its actions.
                    return actions + stopChild(from: index - 1, exit: exit, now: now)
                }
                return actions
            }
            index -= 1
        }
        phase = .finished(exit)
        return [.exit(exit)]
    }

    /// How long child `index`'s stop may take in all: its stop timeout (or abort grace), then the wait after
    /// SIGKILL.
    private func stopBound(of index: Int) -> Duration {
        let configuration = children[index].machine.configuration
        return max(configuration.stopTimeout, configuration.abortGrace) + Self.abandonAfterKill
    }
}
