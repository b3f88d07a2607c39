import CTIOSTestKit
import Foundation
import Testing

/// The deterministic simulation over many seeds (`Docs/Chaos.md`, "Deterministic simulation"). A failure prints its
/// seed and the command that replays it.
struct SimulationSeedsTests {
    /// CI's seeds: about 0.35 s of CPU each in a debug build, so about 26 s on two idle cores (longer on a busy
    /// machine: the count is fixed, so the run is the same everywhere).
    static let ciSeeds: UInt64 = 150

    /// CI's runs: the defaults (what `Scripts/simulate.sh --seed S` replays).
    static let ci = SimulationOptions()

    @Test func everyPropertyHoldsForCISeeds() async {
        let clock = ContinuousClock()
        let start = clock.now
        let summary = await Simulation.run(seeds: 1...Self.ciSeeds, options: Self.ci, workers: 2)
        print("simulation: \(summary.ran) seeds in \(clock.now - start), \(summary.failures.count) failed, "
              + "\(summary.seedsWithKnownBugs.count) hit a known bug (\(summary.seedsWithKnownBugs.prefix(20)))")
        #expect(summary.ran == Int(Self.ciSeeds))
        for failure in summary.failures.prefix(3) { Issue.record("\(failure)") }
    }

    /// The same seed gives the same run.
    @Test func aSeedReplaysExactly() {
        let first = Simulation.run(seed: 42)
        let second = Simulation.run(seed: 42)
        #expect(first.statistics == second.statistics)
        #expect(first.violations == second.violations)
        #expect(first.schedule == second.schedule)
        #expect(first.statistics.deliveries > 1_000, "the run did something: \(first.statistics)")
    }

    /// `Scripts/simulate.sh`: `CTIOS_SIMULATION_SEEDS` seeds from `CTIOS_SIMULATION_FIRST` (default 1), or the one
    /// seed `CTIOS_SIMULATION_SEED` with its whole report; `CTIOS_SIMULATION_PLANTED_BUG=1` plants the bug. Does
    /// nothing without them.
    @Test func seedsFromTheEnvironment() async {
        let environment = ProcessInfo.processInfo.environment
        var options = SimulationOptions()
        options.plantedBug = environment["CTIOS_SIMULATION_PLANTED_BUG"] == "1"
        options.trace = environment["CTIOS_SIMULATION_TRACE"] == "1"
        if environment["CTIOS_SIMULATION_STRICT"] == "1" { options.knownBugs = [] }
        if let text = environment["CTIOS_SIMULATION_SEED"], let seed = UInt64(text) {
            let report = Simulation.run(seed: seed, options: options)
            print(report)
            if report.passed { print("faults:\n\(report.schedule)") }
            #expect(report.passed, "\(report)")
            return
        }
        guard let text = environment["CTIOS_SIMULATION_SEEDS"], let count = UInt64(text), count > 0 else { return }
        let first = environment["CTIOS_SIMULATION_FIRST"].flatMap(UInt64.init) ?? 1
        let workers = environment["CTIOS_SIMULATION_WORKERS"].flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
        let clock = ContinuousClock()
        let start = clock.now
        let summary = await Simulation.run(seeds: first...(first + count - 1), options: options, workers: workers)
        print("simulation: \(summary.ran) seeds (\(first)…\(first + count - 1)) in \(clock.now - start), "
              + "\(summary.failures.count) failed, \(summary.seedsWithKnownBugs.count) hit a known bug "
              + "(\(summary.seedsWithKnownBugs.prefix(20)))")
        for failure in summary.failures.prefix(5) { print(failure) }
        #expect(summary.failures.isEmpty, "failing seeds: \(summary.failures.map(\.seed).prefix(50))")
    }
}
