import CTIOSTestKit
import Testing

/// The simulation must find a bug planted in the pair: the primary publishing a batch to its clients before the
/// backup acknowledged it (``CTIOSServer/PairConfiguration/publishesBeforeAcknowledgement``).
struct PlantedBugTests {
    @Test func thePrimaryPublishingBeforeTheBackupAcknowledgesIsFoundWithin1000Seeds() {
        var options = SimulationOptions()
        options.plantedBug = true
        var found: SimulationReport?
        for seed in UInt64(1)...1_000 {
            let report = Simulation.run(seed: seed, options: options)
            if !report.passed {
                found = report
                break
            }
        }
        guard let found else {
            Issue.record("1,000 seeds ran and none found the planted bug")
            return
        }
        print("the planted bug was found by seed \(found.seed) (replay: \(found.replayCommand)):\n\(found)")
        #expect(found.violations.contains { $0.property == .replicationBeforePublication }, "\(found)")
        #expect(found.replayCommand.hasSuffix("--seed \(found.seed) --planted-bug"))
    }
}
