import Foundation
import Logging
import NodeManager
import SystemdKit
import Testing

/// Runs a real `NodeManager` in this process over real child processes (`NodeManagerTestChild`), and waits on
/// its snapshot with deadlines, failing with what it waited for and the last snapshot it saw.
final class NodeManagerHarness: Sendable {
    /// The test child program, built beside this test bundle.
    static let testChild: String = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("NodeManagerTestChild").path

    let manager: NodeManager
    let directory: String
    let task: Task<Result<Void, any Error>, Never>

    /// Starts a node manager whose children are made by `children` from the test's own directory (see
    /// ``child(_:_:directory:configure:)``).
    init(node: String = "T", _ children: (_ directory: String) -> [NodeManagerConfiguration.Child]) throws {
        let directory = NSTemporaryDirectory() + "nm-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = NodeManagerConfiguration()
        configuration.node = node
        configuration.runtimeDirectory = directory
        configuration.children = children(directory)
        try configuration.validate(source: "test")
        var logger = Logger(label: "test.nodemgr")
        logger.logLevel = .warning
        var environment = ProcessInfo.processInfo.environment
        for name in ["NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LISTEN_FDS", "LISTEN_PID", "JOURNAL_STREAM"] {
            environment[name] = nil
        }
        let manager = NodeManager(configuration: configuration, notifier: .disabled, logger: logger, environment: environment)
        self.manager = manager
        task = Task {
            do {
                try await manager.run()
                return .success(())
            } catch {
                return .failure(error)
            }
        }
    }

    /// A child running the test program with `arguments`, reporting each start to `DIRECTORY/NAME.report`, with
    /// short test timings (watchdog 0.4 s, start timeout 5 s, abort grace 1 s, stop timeout 2 s, backoff 0.05 s).
    static func child(_ name: String, _ arguments: [String], directory: String,
                      configure: (inout NodeManagerConfiguration.Child) -> Void = { _ in }) -> NodeManagerConfiguration.Child {
        var child = NodeManagerConfiguration.Child(name: name, executable: testChild)
        child.arguments = arguments + ["--report", "\(directory)/\(name).report"]
        child.watchdogSeconds = 0.4
        child.startTimeoutSeconds = 5
        child.abortGraceSeconds = 1
        child.stopTimeoutSeconds = 2
        child.restartBackoffSeconds = 0.05
        child.maximumRestartBackoffSeconds = 1
        configure(&child)
        return child
    }

    /// One line per start of child `name`: its `KEY=value` facts.
    func reports(_ name: String) -> [[String: String]] {
        Self.reports(at: "\(directory)/\(name).report")
    }

    static func reports(at path: String) -> [[String: String]] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { line in
            var facts: [String: String] = [:]
            for pair in line.split(separator: " ") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                facts[String(pair[..<equals])] = String(pair[equals...].dropFirst())
            }
            return facts
        }
    }

    /// Polls the snapshot every 10 ms until `condition` holds; records an issue naming `what` and the last
    /// snapshot when `timeout` passes first.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(10), sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (NodeSnapshot) -> Bool) async throws -> NodeSnapshot {
        let deadline = ContinuousClock.now + timeout
        var snapshot = manager.snapshot
        while ContinuousClock.now < deadline {
            snapshot = manager.snapshot
            if condition(snapshot) { return snapshot }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("waited \(timeout) for \(what); last snapshot: \(snapshot)", sourceLocation: sourceLocation)
        throw HarnessTimeout()
    }

    /// Asks the node manager to stop and waits (at most `timeout`) for `run()` to return.
    func stop(timeout: Duration = .seconds(15)) async throws -> Result<Void, any Error> {
        manager.requestStop()
        return try await finish(timeout: timeout)
    }

    /// Waits (at most `timeout`) for `run()` to return by itself.
    func finish(timeout: Duration = .seconds(15)) async throws -> Result<Void, any Error> {
        let task = self.task
        return try await withThrowingTaskGroup(of: Result<Void, any Error>?.self) { group in
            group.addTask { await task.value }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next()!
            group.cancelAll()
            guard let result = first else {
                Issue.record("the node manager did not finish within \(timeout); last snapshot: \(manager.snapshot)")
                throw HarnessTimeout()
            }
            return result
        }
    }

    deinit {
        manager.requestStop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

struct HarnessTimeout: Error {}

extension NodeSnapshot {
    /// The child named `name`.
    func child(_ name: String) -> ChildSnapshot? { children.first { $0.name == name } }
}
