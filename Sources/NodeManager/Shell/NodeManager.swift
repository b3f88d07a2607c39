public import Logging
public import ServiceLifecycle
public import SystemdKit
import CNodeManager
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `ctios nodemgr`'s supervisor: a swift-service-lifecycle `Service` that starts the configured children, keeps
/// them running (restart on exit, kill on a missed watchdog or start deadline, backoff, escalation), speaks the
/// systemd notification protocol both ways, and stops them in reverse order on graceful shutdown.
///
/// ```swift
/// let manager = NodeManager(configuration: configuration, logger: logger)
/// let admin = AdminServer(configuration: …, registry: registry, routes: NodeManagerAdmin.routes(for: manager),
///                         readiness: { manager.readiness }, logger: logger)
/// try await ServiceGroup(services: [manager, admin], …).run()
/// ```
///
/// ``run()`` returns once every child has stopped after a graceful shutdown (or cancellation), and throws
/// ``NodeManagerError`` with code ``NodeManagerError/Code-swift.struct/escalated`` when a child failed too often,
/// so the process exits with failure and systemd restarts it.
public final class NodeManager: Service, Sendable {
    /// State shared between the supervision thread and the rest of the process.
    final class Shared: Sendable {
        private struct State {
            var stopRequested = false
            var started = false
            var snapshot: NodeSnapshot
        }

        private let state: Mutex<State>
        let wakeFileDescriptor: Int32

        init(node: String) {
            state = Mutex(State(snapshot: NodeSnapshot(node: node)))
            wakeFileDescriptor = ctios_wake_fd()
        }

        var isStopRequested: Bool { state.withLock { $0.stopRequested } }
        var snapshot: NodeSnapshot { state.withLock { $0.snapshot } }

        func publish(_ snapshot: NodeSnapshot) { state.withLock { $0.snapshot = snapshot } }

        func requestStop() {
            state.withLock { $0.stopRequested = true }
            var one: UInt64 = 1
            _ = write(wakeFileDescriptor, &one, 8)
        }

        /// Marks the manager started; false if it already was.
        func markStarted() -> Bool {
            state.withLock { state in
                defer { state.started = true }
                return !state.started
            }
        }

        deinit { close(wakeFileDescriptor) }
    }

    /// The configuration it runs (validated).
    public let configuration: NodeManagerConfiguration
    private let notifier: SystemdNotifier
    private let logger: Logger
    private let metrics: NodeManagerMetrics?
    private let environment: [String: String]
    let shared: Shared

    /// A node manager; nothing starts before ``run()``.
    ///
    /// - Parameters:
    ///   - configuration: a validated configuration (``NodeManagerConfiguration/load(from:)``).
    ///   - notifier: towards the service manager that started the node manager (systemd).
    ///   - logger: the process's logger; entries about a child carry `child` metadata.
    ///   - metrics: where the metrics go; `nil` for none.
    ///   - environment: the base of every child's environment (the process's by default).
    public init(configuration: NodeManagerConfiguration, notifier: SystemdNotifier = SystemdNotifier(), logger: Logger,
                metrics: NodeManagerMetrics? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configuration = configuration
        self.notifier = notifier
        var logger = logger
        logger[metadataKey: "node"] = "\(configuration.node)"
        self.logger = logger
        self.metrics = metrics
        self.environment = environment
        self.shared = Shared(node: configuration.node)
    }

    /// What `/v1/children` shows: the state of every child, as of the supervision loop's last turn.
    public var snapshot: NodeSnapshot { shared.snapshot }

    /// Asks for the graceful stop (children in reverse order); ``run()`` returns when it is done.
    public func requestStop() { shared.requestStop() }

    /// Sets up the sockets, then supervises on a dedicated thread until stopped (graceful shutdown or
    /// cancellation) or until a child escalates.
    public func run() async throws {
        guard shared.markStarted() else { throw NodeManagerError(.alreadyRunning, "run() was called twice") }
        let children = try NodeManagerSetup(configuration: configuration, notifier: notifier, logger: logger,
                                            environment: environment).makeChildren()
        let loop = SupervisionLoop(
            configuration: configuration, children: children, notifier: notifier, logger: logger, metrics: metrics,
            shared: shared, wakeFileDescriptor: shared.wakeFileDescriptor, baseEnvironment: environment)
        let box = LoopBox(loop: loop, children: children)
        let shared = self.shared
        let exit = await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<NodeSupervisionStateMachine.Exit, Never>) in
                    let thread = Thread {
                        continuation.resume(returning: box.run())
                    }
                    thread.name = "ctios-nodemgr-supervision"
                    thread.start()
                }
            } onCancel: {
                shared.requestStop()
            }
        } onGracefulShutdown: {
            shared.requestStop()
        }
        if case .escalated(let child, let reason) = exit {
            throw NodeManagerError(.escalated, "child \(child) failed too often: \(reason)")
        }
    }
}

/// Hands the loop (not `Sendable`: it is used by its one thread only) to that thread.
private final class LoopBox: @unchecked Sendable {
    let loop: SupervisionLoop
    let children: [SupervisedChild]

    init(loop: SupervisionLoop, children: [SupervisedChild]) {
        self.loop = loop
        self.children = children
    }

    func run() -> NodeSupervisionStateMachine.Exit { loop.run() }
}
