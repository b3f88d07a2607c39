import Foundation

/// One run's outcome: its seed, what went wrong, and how to replay it.
public struct SimulationReport: Sendable, CustomStringConvertible {
    public var seed: UInt64
    public var options: SimulationOptions
    public var violations: [SimulationViolation]
    public var schedule: FaultSchedule
    public var statistics: SimulatedWorld.Statistics
    public var requests: Int
    public var notes: [String]
    /// Violations explained by a known bug (``SimulationOptions/knownBugs``).
    public var known: [SimulationViolation] = []
    /// With ``SimulationOptions/trace``.
    public var trace: [String] = []

    public var passed: Bool { violations.isEmpty }

    /// The command that replays this seed.
    public var replayCommand: String { options.replayCommand(seed: seed) }

    public var description: String {
        var lines = ["seed \(seed): \(passed ? "every property holds" : "\(violations.count) violation(s)") "
            + "(\(requests) requests, \(statistics.faults) faults, \(statistics.settlePoints) settle points, "
            + "\(statistics.deliveries) deliveries, \(Fault.text(statistics.modelTime)) of model time)"]
        if !passed {
            lines.append("replay: \(replayCommand)")
            lines.append("faults:\n\(schedule)")
            lines.append("violations:")
            lines += violations.prefix(15).map { "  \($0)" }
            if !notes.isEmpty {
                lines.append("what the cores reported (last 10):")
                lines += notes.suffix(10).map { "  \($0)" }
            }
        }
        if !known.isEmpty {
            lines.append("explained by known bugs (\(options.knownBugs.map(\.description).sorted().joined(separator: "; "))):")
            lines += known.prefix(5).map { "  \($0)" }
        }
        if !trace.isEmpty { lines.append("trace:\n" + trace.joined(separator: "\n")) }
        return lines.joined(separator: "\n")
    }
}

/// What a run of many seeds found.
public struct SimulationSummary: Sendable {
    /// How many seeds ran.
    public var ran = 0
    /// The seeds that broke a property, lowest first.
    public var failures: [SimulationReport] = []
    /// The seeds whose only trouble was a known bug (``SimulationOptions/knownBugs``).
    public var seedsWithKnownBugs: [UInt64] = []
}

/// The deterministic simulation (`Docs/Chaos.md`): a ``SimulatedWorld`` per seed, the properties checked at every
/// settle point. The same seed and options always give the same run.
public enum Simulation {
    /// Runs one seed.
    public static func run(seed: UInt64, options: SimulationOptions = SimulationOptions()) -> SimulationReport {
        do {
            var world = try SimulatedWorld(seed: seed, options: options)
            world.run()
            return SimulationReport(seed: seed, options: options, violations: world.violations, schedule: world.schedule,
                                    statistics: world.statistics, requests: world.requests.count, notes: world.notes,
                                    known: world.known, trace: world.trace)
        } catch {
            return SimulationReport(seed: seed, options: options,
                                    violations: [SimulationViolation(.recovered, subject: "the world", expected: "built", actual: "\(error)")],
                                    schedule: FaultSchedule(rounds: []), statistics: .init(), requests: 0, notes: [])
        }
    }

    /// Runs seeds on `workers` threads until they are done, `budget` (wall time) is spent, or (with
    /// `stopAtFirstFailure`) one fails.
    public static func run(seeds: ClosedRange<UInt64>, options: SimulationOptions = SimulationOptions(), workers: Int = 2,
                           budget: Duration? = nil, stopAtFirstFailure: Bool = false) async -> SimulationSummary {
        let clock = ContinuousClock()
        let deadline = budget.map { clock.now + $0 }
        let next = Counter(seeds.lowerBound)
        return await withTaskGroup(of: (Int, [SimulationReport], [UInt64]).self) { group in
            for _ in 0..<max(1, workers) {
                group.addTask {
                    var ran = 0
                    var failures: [SimulationReport] = []
                    var known: [UInt64] = []
                    while let seed = next.take(upTo: seeds.upperBound) {
                        if let deadline, clock.now >= deadline { break }
                        let report = run(seed: seed, options: options)
                        ran += 1
                        if !report.known.isEmpty { known.append(seed) }
                        if !report.passed {
                            failures.append(report)
                            if stopAtFirstFailure { next.stop() }
                        }
                    }
                    return (ran, failures, known)
                }
            }
            var summary = SimulationSummary()
            for await (count, found, known) in group {
                summary.ran += count
                summary.failures += found
                summary.seedsWithKnownBugs += known
            }
            summary.failures.sort { $0.seed < $1.seed }
            summary.seedsWithKnownBugs.sort()
            return summary
        }
    }

    /// Seeds handed out one at a time to the workers.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value: UInt64
        private var stopped = false

        init(_ first: UInt64) { value = first }

        func take(upTo last: UInt64) -> UInt64? {
            lock.lock()
            defer { lock.unlock() }
            guard !stopped, value <= last else { return nil }
            defer { value += 1 }
            return value
        }

        func stop() {
            lock.lock()
            stopped = true
            lock.unlock()
        }
    }
}
