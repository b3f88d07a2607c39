import CTIOSTestKit
import CTISimulator
import GED188
import Testing

/// A bridge view fed every event of a seeded minute of generated traffic agrees with the model's truth at every
/// step, on every compared field and on the number of events.
struct BridgeViewTrafficTests {
    /// Runs the model for `seconds` of model time in steps of `step`, comparing after each one; returns the first
    /// disagreement (with its time), or `nil`, and the last comparison's counts.
    static func run(seed: UInt64, callsPerSecond: Double, seconds: Int = 60, step: Duration = .milliseconds(100))
        throws -> (disagreement: String?, events: UInt64, callsSeen: Int) {
        var lab = try ModelLab(traffic: TrafficProfile(callsPerSecond: callsPerSecond), seed: seed)
        var callsSeen = Set<UInt32>()
        while lab.center.now < .seconds(seconds) {
            lab.advance(by: step)
            callsSeen.formUnion(lab.view.calls.keys)
            let comparison = lab.comparison()
            if !comparison.isEqual {
                return ("seed \(seed), \(callsPerSecond) calls/s, at model time \(lab.center.now): \(comparison)",
                        lab.view.modelEventCount, callsSeen.count)
            }
        }
        #expect(lab.view.anomalies.isEmpty, "\(lab.view.anomalies)")
        return (nil, lab.view.modelEventCount, callsSeen.count)
    }

    @Test(arguments: zip([1, 2, 42, 7, 99, 2026] as [UInt64], [0.5, 2, 2, 5, 0.2, 8]))
    func aSeededMinuteOfTrafficAgreesWithTheTruth(seed: UInt64, callsPerSecond: Double) throws {
        let (disagreement, events, calls) = try Self.run(seed: seed, callsPerSecond: callsPerSecond)
        #expect(disagreement == nil, "\(disagreement ?? "")")
        #expect(events > 100, "only \(events) events")
        #expect(calls > Int(callsPerSecond * 20), "only \(calls) calls seen")
    }

    @Test(arguments: 100..<120 as Range<UInt64>)
    func aSweepOfSeeds(seed: UInt64) throws {
        let (disagreement, _, _) = try Self.run(seed: seed, callsPerSecond: Double(1 + seed % 6), step: .milliseconds(500))
        #expect(disagreement == nil, "\(disagreement ?? "")")
    }

    @Test func coarseStepsAgreeToo() throws {
        let (disagreement, _, _) = try Self.run(seed: 5, callsPerSecond: 3, step: .seconds(7))
        #expect(disagreement == nil, "\(disagreement ?? "")")
    }

    @Test func theViewCountsEveryModelEvent() throws {
        var lab = try ModelLab(traffic: TrafficProfile(callsPerSecond: 2), seed: 11)
        lab.advance(by: .seconds(30))
        #expect(lab.view.modelEventCount == lab.center.version)
        #expect(lab.view.modelEventCount > 0)
    }
}
