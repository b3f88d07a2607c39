import CTIOSCore
import CTIOSWire
import CTISimulator
import GED188
import Testing

/// An object store fed every event of seeded generated traffic agrees with the model's truth, object by object,
/// after every step.
struct StoreTrafficTests {
    /// Runs the model for `seconds` in steps of `step`, comparing after each; returns the first disagreement.
    static func run(seed: UInt64, callsPerSecond: Double, seconds: Int = 60, step: Duration = .milliseconds(250))
        throws -> (disagreement: String?, batches: Int, callsSeen: Int) {
        var lab = try StoreLab(traffic: TrafficProfile(callsPerSecond: callsPerSecond), seed: seed)
        var calls = Set<UInt32>()
        var batches = 0
        while lab.center.now < .seconds(seconds) {
            lab.advance(by: step)
            batches += lab.lastBatches.count
            for id in lab.store.snapshot().keys where id.kind == .call { calls.insert(id.callID!) }
            let comparison = lab.comparison()
            if !comparison.isEqual {
                return ("seed \(seed), \(callsPerSecond) calls/s, at \(lab.center.now): \(comparison)", batches, calls.count)
            }
        }
        return (nil, batches, calls.count)
    }

    @Test(arguments: zip([1, 2, 42, 7, 99, 2026] as [UInt64], [0.5, 2, 2, 5, 0.2, 8]))
    func aSeededMinuteOfTrafficAgreesWithTheTruth(seed: UInt64, callsPerSecond: Double) throws {
        let (disagreement, batches, calls) = try Self.run(seed: seed, callsPerSecond: callsPerSecond)
        #expect(disagreement == nil, "\(disagreement ?? "")")
        #expect(batches > 100, "only \(batches) batches")
        #expect(calls > Int(callsPerSecond * 20), "only \(calls) calls seen")
    }

    @Test(arguments: 100..<110 as Range<UInt64>)
    func aSweepOfSeeds(seed: UInt64) throws {
        let (disagreement, _, _) = try Self.run(seed: seed, callsPerSecond: Double(1 + seed % 6), step: .milliseconds(500))
        #expect(disagreement == nil, "\(disagreement ?? "")")
    }

    @Test func sequencesIncreaseByOneAndTheBacklogHoldsThemAll() throws {
        var lab = try StoreLab(traffic: TrafficProfile(callsPerSecond: 3), seed: 5)
        lab.advance(by: .seconds(20))
        let sequences = lab.allBatches.map(\.sequence)
        #expect(sequences == Array(1...UInt64(sequences.count)))
        #expect(lab.store.sequence == UInt64(sequences.count))
        #expect(lab.store.batches(after: 1, sequence: 0) == lab.allBatches)
    }
}
